/**
 * Every permission the synthesized template declares, resolved to ARNs: each role's trust policy
 * and identity policies (inline `Policies`, `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy`
 * attached to it), who runs as which role (functions, state machines), and the resource policies
 * AWS applies on the other side (SNS topic policies, KMS key policies, Secrets Manager resource
 * policies, S3 bucket policies, Lambda permissions). Nothing here is written by hand: a mutated template gives
 * mutated permissions.
 */
import { listResources, type CfnTemplate, type Resolve } from '../template';
import type { PolicyDocument, PolicyStatement } from './policy-evaluator';

export interface RoleDefinition {
  logicalId: string;
  name: string;
  arn: string;
  trustPolicy: PolicyDocument;
  identityPolicies: PolicyDocument[];
}

export interface TemplatePermissions {
  accountId: string;
  region: string;
  /** By role ARN. */
  roles: Map<string, RoleDefinition>;
  /** Function logical id → its execution role ARN. */
  functionRoles: Map<string, string>;
  /** Function ARN (unqualified) → the policy its `AWS::Lambda::Permission`s make up. */
  functionPolicies: Map<string, PolicyDocument>;
  /** State machine ARN → its role ARN. */
  stateMachineRoles: Map<string, string>;
  /** Topic ARN → topic policy (all `AWS::SNS::TopicPolicy` statements naming it). */
  topicPolicies: Map<string, PolicyDocument>;
  /** Topic ARN → the KMS key ARN that encrypts it (template keys only). */
  topicKeys: Map<string, string>;
  /** Every SecretId that names a secret (ARN, name) → its ARN. */
  secretArns: Map<string, string>;
  /** Secret ARN → resource policy. */
  secretPolicies: Map<string, PolicyDocument>;
  /** Secret ARN → the KMS key ARN that encrypts it (template keys only). */
  secretKeys: Map<string, string>;
  /** Bucket name → bucket policy (`AWS::S3::BucketPolicy`). */
  bucketPolicies: Map<string, PolicyDocument>;
  /** Key ARN → key policy. */
  keyPolicies: Map<string, PolicyDocument>;
  /** Alarm ARN → the ARNs of its alarm actions. */
  alarmActions: Map<string, string[]>;
}

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A key id, alias or ARN as the template wrote it → the key's ARN, when it is a template key. */
function templateKeyArn(reference: unknown, keyArns: Set<string>): string | undefined {
  if (typeof reference !== 'string') return undefined;
  if (keyArns.has(reference)) return reference;
  return [...keyArns].find((arn) => arn.endsWith(`/${reference}`));
}

export function readTemplatePermissions(
  template: CfnTemplate,
  resolve: Resolve,
): TemplatePermissions {
  const accountId = String(resolve({ Ref: 'AWS::AccountId' }));
  const region = String(resolve({ Ref: 'AWS::Region' }));
  const roles = new Map<string, RoleDefinition>();
  const roleByName = new Map<string, RoleDefinition>();
  const roleByLogicalId = new Map<string, RoleDefinition>();

  for (const { logicalId, resource } of listResources(template, 'AWS::IAM::Role')) {
    const properties = (resolve(resource.Properties ?? {}) ?? {}) as {
      AssumeRolePolicyDocument: PolicyDocument;
      Policies?: { PolicyDocument: PolicyDocument }[];
      ManagedPolicyArns?: string[];
    };
    const arn = String(resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] }));
    const role: RoleDefinition = {
      logicalId,
      name: arn.slice(arn.lastIndexOf('/') + 1),
      arn,
      trustPolicy: properties.AssumeRolePolicyDocument,
      identityPolicies: (properties.Policies ?? []).map((p) => p.PolicyDocument),
    };
    const managed = asList(resource.Properties?.ManagedPolicyArns as unknown[]);
    for (const reference of managed) {
      const id = (reference as { Ref?: string })?.Ref;
      const policy = id ? template.Resources[id] : undefined;
      if (policy?.Type !== 'AWS::IAM::ManagedPolicy') {
        throw new Error(
          `Role ${logicalId} uses managed policy ${JSON.stringify(reference)}, which the local ` +
            `runtime cannot read: only customer managed policies of the template are evaluated.`,
        );
      }
    }
    roles.set(arn, role);
    roleByName.set(String(resolve({ Ref: logicalId })), role);
    roleByLogicalId.set(logicalId, role);
  }

  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const { logicalId, resource } of listResources(template, type)) {
      const document = resolve(resource.Properties?.PolicyDocument) as PolicyDocument;
      const attached = new Set(asList(resolve(resource.Properties?.Roles) as string[]));
      // A role's ManagedPolicyArns may name this policy too.
      for (const role of roleByLogicalId.values()) {
        const template_ = template.Resources[role.logicalId].Properties?.ManagedPolicyArns;
        if (
          asList(template_ as unknown[]).some((r) => (r as { Ref?: string })?.Ref === logicalId)
        ) {
          attached.add(String(resolve({ Ref: role.logicalId })));
        }
      }
      for (const name of attached) {
        const role = roleByName.get(name) ?? roles.get(name);
        if (role) role.identityPolicies.push(document);
      }
    }
  }

  const functionRoles = new Map<string, string>();
  for (const { logicalId, resource } of listResources(template, 'AWS::Lambda::Function')) {
    functionRoles.set(logicalId, String(resolve(resource.Properties?.Role)));
  }

  const functionPolicies = new Map<string, PolicyDocument>();
  const functionArnOf = (nameOrArn: string) => {
    if (nameOrArn.startsWith('arn:')) return nameOrArn.split(':').slice(0, 7).join(':');
    return `arn:aws:lambda:${region}:${accountId}:function:${nameOrArn.split(':')[0]}`;
  };
  for (const { resource } of listResources(template, 'AWS::Lambda::Permission')) {
    const p = resolve(resource.Properties ?? {}) as {
      Action: string;
      FunctionName: string;
      Principal: string;
      SourceArn?: string;
      SourceAccount?: string;
    };
    const functionArn = functionArnOf(p.FunctionName);
    const condition: PolicyStatement['Condition'] = {};
    if (p.SourceArn) condition.ArnLike = { 'AWS:SourceArn': p.SourceArn };
    if (p.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': p.SourceAccount };
    const principal: Record<string, string> = p.Principal.endsWith('.amazonaws.com')
      ? { Service: p.Principal }
      : { AWS: p.Principal };
    const document = functionPolicies.get(functionArn) ?? { Version: '2012-10-17', Statement: [] };
    (document.Statement as PolicyStatement[]).push({
      Effect: 'Allow',
      Principal: principal,
      Action: p.Action,
      Resource: functionArn,
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    });
    functionPolicies.set(functionArn, document);
  }

  const stateMachineRoles = new Map<string, string>();
  for (const { logicalId, resource } of listResources(
    template,
    'AWS::StepFunctions::StateMachine',
  )) {
    stateMachineRoles.set(
      String(resolve({ Ref: logicalId })),
      String(resolve(resource.Properties?.RoleArn)),
    );
  }

  const keyPolicies = new Map<string, PolicyDocument>();
  for (const { logicalId, resource } of listResources(template, 'AWS::KMS::Key')) {
    keyPolicies.set(
      String(resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] })),
      resolve(resource.Properties?.KeyPolicy) as PolicyDocument,
    );
  }
  const keyArns = new Set(keyPolicies.keys());

  const topicPolicies = new Map<string, PolicyDocument>();
  const topicKeys = new Map<string, string>();
  for (const { logicalId, resource } of listResources(template, 'AWS::SNS::Topic')) {
    const key = templateKeyArn(resolve(resource.Properties?.KmsMasterKeyId), keyArns);
    if (key) topicKeys.set(String(resolve({ Ref: logicalId })), key);
  }
  for (const { resource } of listResources(template, 'AWS::SNS::TopicPolicy')) {
    const document = resolve(resource.Properties?.PolicyDocument) as PolicyDocument;
    for (const topic of asList(resolve(resource.Properties?.Topics) as string[])) {
      const existing = topicPolicies.get(topic);
      topicPolicies.set(topic, {
        Version: '2012-10-17',
        Statement: [...asList(existing?.Statement), ...asList(document.Statement)],
      });
    }
  }

  const secretPolicies = new Map<string, PolicyDocument>();
  const secretKeys = new Map<string, string>();
  const secretArns = new Map<string, string>();
  for (const { logicalId, resource } of listResources(template, 'AWS::SecretsManager::Secret')) {
    const arn = String(resolve({ Ref: logicalId }));
    secretArns.set(arn, arn);
    secretArns.set(String(resolve(resource.Properties?.Name ?? logicalId)), arn);
    const key = templateKeyArn(resolve(resource.Properties?.KmsKeyId), keyArns);
    if (key) secretKeys.set(String(resolve({ Ref: logicalId })), key);
  }
  for (const { resource } of listResources(template, 'AWS::SecretsManager::ResourcePolicy')) {
    secretPolicies.set(
      String(resolve(resource.Properties?.SecretId)),
      resolve(resource.Properties?.ResourcePolicy) as PolicyDocument,
    );
  }

  const bucketPolicies = new Map<string, PolicyDocument>();
  for (const { resource } of listResources(template, 'AWS::S3::BucketPolicy')) {
    bucketPolicies.set(
      String(resolve(resource.Properties?.Bucket)),
      resolve(resource.Properties?.PolicyDocument) as PolicyDocument,
    );
  }

  const alarmActions = new Map<string, string[]>();
  for (const { logicalId, resource } of listResources(template, 'AWS::CloudWatch::Alarm')) {
    alarmActions.set(
      String(resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] })),
      asList(resolve(resource.Properties?.AlarmActions) as string[]),
    );
  }

  return {
    accountId,
    region,
    roles,
    functionRoles,
    functionPolicies,
    stateMachineRoles,
    topicPolicies,
    topicKeys,
    secretArns,
    secretPolicies,
    secretKeys,
    keyPolicies,
    bucketPolicies,
    alarmActions,
  };
}
