import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { type Construct } from 'constructs';
import { DataKey } from '../data-key';
import { acknowledgeWildcard } from './acknowledge-wildcard';

const PROJECT_ROOT = path.join(__dirname, '..', '..');

export interface AdmissionFunctionProps {
  /** Handler source relative to `functions/`, e.g. `api/nominate.ts`. */
  entry: string;
  description: string;
  timeout?: Duration;
  memorySize?: number;
}

/**
 * esbuild reports only warnings and errors: 25 size reports would bury `npm start`'s summary.
 * `cdk synth --context bundlingLogLevel=info` (what `npm start -- --verbose` passes) shows them.
 */
export function bundlingLogLevel(scope: Construct): LogLevel {
  const asked: unknown = scope.node.tryGetContext('bundlingLogLevel');
  if (asked === undefined) return LogLevel.WARNING;
  const level = Object.values(LogLevel).find((l) => l === asked);
  if (!level) {
    throw new Error(
      `bundlingLogLevel must be one of ${Object.values(LogLevel).join(', ')}, not ${String(asked)}`,
    );
  }
  return level;
}

/**
 * Owns every function default in one place: runtime, bundling, log group, tracing, and a role
 * that holds nothing but what each construct grants it (no managed policies).
 */
export class AdmissionFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: AdmissionFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
      encryptionKey: DataKey.of(scope),
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
    });
    super(scope, id, {
      entry: path.join(PROJECT_ROOT, 'functions', props.entry),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'admission',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // No NODE_OPTIONS=--enable-source-maps: Node would read and parse the bundle's map at
        // every cold start (10–20 ms). The map ships in the asset all the same, and an error's
        // stack is mapped when it is reported (functions/observability/source-mapped-stack.ts).
      },
      bundling: {
        format: OutputFormat.CJS,
        // Lambda's nodejs24.x; the local runtime runs the same bundle on the project's Node 24.
        target: 'node24',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Vietnamese text as UTF-8, not \uXXXX escapes (6 bytes a letter instead of 2–3): a
        // smaller file to read, compile and map at every cold start. Node reads modules as UTF-8.
        // An esbuild argument: aws-cdk-lib's own `charset` option reaches no esbuild command.
        esbuildArgs: {
          '--charset': 'utf8',
          // The Tracer's X-Ray SDK calls one function of `semver`: our own `gte` stands in for
          // the 28 KB package and its load-time work (functions/observability/semver-gte.ts).
          // esbuild resolves the path from its working directory, the project root.
          '--alias': 'semver=./functions/observability/semver-gte.ts',
        },
        externalModules: ['@aws-sdk/*'],
        logLevel: bundlingLogLevel(scope),
      },
    });
    logGroup.grantWrite(role);
    acknowledgeWildcard(
      role,
      '*',
      'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions.',
    );
  }
}
