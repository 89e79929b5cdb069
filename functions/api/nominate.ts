import { awsDependencies } from '../adapters/aws-dependencies';
import { awsNotifierOnFirstUse } from '../adapters/aws-notifier-on-first-use';
import { signingKey } from '../adapters/signing-key';
import { assertMayNominate } from '../domain/access';
import { protectNationalId } from '../domain/nomination';
import { candidateView } from '../http/candidate-view';
import { ROUTES } from '../http/contract/routes';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { nominateCandidate } from '../services/nominate-candidate';

// The notifier refers a nomination that meets an open file the officer cannot see.
const deps = { ...awsDependencies(), notifier: awsNotifierOnFirstUse() };

/** POST /candidates: a cell nominates an outstanding person. */
export const handler = idempotentHttpApi(
  on(ROUTES['POST /candidates'], {
    // A role that may not nominate learns that before anything about its request.
    authorize: assertMayNominate,
    // The ID number is masked and fingerprinted before the request is hashed or stored.
    prepare: async (request) => protectNationalId(request, await signingKey()),
    handle: async ({ caller, body, idempotencyKey }) => {
      const candidate = await nominateCandidate(deps, caller, body, idempotencyKey);
      return json(201, candidateView(candidate), { location: `/candidates/${candidate.id}` });
    },
  }),
);
