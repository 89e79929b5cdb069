/**
 * The IAM check of each local AWS endpoint: which action on which resource ARN a request is, in
 * the words of the Service Authorization Reference, and the error that service sends when IAM
 * refuses it (DynamoDB `com.amazon.coral.service#AccessDeniedException`, Step Functions /
 * Secrets Manager / Cognito / Scheduler `AccessDeniedException`, SNS `AuthorizationError` 403 and
 * `KMSAccessDenied` for a key that refuses, SES `AccessDeniedException` 403, S3 `AccessDenied`
 * 403 in XML). Requests signed by no function pass (an operator).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AwsServiceError } from '../aws-json-protocol';
import type { InspectedRequest, ProxyAnswer } from '../fault-proxy';
import type { S3Request } from '../s3-endpoint';
import { S3Error } from '../s3-error';
import type { SchedulerRequest } from '../scheduler-endpoint';
import type { SesSending } from '../ses-endpoint';
import { AccessDenied, type AccessControl, type Caller } from './access-control';
import { dynamoDbChecks } from './dynamodb-requests';

const accessDenied = (error: AccessDenied, status = 400) =>
  new AwsServiceError('AccessDeniedException', error.message, status);

/** Runs `check`; an AccessDenied becomes the service's own error. */
function refuseAs(check: () => void, toError: (denied: AccessDenied) => Error): void {
  try {
    check();
  } catch (error) {
    if (error instanceof AccessDenied) throw toError(error);
    throw error;
  }
}

export function dynamoDbGuard(access: AccessControl) {
  const { region, accountId } = access.permissions;
  return (request: InspectedRequest): ProxyAnswer | undefined => {
    const caller = access.callerOf(request.headers);
    if (!caller) return undefined;
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(request.body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return undefined; // DynamoDB answers the malformed body itself
    }
    try {
      for (const check of dynamoDbChecks(request.operation, input, { region, accountId })) {
        access.authorize({ caller, ...check });
      }
      return undefined;
    } catch (error) {
      if (!(error instanceof AccessDenied)) throw error;
      return {
        status: 400,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-requestid': randomUUID(),
        },
        body: JSON.stringify({
          __type: 'com.amazon.coral.service#AccessDeniedException',
          Message: error.message,
        }),
      };
    }
  };
}

/** `arn:…:execution:Machine:name` → `arn:…:stateMachine:Machine`. */
function stateMachineOfExecution(executionArn: string): string {
  const parts = executionArn.split(':');
  return [...parts.slice(0, 5), 'stateMachine', parts[6]].join(':');
}

export function stepFunctionsGuard(
  access: AccessControl,
  executionOfTaskToken: (token: string) => string | undefined,
) {
  return (request: IncomingMessage, operation: string, input: Record<string, unknown>) => {
    const caller = access.callerOf(request.headers);
    if (!caller) return;
    let resource: string | undefined;
    if (/^SendTask(Success|Failure|Heartbeat)$/.test(operation)) {
      // The Service Authorization Reference lists no resource for these, yet Step Functions
      // authorizes them against the state machine of the token's execution (which is what
      // aws-cdk-lib's grantTaskResponse grants). An unknown token fails on its own, as in AWS.
      const execution = executionOfTaskToken(String(input.taskToken ?? ''));
      if (!execution) return;
      resource = stateMachineOfExecution(execution);
    } else if ('executionArn' in input) {
      resource = String(input.executionArn);
    } else if ('stateMachineArn' in input) {
      resource = String(input.stateMachineArn);
    }
    refuseAs(
      () => access.authorize({ caller, action: `states:${operation}`, resource: resource ?? '*' }),
      (denied) => accessDenied(denied),
    );
  };
}

export function secretsManagerGuard(access: AccessControl) {
  const { permissions } = access;
  return (request: IncomingMessage, operation: string, input: Record<string, unknown>) => {
    const caller = access.callerOf(request.headers);
    if (!caller) return;
    const id = String(input.SecretId ?? '');
    const arn = permissions.secretArns.get(id);
    if (!arn) return; // not a secret of the template: ResourceNotFound follows
    refuseAs(
      () => {
        access.authorize({
          caller,
          action: `secretsmanager:${operation}`,
          resource: arn,
          resourcePolicy: permissions.secretPolicies.get(arn),
        });
        const key = permissions.secretKeys.get(arn);
        if (key && operation === 'GetSecretValue') {
          access.authorizeKey({
            caller,
            keyArn: key,
            actions: ['kms:Decrypt'],
            viaService: `secretsmanager.${permissions.region}.amazonaws.com`,
          });
        }
      },
      (denied) => accessDenied(denied),
    );
  };
}

export function cognitoGuard(access: AccessControl) {
  const { region, accountId } = access.permissions;
  return (request: IncomingMessage, operation: string, input: Record<string, unknown>) => {
    const caller = access.callerOf(request.headers);
    if (!caller) return;
    const pool = String(input.UserPoolId ?? '');
    refuseAs(
      () =>
        access.authorize({
          caller,
          action: `cognito-idp:${operation}`,
          resource: pool ? `arn:aws:cognito-idp:${region}:${accountId}:userpool/${pool}` : '*',
        }),
      (denied) => accessDenied(denied),
    );
  };
}

/** sns:Publish by a role or a service: identity/topic policy, then the topic's KMS key. */
export function authorizePublish(
  access: AccessControl,
  caller: Caller | { service: string },
  topicArn: string,
  context: Record<string, string> = {},
): void {
  const { permissions } = access;
  refuseAs(
    () =>
      access.authorize({
        caller,
        action: 'SNS:Publish',
        resource: topicArn,
        context,
        resourcePolicy: permissions.topicPolicies.get(topicArn),
      }),
    (denied) => new AwsServiceError('AuthorizationError', denied.message, 403),
  );
  const key = permissions.topicKeys.get(topicArn);
  if (!key) return;
  refuseAs(
    () =>
      access.authorizeKey({
        caller,
        keyArn: key,
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        viaService: `sns.${permissions.region}.amazonaws.com`,
        context,
      }),
    (denied) =>
      new AwsServiceError(
        'KMSAccessDenied',
        `${denied.message} (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException)`,
        400,
      ),
  );
}

export function snsGuard(access: AccessControl) {
  return (request: IncomingMessage, action: string, params: URLSearchParams) => {
    const caller = access.callerOf(request.headers);
    if (!caller || action !== 'Publish') return;
    const topicArn = params.get('TopicArn') ?? params.get('TargetArn');
    if (topicArn) authorizePublish(access, caller, topicArn);
  };
}

export function schedulerGuard(access: AccessControl) {
  const { region, accountId } = access.permissions;
  return (request: IncomingMessage, details: SchedulerRequest) => {
    const caller = access.callerOf(request.headers);
    if (!caller) return;
    const resource =
      details.name === undefined
        ? '*'
        : `arn:aws:scheduler:${region}:${accountId}:schedule/${details.groupName}/${details.name}`;
    refuseAs(
      () => {
        access.authorize({ caller, action: `scheduler:${details.operation}`, resource });
        const roleArn = details.input?.Target?.RoleArn;
        if (roleArn) {
          // Handing Scheduler a role is iam:PassRole on that role, for scheduler.amazonaws.com.
          access.authorize({
            caller,
            action: 'iam:PassRole',
            resource: roleArn,
            context: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
          });
        }
      },
      (denied) => accessDenied(denied, 403),
    );
  };
}

/**
 * ses:SendEmail (SESv2) is authorized against each resource the request names: the sending
 * identity (the verified address, or its domain) and, when one is given, the configuration set.
 * SES refuses with AccessDeniedException, 403.
 */
export function sesGuard(access: AccessControl) {
  const { region, accountId } = access.permissions;
  const arn = (type: string, name: string) => `arn:aws:ses:${region}:${accountId}:${type}/${name}`;
  return (request: IncomingMessage, sending: SesSending) => {
    const caller = access.callerOf(request.headers);
    if (!caller) return;
    const resources = [
      arn('identity', sending.identity),
      ...(sending.configurationSet ? [arn('configuration-set', sending.configurationSet)] : []),
    ];
    refuseAs(
      () => {
        for (const resource of resources) {
          access.authorize({ caller, action: 'ses:SendEmail', resource });
        }
      },
      (denied) => accessDenied(denied, 403),
    );
  };
}

/**
 * s3:PutObject / s3:GetObject on the object's ARN (HeadObject is s3:GetObject), by the identity
 * policies of the signer's role and the bucket policy (TLS only: AWS sees HTTPS). A presigned URL
 * is authorized as the function whose key signed it, when it is used.
 */
export function s3Guard(access: AccessControl) {
  return (request: S3Request) => {
    const caller = request.accessKeyId ? access.callerOfKey(request.accessKeyId) : undefined;
    if (!caller) return;
    const action = request.operation === 'PutObject' ? 's3:PutObject' : 's3:GetObject';
    refuseAs(
      () =>
        access.authorize({
          caller,
          action,
          resource: `arn:aws:s3:::${request.bucket}/${request.key}`,
          resourcePolicy: access.permissions.bucketPolicies.get(request.bucket),
        }),
      (denied) => new S3Error('AccessDenied', denied.message, 403),
    );
  };
}
