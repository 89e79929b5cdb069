import { Match } from 'aws-cdk-lib/assertions';
import { ACCOUNT_ADMIN_ACTIONS } from '../../lib/identity';
import {
  ADMISSION_PIPELINE,
  RECOGNITION_PIPELINE,
  successorsOf,
} from '../../functions/domain/pipeline';
import { definitionOf, synthesizeTemplate } from './synthesize';

const { template } = synthesizeTemplate();

interface TaskState {
  Type: string;
  Resource: string;
  Parameters: { Payload: Record<string, unknown> } & Record<string, unknown>;
  ResultPath?: string | null;
  Next?: string;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Retry: { ErrorEquals: string[] }[];
  Catch: { ErrorEquals: string[]; Next: string; ResultPath?: string | null }[];
}

interface ChoiceState {
  Choices: Record<string, unknown>[];
  Default?: string;
}

function policyActionsOfRole(roleIdPrefix: string): string[] {
  const policies = template.findResources('AWS::IAM::Policy');
  const actions: string[] = [];
  for (const policy of Object.values(policies)) {
    const roles = JSON.stringify(policy.Properties.Roles ?? []);
    if (!roles.includes(roleIdPrefix)) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement) {
      actions.push(...[statement.Action].flat());
    }
  }
  return actions;
}

describe('storage', () => {
  it('has an on-demand, encrypted table with point-in-time recovery, TTL, the audit GSIs and the in-flight index', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      // GSI1 and GSI2 are gone once both removal deployments have run (retired-indexes.test.ts).
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'GSI3' }),
        Match.objectLike({ IndexName: 'UnitAudit' }),
        Match.objectLike({ IndexName: 'InFlight' }),
      ],
    });
  });

  it('keeps personal data out of the in-flight index', () => {
    const tables = template.findResources('AWS::DynamoDB::Table', {
      Properties: { KeySchema: Match.arrayWith([{ AttributeName: 'PK', KeyType: 'HASH' }]) },
    });
    const [table] = Object.values(tables);
    // The in-flight index holds keys only: the repair sweep reads each file from the table.
    const indexes = table.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      Projection: { ProjectionType: string };
    }[];
    expect(indexes.find((i) => i.IndexName === 'InFlight')?.Projection).toEqual({
      ProjectionType: 'KEYS_ONLY',
    });
  });

  it('keeps idempotency records in their own table with TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });
});

describe('encryption', () => {
  it('encrypts the table and every log group with the customer-managed, rotated key of the stack', () => {
    const keys = template.findResources('AWS::KMS::Key');
    expect(Object.values(keys).map((k) => k.Properties.EnableKeyRotation)).toEqual([true]);
    const [keyId] = Object.keys(keys);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: Match.arrayWith([{ AttributeName: 'PK', KeyType: 'HASH' }]),
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      },
    });
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(logGroups.length).toBeGreaterThanOrEqual(10);
    for (const group of logGroups)
      expect(group.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
  });
});

describe('functions', () => {
  it('run on Node 24 (the Node the project itself runs on) with an explicit log group and tracing', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    // + Quotas, QuotaReport, CorrectCandidate, PublishAttainment, QuotaWidget, EndProbation;
    // + ListTasks, BulkActions, Classes (work queues, bulk actions, awareness classes);
    // + WatchDeadline (deadlines, reminders, escalation, continue-as-new); ApiDocs;
    // + Onboarding (files in progress imported); Accounts, MyDeliveries, DeliveryFeedback (people
    // and delivery); StartDailyDigests, SendDailyDigests, SummariseDailyDigests (the daily
    // digest's starter, shard sender and run summary); ExecutionRepair (repair from the
    // execution status events).
    const [ours, providers] = [true, false].map((node) =>
      Object.values(functions).filter(
        (fn) => String(fn.Properties.Runtime).startsWith('nodejs') === node,
      ),
    );
    expect(ours.length).toBe(33);
    // BucketDeployment's provider (the console build into its bucket) runs CDK's Python code,
    // logging to a group of ours.
    expect(providers).toHaveLength(1);
    expect(providers[0].Properties.Handler).toBe('index.handler');
    expect(providers[0].Properties.LoggingConfig.LogGroup).toEqual({
      Ref: expect.stringMatching(/^ConsoleDeploymentLogs/),
    });
    for (const fn of ours) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });

  it('have roles without managed policies', () => {
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('least privilege', () => {
  it('gives read-only routes no write access', () => {
    for (const role of ['ApiGetCandidateRole', 'ApiListCandidatesRole', 'ApiGetHistoryRole']) {
      const actions = policyActionsOfRole(role);
      expect(actions).toContain('dynamodb:Query');
      const dataWrites = actions.filter(
        (a) => a.startsWith('dynamodb:') && /Put|Update|Delete|Write/.test(a),
      );
      expect(dataWrites).toEqual([]);
      expect(actions.filter((a) => a.startsWith('states:'))).toEqual([]);
    }
  });

  it('gives the not-found route no data access at all', () => {
    expect(
      policyActionsOfRole('ApiRouteNotFoundRole').filter(
        (a) => !a.startsWith('logs:') && !a.startsWith('xray:'),
      ),
    ).toEqual([]);
  });

  it('gives the static approval page no data access, and only the accounts route the pool', () => {
    expect(
      policyActionsOfRole('ApiApprovalPageRole').filter(
        (a) => !a.startsWith('logs:') && !a.startsWith('xray:'),
      ),
    ).toEqual([]);
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const cognitoStatements = policies.flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
        .filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')))
        .map((s) => ({ roles: JSON.stringify(policy.Properties.Roles), statement: s })),
    );
    expect(cognitoStatements).toHaveLength(1);
    expect(cognitoStatements[0].roles).toContain('ApiAccountsRole');
    expect([cognitoStatements[0].statement.Action].flat().sort()).toEqual(
      ACCOUNT_ADMIN_ACTIONS.map((a) => `cognito-idp:${a}`).sort(),
    );
    expect(JSON.stringify(cognitoStatements[0].statement)).toContain('IdentityUserPool');
  });

  it('lets only the action routes and the park step answer task tokens', () => {
    const holders = ['ApiSubmitActionRole', 'ApiApprovalDecisionRole', 'WorkflowParkAtStageRole'];
    for (const role of [
      'ApiNominateRole',
      'ApiGetCandidateRole',
      'ApiListCandidatesRole',
      'WorkflowApplyTransitionRole',
      'WorkflowResumeInFlightRole',
      ...holders,
    ]) {
      const answers = policyActionsOfRole(role).includes('states:SendTaskSuccess');
      expect([role, answers]).toEqual([role, holders.includes(role)]);
    }
  });

  it('lets only nomination, onboarding and the resume job start executions', () => {
    expect(policyActionsOfRole('ApiNominateRole')).toContain('states:StartExecution');
    expect(policyActionsOfRole('ApiOnboardingRole')).toContain('states:StartExecution');
    expect(policyActionsOfRole('ApiOnboardingRole')).not.toContain('states:SendTaskSuccess');
    expect(policyActionsOfRole('WorkflowResumeInFlightRole')).toContain('states:StartExecution');
    expect(policyActionsOfRole('ApiSubmitActionRole')).not.toContain('states:StartExecution');
  });
});

describe('HTTP API', () => {
  it('serves the walking-skeleton routes and a $default route', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(
      [
        '$default',
        'GET /audit',
        'GET /candidates',
        'GET /candidates/{id}',
        'GET /candidates/{id}/history',
        'POST /candidates',
        'POST /candidates/{id}/actions',
        'POST /candidates/{id}/corrections',
        'PUT /quotas',
        'GET /quotas',
        'POST /quotas/import',
        'GET /quotas/export',
        'GET /reports/quotas',
        'GET /approvals/{approvalId}',
        'GET /approvals/{approvalId}/details',
        'POST /approvals/{approvalId}/decision',
        'POST /units',
        'POST /units/import',
        'GET /units/{id}',
        'POST /units/{id}/moves',
        'POST /units/{id}/retirement',
        'GET /tasks',
        'POST /candidates/bulk-actions',
        'POST /classes',
        'GET /classes',
        'GET /classes/{id}',
        'POST /classes/{id}/enrolments',
        'POST /classes/{id}/results',
        'GET /openapi.json',
        'GET /docs',
        'GET /onboarding/template',
        'POST /onboarding/imports',
        'POST /accounts',
        'GET /accounts',
        'GET /accounts/{id}',
        'PATCH /accounts/{id}',
        'GET /me/deliveries',
      ].sort(),
    );
  });

  it('puts every route but the static approval page and the API docs, $default included, behind the Cognito JWT authorizer', () => {
    const authorizers = template.findResources('AWS::ApiGatewayV2::Authorizer');
    const [authorizerId] = Object.keys(authorizers);
    expect(authorizers[authorizerId].Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    const open = routes.filter((r) => r.Properties.AuthorizationType === 'NONE');
    expect(open.map((r) => r.Properties.RouteKey).sort()).toEqual(
      ['GET /approvals/{approvalId}', 'GET /docs', 'GET /openapi.json'].sort(),
    );
    for (const route of routes.filter((r) => !open.includes(r))) {
      expect(route.Properties).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
    }
  });

  it('logs access and throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 10 }),
    });
  });
});

describe('admission state machine generated from the pipeline table', () => {
  const definition = definitionOf(template);
  const states = definition.States;

  it('is a Standard state machine with logging and tracing', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
  });

  it('has exactly one callback task per human stage', () => {
    const callbacks = Object.entries(states).filter(
      ([, s]) => s.Type === 'Task' && String(s.Resource).endsWith('lambda:invoke.waitForTaskToken'),
    );
    expect(callbacks.map(([name]) => name).sort()).toEqual(
      ADMISSION_PIPELINE.map((s) => `Await_${s.id}`).sort(),
    );
  });

  it('follows each wait with an apply step and a Choice on the outcome', () => {
    for (const stage of ADMISSION_PIPELINE) {
      const wait = states[`Await_${stage.id}`];
      expect(wait.Next).toBe(`Apply_${stage.id}`);
      expect((wait.Parameters as { Payload: Record<string, unknown> }).Payload).toMatchObject({
        stage: stage.id,
        'taskToken.$': '$$.Task.Token',
      });
      expect(states[`Apply_${stage.id}`].Next).toBe(`Route_${stage.id}`);
      const route = states[`Route_${stage.id}`] as {
        Type: string;
        Choices: { StringEquals: string; Next: string }[];
      };
      expect(route.Type).toBe('Choice');
      expect(route.Choices.map((c) => c.StringEquals)).toEqual(successorsOf(stage));
    }
  });

  it('enters at any stage through ResumeFrom', () => {
    expect(definition.StartAt).toBe('ResumeFrom');
    const resume = states.ResumeFrom as { Choices: { StringEquals: string; Next: string }[] };
    expect(resume.Choices.map((c) => c.Next)).toEqual(
      ADMISSION_PIPELINE.map((s) => `Check_${s.id}`),
    );
  });

  it('checks the deadline before every wait and routes into that check, never into the wait', () => {
    for (const stage of ADMISSION_PIPELINE) {
      const check = states[`Check_${stage.id}`] as unknown as TaskState;
      expect(check.Type).toBe('Task');
      expect(check.Resource).toMatch(/:states:::lambda:invoke$/);
      expect(check.Parameters.Payload).toEqual({
        'candidateId.$': '$.candidateId',
        stage: stage.id,
        'executionName.$': '$$.Execution.Name',
        'executionStartedAt.$': '$$.Execution.StartTime',
      });
      expect(check.ResultPath).toBe('$.watch');
      expect(check.Next).toBe(`Renewed_${stage.id}`);
      expect(check.Catch).toContainEqual(
        expect.objectContaining({ ErrorEquals: ['StaleExecution'], Next: 'StaleExecution' }),
      );
      const renewed = states[`Renewed_${stage.id}`] as unknown as ChoiceState;
      expect(renewed.Choices).toEqual([
        { Variable: '$.watch.continuedAsNew', BooleanEquals: true, Next: 'ContinuedAsNew' },
      ]);
      expect(renewed.Default).toBe(`Await_${stage.id}`);
    }
    expect(states.ContinuedAsNew.Type).toBe('Succeed');
    const machines = template.findResources('AWS::StepFunctions::StateMachine');
    expect(JSON.stringify(machines)).toMatch(/WorkflowWatchDeadline[A-Z0-9]*\\?"?,\s*"?Arn/);
    for (const [name, state] of Object.entries(states)) {
      if (!name.startsWith('Route_')) continue;
      for (const choice of (state as { Choices: { Next: string }[] }).Choices) {
        expect(choice.Next).not.toMatch(/^Await_/);
      }
    }
  });

  it('waits with the per-candidate timeout the check computed; a timeout wakes the check', () => {
    const recognition = definitionOf(template, 'Recognition').States;
    for (const [stage, machine] of [
      ...ADMISSION_PIPELINE.map((s) => [s, states] as const),
      ...RECOGNITION_PIPELINE.map((s) => [s, recognition] as const),
    ]) {
      const wait = machine[`Await_${stage.id}`] as unknown as TaskState;
      expect(wait.TimeoutSecondsPath).toBe('$.watch.timeoutSeconds');
      expect(wait.TimeoutSeconds).toBeUndefined();
      // AWS rejects unknown fields in lambda:invoke Parameters: nothing but the invocation.
      expect(Object.keys(wait.Parameters).sort()).toEqual(['FunctionName', 'Payload']);
      expect(wait.Catch).toContainEqual({
        ErrorEquals: ['States.Timeout'],
        ResultPath: null,
        Next: `Check_${stage.id}`,
      });
      // A timeout is never retried as a failure, nor treated as one.
      const retried = wait.Retry.flatMap((r) => r.ErrorEquals);
      expect(retried).not.toContain('States.Timeout');
      expect(retried).not.toContain('States.ALL');
    }
  });

  it('ends a stale execution as a success and fails only on a defect (an unroutable stage)', () => {
    for (const machine of [states, definitionOf(template, 'Recognition').States]) {
      expect(machine.StaleExecution.Type).toBe('Succeed');
      const fails = Object.entries(machine).filter(([, s]) => s.Type === 'Fail');
      expect(fails.map(([name]) => name)).toEqual(['UnknownStage']);
      for (const [name, state] of Object.entries(machine)) {
        if (!name.startsWith('Route_')) continue;
        expect((state as unknown as ChoiceState).Default).toBe('UnknownStage');
      }
    }
  });

  it('catches a withdrawal at every wait', () => {
    for (const stage of ADMISSION_PIPELINE) {
      const catches = states[`Await_${stage.id}`].Catch as {
        ErrorEquals: string[];
        Next: string;
      }[];
      expect(catches).toContainEqual(
        expect.objectContaining({ ErrorEquals: ['Withdrawn'], Next: 'ReadWithdrawal' }),
      );
    }
    expect(states.Apply_WITHDRAWAL.Next).toBe('WITHDRAWN');
  });
});

describe('recognition state machine generated from the same table', () => {
  const definition = definitionOf(template, 'Recognition');
  const states = definition.States;

  it('has one callback task per recognition stage, parked and applied by the same functions', () => {
    const admission = definitionOf(template).States;
    const callbacks = Object.entries(states).filter(
      ([, s]) => s.Type === 'Task' && String(s.Resource).endsWith('lambda:invoke.waitForTaskToken'),
    );
    expect(callbacks.map(([name]) => name).sort()).toEqual(
      RECOGNITION_PIPELINE.map((s) => `Await_${s.id}`).sort(),
    );
    for (const stage of RECOGNITION_PIPELINE) {
      expect(states[`Await_${stage.id}`].Next).toBe(`Apply_${stage.id}`);
      const route = states[`Route_${stage.id}`] as { Choices: { StringEquals: string }[] };
      expect(route.Choices.map((c) => c.StringEquals)).toEqual(successorsOf(stage));
      // The same park and apply functions (the Lambda ARN token) as the admission machine.
      expect(JSON.stringify(states[`Await_${stage.id}`].Parameters)).toBe(
        JSON.stringify(admission.Await_CEREMONY.Parameters).replace('CEREMONY', stage.id),
      );
    }
  });

  it('is started by the schedule without resumeFrom at End_PROBATION, else resumes at a stage', () => {
    expect(definition.StartAt).toBe('ResumeFrom');
    const resume = states.ResumeFrom as {
      Choices: { Next: string }[];
      Default: string;
    };
    // First: a Choice on a missing path would fail the execution.
    expect(resume.Choices[0]).toEqual({
      Not: { Variable: '$.resumeFrom', IsPresent: true },
      Next: 'End_PROBATION',
    });
    expect(resume.Choices.slice(1).map((c) => c.Next)).toEqual(
      RECOGNITION_PIPELINE.map((s) => `Check_${s.id}`),
    );
    expect(resume.Default).toBe('UnknownStage');
    expect(states.End_PROBATION.Next).toBe('Check_RECOGNITION_CELL_REVIEW');
    expect(states.End_PROBATION.Catch).toEqual([
      expect.objectContaining({ ErrorEquals: ['StaleExecution'], Next: 'StaleExecution' }),
    ]);
  });

  it('ends at OFFICIAL or REMOVED; leaving during probation is a removal, not a withdrawal', () => {
    const ends = Object.entries(states).filter(([, s]) => s.Type === 'Succeed');
    // ContinuedAsNew: an execution near the one-year limit hands over to its next generation.
    // StaleExecution: a duplicate start steps aside, a normal end (not a failed execution).
    expect(ends.map(([name]) => name).sort()).toEqual([
      'ContinuedAsNew',
      'OFFICIAL',
      'REMOVED',
      'StaleExecution',
    ]);
    expect(states.ReadWithdrawal).toBeUndefined();
    for (const stage of RECOGNITION_PIPELINE) {
      expect(JSON.stringify(states[`Await_${stage.id}`].Catch)).not.toContain('Withdrawn');
    }
  });

  it('escalates a third short cell vote and skips the grassroots review at a grassroots cell', () => {
    const route = states.Route_RECOGNITION_CELL_REVIEW as {
      Choices: { StringEquals: string; Next: string }[];
    };
    expect(route.Choices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          StringEquals: 'RECOGNITION_CELL_REVIEW',
          Next: 'Check_RECOGNITION_CELL_REVIEW',
        }),
        expect.objectContaining({
          StringEquals: 'RECOGNITION_DECISION',
          Next: 'Check_RECOGNITION_DECISION',
        }),
      ]),
    );
  });
});

describe('the deadline watch function', () => {
  it('may start executions of the two state machines only, publish notifications, and write candidates', () => {
    const actions = policyActionsOfRole('WorkflowWatchDeadline');
    expect(actions.filter((a) => a.startsWith('states:'))).toEqual(['states:StartExecution']);
    expect(actions).toContain('sns:Publish');
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes('WorkflowWatchDeadline'),
    );
    const start = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .find((s: { Action: unknown }) => s.Action === 'states:StartExecution');
    expect(JSON.stringify(start.Resource)).toContain(':stateMachine:');
    expect(start.Resource).toHaveLength(2);
    expect(JSON.stringify(start.Resource)).not.toContain('*');
  });
});

describe('quotas and observability in the stack', () => {
  it('has the dashboard with the quota custom widget, and the eleven alarms on the ops topic', () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0].Properties.DashboardBody);
    expect(body).toContain('\\"type\\":\\"custom\\"');
    expect(body).toContain('QuotasQuotaWidget');
    // The eight of observability (both state machines, dead letters, resume failures, API
    // throttles…), delivery problems, callers blocked by the web firewall and digest failures.
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm'))).toHaveLength(11);
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain('OpsTopic');
    }
  });

  it('runs the attainment job hourly and keeps the report and widget read-only', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('QuotasPublishAttainment'), 'Arn'] },
        }),
      ],
    });
    for (const role of [
      'ApiQuotaReportRole',
      'QuotasQuotaWidgetRole',
      'QuotasPublishAttainmentRole',
    ]) {
      const actions = policyActionsOfRole(role);
      expect(actions).toContain('dynamodb:Query');
      expect(
        actions.filter((a) => a.startsWith('dynamodb:') && /Put|Update|Delete|Write/.test(a)),
      ).toEqual([]);
    }
  });
});
