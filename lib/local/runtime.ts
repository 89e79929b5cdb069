import * as fs from 'node:fs';
import * as path from 'node:path';
import { DynamoDbCandidateStore } from '../../functions/adapters/dynamodb-candidate-store';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { demoOrganisation } from './demo-organisation';
import {
  createTablesFromTemplate,
  type DynamoDbLocalConnection,
  startDynamoDbLocal,
  useSharedDynamoDbLocal,
} from './dynamodb-local';
import { createFunctionHost, type FunctionHost } from './function-host';
import { createAccessLog } from './access-log';
import { readHttpApi, type RunningHttpApi, startHttpApi } from './http-api';
import { createJwtAuthorizer, localAudience } from './jwt-authorizer';
import {
  type IssueTokenInput,
  LOCAL_CLIENT_ID,
  type RunningJwtIssuer,
  startLocalJwtIssuer,
} from './jwt-issuer';
import { AUTHORIZE_PATH, LOGOUT_PATH, OAUTH_TOKEN_PATH, type SignInUser } from './managed-login';
import { CONSOLE_PATH, createConsoleSite } from './console-site';
import { bundleConsole } from '../../console/build';
import { startCognitoEndpoint } from './cognito-endpoint';
import { createDashboardHandler } from './dashboard';
import { type FaultProxy, startFaultProxy } from './fault-proxy';
import { keySchemasOf } from './transaction-conflicts';
import { createInboxHandler } from './inbox';
import type { AccessControl } from './iam/access-control';
import { createIamEnforcement, localIamEnabled } from './iam/enforcement';
import { createIamHandler } from './iam/iam-endpoint';
import { LOCAL_RUNTIME_FILE, type LocalRuntimeFile } from './runtime-file';
import { createClockHandler } from './clock-endpoint';
import { createSchedulesHandler } from './schedules-endpoint';
import { systemTimers } from './clock';
import { LocalScheduler } from './local-scheduler';
import { createRuntimeClock, type RuntimeClock } from './runtime-clock';
import {
  readScheduleGroupNames,
  startSchedulerEndpoint,
  type SchedulerEndpoint,
} from './scheduler-endpoint';
import { createPublishedMessageStore, type PublishedMessageStore } from './published-messages';
import { startS3Endpoint } from './s3-endpoint';
import { startSecretsManagerEndpoint } from './secrets-manager-endpoint';
import { readTopicArns, startSnsEndpoint } from './sns-endpoint';
import { type ScheduleRunner, readSchedules, startSchedules } from './schedules';
import { createEventBus, executionStatusChangeEvent, readEventRules } from './event-rules';
import { type SfnEndpoint, startSfnEndpoint } from './sfn-endpoint';
import { createLocalStepFunctions, type LocalStepFunctions } from './step-functions';
import { createUserRegistry, type RegisteredUser } from './user-registry';
import { createMetricRecorder, createMetricsHandler, type MetricRecorder } from './metric-recorder';
import { createDeadLetterQueues, stepFunctionsMetrics } from './service-metrics';
import { startSesEndpoint } from './ses-endpoint';
import { DynamoDbDirectoryStore } from '../../functions/adapters/dynamodb-directory-store';
import { reconcileUser } from '../../functions/services/accounts';
import { DEMO_USERS, providerUserOf } from './local-accounts';
import {
  createResolver,
  DEFAULT_LOCAL_REGION,
  listResources,
  loadStackTemplate,
  LOCAL_ACCOUNT_ID,
  resolveOutputs,
} from './template';

export interface LocalRuntimeOptions {
  cdkOut: string;
  stackName?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Persist DynamoDB here; without it, everything lives in memory. */
  dataDir?: string;
  /**
   * The endpoint of an in-memory DynamoDB Local kept running by someone else (the end-to-end
   * tests' one per jest worker) instead of a JVM of this runtime's own. It is emptied of every
   * table at start, so the runtime starts as empty as an in-memory one. Not with `dataDir`.
   */
  sharedDynamoDb?: string;
  seedDemoOrganisation?: boolean;
  log?: (line: string) => void;
  /**
   * The functions always reach DynamoDB Local through lib/local/fault-proxy.ts (transaction
   * conflicts are emulated there). With `faultProxy`, the proxy is also exposed for faults on
   * demand (down, throttling) and the consumed capacity of every request (tests, benchmark).
   */
  faultProxy?: boolean | { seed?: number };
  /**
   * Emulate DynamoDB's transaction conflicts (lib/local/transaction-conflicts.ts): concurrent
   * transactions on one item cancel with TransactionConflict. `windowMs` caps how long a write
   * transaction holds its items (default 30 ms, about a transaction's duration on AWS).
   */
  conflicts?: boolean | { windowMs?: number };
  /** Functions ask DynamoDB for ConsumedCapacity (env RECORD_CONSUMED_CAPACITY=count). */
  recordConsumedCapacity?: boolean;
  /** Start the business clock this far ahead of real time (a saved clock in dataDir wins). */
  clockOffsetMs?: number;
  /**
   * Enforce the template's IAM on every AWS call (lib/local/iam). Default on; `false` (or env
   * ADMISSION_LOCAL_IAM=off) only to diagnose.
   */
  iam?: boolean;
  /**
   * Run the template's schedules (the repair sweep, digests, …) at their rates, and once at start
   * on saved data (`dataDir`).
   * Default on; the national benchmark switches them off: its seeded files have no executions,
   * which the repair sweep would start, and their timers would disturb its measurements.
   */
  schedules?: boolean;
  /**
   * At most this many Lambda sandboxes per function at once (lib/local/function-host.ts; default:
   * the machine's cores). The benchmarks and the reliability suite ask for more, as Lambda would
   * run: DynamoDB's transaction conflicts need invocations of one function side by side.
   */
  sandboxesPerFunction?: number;
  /**
   * Build the console (console/build.ts) in the background from the start, so its first page
   * loads at once; otherwise it is built at its first request (tests that never open it).
   */
  buildConsoleAtStart?: boolean;
  /**
   * Run DynamoDB Local tuned for loading millions of items (lib/local/dynamodb-local.ts,
   * `bulkLoad`): the national benchmark. Slower to start, faster after the first minute.
   */
  bulkLoad?: boolean;
}

export interface LocalRuntime {
  url: string;
  sfnEndpoint: string;
  dynamoDbEndpoint: string;
  tableName: string;
  stateMachineArn: string;
  /** The local token issuer (JWKS, and POST /local/tokens for tests). */
  issuerUrl: string;
  /** The local Secrets Manager (GetSecretValue: e.g. the approval link key, for tests). */
  secretsManagerEndpoint: string;
  /** The local EventBridge Scheduler (AWS_ENDPOINT_URL_SCHEDULER of the functions). */
  schedulerEndpoint: string;
  issueToken(input: IssueTokenInput): string;
  /** The business clock: what handlers, workflows, timeouts and schedules call "now". */
  clock: RuntimeClock;
  /** Moves the clock forward, fires what became due and waits until the workflows settle. */
  advanceClock(ms: number): Promise<void>;
  stepFunctions: LocalStepFunctions;
  functions: FunctionHost;
  /** What the functions published to SNS (the local inboxes read these). */
  notifications: PublishedMessageStore;
  /** The metrics published (functions' EMF lines, emulated services): GET /local/metrics. */
  metrics: MetricRecorder;
  /** What the functions sent through SES, and Cognito's invitations (the per-person inbox). */
  mail: PublishedMessageStore;
  /** The proxy in front of DynamoDB Local, when `faultProxy` or `conflicts` is on. */
  faultProxy?: FaultProxy;
  /** IAM enforcement (undefined when switched off): the template's permissions and the denials. */
  iam?: AccessControl;
  stop(): Promise<void>;
}

const LOCAL_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_REGION: DEFAULT_LOCAL_REGION,
  AWS_DEFAULT_REGION: DEFAULT_LOCAL_REGION,
};

/**
 * Runs the synthesized stack on this machine: every table, function, route, state machine and
 * schedule comes from the template in `cdkOut`, nothing from a list kept here.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const log = options.log ?? (() => undefined);
  if (options.sharedDynamoDb && options.dataDir) {
    throw new Error('A shared DynamoDB Local is in memory: it cannot keep the data of a data dir.');
  }
  const { template, stackName } = loadStackTemplate(options.cdkOut, {
    stackName: options.stackName,
  });
  const resolve = createResolver({ template, stackName });
  const stoppers: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne();
  };

  try {
    const dynamo: DynamoDbLocalConnection = options.sharedDynamoDb
      ? await useSharedDynamoDbLocal(options.sharedDynamoDb)
      : await startDynamoDbLocal({ dataDir: options.dataDir, bulkLoad: options.bulkLoad });
    stoppers.push(() => dynamo.stop());
    const dynamoClient = dynamo.createClient();
    const tables = await createTablesFromTemplate(dynamoClient, template, resolve);
    const iam = createIamEnforcement({
      template,
      resolve,
      enabled: localIamEnabled(options.iam),
      log,
    });
    // The functions always reach DynamoDB through the proxy: IAM is checked there, and
    // transaction conflicts are emulated there when switched on.
    const seed = typeof options.faultProxy === 'object' ? options.faultProxy.seed : undefined;
    const dynamoProxy: FaultProxy = await startFaultProxy({
      target: dynamo.endpoint,
      seed,
      inspect: iam.inspectDynamoDb,
      keySchemas: keySchemasOf(template, resolve),
      conflicts: Boolean(options.conflicts),
      windowMs: typeof options.conflicts === 'object' ? options.conflicts.windowMs : undefined,
    });
    stoppers.push(() => dynamoProxy.close());
    const faultProxy = options.faultProxy || options.conflicts ? dynamoProxy : undefined;
    log(
      `DynamoDB Local ${dynamo.endpoint}: created ${tables.created.length}, kept ${tables.existing.length} table(s)`,
    );

    // Functions and state machines call each other, so each reaches the other through a closure.
    const host: { functions?: FunctionHost } = {};
    const invoke = async (fn: string, event: unknown): Promise<unknown> => {
      if (!host.functions) throw new Error(`The function host is not started yet (${fn}).`);
      return host.functions.invoke(fn, event);
    };

    // Business time: real time plus an offset that `POST /local/clock` moves forward. Tokens
    // (JWT lifetimes) stay on real time: signing in is not part of the simulated procedure.
    const clock = createRuntimeClock({ dataDir: options.dataDir, offsetMs: options.clockOffsetMs });
    const metrics = createMetricRecorder();
    const recordExecutionStatus = stepFunctionsMetrics(metrics);
    const ruleInvoke = iam.guardRuleInvoke(invoke);
    const eventBus = createEventBus({
      rules: readEventRules(template, resolve),
      invoke: (rule, targetArn, event) => ruleInvoke(rule.ruleArn, targetArn, event),
      log,
    });
    const stepFunctions = createLocalStepFunctions({
      clock,
      onExecutionStatus: (change) => {
        recordExecutionStatus(change);
        // Step Functions puts every status change on the default bus; rules pick theirs.
        eventBus.put(
          executionStatusChangeEvent(change.execution, {
            region: DEFAULT_LOCAL_REGION,
            accountId: LOCAL_ACCOUNT_ID,
            now: clock.now(),
          }),
        );
      },
      definitions: listResources(template, 'AWS::StepFunctions::StateMachine').map(
        ({ logicalId, resource }) => ({
          arn: resolve({ Ref: logicalId }) as string,
          name: logicalId,
          definition: JSON.parse(resolve(resource.Properties!.DefinitionString) as string),
        }),
      ),
      invoke: iam.guardStateMachineInvoke(invoke),
    });
    stoppers.push(() => stepFunctions.close());
    iam.bindStepFunctions((token) => stepFunctions.executionOfTaskToken(token));
    const sfnEndpoint: SfnEndpoint = await startSfnEndpoint({
      service: stepFunctions,
      authorize: iam.guards.sfn,
    });
    stoppers.push(() => sfnEndpoint.close());
    const deadLetters = createDeadLetterQueues(metrics, log);
    const scheduler = new LocalScheduler({
      region: DEFAULT_LOCAL_REGION,
      accountId: LOCAL_ACCOUNT_ID,
      clock,
      timers: systemTimers,
      groupNames: readScheduleGroupNames(template, resolve),
      deadLetter: (event) => deadLetters.send(event),
      startExecution: iam.guardScheduleStart((input) => stepFunctions.startExecution(input)),
      dataDir: options.dataDir,
      log,
    });
    stoppers.push(() => scheduler.close());
    const schedulerEndpoint: SchedulerEndpoint = await startSchedulerEndpoint({
      scheduler,
      authorize: iam.guards.scheduler,
    });
    stoppers.push(() => schedulerEndpoint.close());
    const advanceClock = async (ms: number) => {
      clock.advance(ms);
      await settleAfterClockMove();
    };
    // A woken workflow may make the next deadline due at once (e.g. a reminder re-armed for a
    // time the clock already passed), so fire and settle until nothing more is due.
    const settleAfterClockMove = async () => {
      for (let round = 0; round < 20; round++) {
        const fired = stepFunctions.checkTimeouts() + scheduler.check();
        await stepFunctions.whenIdle({ timeoutMs: 60_000 });
        if (fired === 0) return;
      }
    };

    // Notifications land in a local inbox instead of e-mail; secrets are generated on first start.
    const notifications = createPublishedMessageStore({ dataDir: options.dataDir });
    const snsEndpoint = await startSnsEndpoint({
      topicArns: readTopicArns(template, resolve),
      store: notifications,
      authorize: iam.guards.sns,
    });
    stoppers.push(() => snsEndpoint.close());
    const mail = createPublishedMessageStore({
      dataDir: options.dataDir,
      fileName: 'ses-messages.jsonl',
    });
    const sesEndpoint = await startSesEndpoint({
      template,
      resolve,
      store: mail,
      now: () => new Date(clock.now()),
      authorize: iam.guards.ses,
    });
    stoppers.push(() => sesEndpoint.close());
    const secrets = await startSecretsManagerEndpoint({
      template,
      resolve,
      dataDir: options.dataDir,
      authorize: iam.guards.secretsManager,
    });
    stoppers.push(() => secrets.close());
    // Export files and their presigned links. Functions sign with their own keys; with IAM off
    // they all sign with the local operator key.
    const s3 = await startS3Endpoint({
      template,
      resolve,
      dataDir: options.dataDir,
      now: () => clock.now(),
      secretOf: (accessKeyId) =>
        iam.access?.secretOf(accessKeyId) ??
        (accessKeyId === LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID
          ? LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY
          : undefined),
      authorize: iam.guards.s3,
    });
    stoppers.push(() => s3.close());

    const outputs = resolveOutputs({ template, stackName }) as Record<string, string>;
    if (options.seedDemoOrganisation !== false) {
      const store = new DynamoDbCandidateStore(
        DynamoDBDocumentClient.from(dynamoClient),
        outputs.TableName,
      );
      for (const unit of demoOrganisation()) await store.putUnit(unit);
    }

    // The template's issuer is the Cognito pool; here a local issuer signs the same kind of token,
    // and registers each user it issues one for: the local pool that ListUsersInGroup reads.
    // A user who got a token without being created through the product (tests, `npm run token`)
    // is put in the people directory at once, as `npm run directory:reconcile` does on AWS.
    const users = createUserRegistry({ dataDir: options.dataDir });
    const directory = new DynamoDbDirectoryStore(
      DynamoDBDocumentClient.from(dynamoClient, {
        marshallOptions: { removeUndefinedValues: true },
      }),
      outputs.TableName,
    );
    // The console's sign-in: the app client the authorizer expects, called back at the console's
    // URL on this runtime's port (known once the HTTP API listens, below).
    const clientId = localAudience(template, resolve) ?? LOCAL_CLIENT_ID;
    const consoleUrls: string[] = [];
    const issuer: RunningJwtIssuer = await startLocalJwtIssuer({
      dataDir: options.dataDir,
      defaultAudience: localAudience(template, resolve),
      users,
      signIn: {
        client: () => ({ clientId, callbackUrls: consoleUrls, logoutUrls: consoleUrls }),
        users: () => signInUsers(users.list()),
      },
      afterRegister: async (sub) => {
        const user = users.find(sub);
        if (user) await reconcileUser({ directory, now: () => new Date() }, providerUserOf(user));
      },
    });
    stoppers.push(() => issuer.close());
    const cognito = await startCognitoEndpoint({
      template,
      resolve,
      users,
      authorize: iam.guards.cognito,
      invite: (user: RegisteredUser, temporaryPassword: string) =>
        mail.append({
          messageId: `invitation-${user.sub}`,
          topicArn: 'cognito:invitation',
          subject: 'Tài khoản hệ thống kết nạp đảng viên / Your admission pipeline account',
          message: `Tên đăng nhập / username: ${user.username ?? user.sub}\nMật khẩu tạm thời / temporary password: ${temporaryPassword}`,
          attributes: {
            userId: user.sub,
            kind: 'INVITATION',
            channel: 'EMAIL',
            to: user.email ?? '',
          },
          publishedAt: new Date(clock.now()).toISOString(),
        }),
    });
    stoppers.push(() => cognito.close());

    // The schedules start after the functions, below; the control route reads them when asked.
    const started: { schedules?: ScheduleRunner } = {};
    // Built in the background from now: the first page asked for waits for it, nothing else does.
    let consoleFiles: Promise<Map<string, Uint8Array>> | undefined;
    const builtConsole = () => (consoleFiles ??= bundleConsole());
    if (options.buildConsoleAtStart) void builtConsole().catch(() => undefined);
    const http: RunningHttpApi = await startHttpApi({
      template,
      resolve,
      invoke,
      port: options.port ?? 3000,
      host: '127.0.0.1',
      pathPrefix: '/api',
      extraHandlers: [
        createConsoleSite({
          files: builtConsole,
          issuerOrigin: issuer.url,
          config: (origin) => ({
            apiBase: '/api',
            auth: {
              authorizeUrl: `${issuer.url}${AUTHORIZE_PATH}`,
              tokenUrl: `${issuer.url}${OAUTH_TOKEN_PATH}`,
              logoutUrl: `${issuer.url}${LOGOUT_PATH}`,
              clientId,
              redirectUri: `${origin}${CONSOLE_PATH}`,
              scopes: ['openid', 'email', 'profile'],
            },
          }),
        }),
        createClockHandler({ clock, afterMove: settleAfterClockMove }),
        // Started below, once the functions are: a run asked for earlier answers 503.
        createSchedulesHandler(() => started.schedules),
        createInboxHandler(notifications, mail),
        createMetricsHandler(metrics),
        createIamHandler({
          access: iam.access,
          store: notifications,
          now: () => new Date(clock.now()),
        }),
        // The quota dashboard: the same renderer as the CloudWatch custom widget.
        createDashboardHandler({
          documents: DynamoDBDocumentClient.from(dynamoClient),
          tableName: outputs.TableName,
        }),
      ],
      // The access log's metric filters (throttled requests) publish to the local CloudWatch.
      onAccess: createAccessLog({
        template,
        resolve,
        apiLogicalId: readHttpApi(template, resolve).apiLogicalId,
        recorder: metrics,
      }),
      authorize: createJwtAuthorizer({
        template,
        resolve,
        issuerUrl: issuer.issuer,
        jwks: () => issuer.jwks(),
        log,
      }),
    });
    stoppers.push(() => http.close());
    consoleUrls.push(
      `http://127.0.0.1:${http.port}${CONSOLE_PATH}`,
      `http://localhost:${http.port}${CONSOLE_PATH}`,
    );

    // Started after the HTTP API: `Fn::GetAtt <HttpApi>.ApiEndpoint` (the approval links' base
    // URL) resolves to its local URL. Until then an invocation fails like a missing function.
    const functions = createFunctionHost({
      cdkOut: options.cdkOut,
      maxSandboxesPerFunction: options.sandboxesPerFunction,
      template,
      resolve: createResolver({
        template,
        stackName,
        getAttOverrides: { [`${http.api.apiLogicalId}.ApiEndpoint`]: http.url },
      }),
      extraEnv: {
        ...LOCAL_CREDENTIALS,
        AWS_ENDPOINT_URL_DYNAMODB: dynamoProxy.url,
        ...(options.recordConsumedCapacity ? { RECORD_CONSUMED_CAPACITY: 'count' } : {}),
        AWS_ENDPOINT_URL_SFN: sfnEndpoint.url,
        AWS_ENDPOINT_URL_SNS: snsEndpoint.url,
        AWS_ENDPOINT_URL_SESV2: sesEndpoint.url,
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
        AWS_ENDPOINT_URL_S3: s3.url,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.url,
        AWS_ENDPOINT_URL_SCHEDULER: schedulerEndpoint.url,
      },
      clockOffset: clock.offsetBuffer,
      onOutputLine: (logicalId, line) => metrics.recordLogLine(logicalId, line),
      envFor: iam.envFor,
    });
    host.functions = functions;
    stoppers.push(() => functions.close());

    if (options.schedules !== false) {
      const schedules = (started.schedules = startSchedules({
        schedules: readSchedules(template, resolve),
        invoke: iam.guardScheduledInvoke(invoke),
        runAtStart: false,
        // The time a scheduled event says is business time, like the functions' own "now".
        now: () => clock.now(),
        region: DEFAULT_LOCAL_REGION,
        accountId: LOCAL_ACCOUNT_ID,
        log,
      }));
      stoppers.push(() => schedules.stop());
      // On saved data the schedules run once now, standing in for the runs AWS would have made
      // while this machine was off: above all the resume job, which re-attaches every in-flight
      // candidate to an execution (the previous process took its executions with it). An
      // in-memory runtime starts empty, as does one on a shared DynamoDB Local (emptied above):
      // there is nothing to resume, sweep or report, and AWS itself runs a rate schedule one
      // period after creating it, not at deployment. Skipping that pass saves each fresh runtime
      // nine function cold starts (about 2.5 s of CPU).
      if (options.dataDir) await schedules.runAllNow();
    }
    // Where operator tools (quota:check, workflow:migrate, …) find this runtime.
    if (options.dataDir) {
      const forTools: LocalRuntimeFile = {
        dynamoDbEndpoint: dynamo.endpoint,
        tableName: outputs.TableName,
        sfnEndpoint: sfnEndpoint.url,
        stateMachineArns: {
          admission: outputs.StateMachineArn,
          recognition: outputs.RecognitionStateMachineArn,
        },
        cognitoEndpoint: cognito.url,
        userPoolId: cognito.userPoolIds[0],
      };
      fs.writeFileSync(path.join(options.dataDir, LOCAL_RUNTIME_FILE), JSON.stringify(forTools));
    }

    return {
      url: http.url,
      sfnEndpoint: sfnEndpoint.url,
      dynamoDbEndpoint: dynamo.endpoint,
      tableName: outputs.TableName,
      stateMachineArn: outputs.StateMachineArn,
      issuerUrl: issuer.url,
      secretsManagerEndpoint: secrets.url,
      schedulerEndpoint: schedulerEndpoint.url,
      clock,
      advanceClock,
      issueToken: (input) => issuer.issueToken(input),
      stepFunctions,
      functions,
      notifications,
      metrics,
      mail,
      faultProxy,
      iam: iam.access,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Who the local sign-in page lists: the demo people (lib/local/local-accounts.ts), then the
 * accounts the admins created through the product (they have a username), unless disabled.
 */
function signInUsers(registered: RegisteredUser[]): SignInUser[] {
  const names = new Map(demoOrganisation().map((unit) => [unit.id, unit.name]));
  const demoSubs = new Set(DEMO_USERS.map((u) => u.sub));
  const disabled = new Set(registered.filter((u) => u.enabled === false).map((u) => u.sub));
  const created = registered.filter((u) => u.username && !demoSubs.has(u.sub));
  return [...DEMO_USERS, ...created]
    .filter((user) => !disabled.has(user.sub))
    .map((user) => ({
      sub: user.sub,
      name: user.name,
      groups: [...user.groups],
      unitId: user.unitId,
      unitName: names.get(user.unitId),
      username: user.username,
      email: user.email,
    }));
}

export const DEFAULT_CDK_OUT = path.join(__dirname, '..', '..', 'cdk.out');
