/**
 * The users the local issuer has issued tokens for, standing in for the Cognito pool's user list
 * (what the local Cognito endpoint's ListUsersInGroup answers from). Every token issued, by the
 * runtime's `POST /local/tokens` or by `npm run token`, registers its user: the latest token of a
 * `sub` decides its name, groups and unit.
 *
 * With a data directory the registry is `<dataDir>/users.jsonl`, one JSON line per change,
 * appended (so `npm run token` in another process and the runtime share it: `list()` reads the
 * file again); without one it lives in memory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RegisteredUser {
  sub: string;
  name: string;
  groups: string[];
  unitId: string;
  username?: string;
  email?: string;
  /** False once an admin disabled the user (AdminDisableUser): no token is issued for them. */
  enabled?: boolean;
  /** `FORCE_CHANGE_PASSWORD` for a user created by AdminCreateUser, else `CONFIRMED`. */
  status?: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

type UserInput = Omit<RegisteredUser, 'createdAt' | 'updatedAt'>;

export interface UserRegistry {
  register(user: UserInput): void;
  /** Every known user, latest registration of each `sub`, in first-registration order. */
  list(): RegisteredUser[];
  /** The user whose sub, username or e-mail (an alias) this is. */
  find(nameOrAlias: string): RegisteredUser | undefined;
  readonly file?: string;
}

const USERS_FILE = 'users.jsonl';

export function createUserRegistry(
  options: { dataDir?: string; now?: () => Date } = {},
): UserRegistry {
  const now = options.now ?? (() => new Date());
  const file = options.dataDir ? path.join(path.resolve(options.dataDir), USERS_FILE) : undefined;
  const memory = new Map<string, RegisteredUser>();
  const current = (): Map<string, RegisteredUser> => (file ? load(file) : memory);

  return {
    file,
    list: () => [...current().values()],
    find(nameOrAlias) {
      const users = [...current().values()];
      return (
        users.find((u) => u.sub === nameOrAlias || (u.username ?? u.sub) === nameOrAlias) ??
        users.find((u) => u.email !== undefined && u.email === nameOrAlias.toLowerCase())
      );
    },
    register(input) {
      const users = current();
      const before = users.get(input.sub);
      if (before && same(before, input)) return;
      const at = now().toISOString();
      const user: RegisteredUser = {
        sub: input.sub,
        name: input.name,
        groups: [...input.groups],
        unitId: input.unitId,
        ...(input.username ? { username: input.username } : {}),
        ...(input.email ? { email: input.email } : {}),
        enabled: input.enabled ?? before?.enabled ?? true,
        status: input.status ?? before?.status ?? 'CONFIRMED',
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
      };
      if (file) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // One write per line: a line cut by a crash is skipped when read, and never glued to.
        const torn = fs.existsSync(file) && !fs.readFileSync(file, 'utf8').endsWith('\n');
        fs.appendFileSync(file, `${torn ? '\n' : ''}${JSON.stringify(user)}\n`, { mode: 0o600 });
      } else {
        memory.set(user.sub, user);
      }
    },
  };
}

function same(user: RegisteredUser, input: UserInput): boolean {
  return (
    user.name === input.name &&
    user.unitId === input.unitId &&
    user.username === input.username &&
    user.email === input.email &&
    (input.enabled === undefined || input.enabled === user.enabled) &&
    (input.status === undefined || input.status === user.status) &&
    JSON.stringify(user.groups) === JSON.stringify(input.groups)
  );
}

function load(file: string): Map<string, RegisteredUser> {
  const users = new Map<string, RegisteredUser>();
  if (!fs.existsSync(file)) return users;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const user = JSON.parse(line) as RegisteredUser;
      if (typeof user.sub === 'string' && Array.isArray(user.groups)) users.set(user.sub, user);
    } catch {
      // A line cut short by a crash mid-write.
    }
  }
  return users;
}
