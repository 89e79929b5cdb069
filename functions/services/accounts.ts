import { createHash } from 'node:crypto';
import { AccountConflictError, type DirectoryStore } from '../adapters/directory-store';
import {
  type IdentityProvider,
  type ProviderUser,
  UsernameTakenError,
} from '../adapters/identity-provider';
import {
  type Account,
  type AccountChange,
  type AccountCreate,
  type AccountEvent,
  accountView,
  applyChange,
  assertMayGrant,
  assertMayManageAccounts,
  assertNotSelf,
  auditedStateOf,
  eventTypeOf,
  removesApprover,
} from '../domain/account';
import { isInScope } from '../domain/access';
import { type Caller } from '../domain/caller';
import { type OrgUnit } from '../domain/org-unit';
import { refuse } from '../domain/refusal';
import { type Role } from '../domain/roles';
import { unitNotFound } from '../domain/unit-not-found';
import { vietnamDateOf } from '../domain/vietnam-time';

export interface AccountDeps {
  directory: DirectoryStore;
  provider: IdentityProvider;
  units: { getUnit(id: string, on: string): Promise<OrgUnit | undefined> };
  /** Files waiting for a unit's approvers (the decision stages of its work queue). */
  pendingDecisions: (unitId: string) => Promise<string[]>;
  /** Sends the pending decisions of a unit to a newly named approver (links and deliveries). */
  handOver: (unitId: string, candidateIds: string[], to: Account) => Promise<void>;
  now: () => Date;
}

/** The actor part of an audit event: who, from where. */
function byOf(caller: Caller): NonNullable<AccountEvent['by']> {
  const { userId, name, unitId, sourceIp, userAgent } = caller;
  return { userId, name, unitId, sourceIp, userAgent };
}

function accountNotFound(userId: string): never {
  return refuse('not-found', {
    code: 'ACCOUNT_NOT_FOUND',
    message: `Không tìm thấy tài khoản ${userId}`,
    message_en: `Account ${userId} not found`,
    field: 'id',
  });
}

async function unitInScope(deps: AccountDeps, caller: Caller, unitId: string, field: string) {
  const unit = await deps.units.getUnit(unitId, vietnamDateOf(deps.now()));
  if (!unit || !isInScope(caller, unit.path)) return unitNotFound(unitId, field);
  if (unit.retiredOn) {
    refuse('rule', {
      code: 'UNIT_RETIRED',
      message: `${unit.name} đã giải thể; không thể gắn tài khoản vào đơn vị này`,
      message_en: `${unit.name} is retired; no account can be bound to it`,
      field,
    });
  }
  return unit;
}

/** An account the caller administers: inside their subtree, else the same 404 as a missing one. */
async function accountInScope(deps: AccountDeps, caller: Caller, userId: string) {
  const account = await deps.directory.getAccount(userId);
  if (!account) return accountNotFound(userId);
  const unit = await deps.units.getUnit(account.unitId, vietnamDateOf(deps.now()));
  if (!unit || !isInScope(caller, unit.path)) return accountNotFound(userId);
  return account;
}

/** `an.nguyen` + a short hash of the address: the same e-mail always gives the same username. */
export function usernameFor(email: string): string {
  const local = email
    .split('@')[0]
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9._-]/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 6);
  return `${local || 'user'}-${hash}`;
}

function conflict(error: unknown): never {
  if (error instanceof AccountConflictError && error.reason === 'EMAIL_TAKEN') {
    return refuse('conflict', {
      code: 'ACCOUNT_EMAIL_TAKEN',
      message: 'Thư điện tử này đã gắn với một tài khoản khác',
      message_en: 'This e-mail address already belongs to another account',
      field: 'email',
    });
  }
  if (error instanceof AccountConflictError) {
    return refuse('conflict', {
      code: 'CONCURRENT_UPDATE',
      message: 'Tài khoản vừa được thay đổi bởi người khác; hãy tải lại',
      message_en: 'The account was just changed by someone else; reload it',
    });
  }
  throw error;
}

/** The account as the provider has it (a new account's first version). */
function accountOf(user: ProviderUser, digest: boolean, at: string): Account {
  return {
    userId: user.userId,
    username: user.username,
    email: user.email,
    name: user.name,
    unitId: user.unitId,
    roles: [...user.groups],
    enabled: user.enabled,
    digest,
    version: 1,
    createdAt: user.createdAt || at,
    updatedAt: at,
  };
}

/** POST /accounts: creates the user in Cognito (invitation e-mail), then the directory entry. */
export async function createAccount(
  deps: AccountDeps,
  caller: Caller,
  input: AccountCreate,
  idempotencyKey: string,
) {
  assertMayManageAccounts(caller);
  assertMayGrant(caller.roles, input.roles);
  await unitInScope(deps, caller, input.unitId, 'unitId');
  const owner = await deps.directory.accountIdByEmail(input.email);
  if (owner) conflict(new AccountConflictError('EMAIL_TAKEN'));
  const username = input.username ?? usernameFor(input.email);
  let user: ProviderUser;
  try {
    user = await deps.provider.createUser({
      username,
      email: input.email,
      name: input.name,
      unitId: input.unitId,
      groups: input.roles,
    });
  } catch (error) {
    if (!(error instanceof UsernameTakenError)) throw error;
    return refuse('conflict', {
      code: 'ACCOUNT_USERNAME_TAKEN',
      message: `Tên đăng nhập ${username} đã có người dùng`,
      message_en: `The username ${username} is taken`,
      field: 'username',
    });
  }
  const at = deps.now().toISOString();
  const account = accountOf(user, input.digest, at);
  try {
    await deps.directory.saveAccount(undefined, account, {
      userId: account.userId,
      at,
      type: 'ACCOUNT_CREATED',
      by: byOf(caller),
      after: auditedStateOf(account),
      idempotencyKey,
    });
  } catch (error) {
    conflict(error);
  }
  return accountView(account);
}

/**
 * Changes roles, unit, enabled or digest. The last approver of a unit cannot be taken away while
 * files await the unit's decision, unless a replacement of that unit is named: the replacement
 * becomes an approver there (if not one already) and receives the pending decisions.
 */
export async function changeAccount(
  deps: AccountDeps,
  caller: Caller,
  userId: string,
  change: AccountChange,
  idempotencyKey: string,
) {
  assertMayManageAccounts(caller);
  const before = await accountInScope(deps, caller, userId);
  assertNotSelf(caller, before, change);
  if (change.roles) assertMayGrant(caller.roles, change.roles);
  if (change.unitId && change.unitId !== before.unitId) {
    await unitInScope(deps, caller, change.unitId, 'unitId');
  }
  const at = deps.now().toISOString();
  const after = applyChange(before, change, at);
  const replacement = removesApprover(before, after)
    ? await replacementFor(deps, caller, before, change)
    : undefined;

  // Cognito first: the directory then records what sign-in already enforces. A crash between
  // the two leaves drift that a retry (same Idempotency-Key) or directory:reconcile completes.
  if (after.unitId !== before.unitId) await deps.provider.setUnit(before.username, after.unitId);
  if (after.roles.join() !== before.roles.join()) {
    await deps.provider.setGroups(before.username, before.roles, after.roles);
  }
  if (after.enabled !== before.enabled) {
    await deps.provider.setEnabled(before.username, after.enabled);
  }
  try {
    await deps.directory.saveAccount(before, after, {
      userId,
      at,
      type: eventTypeOf(before, after),
      by: byOf(caller),
      before: auditedStateOf(before),
      after: auditedStateOf(after),
      ...(replacement ? { replacementUserId: replacement.account.userId } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
      idempotencyKey,
    });
  } catch (error) {
    conflict(error);
  }
  if (replacement) {
    await deps.handOver(before.unitId, replacement.pending, replacement.account);
  }
  return {
    ...accountView(after),
    ...(replacement
      ? {
          replacement: {
            userId: replacement.account.userId,
            pendingHandedOver: replacement.pending.length,
          },
        }
      : {}),
  };
}

/**
 * When the account is the unit's last approver and files await the unit's decision: the named
 * replacement (an enabled account of the same unit, made approver there), else a refusal.
 */
async function replacementFor(
  deps: AccountDeps,
  caller: Caller,
  before: Account,
  change: AccountChange,
): Promise<{ account: Account; pending: string[] } | undefined> {
  const others = (await deps.directory.holdersOf(before.unitId, 'approver')).filter(
    (h) => h.userId !== before.userId,
  );
  const pending = await deps.pendingDecisions(before.unitId);
  if (!change.replacementUserId) {
    if (others.length || pending.length === 0) return undefined;
    return refuse('rule', {
      code: 'LAST_APPROVER',
      message: `Đây là người quyết định cuối cùng của đơn vị ${before.unitId} trong khi còn ${pending.length} hồ sơ chờ quyết định; hãy chỉ định người thay thế (replacementUserId)`,
      message_en: `This is the last approver of ${before.unitId} while ${pending.length} file(s) await its decision; name a replacement (replacementUserId)`,
      field: 'replacementUserId',
      details: { unitId: before.unitId, pending: pending.length },
    });
  }
  const candidate = await deps.directory.getAccount(change.replacementUserId);
  if (
    !candidate ||
    candidate.userId === before.userId ||
    !candidate.enabled ||
    candidate.unitId !== before.unitId
  ) {
    return refuse('rule', {
      code: 'REPLACEMENT_INVALID',
      message: 'Người thay thế phải là một tài khoản đang hoạt động khác, cùng đơn vị',
      message_en: 'The replacement must be another enabled account of the same unit',
      field: 'replacementUserId',
    });
  }
  assertMayGrant(caller.roles, ['approver']);
  let account = candidate;
  if (!candidate.roles.includes('approver')) {
    const roles: Role[] = [...candidate.roles, 'approver'];
    await deps.provider.setGroups(candidate.username, candidate.roles, roles);
    const at = deps.now().toISOString();
    account = applyChange(candidate, { roles }, at);
    try {
      await deps.directory.saveAccount(candidate, account, {
        userId: candidate.userId,
        at,
        type: 'APPROVER_REPLACED',
        by: byOf(caller),
        before: auditedStateOf(candidate),
        after: auditedStateOf(account),
        reason: `Thay ${before.userId} / replaces ${before.userId}`,
      });
    } catch (error) {
      conflict(error);
    }
  }
  return { account, pending };
}

/** GET /accounts?unit=&role=: a unit's accounts (with `role`, its enabled holders of it). */
export async function listAccounts(
  deps: AccountDeps,
  caller: Caller,
  query: { unit?: string; role?: Role; limit: number; cursor?: string },
) {
  assertMayManageAccounts(caller);
  const unitId = query.unit ?? caller.unitId;
  await unitInScope(deps, caller, unitId, 'unit');
  const page = await deps.directory.listAccounts({
    unitId,
    role: query.role,
    limit: query.limit,
    cursor: query.cursor,
  });
  return {
    unit: unitId,
    ...(query.role ? { role: query.role } : {}),
    items: page.items.map(accountView),
    ...(page.cursor ? { nextCursor: page.cursor } : {}),
  };
}

/** GET /accounts/{id}: the account and its latest audit events. */
export async function getAccount(deps: AccountDeps, caller: Caller, userId: string) {
  assertMayManageAccounts(caller);
  const account = await accountInScope(deps, caller, userId);
  return { ...accountView(account), history: await deps.directory.accountEvents(userId, 50) };
}

/**
 * Makes the directory say what the provider says about one user (the reconcile tool, and the
 * local runtime for users created outside the product). Idempotent: an account that already
 * matches is left alone; returns what was done.
 */
export async function reconcileUser(
  deps: Pick<AccountDeps, 'directory' | 'now'>,
  user: ProviderUser,
): Promise<'created' | 'updated' | 'unchanged'> {
  if (!user.userId || !user.unitId) return 'unchanged';
  const at = deps.now().toISOString();
  const before = await deps.directory.getAccount(user.userId);
  const after: Account = before
    ? {
        ...before,
        username: user.username,
        email: user.email,
        name: user.name,
        unitId: user.unitId,
        roles: [...user.groups],
        enabled: user.enabled,
      }
    : accountOf(user, true, at);
  if (before && JSON.stringify(after) === JSON.stringify(before)) return 'unchanged';
  const saved = before ? { ...after, version: before.version + 1, updatedAt: at } : after;
  await deps.directory.saveAccount(before, saved, {
    userId: user.userId,
    at,
    type: 'RECONCILED',
    ...(before ? { before: auditedStateOf(before) } : {}),
    after: auditedStateOf(saved),
  });
  return before ? 'updated' : 'created';
}
