/**
 * Reads the CloudFormation template that `cdk synth` wrote and resolves its intrinsic functions to
 * the names and ARNs the local runtime uses. Everything else in lib/local derives tables, routes,
 * functions and schedules from this, so there is never a second hand-kept list to drift.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  Condition?: string;
  DependsOn?: string | string[];
}

interface CfnOutput {
  Value: unknown;
  Description?: string;
  Export?: { Name: unknown };
}

interface CfnParameter {
  Type: string;
  Default?: unknown;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, CfnOutput>;
  Parameters?: Record<string, CfnParameter>;
  Conditions?: Record<string, unknown>;
}

export interface LoadedStack {
  stackName: string;
  templatePath: string;
  template: CfnTemplate;
}

interface ManifestArtifact {
  type: string;
  displayName?: string;
  properties?: { templateFile?: string; stackName?: string };
}

/**
 * Finds the stack template through cdk.out/manifest.json rather than globbing *.template.json,
 * because cdk.out also holds asset templates and nested-stack templates that are not stacks.
 */
export function loadStackTemplate(
  cdkOut: string,
  options: { stackName?: string } = {},
): LoadedStack {
  const manifestPath = path.join(cdkOut, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`No manifest.json in ${cdkOut}: run "npx cdk synth" first.`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    artifacts?: Record<string, ManifestArtifact>;
  };
  const stacks = Object.entries(manifest.artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([artifactId, artifact]) => ({
      artifactId,
      stackName: artifact.properties?.stackName ?? artifactId,
      displayName: artifact.displayName,
      templateFile: artifact.properties?.templateFile ?? `${artifactId}.template.json`,
    }));
  if (stacks.length === 0) throw new Error(`${manifestPath} lists no CloudFormation stack.`);

  let chosen = stacks[0];
  if (options.stackName) {
    const wanted = options.stackName;
    const match = stacks.find((s) => [s.artifactId, s.stackName, s.displayName].includes(wanted));
    if (!match) {
      const names = stacks.map((s) => s.stackName).join(', ');
      throw new Error(`Stack "${wanted}" is not in ${manifestPath} (stacks: ${names}).`);
    }
    chosen = match;
  } else if (stacks.length > 1) {
    const names = stacks.map((s) => s.stackName).join(', ');
    throw new Error(`${manifestPath} has several stacks (${names}); pass the stackName option.`);
  }

  const templatePath = path.join(cdkOut, chosen.templateFile);
  const template = JSON.parse(fs.readFileSync(templatePath, 'utf8')) as CfnTemplate;
  if (!template.Resources) throw new Error(`${templatePath} has no Resources section.`);
  return { stackName: chosen.stackName, templatePath, template };
}

export interface ResourceEntry {
  logicalId: string;
  resource: CfnResource;
}

export function listResources(template: CfnTemplate, type: string): ResourceEntry[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([logicalId, resource]) => ({ logicalId, resource }));
}

export const LOCAL_ACCOUNT_ID = '000000000000';
export const DEFAULT_LOCAL_REGION = 'us-east-1';

export interface ResolveContext {
  template: CfnTemplate;
  region?: string;
  accountId?: string;
  stackName?: string;
  /** Replaces `Ref` of a logical id, parameter or pseudo parameter, e.g. `{ MyParam: 'x' }`. */
  refOverrides?: Record<string, unknown>;
  /** Replaces `Fn::GetAtt`, keyed `LogicalId.Attribute`, e.g. `{ 'HttpApi.ApiEndpoint': url }`. */
  getAttOverrides?: Record<string, unknown>;
}

export type Resolve = (value: unknown) => unknown;

export function createResolver(context: ResolveContext): Resolve {
  return (value) => resolveIntrinsics(value, context);
}

/** `Ref: AWS::NoValue` removes the property that holds it, so it needs a marker, not a value. */
const NO_VALUE = Symbol('AWS::NoValue');

export function resolveIntrinsics(value: unknown, context: ResolveContext): unknown {
  const resolved = resolveValue(value, context);
  return resolved === NO_VALUE ? undefined : resolved;
}

function resolveValue(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => resolveValue(item, ctx)).filter((item) => item !== NO_VALUE);
  }
  if (value === null || typeof value !== 'object') return value;

  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, arg] = entries[0];
    if (key === 'Ref') return resolveRef(String(resolveValue(arg, ctx)), ctx);
    if (key === 'Condition') return evaluateCondition(String(arg), ctx);
    if (key.startsWith('Fn::')) return resolveFunction(key, arg, ctx);
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const resolved = resolveValue(item, ctx);
    if (resolved !== NO_VALUE) result[key] = resolved;
  }
  return result;
}

function resolveFunction(name: string, arg: unknown, ctx: ResolveContext): unknown {
  switch (name) {
    case 'Fn::GetAtt': {
      const [logicalId, attribute] =
        typeof arg === 'string'
          ? splitOnce(arg, '.')
          : (arg as unknown[]).map((part) => String(resolveValue(part, ctx)));
      return resolveGetAtt(logicalId, attribute, ctx);
    }
    case 'Fn::Join': {
      const [delimiter, items] = arg as [string, unknown];
      return (asArray(resolveValue(items, ctx), name) as unknown[]).map(String).join(delimiter);
    }
    case 'Fn::Sub':
      return resolveSub(arg, ctx);
    case 'Fn::Select': {
      const [index, items] = arg as [unknown, unknown];
      const list = asArray(resolveValue(items, ctx), name);
      const position = Number(resolveValue(index, ctx));
      if (!(position in list)) throw new Error(`Fn::Select index ${position} is out of range.`);
      return list[position];
    }
    case 'Fn::Split': {
      const [delimiter, source] = arg as [string, unknown];
      return String(resolveValue(source, ctx)).split(delimiter);
    }
    case 'Fn::GetAZs': {
      const region = ctx.region ?? DEFAULT_LOCAL_REGION;
      return ['a', 'b', 'c'].map((zone) => `${region}${zone}`);
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = arg as [string, unknown, unknown];
      return resolveValue(evaluateCondition(condition, ctx) ? whenTrue : whenFalse, ctx);
    }
    case 'Fn::Equals': {
      const [left, right] = (arg as unknown[]).map((item) => resolveValue(item, ctx));
      return JSON.stringify(left) === JSON.stringify(right);
    }
    case 'Fn::Not':
      return !resolveValue((arg as unknown[])[0], ctx);
    case 'Fn::And':
      return (arg as unknown[]).every((item) => resolveValue(item, ctx));
    case 'Fn::Or':
      return (arg as unknown[]).some((item) => resolveValue(item, ctx));
    default:
      throw new Error(`The local runtime cannot resolve ${name} (${JSON.stringify(arg)}).`);
  }
}

function evaluateCondition(name: string, ctx: ResolveContext): boolean {
  const condition = ctx.template.Conditions?.[name];
  if (condition === undefined) throw new Error(`Condition ${name} is not in the template.`);
  return Boolean(resolveValue(condition, ctx));
}

function resolveRef(name: string, ctx: ResolveContext): unknown {
  if (ctx.refOverrides && name in ctx.refOverrides) return ctx.refOverrides[name];
  const region = ctx.region ?? DEFAULT_LOCAL_REGION;
  switch (name) {
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::Region':
      return region;
    case 'AWS::AccountId':
      return ctx.accountId ?? LOCAL_ACCOUNT_ID;
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return ctx.stackName ?? 'LocalStack';
    case 'AWS::StackId':
      return arn(ctx, 'cloudformation', `stack/${ctx.stackName ?? 'LocalStack'}/local`);
    case 'AWS::NoValue':
      return NO_VALUE;
    case 'AWS::NotificationARNs':
      return [];
  }
  const parameter = ctx.template.Parameters?.[name];
  if (parameter) {
    if (parameter.Default === undefined) {
      throw new Error(`Parameter ${name} has no Default; pass it in refOverrides.`);
    }
    return parameter.Default;
  }
  const resource = ctx.template.Resources[name];
  if (!resource) throw new Error(`Ref to ${name}, which is not in the template.`);
  switch (resource.Type) {
    case 'AWS::StepFunctions::StateMachine':
      return arn(ctx, 'states', `stateMachine:${physicalName(name, ctx)}`);
    case 'AWS::SNS::Topic':
      return arn(ctx, 'sns', physicalName(name, ctx));
    case 'AWS::SecretsManager::Secret':
      // CloudFormation's Ref of a secret is its ARN (name, '-', six characters).
      return secretArn(ctx, physicalName(name, ctx));
    case 'AWS::S3::Bucket':
      // Bucket names are lower case (CloudFormation derives them from the stack and logical id).
      return physicalName(name, ctx).toLowerCase();
    case 'AWS::SQS::Queue':
      return `https://sqs.${region}.amazonaws.com/${ctx.accountId ?? LOCAL_ACCOUNT_ID}/${name}`;
    default:
      return physicalName(name, ctx);
  }
}

function resolveGetAtt(logicalId: string, attribute: string, ctx: ResolveContext): unknown {
  const key = `${logicalId}.${attribute}`;
  if (ctx.getAttOverrides && key in ctx.getAttOverrides) return ctx.getAttOverrides[key];
  const resource = ctx.template.Resources[logicalId];
  if (!resource) throw new Error(`Fn::GetAtt ${key}: ${logicalId} is not in the template.`);
  const name = physicalName(logicalId, ctx);
  const region = ctx.region ?? DEFAULT_LOCAL_REGION;

  switch (`${resource.Type}.${attribute}`) {
    case 'AWS::Lambda::Function.Arn':
      return arn(ctx, 'lambda', `function:${name}`);
    case 'AWS::DynamoDB::Table.Arn':
      return arn(ctx, 'dynamodb', `table/${name}`);
    case 'AWS::DynamoDB::Table.StreamArn':
      return arn(ctx, 'dynamodb', `table/${name}/stream/1970-01-01T00:00:00.000`);
    case 'AWS::StepFunctions::StateMachine.Arn':
      return arn(ctx, 'states', `stateMachine:${name}`);
    case 'AWS::StepFunctions::StateMachine.Name':
      return name;
    case 'AWS::ApiGatewayV2::Api.ApiEndpoint':
      return `https://${name}.execute-api.${region}.amazonaws.com`;
    case 'AWS::ApiGatewayV2::Api.ApiId':
      return name;
    case 'AWS::IAM::Role.Arn':
      return `arn:aws:iam::${ctx.accountId ?? LOCAL_ACCOUNT_ID}:role/${name}`;
    case 'AWS::Cognito::UserPool.Arn':
      return arn(ctx, 'cognito-idp', `userpool/${name}`);
    case 'AWS::KMS::Key.Arn':
      return arn(ctx, 'kms', `key/${name}`);
    case 'AWS::Events::Rule.Arn':
      return arn(ctx, 'events', `rule/${name}`);
    case 'AWS::CloudWatch::Alarm.Arn':
      return arn(ctx, 'cloudwatch', `alarm:${name}`);
    case 'AWS::Scheduler::ScheduleGroup.Arn':
      return arn(ctx, 'scheduler', `schedule-group/${name}`);
    case 'AWS::S3::Bucket.Arn':
      return `arn:aws:s3:::${name.toLowerCase()}`;
    case 'AWS::SecretsManager::Secret.Id':
      return secretArn(ctx, name);
    case 'AWS::IAM::Role.RoleId':
      return name;
    case 'AWS::SQS::Queue.QueueName':
      return name;
    default:
      if (attribute === 'Arn') {
        const service = resource.Type.split('::')[1]?.toLowerCase() ?? 'unknown';
        return arn(ctx, service, name);
      }
      // Unknown attributes still need a stable string so that env vars etc. are populated.
      return `${name}.${attribute}`;
  }
}

/** Explicit names (TableName, FunctionName …) win, as in CloudFormation; else the logical id. */
function physicalName(logicalId: string, ctx: ResolveContext): string {
  const resource = ctx.template.Resources[logicalId];
  const explicitNameProperty = {
    'AWS::DynamoDB::Table': 'TableName',
    'AWS::Lambda::Function': 'FunctionName',
    'AWS::StepFunctions::StateMachine': 'StateMachineName',
    'AWS::SecretsManager::Secret': 'Name',
    'AWS::CloudWatch::Alarm': 'AlarmName',
    'AWS::Scheduler::ScheduleGroup': 'Name',
    'AWS::Events::Rule': 'Name',
    'AWS::IAM::Role': 'RoleName',
    'AWS::SNS::Topic': 'TopicName',
    'AWS::S3::Bucket': 'BucketName',
  }[resource?.Type ?? ''];
  const explicit = explicitNameProperty ? resource.Properties?.[explicitNameProperty] : undefined;
  if (explicit !== undefined) return String(resolveValue(explicit, ctx));
  return logicalId;
}

function arn(ctx: ResolveContext, service: string, resource: string): string {
  const region = ctx.region ?? DEFAULT_LOCAL_REGION;
  return `arn:aws:${service}:${region}:${ctx.accountId ?? LOCAL_ACCOUNT_ID}:${resource}`;
}

/** A secret's ARN in Secrets Manager's shape (name + '-' + 6 characters), stable for a name. */
function secretArn(ctx: ResolveContext, name: string): string {
  const suffix = createHash('sha256').update(name).digest('base64url').slice(0, 6);
  return arn(ctx, 'secretsmanager', `secret:${name}-${suffix}`);
}

function resolveSub(arg: unknown, ctx: ResolveContext): string {
  const [text, variables] = typeof arg === 'string' ? [arg, {}] : (arg as [string, object]);
  const resolvedVariables = resolveValue(variables, ctx) as Record<string, unknown>;
  // `${!Literal}` is CloudFormation's escape for a literal `${Literal}`.
  return text.replace(/\$\{([^}]+)\}/g, (_whole, expression: string) => {
    if (expression.startsWith('!')) return `\${${expression.slice(1)}}`;
    if (expression in resolvedVariables) return String(resolvedVariables[expression]);
    if (expression.includes('.') && !expression.startsWith('AWS::')) {
      const [logicalId, attribute] = splitOnce(expression, '.');
      return String(resolveGetAtt(logicalId, attribute, ctx));
    }
    return String(resolveRef(expression, ctx));
  });
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  if (index < 0) throw new Error(`Expected "${separator}" in ${text}.`);
  return [text.slice(0, index), text.slice(index + 1)];
}

function asArray(value: unknown, functionName: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${functionName} expects a list, got ${value}.`);
  return value;
}

/** Outputs with their intrinsics resolved (outputs whose Condition is false are left out). */
export function resolveOutputs(context: ResolveContext): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(context.template.Outputs ?? {})) {
    const condition = (output as { Condition?: string }).Condition;
    if (condition && !evaluateCondition(condition, context)) continue;
    outputs[name] = resolveIntrinsics(output.Value, context);
  }
  return outputs;
}
