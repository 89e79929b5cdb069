import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import {
  HumanStage,
  PIPELINE,
  StageId,
  successorsOf,
  CORRECTION_ONLY_STAGES,
  TERMINAL_STAGES,
  WITHDRAWAL_ERROR,
} from '../functions/domain/pipeline';

export const STALE_EXECUTION_ERROR = 'StaleExecution';

export const stateNames = {
  resumeFrom: 'ResumeFrom',
  await: (stage: string) => `Await_${stage}`,
  apply: (stage: string) => `Apply_${stage}`,
  route: (stage: string) => `Route_${stage}`,
  readWithdrawal: 'ReadWithdrawal',
  applyWithdrawal: 'Apply_WITHDRAWAL',
  staleExecution: 'StaleExecution',
};

/**
 * Generates the admission state machine from the pipeline table. Per human stage:
 *   Await_<stage> — `.waitForTaskToken`: the park function records the pending step; an
 *                   officer's action completes the token (or fails it with `Withdrawn`);
 *   Apply_<stage> — commits the action (candidate + history, one transaction);
 *   Route_<stage> — Choice on the stage the apply step reports.
 * The entry `ResumeFrom` jumps to any stage, so a restart, the one-year limit or a definition
 * upgrade re-creates an execution from what the candidate item says.
 */
export function admissionDefinition(
  scope: Construct,
  fns: { park: lambda.IFunction; apply: lambda.IFunction },
): sfn.IChainable {
  const terminals = new Map<StageId, sfn.Succeed>(
    TERMINAL_STAGES.filter((t) => !CORRECTION_ONLY_STAGES.includes(t.id)).map((t) => [
      t.id,
      new sfn.Succeed(scope, t.id, { comment: t.label }),
    ]),
  );
  const staleExecution = new sfn.Fail(scope, stateNames.staleExecution, {
    error: STALE_EXECUTION_ERROR,
    causePath: '$.failure.Cause',
    comment: 'The candidate item names another execution or stage; the resume job owns it now.',
  });

  // SendTaskFailure carries the withdrawal's submission id in its cause string.
  const readWithdrawal = new sfn.Pass(scope, stateNames.readWithdrawal, {
    parameters: {
      'candidateId.$': '$.candidateId',
      'delivery.$': 'States.StringToJson($.failure.Cause)',
    },
  });
  const applyWithdrawal = applyTask(scope, stateNames.applyWithdrawal, fns.apply, undefined);
  readWithdrawal.next(applyWithdrawal);
  applyWithdrawal.next(terminals.get('WITHDRAWN')!);
  catchStaleExecution(applyWithdrawal, staleExecution);

  const awaits = new Map<StageId, tasks.LambdaInvoke>();
  for (const stage of PIPELINE) {
    const wait = new tasks.LambdaInvoke(scope, stateNames.await(stage.id), {
      comment: stage.label,
      lambdaFunction: fns.park,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        candidateId: sfn.JsonPath.stringAt('$.candidateId'),
        stage: stage.id,
        taskToken: sfn.JsonPath.taskToken,
        executionArn: sfn.JsonPath.executionId,
        executionName: sfn.JsonPath.executionName,
      }),
      resultPath: '$.delivery',
    });
    // Parking failed (DynamoDB throttled or unreachable for longer than the SDK's retries): park
    // again, or the candidate would stay PROCESSING until the next resume job. A withdrawal or a
    // stale execution is an answer, not a failure: never retried.
    wait.addRetry({ errors: [WITHDRAWAL_ERROR, STALE_EXECUTION_ERROR], maxAttempts: 0 });
    wait.addRetry({
      errors: ['States.TaskFailed'],
      interval: Duration.seconds(1),
      backoffRate: 2,
      maxAttempts: 6,
      jitterStrategy: sfn.JitterType.FULL,
    });
    wait.addCatch(readWithdrawal, { errors: [WITHDRAWAL_ERROR], resultPath: '$.failure' });
    catchStaleExecution(wait, staleExecution);
    awaits.set(stage.id, wait);
  }

  const stateFor = (id: StageId): sfn.IChainable => awaits.get(id) ?? terminals.get(id)!;

  for (const stage of PIPELINE) {
    const apply = applyTask(scope, stateNames.apply(stage.id), fns.apply, stage);
    catchStaleExecution(apply, staleExecution);
    awaits.get(stage.id)!.next(apply);
    apply.next(routeChoice(scope, stage, stateFor, staleExecution));
  }

  const resume = new sfn.Choice(scope, stateNames.resumeFrom, {
    comment: 'Start or resume at the stage the candidate item names',
  });
  for (const stage of PIPELINE) {
    resume.when(sfn.Condition.stringEquals('$.resumeFrom', stage.id), awaits.get(stage.id)!);
  }
  resume.otherwise(staleExecution);
  return resume;
}

function applyTask(
  scope: Construct,
  name: string,
  fn: lambda.IFunction,
  stage: HumanStage | undefined,
): tasks.LambdaInvoke {
  const task = new tasks.LambdaInvoke(scope, name, {
    comment: stage ? `Ghi nhận: ${stage.label}` : 'Ghi nhận rút khỏi quy trình',
    lambdaFunction: fn,
    payload: sfn.TaskInput.fromObject({
      candidateId: sfn.JsonPath.stringAt('$.candidateId'),
      ...(stage ? { stage: stage.id } : {}),
      submissionId: sfn.JsonPath.stringAt('$.delivery.submissionId'),
    }),
    resultSelector: {
      'outcome.$': '$.Payload.outcome',
      'nextStage.$': '$.Payload.nextStage',
    },
    resultPath: '$.applied',
  });
  // A stale execution must stop at once; anything else (throttling, a transient outage) retries.
  task.addRetry({ errors: [STALE_EXECUTION_ERROR], maxAttempts: 0 });
  task.addRetry({
    errors: ['States.TaskFailed'],
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxAttempts: 6,
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}

function routeChoice(
  scope: Construct,
  stage: HumanStage,
  stateFor: (id: StageId) => sfn.IChainable,
  fallback: sfn.Fail,
): sfn.Choice {
  const route = new sfn.Choice(scope, stateNames.route(stage.id));
  for (const next of successorsOf(stage)) {
    route.when(sfn.Condition.stringEquals('$.applied.nextStage', next), stateFor(next));
  }
  return route.otherwise(fallback);
}

function catchStaleExecution(task: tasks.LambdaInvoke, fail: sfn.Fail): void {
  task.addCatch(fail, { errors: [STALE_EXECUTION_ERROR], resultPath: '$.failure' });
}
