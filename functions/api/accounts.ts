import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { awsPeopleDependencies } from '../adapters/aws-people';
import { awsIdentityProvider } from '../adapters/aws-identity-provider';
import { awsDirectoryStore } from '../adapters/dynamodb-directory-store';
import { assertMayManageAccounts } from '../domain/account';
import { ROUTES } from '../http/contract/routes';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import {
  type AccountDeps,
  changeAccount,
  createAccount,
  getAccount,
  listAccounts,
} from '../services/accounts';
import { handOverDecisions, pendingDecisions } from '../services/decision-handover';

const store = awsCandidateStore();
const directory = awsDirectoryStore();
const { people, approvalLinks } = awsPeopleDependencies();
const now = () => new Date();
// The stack grants this function sending (Api: delivery.grantSend): a replacement is told.
if (!people) throw new Error('MAIL_FROM is not set: the accounts function cannot hand over');
const handover = { store, people, approvalLinks, now };
const deps: AccountDeps = {
  directory,
  provider: awsIdentityProvider(),
  units: store,
  now,
  pendingDecisions: (unitId) => pendingDecisions(handover, unitId),
  handOver: (_unitId, ids, to) => handOverDecisions(handover, ids, to),
};

// A role that may not manage accounts learns that before anything about its request.
const authorize = assertMayManageAccounts;

/**
 * Accounts, managed by the administrators of a subtree:
 *   POST  /accounts        create (Cognito invitation e-mail), roles and unit
 *   GET   /accounts        a unit's accounts, or the holders of a role there (paginated)
 *   GET   /accounts/{id}   one account and its audit trail
 *   PATCH /accounts/{id}   roles, unit, enabled, digest (a last approver needs a replacement)
 */
export const handler = idempotentHttpApi(
  on(ROUTES['POST /accounts'], {
    authorize,
    handle: async ({ caller, body, idempotencyKey }) =>
      json(201, await createAccount(deps, caller, body, idempotencyKey)),
  }),
  on(ROUTES['GET /accounts'], {
    authorize,
    handle: async ({ caller, query }) => json(200, await listAccounts(deps, caller, query)),
  }),
  on(ROUTES['GET /accounts/{id}'], {
    authorize,
    handle: async ({ caller, path: { id } }) => json(200, await getAccount(deps, caller, id)),
  }),
  on(ROUTES['PATCH /accounts/{id}'], {
    authorize,
    handle: async ({ caller, path: { id }, body, idempotencyKey }) =>
      json(200, await changeAccount(deps, caller, id, body, idempotencyKey)),
  }),
);
