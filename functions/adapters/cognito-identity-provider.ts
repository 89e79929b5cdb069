import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  paginateListUsers,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { isRole, type Role } from '../domain/roles';
import { requiredEnv } from './dynamodb-documents';
import { traced } from '../observability/tracer';
import { type IdentityProvider, type ProviderUser, UsernameTakenError } from './identity-provider';

const UNIT_ATTRIBUTE = 'custom:unit_id';

function attributesOf(attributes: AttributeType[] | undefined) {
  const value = (name: string) => attributes?.find((a) => a.Name === name)?.Value ?? '';
  return {
    userId: value('sub'),
    email: value('email'),
    name: value('name'),
    unitId: value(UNIT_ATTRIBUTE),
  };
}

/**
 * Cognito user-pool administration with exactly the actions the accounts feature is granted
 * (Identity.grantManageAccounts): AdminCreateUser, AdminGetUser, AdminAddUserToGroup,
 * AdminRemoveUserFromGroup, AdminUpdateUserAttributes, AdminDisableUser, AdminEnableUser,
 * AdminUserGlobalSignOut, AdminListGroupsForUser and ListUsers.
 */
export class CognitoIdentityProvider implements IdentityProvider {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async createUser(input: {
    username: string;
    email: string;
    name: string;
    unitId: string;
    groups: Role[];
  }): Promise<ProviderUser> {
    try {
      await this.cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: input.username,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: input.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: input.name },
            { Name: UNIT_ATTRIBUTE, Value: input.unitId },
          ],
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'UsernameExistsException') throw error;
      const existing = await this.getUser(input.username);
      // The same request, completing after a crash: the user is there, with the same address.
      if (!existing || existing.email.toLowerCase() !== input.email.toLowerCase()) {
        throw new UsernameTakenError(input.username);
      }
    }
    await this.setGroups(input.username, [], input.groups);
    const user = await this.getUser(input.username);
    if (!user) throw new Error(`User ${input.username} vanished after creation`);
    return user;
  }

  async getUser(username: string): Promise<ProviderUser | undefined> {
    try {
      const user = await this.cognito.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }),
      );
      return {
        ...attributesOf(user.UserAttributes),
        username: user.Username ?? username,
        groups: await this.groupsOf(username),
        enabled: user.Enabled !== false,
        createdAt: (user.UserCreateDate ?? new Date()).toISOString(),
      };
    } catch (error) {
      if ((error as Error).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async setGroups(username: string, from: readonly Role[], to: readonly Role[]): Promise<void> {
    for (const group of to.filter((g) => !from.includes(g))) {
      await this.cognito.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: this.userPoolId,
          Username: username,
          GroupName: group,
        }),
      );
    }
    for (const group of from.filter((g) => !to.includes(g))) {
      await this.cognito.send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: this.userPoolId,
          Username: username,
          GroupName: group,
        }),
      );
    }
  }

  async setUnit(username: string, unitId: string): Promise<void> {
    await this.cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        UserAttributes: [{ Name: UNIT_ATTRIBUTE, Value: unitId }],
      }),
    );
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.userPoolId, Username: username };
    if (enabled) {
      await this.cognito.send(new AdminEnableUserCommand(input));
      return;
    }
    await this.cognito.send(new AdminDisableUserCommand(input));
    // A disabled user's refresh tokens would still mint ID tokens until they expire.
    await this.cognito.send(new AdminUserGlobalSignOutCommand(input));
  }

  async *listUsers(): AsyncIterable<ProviderUser> {
    const pages = paginateListUsers(
      { client: this.cognito, pageSize: 60 },
      { UserPoolId: this.userPoolId },
    );
    for await (const page of pages) {
      for (const user of page.Users ?? []) yield await this.fromListing(user);
    }
  }

  private async fromListing(user: UserType): Promise<ProviderUser> {
    const username = user.Username ?? '';
    return {
      ...attributesOf(user.Attributes),
      username,
      groups: await this.groupsOf(username),
      enabled: user.Enabled !== false,
      createdAt: (user.UserCreateDate ?? new Date()).toISOString(),
    };
  }

  private async groupsOf(username: string): Promise<Role[]> {
    const groups: Role[] = [];
    let NextToken: string | undefined;
    do {
      const page = await this.cognito.send(
        new AdminListGroupsForUserCommand({
          UserPoolId: this.userPoolId,
          Username: username,
          Limit: 60,
          ...(NextToken ? { NextToken } : {}),
        }),
      );
      for (const g of page.Groups ?? [])
        if (g.GroupName && isRole(g.GroupName)) groups.push(g.GroupName);
      NextToken = page.NextToken;
    } while (NextToken);
    return groups;
  }
}

/** The provider on the pool the environment names (USER_POOL_ID, Identity.grantManageAccounts). */
export function cognitoIdentityProvider(): IdentityProvider {
  return new CognitoIdentityProvider(
    traced(new CognitoIdentityProviderClient({ maxAttempts: 5 })),
    requiredEnv('USER_POOL_ID'),
  );
}
