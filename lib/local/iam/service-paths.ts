/**
 * Calls that AWS services make on the stack's behalf, decided as AWS decides them:
 * - a state machine invokes a function: Step Functions assumes the state machine's role
 *   (trust policy, `aws:SourceArn` = the state machine) and the role needs lambda:InvokeFunction
 *   on the function ARN as the task names it (qualified ARNs included);
 * - EventBridge Scheduler assumes the schedule's role with `aws:SourceArn` = the schedule GROUP
 *   ARN and `aws:SourceAccount`, then calls the target with that role's permissions;
 * - an EventBridge rule invokes a function: the function's resource policy
 *   (`AWS::Lambda::Permission`) must allow events.amazonaws.com from that rule;
 * - a CloudWatch alarm publishes to its actions' topics: the topic policy must allow
 *   cloudwatch.amazonaws.com (`aws:SourceArn` = the alarm) and the key policy must let CloudWatch
 *   use the topic's key.
 * A refusal throws AccessDenied (recorded in the denial log).
 */
import type { AccessControl } from './access-control';
import { authorizePublish } from './service-guards';

/** A function name, partial or full ARN (qualified or not) → the ARN Lambda authorizes. */
export function functionArnFor(nameOrArn: string, region: string, accountId: string): string {
  if (nameOrArn.startsWith('arn:')) return nameOrArn;
  return `arn:aws:lambda:${region}:${accountId}:function:${nameOrArn}`;
}

const unqualified = (functionArn: string) => functionArn.split(':').slice(0, 7).join(':');

export function authorizeStateMachineInvoke(
  access: AccessControl,
  input: { stateMachineArn: string; executionArn: string; functionNameOrArn: string },
): void {
  const { region, accountId } = access.permissions;
  const roleArn = access.permissions.stateMachineRoles.get(input.stateMachineArn);
  if (!roleArn) return; // a state machine the template does not declare (unit tests)
  const session = access.assumeRole({
    roleArn,
    service: 'states.amazonaws.com',
    sessionName: input.executionArn.split(':').pop() ?? 'execution',
    context: { 'aws:SourceArn': input.stateMachineArn, 'aws:SourceAccount': accountId },
  });
  const functionArn = functionArnFor(input.functionNameOrArn, region, accountId);
  access.authorize({
    caller: session,
    action: 'lambda:InvokeFunction',
    resource: functionArn,
    resourcePolicy: access.permissions.functionPolicies.get(unqualified(functionArn)),
  });
}

export function authorizeScheduleTarget(
  access: AccessControl,
  input: {
    roleArn: string;
    groupName: string;
    scheduleName: string;
    action: string;
    target: string;
  },
): void {
  const { region, accountId } = access.permissions;
  const session = access.assumeRole({
    roleArn: input.roleArn,
    service: 'scheduler.amazonaws.com',
    sessionName: input.scheduleName.slice(0, 64),
    context: {
      'aws:SourceArn': `arn:aws:scheduler:${region}:${accountId}:schedule-group/${input.groupName}`,
      'aws:SourceAccount': accountId,
    },
  });
  access.authorize({
    caller: session,
    action: input.action,
    resource: input.target,
    ...(input.action === 'lambda:InvokeFunction'
      ? { resourcePolicy: access.permissions.functionPolicies.get(unqualified(input.target)) }
      : {}),
  });
}

export function authorizeRuleInvoke(
  access: AccessControl,
  input: { ruleArn: string; functionArn: string },
): void {
  access.authorize({
    caller: { service: 'events.amazonaws.com' },
    action: 'lambda:InvokeFunction',
    resource: input.functionArn,
    context: { 'aws:SourceArn': input.ruleArn, 'aws:SourceAccount': access.permissions.accountId },
    resourcePolicy: access.permissions.functionPolicies.get(unqualified(input.functionArn)),
  });
}

/** The topics an alarm's actions publish to, each authorized as CloudWatch's publication. */
export function authorizeAlarmActions(access: AccessControl, alarmArn: string): string[] {
  const actions = access.permissions.alarmActions.get(alarmArn);
  if (!actions) throw new Error(`Alarm ${alarmArn} is not in the template.`);
  const topics = actions.filter((arn) => arn.startsWith('arn:aws:sns:'));
  for (const topicArn of topics) {
    authorizePublish(access, { service: 'cloudwatch.amazonaws.com' }, topicArn, {
      'aws:SourceArn': alarmArn,
      'aws:SourceAccount': access.permissions.accountId,
    });
  }
  return topics;
}
