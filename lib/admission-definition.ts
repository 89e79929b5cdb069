import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { type Construct } from 'constructs';
import {
  type HumanStage,
  type Phase,
  PHASES,
  type ScheduledStep,
  type StageId,
  successorsOf,
  TERMINAL_STAGES,
  WITHDRAWAL_ERROR,
  WITHDRAWN_STAGE,
} from '../functions/domain/pipeline';

const STALE_EXECUTION_ERROR = 'StaleExecution';
/** The error name of a task payload its handler's schema refuses. */
const MALFORMED_INPUT_ERROR = 'ParseError';
const UNKNOWN_STAGE_ERROR = 'UnknownStage';

const stateNames = {
  resumeFrom: 'ResumeFrom',
  check: (stage: string) => `Check_${stage}`,
  renewed: (stage: string) => `Renewed_${stage}`,
  await: (stage: string) => `Await_${stage}`,
  apply: (stage: string) => `Apply_${stage}`,
  route: (stage: string) => `Route_${stage}`,
  /** The first state of an execution a schedule started: the scheduled step ends (probation). */
  endOf: (step: string) => `End_${step}`,
  readWithdrawal: 'ReadWithdrawal',
  applyWithdrawal: 'Apply_WITHDRAWAL',
  staleExecution: 'StaleExecution',
  unknownStage: 'UnknownStage',
  continuedAsNew: 'ContinuedAsNew',
};

/** Where the check step puts the wait of the next `Await_<stage>` (its TimeoutSecondsPath). */
const WAIT_TIMEOUT_PATH = '$.watch.timeoutSeconds';

/** The functions a phase's states call; `endProbation` only where a schedule starts the phase. */
export interface DefinitionFunctions {
  park: lambda.IFunction;
  apply: lambda.IFunction;
  /** Before each wait and on its timeout: deadline, reminders, escalation, continue-as-new. */
  watch: lambda.IFunction;
  endScheduledStep?: lambda.IFunction;
}

/**
 * Generates the state machine of one phase (admission, or recognition after probation) from the
 * pipeline table: both machines come from here, so they park, apply, withdraw and stop a stale
 * execution the same way. Per human stage of the phase:
 *   Check_<stage> — the stage's deadline against the clock (deadline-watch.ts): sends the
 *                   reminder or escalation that is due, renews an execution near the one-year
 *                   limit, and computes the wait;
 *   Renewed_<stage> — Choice: renewed → `ContinuedAsNew` (the next generation holds the
 *                   candidate), else wait;
 *   Await_<stage> — `.waitForTaskToken` with `TimeoutSecondsPath`: the park function records the
 *                   pending step; an officer's action completes the token (or fails it with
 *                   `Withdrawn`); a timeout goes back to Check_<stage>, never forward;
 *   Apply_<stage> — commits the action (candidate + history, one transaction);
 *   Route_<stage> — Choice on the stage the apply step reports.
 * The entry `ResumeFrom` jumps to any stage, so a restart, the one-year limit or a definition
 * upgrade re-creates an execution from what the candidate item says. A phase with a scheduled
 * entry (recognition) is started by its schedule without `resumeFrom`: it begins at End_<step>,
 * which records the end of the wait and moves the candidate to the phase's first stage.
 */
export function admissionDefinition(
  scope: Construct,
  fns: DefinitionFunctions,
  phase: Phase = PHASES.admission,
): sfn.IChainable {
  const withdrawable = phase.stages.some((s) => s.actions.some((a) => a.delivery === 'fail'));
  const reached = new Set<StageId>([
    ...phase.stages.flatMap(successorsOf),
    ...(withdrawable ? [WITHDRAWN_STAGE] : []),
  ]);
  const terminals = new Map<StageId, sfn.Succeed>(
    TERMINAL_STAGES.filter((t) => reached.has(t.id)).map((t) => [
      t.id,
      new sfn.Succeed(scope, t.id, { comment: t.label }),
    ]),
  );
  // A normal end, not a failure: a duplicate delivery (the schedule's second start, a retried
  // StartExecution) or a superseded generation finds another execution on the item and steps
  // aside. Counted as a succeeded execution, so the failed-executions alarm means a real failure.
  const staleExecution = new sfn.Succeed(scope, stateNames.staleExecution, {
    comment: 'The candidate item names another execution or stage; that one owns it now.',
  });
  // What the generator cannot route (a stage outside the phase) is a defect: it fails, and alarms.
  const unknownStage = new sfn.Fail(scope, stateNames.unknownStage, {
    error: UNKNOWN_STAGE_ERROR,
    cause: 'No state of this phase for the stage requested or reported',
  });

  const readWithdrawal = withdrawable
    ? withdrawalStates(scope, fns.apply, terminals.get(WITHDRAWN_STAGE)!, staleExecution)
    : undefined;

  const continuedAsNew = new sfn.Succeed(scope, stateNames.continuedAsNew, {
    comment: 'Near the one-year limit: a new execution holds the candidate at the same stage.',
  });
  const entries = new Map<StageId, sfn.IChainable>();
  const awaits = new Map<StageId, tasks.LambdaInvoke>();
  for (const stage of phase.stages) {
    const { entry, wait } = watchedWait(scope, stage, fns, {
      withdrawal: readWithdrawal,
      staleExecution,
      continuedAsNew,
    });
    entries.set(stage.id, entry);
    awaits.set(stage.id, wait);
  }

  const stateFor = (id: StageId): sfn.IChainable => entries.get(id) ?? terminals.get(id)!;

  for (const stage of phase.stages) {
    const apply = applyTask(scope, stateNames.apply(stage.id), fns.apply, stage);
    catchStaleExecution(apply, staleExecution);
    awaits.get(stage.id)!.next(apply);
    apply.next(routeChoice(scope, stage, stateFor, unknownStage));
  }

  const resume = new sfn.Choice(scope, stateNames.resumeFrom, {
    comment: 'Start or resume at the stage the candidate item names',
  });
  if (phase.scheduledEntry) {
    // Checked first: a Choice rule on a missing `$.resumeFrom` would fail the execution. Written
    // as Not(IsPresent), which aws-local-stepfunctions 3.0.0 evaluates right (it never matches
    // `IsPresent: false`); AWS reads both the same.
    resume.when(
      sfn.Condition.not(sfn.Condition.isPresent('$.resumeFrom')),
      scheduledEntryTask(scope, phase.scheduledEntry, fns, staleExecution).next(
        entries.get(phase.scheduledEntry.next)!,
      ),
    );
  }
  for (const stage of phase.stages) {
    resume.when(sfn.Condition.stringEquals('$.resumeFrom', stage.id), entries.get(stage.id)!);
  }
  resume.otherwise(unknownStage);
  return resume;
}

/**
 * The wait of one human stage: Check_<stage> → Renewed_<stage> → Await_<stage>, whose timeout
 * wakes Check_<stage> again. `entry` is where a route or `ResumeFrom` enters the stage; `wait` is
 * what the apply step follows.
 */
function watchedWait(
  scope: Construct,
  stage: HumanStage,
  fns: DefinitionFunctions,
  exits: {
    withdrawal: sfn.IChainable | undefined;
    staleExecution: sfn.Succeed;
    continuedAsNew: sfn.IChainable;
  },
): { entry: sfn.IChainable; wait: tasks.LambdaInvoke } {
  const check = new tasks.LambdaInvoke(scope, stateNames.check(stage.id), {
    comment: `Kiểm tra thời hạn: ${stage.label}`,
    lambdaFunction: fns.watch,
    payload: sfn.TaskInput.fromObject({
      candidateId: sfn.JsonPath.stringAt('$.candidateId'),
      stage: stage.id,
      executionName: sfn.JsonPath.executionName,
      executionStartedAt: sfn.JsonPath.executionStartTime,
    }),
    resultSelector: {
      'timeoutSeconds.$': '$.Payload.timeoutSeconds',
      'continuedAsNew.$': '$.Payload.continuedAsNew',
    },
    resultPath: '$.watch',
  });
  retryTransient(check);
  catchStaleExecution(check, exits.staleExecution);

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
    // Read from the state's input (not the Payload): lambda:invoke accepts no extra fields.
    taskTimeout: sfn.Timeout.at(WAIT_TIMEOUT_PATH),
    resultPath: '$.delivery',
  });
  // Parking failed (DynamoDB throttled or unreachable for longer than the SDK's retries): park
  // again, or the candidate would stay PROCESSING until the next resume job. A withdrawal or a
  // stale execution is an answer, not a failure: never retried.
  wait.addRetry({ errors: [WITHDRAWAL_ERROR], maxAttempts: 0 });
  retryTransient(wait);
  if (exits.withdrawal) {
    wait.addCatch(exits.withdrawal, { errors: [WITHDRAWAL_ERROR], resultPath: '$.failure' });
  }
  catchStaleExecution(wait, exits.staleExecution);
  // A timeout is a wake-up call: check the deadline against the clock and wait again.
  wait.addCatch(check, { errors: [sfn.Errors.TIMEOUT], resultPath: sfn.JsonPath.DISCARD });

  check.next(
    new sfn.Choice(scope, stateNames.renewed(stage.id))
      .when(sfn.Condition.booleanEquals('$.watch.continuedAsNew', true), exits.continuedAsNew)
      .otherwise(wait),
  );
  return { entry: check, wait };
}

/** ReadWithdrawal → Apply_WITHDRAWAL → WITHDRAWN, entered from any Await's Catch. */
function withdrawalStates(
  scope: Construct,
  apply: lambda.IFunction,
  withdrawn: sfn.Succeed,
  stale: sfn.Succeed,
): sfn.Pass {
  // SendTaskFailure carries the withdrawal's submission id in its cause string.
  const readWithdrawal = new sfn.Pass(scope, stateNames.readWithdrawal, {
    parameters: {
      'candidateId.$': '$.candidateId',
      'delivery.$': 'States.StringToJson($.failure.Cause)',
    },
  });
  const applyWithdrawal = applyTask(scope, stateNames.applyWithdrawal, apply, undefined);
  readWithdrawal.next(applyWithdrawal);
  applyWithdrawal.next(withdrawn);
  catchStaleExecution(applyWithdrawal, stale);
  return readWithdrawal;
}

/** The schedule's execution adopts the candidate and moves it out of the scheduled wait. */
function scheduledEntryTask(
  scope: Construct,
  step: ScheduledStep,
  fns: DefinitionFunctions,
  stale: sfn.Succeed,
): tasks.LambdaInvoke {
  if (!fns.endScheduledStep) {
    throw new Error(`Phase ${step.phase} starts with ${step.id}: it needs endScheduledStep`);
  }
  const task = new tasks.LambdaInvoke(scope, stateNames.endOf(step.id), {
    comment: `Hết ${step.label.toLowerCase()}`,
    lambdaFunction: fns.endScheduledStep,
    payload: sfn.TaskInput.fromObject({
      candidateId: sfn.JsonPath.stringAt('$.candidateId'),
      executionName: sfn.JsonPath.executionName,
    }),
    resultSelector: {
      'outcome.$': '$.Payload.outcome',
      'nextStage.$': '$.Payload.nextStage',
    },
    resultPath: '$.applied',
  });
  retryTransient(task);
  catchStaleExecution(task, stale);
  return task;
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
  retryTransient(task);
  return task;
}

/**
 * A stale execution must stop at once, and so must a payload its handler refuses (ParseError,
 * functions/observability/lambda-handler.ts: the same payload would be refused again); anything
 * else (throttling, a transient outage) retries.
 */
function retryTransient(task: tasks.LambdaInvoke): void {
  task.addRetry({ errors: [STALE_EXECUTION_ERROR, MALFORMED_INPUT_ERROR], maxAttempts: 0 });
  task.addRetry({
    errors: ['States.TaskFailed'],
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxAttempts: 6,
    jitterStrategy: sfn.JitterType.FULL,
  });
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

function catchStaleExecution(task: tasks.LambdaInvoke, end: sfn.Succeed): void {
  task.addCatch(end, { errors: [STALE_EXECUTION_ERROR], resultPath: '$.failure' });
}
