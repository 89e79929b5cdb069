import { ArnFormat, Duration, Stack, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { PHASES } from '../functions/domain/pipeline';
import { admissionDefinition } from './admission-definition';
import { acknowledgeWildcard, arnTokenOf } from './constructs/acknowledge-wildcard';
import { AdmissionFunction } from './constructs/admission-function';
import { DataKey } from './data-key';
import type { Delivery } from './delivery';
import { type Notifications } from './notifications';
import { ScheduleDeadLetters } from './schedule-dead-letters';
import type { SigningSecret } from './secrets';
import { type Storage } from './storage';

/**
 * The two state machines generated from the pipeline table — admission, and recognition after
 * probation (started by the probation schedule) — the functions their states call, and the
 * resume job that keeps every in-flight candidate attached to a live execution of its phase.
 */
export class Workflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  /** Known before the state machine exists, so functions it calls can be granted on it without a cycle. */
  readonly stateMachineArn: string;
  /** The recognition workflow: cell review, grassroots review, decision → OFFICIAL or REMOVED. */
  readonly recognitionStateMachine: sfn.StateMachine;
  readonly recognitionStateMachineArn: string;
  /** Where the one-time probation schedules live (one per probationary member). */
  readonly probationSchedules: scheduler.ScheduleGroup;
  /** The role EventBridge Scheduler assumes to start the recognition workflow, and nothing else. */
  readonly probationSchedulerRole: iam.Role;
  /** Probation wake-ups the scheduler could not deliver. */
  readonly scheduleDeadLetters: ScheduleDeadLetters;
  /** The park step: it also notifies, and issues approvers their links. */
  readonly park: AdmissionFunction;
  /** The deadline watch: reminders and escalations, with links for the approvers told. */
  readonly watch: AdmissionFunction;
  private readonly stateMachineName: string;
  private readonly recognitionStateMachineName: string;

  constructor(
    scope: Construct,
    id: string,
    props: { storage: Storage; notifications: Notifications },
  ) {
    super(scope, id);
    const stack = Stack.of(this);
    const stateMachineName = `${stack.stackName}-admission`;
    this.stateMachineName = stateMachineName;
    this.stateMachineArn = stateMachineArnOf(stack, stateMachineName);
    this.recognitionStateMachineName = `${stack.stackName}-recognition`;
    this.recognitionStateMachineArn = stateMachineArnOf(stack, this.recognitionStateMachineName);

    const park = new AdmissionFunction(this, 'ParkAtStage', {
      entry: 'workflow/park-at-stage.ts',
      description: 'Records the pending human step a candidate waits at',
    });
    this.park = park;
    const apply = new AdmissionFunction(this, 'ApplyTransition', {
      entry: 'workflow/apply-transition.ts',
      description: 'Commits an accepted action: candidate and history event in one transaction',
    });
    const endProbation = new AdmissionFunction(this, 'EndProbation', {
      entry: 'workflow/end-probation.ts',
      description:
        'Started by the probation schedule: records the end of probation for recognition',
    });
    const watch = (this.watch = new AdmissionFunction(this, 'WatchDeadline', {
      entry: 'workflow/watch-at-stage.ts',
      description:
        'Before and after each wait: deadline against the clock, reminders and escalations, renewal near the one-year limit',
    }));
    props.storage.grantWriteCandidates(park);
    props.storage.grantWriteCandidates(apply);
    props.storage.grantWriteCandidates(endProbation);
    props.storage.grantWriteCandidates(watch);
    // Parking a candidate tells the people who must act; an overdue step reminds and escalates.
    props.notifications.grantPublish(park);
    props.notifications.grantPublish(watch);
    // Renewal near the one-year limit starts the next generation on the machine of the stage's
    // phase, named by its known ARN (a grant on the state machine itself would be a cycle).
    watch.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [this.stateMachineArn, this.recognitionStateMachineArn],
      }),
    );
    this.bindStateMachine(watch);
    watch.addEnvironment('RECOGNITION_STATE_MACHINE_ARN', this.recognitionStateMachineArn);
    this.bindStateMachine(park);
    this.bindStateMachine(apply);
    // A parked step may already have its answer (recorded before parking or before a restart).
    park.addToRolePolicy(this.taskResponseStatement());

    const logGroup = new logs.LogGroup(this, 'StateMachineLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      encryptionKey: DataKey.of(this),
    });
    const stateMachine = (id: string, name: string, definition: sfn.IChainable) =>
      new sfn.StateMachine(this, id, {
        stateMachineName: name,
        stateMachineType: sfn.StateMachineType.STANDARD,
        definitionBody: sfn.DefinitionBody.fromChainable(definition),
        tracingEnabled: true,
        // Execution data holds ids, stages and outcomes only; personal data stays in DynamoDB.
        logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
      });
    this.stateMachine = stateMachine(
      'AdmissionStateMachine',
      stateMachineName,
      admissionDefinition(this, { park, apply, watch }),
    );
    // Same generator, the recognition phase's stages; its states live in their own scope.
    this.recognitionStateMachine = stateMachine(
      'RecognitionStateMachine',
      this.recognitionStateMachineName,
      admissionDefinition(
        new Construct(this, 'RecognitionStates'),
        { park, apply, watch, endScheduledStep: endProbation },
        PHASES.recognition,
      ),
    );

    // Probation is a schedule, not a Wait state: at ADMITTED the apply step creates a one-time
    // schedule for the end of the 12 months, which starts the recognition workflow.
    this.probationSchedules = new scheduler.ScheduleGroup(this, 'ProbationSchedules', {
      scheduleGroupName: `${stack.stackName}-probation`,
    });
    this.probationSchedulerRole = new iam.Role(this, 'ProbationSchedulerRole', {
      description: 'EventBridge Scheduler starts the recognition workflow at the end of probation',
      // Only schedules of this account's probation group may use it (confused deputy). Scheduler
      // presents the schedule GROUP's ARN as aws:SourceArn, never the schedule's own ARN.
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': this.probationSchedules.scheduleGroupArn,
          },
        },
      }),
    });
    this.recognitionStateMachine.grantStartExecution(this.probationSchedulerRole);
    this.scheduleDeadLetters = new ScheduleDeadLetters(this, 'ScheduleDeadLetters');
    this.scheduleDeadLetters.grantDeadLetters(this.probationSchedulerRole);
    this.grantCreateProbationSchedules(apply);

    const resume = new AdmissionFunction(this, 'ResumeInFlight', {
      entry: 'ops/resume-in-flight.ts',
      description: 'Gives every in-flight candidate a live execution at the stage its item names',
      timeout: Duration.minutes(5),
    });
    props.storage.grantWriteCandidates(resume);
    this.grantRepair(resume);
    new events.Rule(this, 'ResumeSchedule', {
      description:
        'The repair sweep: a bounded, checkpointed walk of the in-flight index (what the execution events missed)',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [new targets.LambdaFunction(resume)],
    });

    for (const [machine, fns] of [
      [this.stateMachine, [park, apply, watch]],
      [this.recognitionStateMachine, [park, apply, watch, endProbation]],
    ] as const) {
      acknowledgeWildcard(
        machine.role,
        '*',
        'X-Ray segment writes and CloudWatch Logs delivery management (logs:CreateLogDelivery and related) have no resource-level permissions.',
      );
      for (const fn of fns) {
        acknowledgeWildcard(
          machine.role,
          `${arnTokenOf(fn)}:*`,
          'CDK grants lambda:InvokeFunction on <function>:* so the state machine may call versions of its own functions.',
        );
      }
    }
  }

  /**
   * Parking at a step and an overdue notice tell each person the directory names by e-mail, and
   * each approver of a decision their own signed link to the approval page: the park and watch
   * steps send through SES, read the signing key, and know the API's URL (APPROVAL_BASE_URL).
   */
  deliverToPeople(props: {
    delivery: Delivery;
    signing: SigningSecret;
    approvalBaseUrl: string;
  }): void {
    for (const fn of [this.park, this.watch]) {
      props.delivery.grantSend(fn);
      props.signing.grantRead(fn);
      fn.addEnvironment('APPROVAL_BASE_URL', props.approvalBaseUrl);
    }
  }

  /**
   * What repairing a candidate needs on the workflow side: whether its execution still runs, a
   * new one on the machine of its phase (members in recognition resume on the recognition
   * machine), and a missing probation schedule (a member admitted just before a crash).
   */
  grantRepair(fn: lambda.Function): void {
    this.grantStart(fn);
    this.recognitionStateMachine.grantStartExecution(fn);
    this.grantDescribeExecutions(fn);
    this.grantCreateProbationSchedules(fn);
  }

  /** Lets a function start admission executions (nomination) and names the state machine to it. */
  grantStart(fn: lambda.Function): void {
    this.stateMachine.grantStartExecution(fn);
    this.bindStateMachine(fn);
  }

  /**
   * Onboarding files in progress: starting executions of either phase (a file imported at an
   * admission or a recognition stage) and scheduling the end of probation of imported members.
   */
  grantOnboarding(fn: lambda.Function): void {
    this.grantStart(fn);
    this.recognitionStateMachine.grantStartExecution(fn);
    this.grantCreateProbationSchedules(fn);
  }

  /** Lets a function answer a parked step of either phase (an officer's action). */
  grantTaskResponse(fn: lambda.Function): void {
    fn.addToRolePolicy(this.taskResponseStatement());
    this.bindStateMachine(fn);
  }

  private taskResponseStatement(): iam.PolicyStatement {
    return new iam.PolicyStatement({
      actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
      resources: [this.stateMachineArn, this.recognitionStateMachineArn],
    });
  }

  /**
   * CreateSchedule in the probation group only, and PassRole of the scheduler's role only, to
   * EventBridge Scheduler only; names the group, role and target to the function.
   */
  private grantCreateProbationSchedules(fn: lambda.Function): void {
    const policy = new iam.Policy(this, `${fn.node.id}ProbationSchedules`, {
      statements: [
        new iam.PolicyStatement({
          actions: ['scheduler:CreateSchedule'],
          resources: [this.probationScheduleArns()],
        }),
        new iam.PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [this.probationSchedulerRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        }),
      ],
    });
    fn.role!.attachInlinePolicy(policy);
    acknowledgeWildcard(
      policy,
      `${printedArnPrefix(Stack.of(this), 'scheduler')}:schedule/${this.probationSchedules.scheduleGroupName}/*`,
      'Schedule names are per candidate (probation-<id>), created at admission; the wildcard is limited to the probation schedule group and to CreateSchedule.',
    );
    fn.addEnvironment('PROBATION_SCHEDULE_GROUP', this.probationSchedules.scheduleGroupName);
    fn.addEnvironment('PROBATION_SCHEDULER_ROLE_ARN', this.probationSchedulerRole.roleArn);
    fn.addEnvironment('RECOGNITION_STATE_MACHINE_ARN', this.recognitionStateMachineArn);
    this.scheduleDeadLetters.bind(fn);
  }

  /** `…:schedule/<probation group>/*`: every schedule of the probation group. */
  private probationScheduleArns(): string {
    return Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.probationSchedules.scheduleGroupName}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }

  /** Only DescribeExecution: the resume job checks whether a candidate's execution still runs. */
  private grantDescribeExecutions(fn: lambda.Function): void {
    const machineNames = [this.stateMachineName, this.recognitionStateMachineName];
    const policy = new iam.Policy(this, `${fn.node.id}DescribeExecutions`, {
      statements: [
        new iam.PolicyStatement({
          actions: ['states:DescribeExecution'],
          resources: machineNames.map((name) =>
            Stack.of(this).formatArn({
              service: 'states',
              resource: 'execution',
              resourceName: `${name}:*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ),
        }),
      ],
    });
    fn.role!.attachInlinePolicy(policy);
    for (const name of machineNames) {
      acknowledgeWildcard(
        policy,
        `${printedArnPrefix(Stack.of(this))}:execution:${name}:*`,
        'Execution names are generated per candidate (and by the scheduler for recognition); this policy holds only DescribeExecution on executions of the two state machines.',
      );
    }
  }

  private bindStateMachine(fn: lambda.Function): void {
    fn.addEnvironment('STATE_MACHINE_ARN', this.stateMachineArn);
  }
}

function stateMachineArnOf(stack: Stack, name: string): string {
  return stack.formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: name,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** `arn:<partition>:<service>:<region>:<account>` as cdk-nag prints it inside a finding id. */
function printedArnPrefix(stack: Stack, service = 'states'): string {
  const printed = (value: string, pseudo: string) =>
    Token.isUnresolved(value) ? `<${pseudo}>` : value;
  return `arn:${printed(stack.partition, 'AWS::Partition')}:${service}:${printed(stack.region, 'AWS::Region')}:${printed(stack.account, 'AWS::AccountId')}`;
}
