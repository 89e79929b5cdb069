import {
  CognitoIdentityProviderClient,
  paginateListUsersInGroup,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { traced } from '../observability/tracer';
import { requiredEnv } from './dynamodb-documents';

/** Someone an approval link can be bound to. */
export interface Approver {
  /** The Cognito `sub`: what the ID token names and the link is bound to. */
  userId: string;
  name?: string;
}

/** The port to whoever knows the approvers of a unit (Cognito; locally the runtime's registry). */
export interface ApproverDirectory {
  approversOf(unitId: string): Promise<Approver[]>;
}

export const APPROVER_GROUP = 'approver';
const UNIT_ATTRIBUTE = 'custom:unit_id';

/**
 * The enabled members of the pool's `approver` group whose `custom:unit_id` is the unit.
 * Cognito cannot filter a group listing by attribute, so every page of the group is read and
 * filtered here (approvers are few: a handful per committee).
 */
export class CognitoApproverDirectory implements ApproverDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async approversOf(unitId: string): Promise<Approver[]> {
    const approvers: Approver[] = [];
    const pages = paginateListUsersInGroup(
      { client: this.client, pageSize: 60 },
      { UserPoolId: this.userPoolId, GroupName: APPROVER_GROUP },
    );
    for await (const page of pages) {
      for (const user of page.Users ?? []) {
        const approver = approverOf(user, unitId);
        if (approver) approvers.push(approver);
      }
    }
    return approvers;
  }
}

function approverOf(user: UserType, unitId: string): Approver | undefined {
  if (user.Enabled === false) return undefined;
  const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;
  const sub = attribute('sub');
  if (!sub || attribute(UNIT_ATTRIBUTE) !== unitId) return undefined;
  const name = attribute('name');
  return { userId: sub, ...(name ? { name } : {}) };
}

/** The directory on the pool the environment names (USER_POOL_ID, set by Identity.grantListApprovers). */
export function awsApproverDirectory(): ApproverDirectory {
  return new CognitoApproverDirectory(
    traced(new CognitoIdentityProviderClient({ maxAttempts: 5 })),
    requiredEnv('USER_POOL_ID'),
  );
}
