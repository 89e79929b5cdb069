import { randomUUID } from 'node:crypto';
import { awsDependencies } from '../adapters/aws-dependencies';
import { signingKey } from '../adapters/signing-key';
import { parseOrRefuse } from '../domain/parse';
import { type ApprovalDecisionRequest } from '../http/approval-contract';
import { approvalIdOf } from '../http/approval-id';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { idempotentCommand } from '../http/idempotent-command';
import { jsonBody } from '../http/json-body';
import { json } from '../http/response';
import { decideThroughApproval } from '../services/approvals';

const deps = { ...awsDependencies(), signingKey: () => signingKey() };

const decide = idempotentCommand<
  ApprovalDecisionRequest & { approvalId: string; idempotencyKey: string }
>(async ({ body }, caller) => {
  const { approvalId, idempotencyKey, ...request } = body;
  const decided = await decideThroughApproval(deps, caller, approvalId, request, {
    submissionId: randomUUID(),
    idempotencyKey,
  });
  return json(200, decided, { 'cache-control': 'no-store' });
});

/**
 * POST /approvals/{approvalId}/decision: the approver's decision through the link, recorded once
 * (a second click answers 409 with `details.decision`) and handed to the workflow like any action.
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  const approvalId = approvalIdOf(event);
  const idempotencyKey = idempotencyKeyOf(event);
  const request = parseOrRefuse(
    ROUTES['POST /approvals/{approvalId}/decision'].body.schema,
    jsonBody(event),
    {
      code: 'INVALID_BODY',
    },
  );
  return decide(
    {
      key: `POST /approvals/${approvalId}/decision ${idempotencyKey}`,
      body: { ...request, approvalId, idempotencyKey },
    },
    caller,
    context,
  );
});
