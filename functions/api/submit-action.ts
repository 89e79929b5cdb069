import { randomUUID } from 'node:crypto';
import { awsDependencies } from '../adapters/aws-dependencies';
import { parseOrRefuse } from '../domain/parse';
import { type ActionRequest } from '../domain/submission';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { candidateIdOf } from '../http/candidate-id';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { expectedVersionOf, preconditionOnStale } from '../http/if-match';
import { idempotentCommand } from '../http/idempotent-command';
import { jsonBody } from '../http/json-body';
import { json } from '../http/response';
import { submitAction } from '../services/submit-action';

const deps = awsDependencies();

const submit = idempotentCommand<ActionRequest & { candidateId: string; idempotencyKey: string }>(
  async ({ body }, caller) => {
    const { candidateId, idempotencyKey, ...request } = body;
    const accepted = await submitAction(deps, caller, candidateId, request, {
      submissionId: randomUUID(),
      idempotencyKey,
    });
    return json(
      202,
      { status: 'ACCEPTED', ...accepted },
      { location: `/candidates/${candidateId}` },
    );
  },
);

/**
 * POST /candidates/{id}/actions: an officer acts on the candidate's pending step. Accepted
 * actions are applied by the workflow; the candidate shows the result once `version` moves.
 * The version read comes as `expectedVersion` or as `If-Match` (the ETag of GET /candidates/{id}).
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  const candidateId = candidateIdOf(event);
  const idempotencyKey = idempotencyKeyOf(event);
  const body = parseOrRefuse(ROUTES['POST /candidates/{id}/actions'].body.schema, jsonBody(event), {
    code: 'INVALID_BODY',
  });
  const expected = expectedVersionOf(event, body.expectedVersion);
  const request = { ...body, expectedVersion: expected.version };
  return preconditionOnStale(expected, () =>
    submit(
      {
        key: `POST /candidates/${candidateId}/actions ${idempotencyKey}`,
        body: { ...request, candidateId, idempotencyKey },
      },
      caller,
      context,
    ),
  );
});
