/**
 * IAM enforcement as the local runtime plugs it in: one object that hands each part of the
 * runtime its hook (function credentials, the DynamoDB proxy's inspector, each endpoint's guard,
 * the service-to-service paths). Switched off (`iam: false` or ADMISSION_LOCAL_IAM=off, for
 * diagnosis only) every hook is absent or a pass-through.
 */
import type { InspectedRequest, ProxyAnswer } from '../fault-proxy';
import type { StartExecution } from '../local-scheduler';
import type { LocalSchedule } from '../schedules';
import type { InvokeFunction } from '../step-functions';
import type { CfnTemplate, Resolve } from '../template';
import { AccessDenied, createAccessControl, type AccessControl } from './access-control';
import {
  authorizeRuleInvoke,
  authorizeScheduleTarget,
  authorizeStateMachineInvoke,
  functionArnFor,
} from './service-paths';
import {
  cognitoGuard,
  dynamoDbGuard,
  s3Guard,
  schedulerGuard,
  secretsManagerGuard,
  sesGuard,
  snsGuard,
  stepFunctionsGuard,
} from './service-guards';
import { readTemplatePermissions } from './template-permissions';

const LOCAL_IAM_ENV = 'ADMISSION_LOCAL_IAM';

/** On unless the option or ADMISSION_LOCAL_IAM=off says otherwise. */
export function localIamEnabled(option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  return (process.env[LOCAL_IAM_ENV] ?? 'on').toLowerCase() !== 'off';
}

/** What a task sees when its role may not invoke the function (Step Functions' error name). */
function lambdaAccessDenied(denied: AccessDenied): Error {
  const error = new Error(
    `${denied.message} (Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException)`,
  );
  error.name = 'Lambda.AWSLambdaException';
  return error;
}

export interface IamEnforcement {
  access?: AccessControl;
  envFor?: (logicalId: string, functionName: string) => Record<string, string>;
  inspectDynamoDb?: (request: InspectedRequest) => ProxyAnswer | undefined;
  guards: {
    sfn?: ReturnType<typeof stepFunctionsGuard>;
    secretsManager?: ReturnType<typeof secretsManagerGuard>;
    cognito?: ReturnType<typeof cognitoGuard>;
    sns?: ReturnType<typeof snsGuard>;
    scheduler?: ReturnType<typeof schedulerGuard>;
    ses?: ReturnType<typeof sesGuard>;
    s3?: ReturnType<typeof s3Guard>;
  };
  /** Sets the Step Functions guard once the service exists (it resolves task tokens). */
  bindStepFunctions(executionOfTaskToken: (token: string) => string | undefined): void;
  /** The state machines' path to the functions. */
  guardStateMachineInvoke(invoke: InvokeFunction): InvokeFunction;
  /** Scheduler's path to its targets (one-time schedules start executions). */
  guardScheduleStart(start: StartExecution): StartExecution;
  /** A rule of the default bus invoking a function with an event that matched it. */
  guardRuleInvoke(
    invoke: (arn: string, event: unknown) => Promise<unknown>,
  ): (ruleArn: string, targetArn: string, event: unknown) => Promise<unknown>;
  /** The template's rules and schedules invoking functions. */
  guardScheduledInvoke(
    invoke: (arn: string, event: unknown) => Promise<unknown>,
  ): (arn: string, event: unknown, schedule: LocalSchedule) => Promise<unknown>;
}

export function createIamEnforcement(input: {
  template: CfnTemplate;
  resolve: Resolve;
  enabled: boolean;
  log?: (line: string) => void;
}): IamEnforcement {
  if (!input.enabled) {
    return {
      guards: {},
      bindStepFunctions: () => undefined,
      guardStateMachineInvoke: (invoke) => invoke,
      guardScheduleStart: (start) => start,
      guardRuleInvoke: (invoke) => (_rule, arn, event) => invoke(arn, event),
      guardScheduledInvoke: (invoke) => (arn, event) => invoke(arn, event),
    };
  }
  const access = createAccessControl(
    readTemplatePermissions(input.template, input.resolve),
    // A denial is what a developer must see, verbose or not.
    input.log ?? ((line) => process.stderr.write(`${line}\n`)),
  );
  const { region, accountId } = access.permissions;
  const guards: IamEnforcement['guards'] = {
    secretsManager: secretsManagerGuard(access),
    cognito: cognitoGuard(access),
    sns: snsGuard(access),
    scheduler: schedulerGuard(access),
    ses: sesGuard(access),
    s3: s3Guard(access),
  };
  return {
    access,
    envFor: (logicalId, functionName) => access.credentialsFor(logicalId, functionName),
    inspectDynamoDb: dynamoDbGuard(access),
    guards,
    bindStepFunctions: (executionOfTaskToken) => {
      guards.sfn = stepFunctionsGuard(access, executionOfTaskToken);
    },
    guardStateMachineInvoke: (invoke) => async (fn, payload, caller) => {
      if (caller) {
        try {
          authorizeStateMachineInvoke(access, { ...caller, functionNameOrArn: fn });
        } catch (error) {
          throw error instanceof AccessDenied ? lambdaAccessDenied(error) : error;
        }
      }
      return invoke(fn, payload, caller);
    },
    guardScheduleStart: (start) => (execution, schedule) => {
      if (schedule) {
        authorizeScheduleTarget(access, {
          roleArn: schedule.roleArn,
          groupName: schedule.groupName,
          scheduleName: schedule.arn.split('/').pop() ?? 'schedule',
          action: 'states:StartExecution',
          target: execution.stateMachineArn,
        });
      }
      return start(execution, schedule);
    },
    guardRuleInvoke: (invoke) => async (ruleArn, arn, event) => {
      authorizeRuleInvoke(access, { ruleArn, functionArn: functionArnFor(arn, region, accountId) });
      return invoke(arn, event);
    },
    guardScheduledInvoke: (invoke) => async (arn, event, schedule) => {
      const functionArn = functionArnFor(arn, region, accountId);
      if (schedule.source === 'events') {
        authorizeRuleInvoke(access, { ruleArn: schedule.sourceArn, functionArn });
      } else if (schedule.roleArn) {
        authorizeScheduleTarget(access, {
          roleArn: schedule.roleArn,
          groupName: schedule.sourceArn.split('/').pop() ?? 'default',
          scheduleName: schedule.name,
          action: 'lambda:InvokeFunction',
          target: functionArn,
        });
      }
      return invoke(arn, event);
    },
  };
}
