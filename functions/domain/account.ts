import { builtOnFirstUse } from './built-on-first-use';
import * as z from 'zod';
import { type Caller } from './caller';
import { refuse } from './refusal';
import { type Role, ROLE_LABELS, ROLES } from './roles';

/**
 * An officer's account as the system keeps it: who they are, which roles they hold at which unit,
 * whether they may sign in, and how they are reached. Cognito holds the sign-in; the directory
 * (DynamoDB) holds this, written with every change together with its audit event.
 */
export interface Account {
  /** The Cognito `sub`: what tokens name, links are bound to and deliveries are filed under. */
  userId: string;
  username: string;
  email: string;
  name: string;
  unitId: string;
  roles: Role[];
  enabled: boolean;
  /** The daily digest "Việc cần làm hôm nay" (on unless the person turned it off). */
  digest: boolean;
  /** Set when SES reported a bounce or a complaint for the address: nothing more is sent. */
  deliveryProblem?: { kind: 'BOUNCE' | 'COMPLAINT'; at: string; detail?: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a directory lookup returns: enough to address a person, nothing more. */
export interface DirectoryEntry {
  userId: string;
  name: string;
  email: string;
  unitId: string;
  role: Role;
  digest: boolean;
}

export type AccountEventType =
  | 'ACCOUNT_CREATED'
  | 'ROLES_CHANGED'
  | 'ACCOUNT_MOVED'
  | 'ACCOUNT_DISABLED'
  | 'ACCOUNT_ENABLED'
  | 'DIGEST_CHANGED'
  | 'APPROVER_REPLACED'
  | 'DELIVERY_PROBLEM'
  | 'RECONCILED';

/** One audit event per change: who did what to which account, before and after. */
export interface AccountEvent {
  userId: string;
  at: string;
  type: AccountEventType;
  by?: { userId: string; name: string; unitId: string; sourceIp?: string; userAgent?: string };
  before?: Partial<Pick<Account, 'roles' | 'unitId' | 'enabled' | 'digest'>>;
  after?: Partial<Pick<Account, 'roles' | 'unitId' | 'enabled' | 'digest'>>;
  replacementUserId?: string;
  reason?: string;
  idempotencyKey?: string;
}

/**
 * How much a role may do, for "no one grants more than they hold": an operations viewer only
 * reads, officers act on their stages, approvers decide, administrators manage people and units.
 */
const ROLE_RANK: Record<Role, number> = {
  'ops-viewer': 0,
  'cell-officer': 1,
  'committee-officer': 2,
  approver: 3,
  admin: 4,
};

const rolesSchema = builtOnFirstUse(() =>
  z
    .array(z.enum(ROLES))
    .min(1)
    .max(ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, {
      message: 'Mỗi vai trò chỉ ghi một lần | Each role at most once',
    })
    .meta({ description: 'Vai trò (nhóm Cognito) / Roles (Cognito groups)' }),
);

const personName = builtOnFirstUse(() => z.string().trim().min(2).max(100));
const unitId = builtOnFirstUse(() => z.string().trim().min(1).max(64));
const userId = builtOnFirstUse(() => z.string().trim().min(1).max(128));

export const accountCreateSchema = builtOnFirstUse(() =>
  z.strictObject({
    email: z.email().max(254).meta({ description: 'Thư điện tử nhận lời mời / Invitation e-mail' }),
    name: personName().meta({ description: 'Họ và tên / Full name' }),
    unitId: unitId().meta({ description: 'Đơn vị công tác / Unit' }),
    roles: rolesSchema(),
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{3,64}$/)
      .optional()
      .meta({
        description:
          'Tên đăng nhập (mặc định: thư điện tử) / Username (default: the e-mail address)',
      }),
    digest: z.boolean().default(true).meta({
      description:
        'Nhận bản tin "Việc cần làm hôm nay" (mặc định: có) / Receive the daily digest (default: yes)',
    }),
  }),
);
export type AccountCreate = z.infer<ReturnType<typeof accountCreateSchema>>;

export const accountChangeSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      roles: rolesSchema().optional(),
      unitId: unitId().optional().meta({ description: 'Chuyển sang đơn vị / Move to unit' }),
      enabled: z.boolean().optional().meta({
        description: 'false: khóa tài khoản; true: mở lại / false disables, true re-enables',
      }),
      digest: z.boolean().optional(),
      replacementUserId: userId().optional().meta({
        description:
          'Người thay thế khi đây là người quyết định cuối cùng của đơn vị (nhận các hồ sơ đang chờ) / The replacement when this is the last approver of the unit (takes over pending decisions)',
      }),
      reason: z.string().trim().min(1).max(500).optional(),
    })
    .refine(
      (c) =>
        c.roles !== undefined ||
        c.unitId !== undefined ||
        c.enabled !== undefined ||
        c.digest !== undefined,
      { message: 'Cần ít nhất một thay đổi | At least one change is required', path: ['roles'] },
    ),
);
export type AccountChange = z.infer<ReturnType<typeof accountChangeSchema>>;

/** Administrators manage the accounts of their subtree; every other role is refused (403). */
export function assertMayManageAccounts(caller: Caller): Role {
  if (!caller.roles.includes('admin')) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Chỉ quản trị viên được quản lý tài khoản',
      message_en: 'Only an administrator may manage accounts',
    });
  }
  return 'admin';
}

/** Nobody grants a role above the highest they hold themselves. */
export function assertMayGrant(callerRoles: readonly Role[], granted: readonly Role[]): void {
  const own = Math.max(-1, ...callerRoles.map((r) => ROLE_RANK[r]));
  const above = granted.filter((r) => ROLE_RANK[r] > own);
  if (above.length) {
    refuse('forbidden', {
      code: 'ROLE_ABOVE_OWN',
      message: `Không được cấp vai trò cao hơn vai trò của mình: ${above.map((r) => ROLE_LABELS[r].vi).join(', ')}`,
      message_en: `You may not grant a role above your own: ${above.map((r) => ROLE_LABELS[r].en).join(', ')}`,
      field: 'roles',
      details: { roles: above },
    });
  }
}

/** An administrator does not disable, demote or move themselves out (no self-lockout). */
export function assertNotSelf(caller: Caller, target: Account, change: AccountChange): void {
  if (caller.userId !== target.userId) return;
  const losesAdmin = change.roles !== undefined && !change.roles.includes('admin');
  if (change.enabled === false || losesAdmin || change.unitId !== undefined) {
    refuse('rule', {
      code: 'ACCOUNT_SELF_CHANGE',
      message: 'Không tự khóa, tự hạ quyền hay tự chuyển tài khoản của chính mình',
      message_en: 'You may not disable, demote or move your own account',
      field: change.enabled === false ? 'enabled' : change.unitId ? 'unitId' : 'roles',
    });
  }
}

/** The account after the change (what the directory and Cognito must say). */
export function applyChange(account: Account, change: AccountChange, at: string): Account {
  return {
    ...account,
    ...(change.roles ? { roles: [...change.roles] } : {}),
    ...(change.unitId ? { unitId: change.unitId } : {}),
    ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
    ...(change.digest !== undefined ? { digest: change.digest } : {}),
    version: account.version + 1,
    updatedAt: at,
  };
}

/** Does this change take away an approver of `account.unitId` (disabled, demoted or moved)? */
export function removesApprover(before: Account, after: Account): boolean {
  const wasApprover = before.enabled && before.roles.includes('approver');
  const stays = after.enabled && after.roles.includes('approver') && after.unitId === before.unitId;
  return wasApprover && !stays;
}

/** The event type that best names a change (the event records before and after anyway). */
export function eventTypeOf(before: Account, after: Account): AccountEventType {
  if (before.enabled && !after.enabled) return 'ACCOUNT_DISABLED';
  if (!before.enabled && after.enabled) return 'ACCOUNT_ENABLED';
  if (before.unitId !== after.unitId) return 'ACCOUNT_MOVED';
  if (before.roles.join() !== after.roles.join()) return 'ROLES_CHANGED';
  return 'DIGEST_CHANGED';
}

/** The part of an account an audit event keeps (no e-mail: the event is read by auditors). */
export function auditedStateOf(
  account: Account,
): Pick<Account, 'roles' | 'unitId' | 'enabled' | 'digest'> {
  const { roles, unitId, enabled, digest } = account;
  return { roles: [...roles], unitId, enabled, digest };
}

/** What the API shows of an account. */
export function accountView(account: Account) {
  const { userId, username, email, name, unitId, roles, enabled, digest, version } = account;
  return {
    userId,
    username,
    email,
    name,
    unitId,
    roles,
    enabled,
    digest,
    version,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    ...(account.deliveryProblem ? { deliveryProblem: account.deliveryProblem } : {}),
  };
}
