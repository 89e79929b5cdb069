import type { ProviderUser } from '../../functions/adapters/identity-provider';
import { isRole } from '../../functions/domain/roles';
import type { RegisteredUser } from './user-registry';

/** A user of the local pool as the identity-provider port describes Cognito's users. */
export function providerUserOf(user: RegisteredUser): ProviderUser {
  return {
    userId: user.sub,
    username: user.username ?? user.sub,
    email: user.email ?? '',
    name: user.name,
    unitId: user.unitId,
    groups: user.groups.filter(isRole),
    enabled: user.enabled !== false,
    createdAt: user.createdAt,
  };
}
