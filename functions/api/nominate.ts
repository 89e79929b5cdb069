import { awsDependencies } from '../adapters/aws-dependencies';
import { awsNotifier } from '../adapters/sns-notifier';
import { assertMayNominate } from '../domain/access';
import { type Nomination, protectNationalId } from '../domain/nomination';
import { signingKey } from '../adapters/signing-key';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { candidateView } from '../http/candidate-view';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { idempotentCommand } from '../http/idempotent-command';
import { jsonBody } from '../http/json-body';
import { json } from '../http/response';
import { nominateCandidate } from '../services/nominate-candidate';

// The notifier refers a nomination that meets an open file the officer cannot see.
const deps = { ...awsDependencies(), notifier: awsNotifier() };

const nominate = idempotentCommand<Nomination & { idempotencyKey: string }>(
  async ({ body }, caller) => {
    const { idempotencyKey, ...nomination } = body;
    const candidate = await nominateCandidate(deps, caller, nomination, idempotencyKey);
    return json(201, candidateView(candidate), { location: `/candidates/${candidate.id}` });
  },
);

/** POST /candidates: a cell nominates an outstanding person. */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  // A role that may not nominate learns that before anything about its request.
  assertMayNominate(caller);
  const idempotencyKey = idempotencyKeyOf(event);
  const request = parseOrRefuse(ROUTES['POST /candidates'].body.schema, jsonBody(event), {
    code: 'INVALID_BODY',
  });
  const nomination = protectNationalId(request, await signingKey());
  return nominate(
    { key: `POST /candidates ${idempotencyKey}`, body: { ...nomination, idempotencyKey } },
    caller,
    context,
  );
});
