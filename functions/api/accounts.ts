import { awsCandidateStore } from '../adapters/aws-dependencies';
import { awsPeopleDependencies } from '../adapters/aws-people';
import { awsIdentityProvider } from '../adapters/cognito-identity-provider';
import { awsDirectoryStore } from '../adapters/dynamodb-directory-store';
import type { AccountChange, AccountCreate } from '../domain/account';
import { assertMayManageAccounts } from '../domain/account';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { idempotentCommand } from '../http/idempotent-command';
import { jsonBody } from '../http/json-body';
import { json } from '../http/response';
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

const create = idempotentCommand<{ account: AccountCreate; key: string }>(
  async ({ body }, caller) => json(201, await createAccount(deps, caller, body.account, body.key)),
);
const change = idempotentCommand<{ id: string; change: AccountChange; key: string }>(
  async ({ body }, caller) =>
    json(200, await changeAccount(deps, caller, body.id, body.change, body.key)),
);

/**
 * Accounts, managed by the administrators of a subtree:
 *   POST  /accounts        create (Cognito invitation e-mail), roles and unit
 *   GET   /accounts        a unit's accounts, or the holders of a role there (paginated)
 *   GET   /accounts/{id}   one account and its audit trail
 *   PATCH /accounts/{id}   roles, unit, enabled, digest (a last approver needs a replacement)
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  // A role that may not manage accounts learns that before anything about its request.
  assertMayManageAccounts(caller);
  switch (event.routeKey) {
    case 'POST /accounts': {
      const key = idempotencyKeyOf(event);
      const account = parseOrRefuse(ROUTES['POST /accounts'].body.schema, jsonBody(event), {
        code: 'INVALID_BODY',
      });
      return create({ key: `POST /accounts ${key}`, body: { account, key } }, caller, context);
    }
    case 'PATCH /accounts/{id}': {
      const key = idempotencyKeyOf(event);
      const { id } = parseOrRefuse(
        ROUTES['PATCH /accounts/{id}'].params,
        event.pathParameters ?? {},
        {
          code: 'INVALID_PATH',
        },
      );
      const body = parseOrRefuse(ROUTES['PATCH /accounts/{id}'].body.schema, jsonBody(event), {
        code: 'INVALID_BODY',
      });
      return change(
        { key: `PATCH /accounts/${id} ${key}`, body: { id, change: body, key } },
        caller,
        context,
      );
    }
    case 'GET /accounts/{id}': {
      const { id } = parseOrRefuse(
        ROUTES['GET /accounts/{id}'].params,
        event.pathParameters ?? {},
        {
          code: 'INVALID_PATH',
        },
      );
      return json(200, await getAccount(deps, caller, id));
    }
    default: {
      const query = parseOrRefuse(
        ROUTES['GET /accounts'].query,
        event.queryStringParameters ?? {},
        {
          code: 'INVALID_QUERY',
        },
      );
      return json(200, await listAccounts(deps, caller, query));
    }
  }
});
