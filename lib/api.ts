import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_ROUTE_THROTTLE, routeThrottles } from './api-throttling';
import { type CapacityModel, capacityModel } from './capacity-model';
import { AuditExports } from './audit-exports';
import { AdmissionFunction } from './constructs/admission-function';
import { DataKey } from './data-key';
import type { Notifications } from './notifications';
import type { Identity } from './identity';
import type { SigningSecret } from './secrets';
import type { Delivery } from './delivery';
import { type Storage } from './storage';
import { type Workflow } from './workflow';

/** Metrics counted from the HTTP API's access log by metric filters. */
export const API_ACCESS_NAMESPACE = 'AdmissionPipeline/HttpApi';

/** The officers' HTTP API: one function per route, each granted only what its route needs. */
export class Api extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  /** Every route's function, for the operators' dashboard. */
  readonly functions: AdmissionFunction[];
  /**
   * Requests the stage throttled (429), counted from the access log: HTTP APIs publish no
   * throttle metric, and their 4xx metric does not tell a 429 from a refusal.
   */
  readonly throttledRequests: cloudwatch.Metric;

  constructor(
    scope: Construct,
    id: string,
    props: {
      storage: Storage;
      workflow: Workflow;
      identity: Identity;
      signing: SigningSecret;
      notifications: Notifications;
      delivery: Delivery;
    },
  ) {
    super(scope, id);
    const { storage, workflow, identity, signing, notifications, delivery } = props;

    const nominate = new AdmissionFunction(this, 'Nominate', {
      entry: 'api/nominate.ts',
      description: 'POST /candidates',
    });
    storage.grantWriteCandidates(nominate);
    storage.grantIdempotency(nominate);
    workflow.grantStart(nominate);
    // Duplicate nominations are found by a keyed fingerprint of the ID number; one that meets a
    // file the officer cannot see is referred to the committee above both units.
    signing.grantRead(nominate);
    notifications.grantPublish(nominate);

    const getCandidate = new AdmissionFunction(this, 'GetCandidate', {
      entry: 'api/get-candidate.ts',
      description: 'GET /candidates/{id}',
    });
    storage.grantReadCandidates(getCandidate);

    const getHistory = new AdmissionFunction(this, 'GetHistory', {
      entry: 'api/get-history.ts',
      description: 'GET /candidates/{id}/history',
    });
    storage.grantReadCandidates(getHistory);

    const listCandidates = new AdmissionFunction(this, 'ListCandidates', {
      entry: 'api/list-candidates.ts',
      description: 'GET /candidates',
    });
    storage.grantReadCandidates(listCandidates);

    const listTasks = new AdmissionFunction(this, 'ListTasks', {
      entry: 'api/list-tasks.ts',
      description: 'GET /tasks',
    });
    storage.grantReadCandidates(listTasks);

    const submitAction = new AdmissionFunction(this, 'SubmitAction', {
      entry: 'api/submit-action.ts',
      description: 'POST /candidates/{id}/actions',
    });
    storage.grantWriteCandidates(submitAction);
    storage.grantIdempotency(submitAction);
    workflow.grantTaskResponse(submitAction);

    // Bulk writes: each candidate is one conditional transaction through the submit-action path.
    const bulkActions = new AdmissionFunction(this, 'BulkActions', {
      entry: 'api/bulk-actions.ts',
      description: 'POST /candidates/bulk-actions',
      timeout: Duration.seconds(29),
    });
    storage.grantWriteCandidates(bulkActions);
    storage.grantIdempotency(bulkActions);
    workflow.grantTaskResponse(bulkActions);

    const classes = new AdmissionFunction(this, 'Classes', {
      entry: 'api/classes.ts',
      description:
        'POST/GET /classes, GET /classes/{id}, POST /classes/{id}/enrolments, /classes/{id}/results',
      timeout: Duration.seconds(29),
    });
    storage.grantWriteCandidates(classes);
    storage.grantIdempotency(classes);
    workflow.grantTaskResponse(classes);

    const exportAudit = new AdmissionFunction(this, 'ExportAudit', {
      entry: 'api/export-audit.ts',
      description: 'GET /audit',
      timeout: Duration.seconds(29),
    });
    storage.grantAuditReads(exportAudit);
    // An export beyond one page is written to S3 and answered with a short-lived link.
    new AuditExports(this, 'AuditExports').grantWriteExports(exportAudit);

    // Quota ledger (admin writes, officers read), the report and corrections.
    const quotas = new AdmissionFunction(this, 'Quotas', {
      entry: 'api/quotas.ts',
      description: 'PUT/GET /quotas, POST /quotas/import, GET /quotas/export',
      timeout: Duration.seconds(29),
    });
    storage.grantWriteCandidates(quotas);
    storage.grantIdempotency(quotas);

    const quotaReport = new AdmissionFunction(this, 'QuotaReport', {
      entry: 'api/quota-report.ts',
      description: 'GET /reports/quotas (json, csv, xlsx)',
      timeout: Duration.seconds(29),
    });
    storage.grantReadCandidates(quotaReport);

    const correctCandidate = new AdmissionFunction(this, 'CorrectCandidate', {
      entry: 'api/correct-candidate.ts',
      description: 'POST /candidates/{id}/corrections (revoke an admission)',
    });
    storage.grantWriteCandidates(correctCandidate);
    storage.grantIdempotency(correctCandidate);

    // Approval links: a static page (no token, nothing read), its details and the decision.
    const approvalPage = new AdmissionFunction(this, 'ApprovalPage', {
      entry: 'api/approval-page.ts',
      description: 'GET /approvals/{approvalId}: the static approval page (no data)',
      memorySize: 256,
    });
    const approvalDetails = new AdmissionFunction(this, 'ApprovalDetails', {
      entry: 'api/approval-details.ts',
      description: 'GET /approvals/{approvalId}/details',
    });
    storage.grantReadCandidates(approvalDetails);
    signing.grantRead(approvalDetails);
    const approvalDecision = new AdmissionFunction(this, 'ApprovalDecision', {
      entry: 'api/approval-decision.ts',
      description: 'POST /approvals/{approvalId}/decision',
    });
    storage.grantWriteCandidates(approvalDecision);
    storage.grantIdempotency(approvalDecision);
    workflow.grantTaskResponse(approvalDecision);
    signing.grantRead(approvalDecision);

    // The organisation tree: administrators create, move, retire and import units.
    const units = new AdmissionFunction(this, 'Units', {
      entry: 'api/units.ts',
      description:
        'POST /units, /units/import, /units/{id}/moves, /units/{id}/retirement; GET /units/{id}',
      timeout: Duration.seconds(29),
    });
    storage.grantWriteCandidates(units);
    storage.grantIdempotency(units);

    // Onboarding files already in progress: the template, and imports (CSV or XLSX).
    const onboarding = new AdmissionFunction(this, 'Onboarding', {
      entry: 'api/onboarding.ts',
      description: 'GET /onboarding/template, POST /onboarding/imports',
      timeout: Duration.seconds(29),
      memorySize: 1024,
    });
    storage.grantWriteCandidates(onboarding);
    storage.grantIdempotency(onboarding);
    workflow.grantOnboarding(onboarding);
    // Rows name people by ID number: fingerprinted with the server key, as at nomination.
    signing.grantRead(onboarding);
    // Accounts: administrators manage the people of their subtree (Cognito and the directory);
    // a replacement approver is sent the pending decisions with links.
    const accounts = new AdmissionFunction(this, 'Accounts', {
      entry: 'api/accounts.ts',
      description: 'POST/GET /accounts, GET/PATCH /accounts/{id}',
      timeout: Duration.seconds(29),
    });
    storage.grantWriteCandidates(accounts);
    storage.grantIdempotency(accounts);
    identity.grantManageAccounts(accounts);
    delivery.grantSend(accounts);
    signing.grantRead(accounts);

    const myDeliveries = new AdmissionFunction(this, 'MyDeliveries', {
      entry: 'api/my-deliveries.ts',
      description: 'GET /me/deliveries',
    });
    storage.grantReadCandidates(myDeliveries);

    // The contract: the OpenAPI document and its readable page (no data, nothing granted).
    const apiDocs = new AdmissionFunction(this, 'ApiDocs', {
      entry: 'api/api-docs.ts',
      description: 'GET /openapi.json and GET /docs (public)',
      memorySize: 256,
    });

    const routeNotFound = new AdmissionFunction(this, 'RouteNotFound', {
      entry: 'api/route-not-found.ts',
      description: 'Any other route: 404 in the API error shape',
      memorySize: 256,
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      encryptionKey: DataKey.of(this),
    });
    // Only API Gateway answers 429: no function of ours returns it (contention is a 503).
    this.throttledRequests = new logs.MetricFilter(this, 'ThrottledRequests', {
      logGroup: accessLogs,
      filterPattern: logs.FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: API_ACCESS_NAMESPACE,
      metricName: 'ThrottledRequests',
      metricValue: '1',
    }).metric({ statistic: 'Sum', period: Duration.minutes(5) });
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Admission pipeline: officers advance candidates',
      defaultIntegration: new HttpLambdaIntegration('RouteNotFoundIntegration', routeNotFound),
      createDefaultStage: false,
      // Every route, $default included, needs a valid officer token.
      defaultAuthorizer: identity.authorizer(),
    });
    const stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Routes without their own settings ($default: unknown paths) get this ceiling.
      throttle: DEFAULT_ROUTE_THROTTLE,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const route = (path: string, method: apigwv2.HttpMethod, fn: AdmissionFunction) =>
      this.httpApi.addRoutes({
        path,
        methods: [method],
        integration: new HttpLambdaIntegration(`${fn.node.id}Integration`, fn),
      });
    route('/candidates', apigwv2.HttpMethod.POST, nominate);
    route('/candidates', apigwv2.HttpMethod.GET, listCandidates);
    route('/candidates/{id}', apigwv2.HttpMethod.GET, getCandidate);
    route('/tasks', apigwv2.HttpMethod.GET, listTasks);
    route('/candidates/{id}/history', apigwv2.HttpMethod.GET, getHistory);
    route('/audit', apigwv2.HttpMethod.GET, exportAudit);
    route('/candidates/{id}/actions', apigwv2.HttpMethod.POST, submitAction);
    route('/candidates/bulk-actions', apigwv2.HttpMethod.POST, bulkActions);
    const classesIntegration = new HttpLambdaIntegration('ClassesIntegration', classes);
    for (const [path, method] of [
      ['/classes', apigwv2.HttpMethod.POST],
      ['/classes', apigwv2.HttpMethod.GET],
      ['/classes/{id}', apigwv2.HttpMethod.GET],
      ['/classes/{id}/enrolments', apigwv2.HttpMethod.POST],
      ['/classes/{id}/results', apigwv2.HttpMethod.POST],
    ] as const) {
      this.httpApi.addRoutes({ path, methods: [method], integration: classesIntegration });
    }
    route('/candidates/{id}/corrections', apigwv2.HttpMethod.POST, correctCandidate);
    // One function serves the ledger's four routes (one integration, reused).
    const quotasIntegration = new HttpLambdaIntegration('QuotasIntegration', quotas);
    for (const [path, methods] of [
      ['/quotas', [apigwv2.HttpMethod.PUT, apigwv2.HttpMethod.GET]],
      ['/quotas/import', [apigwv2.HttpMethod.POST]],
      ['/quotas/export', [apigwv2.HttpMethod.GET]],
    ] as const) {
      this.httpApi.addRoutes({ path, methods: [...methods], integration: quotasIntegration });
    }
    route('/reports/quotas', apigwv2.HttpMethod.GET, quotaReport);
    const unitsIntegration = new HttpLambdaIntegration('UnitsIntegration', units);
    for (const [path, method] of [
      ['/units', apigwv2.HttpMethod.POST],
      ['/units/import', apigwv2.HttpMethod.POST],
      ['/units/{id}', apigwv2.HttpMethod.GET],
      ['/units/{id}/moves', apigwv2.HttpMethod.POST],
      ['/units/{id}/retirement', apigwv2.HttpMethod.POST],
    ] as const) {
      this.httpApi.addRoutes({ path, methods: [method], integration: unitsIntegration });
    }

    const onboardingIntegration = new HttpLambdaIntegration('OnboardingIntegration', onboarding);
    for (const [path, method] of [
      ['/onboarding/template', apigwv2.HttpMethod.GET],
      ['/onboarding/imports', apigwv2.HttpMethod.POST],
    ] as const) {
      this.httpApi.addRoutes({ path, methods: [method], integration: onboardingIntegration });
    }
    const accountsIntegration = new HttpLambdaIntegration('AccountsIntegration', accounts);
    for (const [path, method] of [
      ['/accounts', apigwv2.HttpMethod.POST],
      ['/accounts', apigwv2.HttpMethod.GET],
      ['/accounts/{id}', apigwv2.HttpMethod.GET],
      ['/accounts/{id}', apigwv2.HttpMethod.PATCH],
    ] as const) {
      this.httpApi.addRoutes({ path, methods: [method], integration: accountsIntegration });
    }
    route('/me/deliveries', apigwv2.HttpMethod.GET, myDeliveries);
    accounts.addEnvironment('APPROVAL_BASE_URL', this.httpApi.apiEndpoint);

    this.functions = this.node.children.filter(
      (child): child is AdmissionFunction => child instanceof AdmissionFunction,
    );
    route('/approvals/{approvalId}/details', apigwv2.HttpMethod.GET, approvalDetails);
    route('/approvals/{approvalId}/decision', apigwv2.HttpMethod.POST, approvalDecision);
    // The page a notification links to opens without a token: a mail scanner may prefetch it.
    const [pageRoute] = this.httpApi.addRoutes({
      path: '/approvals/{approvalId}',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpLambdaIntegration('ApprovalPageIntegration', approvalPage),
      authorizer: new apigwv2.HttpNoneAuthorizer(),
    });
    Validations.of(pageRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'GET /approvals/{approvalId} only returns a static HTML shell that holds no data and ' +
        'changes nothing (safe for mail scanners that prefetch links); the shell reads the ' +
        'details and posts the decision through routes behind the Cognito JWT authorizer.',
    });

    // The API's documentation is public, like any published API reference.
    const docsIntegration = new HttpLambdaIntegration('ApiDocsIntegration', apiDocs);
    for (const path of ['/openapi.json', '/docs']) {
      const [docsRoute] = this.httpApi.addRoutes({
        path,
        methods: [apigwv2.HttpMethod.GET],
        integration: docsIntegration,
        authorizer: new apigwv2.HttpNoneAuthorizer(),
      });
      Validations.of(docsRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          `GET ${path} serves the API's published contract (OpenAPI document or its HTML ` +
          'rendering) generated from code: it reads no data, changes nothing and names no user.',
      });
    }

    this.throttleRoutes(stage, capacityModel(this.node.tryGetContext('capacityModel')));
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint, key: 'ApiUrl' });
  }

  /**
   * Per-route limits from the capacity model (lib/api-throttling.ts). HttpStage only sets the
   * default route settings, so the per-route map goes on the L1 stage; the stage waits for the
   * routes, as API Gateway refuses settings for a route key it does not know yet.
   */
  private throttleRoutes(stage: apigwv2.HttpStage, model: CapacityModel): void {
    const routes = this.httpApi.node
      .findAll()
      .filter((child): child is apigwv2.CfnRoute => child instanceof apigwv2.CfnRoute);
    const limits = routeThrottles(model);
    const routeKeys = routes.map((route) => route.routeKey);
    // `$default` (unknown paths) takes the stage's default route settings.
    const undeclared = routeKeys.filter((key) => key !== '$default' && !(key in limits));
    const stale = Object.keys(limits).filter((key) => !routeKeys.includes(key));
    if (undeclared.length || stale.length) {
      throw new Error(
        `lib/api-throttling.ts ROUTE_DEMAND is out of date: add ${undeclared.join(', ') || '-'}; ` +
          `remove ${stale.join(', ') || '-'}`,
      );
    }
    const cfnStage = stage.node.defaultChild as apigwv2.CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      Object.entries(limits).map(([routeKey, limit]) => [
        routeKey,
        { ThrottlingRateLimit: limit.rateLimit, ThrottlingBurstLimit: limit.burstLimit },
      ]),
    );
    for (const route of routes) cfnStage.node.addDependency(route);
  }
}
