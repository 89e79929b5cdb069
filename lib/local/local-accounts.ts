import type { ProviderUser } from '../../functions/adapters/identity-provider';
import { isRole } from '../../functions/domain/roles';
import type { RegisteredUser } from './user-registry';

/**
 * A user of the local pool as the identity-provider port describes Cognito's users. The pool
 * requires an e-mail; a user who only ever got a token (tests, `npm run token`) is given a
 * reserved `.invalid` address so that mail to them lands in the local inbox like anyone's.
 */
export function providerUserOf(user: RegisteredUser): ProviderUser {
  return {
    userId: user.sub,
    username: user.username ?? user.sub,
    email: user.email ?? `${user.username ?? user.sub}@users.local.invalid`,
    name: user.name,
    unitId: user.unitId,
    groups: user.groups.filter(isRole),
    enabled: user.enabled !== false,
    createdAt: user.createdAt,
  };
}
