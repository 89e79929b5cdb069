import { type Role } from '../domain/roles';

/** A user as the identity provider knows them (Cognito: attributes and groups). */
export interface ProviderUser {
  userId: string;
  username: string;
  email: string;
  name: string;
  unitId: string;
  groups: Role[];
  enabled: boolean;
  createdAt: string;
}

/** The username is taken by someone else than the account being created. */
export class UsernameTakenError extends Error {
  readonly name = 'UsernameTakenError';
}

/**
 * The port to the sign-in side of accounts (Cognito; locally the runtime's Cognito endpoint):
 * the product creates, regroups, moves, disables and re-enables users, and the reconcile tool
 * reads them all.
 */
export interface IdentityProvider {
  /**
   * Creates the user and sends the invitation (temporary password by e-mail). A user of that
   * username with that e-mail already there is the same request completing: it is returned.
   */
  createUser(input: {
    username: string;
    email: string;
    name: string;
    unitId: string;
    groups: Role[];
  }): Promise<ProviderUser>;
  getUser(username: string): Promise<ProviderUser | undefined>;
  setGroups(username: string, from: readonly Role[], to: readonly Role[]): Promise<void>;
  setUnit(username: string, unitId: string): Promise<void>;
  /** Disabling also signs the user out everywhere (refresh tokens revoked). */
  setEnabled(username: string, enabled: boolean): Promise<void>;
  /** Every user, page by page (the reconcile tool). */
  listUsers(): AsyncIterable<ProviderUser>;
}
