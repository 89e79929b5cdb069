/**
 * IAM as the local runtime enforces it. Each function runs with credentials of its own (an access
 * key id that names its execution role's session), every local AWS endpoint reads the SigV4
 * `Credential` of a request to find the caller, and each call is decided against the template's
 * policies (lib/local/iam/template-permissions.ts) with lib/local/iam/policy-evaluator.ts.
 * Service-to-service calls (a state machine invoking a function, Scheduler assuming its role, a
 * rule invoking a function, an alarm publishing to a topic) are decided here too.
 *
 * Requests whose credentials belong to no function are an operator's (tests, `npm run
 * workflow:migrate`…): an administrator, not evaluated. Every denial is recorded (`denials()`,
 * `GET /local/iam/denials`).
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  decideAccess,
  type AccessDecision,
  type PolicyDocument,
  type RequestPrincipal,
  type ResourcePolicyMode,
} from './policy-evaluator';
import type { RoleDefinition, TemplatePermissions } from './template-permissions';

/** A function's role session, as AWS names it. */
export interface Caller {
  principal: Extract<RequestPrincipal, { kind: 'role' }>;
  /** Function name, or the service that assumed the role. */
  sessionName: string;
}

export interface Denial {
  at: string;
  /** The session ARN or service principal that was refused. */
  principal: string;
  action: string;
  resource: string;
  reason: NonNullable<AccessDecision['reason']>;
  message: string;
}

interface AccessCheck {
  caller: Caller | { service: string };
  action: string;
  resource: string;
  context?: Record<string, string | string[] | undefined>;
  resourcePolicy?: PolicyDocument;
  mode?: ResourcePolicyMode;
}

/** A refusal: `message` is AWS's wording; the endpoint wraps it in its protocol's error. */
export class AccessDenied extends Error {
  override name = 'AccessDeniedException';
  constructor(readonly denial: Denial) {
    super(denial.message);
  }
}

export interface AccessControl {
  readonly permissions: TemplatePermissions;
  /** Environment of a function: its own credentials. */
  credentialsFor(functionLogicalId: string, functionName: string): Record<string, string>;
  /** The function whose credentials signed the request; undefined for an operator. */
  callerOf(headers: IncomingHttpHeaders): Caller | undefined;
  /** The function whose access key this is (a presigned URL names it in its query). */
  callerOfKey(accessKeyId: string): Caller | undefined;
  /** The secret access key of a function's access key id (S3 verifies presigned URLs with it). */
  secretOf(accessKeyId: string): string | undefined;
  /** A role session of `roleArn` (a state machine's or Scheduler's). */
  sessionOf(roleArn: string, sessionName: string): Caller;
  /** Throws AccessDenied (and records it) unless AWS would allow the request. */
  authorize(check: AccessCheck): void;
  /** The role's trust policy must let `service` assume it with this request context. */
  assumeRole(input: {
    roleArn: string;
    service: string;
    sessionName: string;
    context: Record<string, string>;
  }): Caller;
  /** `kms:<action>` on `keyArn` for `caller` through `viaService` (key policy + identity). */
  authorizeKey(input: {
    caller: Caller | { service: string };
    keyArn: string;
    actions: string[];
    viaService?: string;
    context?: Record<string, string>;
  }): void;
  denials(): Denial[];
  clearDenials(): void;
}

/** Lambda's credentials are temporary (ASIA…); one stable key per function. */
export function accessKeyIdFor(functionLogicalId: string): string {
  const digest = createHash('sha256').update(functionLogicalId).digest('hex').toUpperCase();
  return `ASIA${digest.slice(0, 16)}`;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, …` → AKID. */
function accessKeyIdOf(headers: IncomingHttpHeaders): string | undefined {
  const authorization = String(headers.authorization ?? '');
  return /Credential=([^/,\s]+)\//.exec(authorization)?.[1];
}

const MAX_DENIALS = 1000;

export function createAccessControl(
  permissions: TemplatePermissions,
  log?: (line: string) => void,
): AccessControl {
  const callersByKey = new Map<string, Caller>();
  const secretsByKey = new Map<string, string>();
  const recorded: Denial[] = [];
  const { accountId } = permissions;

  const roleOf = (roleArn: string): RoleDefinition => {
    const role = permissions.roles.get(roleArn);
    if (!role) throw new Error(`Role ${roleArn} is not in the template.`);
    return role;
  };

  const sessionOf = (roleArn: string, sessionName: string): Caller => {
    const role = roleOf(roleArn);
    return {
      sessionName,
      principal: {
        kind: 'role',
        accountId,
        roleArn: role.arn,
        sessionArn: `arn:aws:sts::${accountId}:assumed-role/${role.name}/${sessionName}`,
      },
    };
  };

  const deny = (
    check: Pick<AccessCheck, 'caller' | 'action' | 'resource'>,
    reason: Denial['reason'],
  ): never => {
    const who =
      'principal' in check.caller ? check.caller.principal.sessionArn : check.caller.service;
    const because = {
      explicitDenyIdentity: 'with an explicit deny in an identity-based policy',
      explicitDenyResource: 'with an explicit deny in a resource-based policy',
      noIdentityAllow: `because no identity-based policy allows the ${check.action} action`,
      noResourceAllow: `because no resource-based policy allows the ${check.action} action`,
    }[reason];
    const denial: Denial = {
      at: new Date().toISOString(),
      principal: who,
      action: check.action,
      resource: check.resource,
      reason,
      message: `User: ${who} is not authorized to perform: ${check.action} on resource: ${check.resource} ${because}`,
    };
    recorded.push(denial);
    log?.(`[iam] AccessDenied: ${denial.message}`);
    if (recorded.length > MAX_DENIALS) recorded.shift();
    throw new AccessDenied(denial);
  };

  const authorize = (check: AccessCheck): void => {
    const principal: RequestPrincipal =
      'principal' in check.caller
        ? check.caller.principal
        : { kind: 'service', service: check.caller.service };
    const identityPolicies =
      principal.kind === 'role' ? roleOf(principal.roleArn).identityPolicies : [];
    const decision = decideAccess({
      request: {
        principal,
        action: check.action,
        resource: check.resource,
        // The SDK in Lambda calls AWS over HTTPS; the local hop over http is not what AWS sees.
        context: {
          'aws:SecureTransport': 'true',
          'aws:PrincipalAccount': accountId,
          ...(principal.kind === 'role' ? { 'aws:PrincipalArn': principal.roleArn } : {}),
          ...check.context,
        },
      },
      identityPolicies,
      resourcePolicy: check.resourcePolicy,
      mode: check.mode,
    });
    if (!decision.allowed) deny(check, decision.reason!);
  };

  return {
    permissions,
    credentialsFor: (functionLogicalId, functionName) => {
      const roleArn = permissions.functionRoles.get(functionLogicalId);
      if (!roleArn) throw new Error(`Function ${functionLogicalId} has no role in the template.`);
      const key = accessKeyIdFor(functionLogicalId);
      callersByKey.set(key, sessionOf(roleArn, functionName));
      secretsByKey.set(key, `local-secret-${functionLogicalId}`);
      return {
        AWS_ACCESS_KEY_ID: key,
        AWS_SECRET_ACCESS_KEY: secretsByKey.get(key)!,
        AWS_SESSION_TOKEN: `local-session-${functionLogicalId}`,
      };
    },
    callerOf: (headers) => {
      const key = accessKeyIdOf(headers);
      return key === undefined ? undefined : callersByKey.get(key);
    },
    callerOfKey: (accessKeyId) => callersByKey.get(accessKeyId),
    secretOf: (accessKeyId) => secretsByKey.get(accessKeyId),
    sessionOf,
    authorize,
    assumeRole: ({ roleArn, service, sessionName, context }) => {
      const role = roleOf(roleArn);
      authorize({
        caller: { service },
        action: 'sts:AssumeRole',
        resource: role.arn,
        context,
        resourcePolicy: role.trustPolicy,
        mode: 'mustAllow',
      });
      return sessionOf(roleArn, sessionName);
    },
    authorizeKey: ({ caller, keyArn, actions, viaService, context }) => {
      const keyPolicy = permissions.keyPolicies.get(keyArn);
      if (!keyPolicy) return; // an AWS managed key: its policy allows the account's services
      for (const action of actions) {
        authorize({
          caller,
          action,
          resource: keyArn,
          context: {
            'kms:CallerAccount': accountId,
            ...(viaService ? { 'kms:ViaService': viaService } : {}),
            ...context,
          },
          resourcePolicy: keyPolicy,
          mode: 'mustAllow',
        });
      }
    },
    denials: () => recorded.map((d) => ({ ...d })),
    clearDenials: () => {
      recorded.length = 0;
    },
  };
}
