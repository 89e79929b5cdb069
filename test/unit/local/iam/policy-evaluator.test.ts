import {
  arnMatches,
  decideAccess,
  type AccessRequest,
  type PolicyDocument,
} from '../../../../lib/local/iam/policy-evaluator';

const ACCOUNT = '000000000000';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/FnRole`;
const fn: AccessRequest['principal'] = {
  kind: 'role',
  accountId: ACCOUNT,
  roleArn: ROLE,
  sessionArn: `arn:aws:sts::${ACCOUNT}:assumed-role/FnRole/Fn`,
};
const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Admission`;
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:Ops`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/DataKey`;
const secure = { 'aws:SecureTransport': 'true' };

const doc = (...Statement: PolicyDocument['Statement'][]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: Statement.flat(),
});

/** The shape CDK writes for grantReadWriteData / grantReadData. */
const tableReadWrite = doc({
  Effect: 'Allow',
  Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  Resource: [TABLE, `${TABLE}/index/*`],
});

/** enforceSSL plus the CloudWatch allow of lib/observability.ts. */
const topicPolicy = doc(
  {
    Sid: 'AllowPublishThroughSSLOnly',
    Effect: 'Deny',
    Principal: '*',
    Action: 'sns:Publish',
    Resource: TOPIC,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  },
  {
    Effect: 'Allow',
    Principal: { Service: 'cloudwatch.amazonaws.com' },
    Action: 'sns:Publish',
    Resource: TOPIC,
    Condition: {
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:*` },
    },
  },
);

const ask = (
  request: Partial<AccessRequest> & Pick<AccessRequest, 'action' | 'resource'>,
  policies: { identity?: PolicyDocument[]; resource?: PolicyDocument; mode?: 'mustAllow' },
) =>
  decideAccess({
    request: { principal: fn, context: secure, ...request },
    identityPolicies: policies.identity ?? [],
    resourcePolicy: policies.resource,
    mode: policies.mode,
  });

describe('identity policies', () => {
  it('allows the listed actions on the table and on its indexes through the wildcard', () => {
    const identity = [tableReadWrite];
    expect(ask({ action: 'dynamodb:PutItem', resource: TABLE }, { identity }).allowed).toBe(true);
    expect(
      ask({ action: 'dynamodb:Query', resource: `${TABLE}/index/GSI1` }, { identity }).allowed,
    ).toBe(true);
  });

  it('denies what no statement names, as an implicit deny', () => {
    const identity = [tableReadWrite];
    expect(ask({ action: 'dynamodb:DeleteItem', resource: TABLE }, { identity })).toEqual({
      allowed: false,
      reason: 'noIdentityAllow',
    });
    // The index wildcard does not reach another table, nor the table's stream.
    expect(ask({ action: 'dynamodb:PutItem', resource: `${TABLE}2` }, { identity }).allowed).toBe(
      false,
    );
  });

  it('matches action wildcards case-insensitively (kms:GenerateDataKey*)', () => {
    const identity = [doc({ Effect: 'Allow', Action: 'kms:GenerateDataKey*', Resource: KEY })];
    expect(
      ask({ action: 'KMS:GenerateDataKeyWithoutPlaintext', resource: KEY }, { identity }),
    ).toEqual({ allowed: true });
  });

  it('lets an explicit Deny win over an Allow', () => {
    const identity = [tableReadWrite, doc({ Effect: 'Deny', Action: 'dynamodb:*', Resource: '*' })];
    expect(ask({ action: 'dynamodb:GetItem', resource: TABLE }, { identity })).toEqual({
      allowed: false,
      reason: 'explicitDenyIdentity',
    });
  });

  it('honours NotAction and StringEquals conditions (iam:PassedToService)', () => {
    const passRole = doc({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: ROLE,
      Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    });
    const pass = (service?: string) =>
      ask(
        {
          action: 'iam:PassRole',
          resource: ROLE,
          context: { ...secure, 'iam:PassedToService': service },
        },
        { identity: [passRole] },
      ).allowed;
    expect(pass('scheduler.amazonaws.com')).toBe(true);
    expect(pass('lambda.amazonaws.com')).toBe(false);
    expect(pass(undefined)).toBe(false);
    const everythingBut = doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(
      ask({ action: 'iam:PassRole', resource: ROLE }, { identity: [everythingBut] }).allowed,
    ).toBe(false);
  });
});

describe('resource policies', () => {
  const cloudWatch = (context: Record<string, string>) =>
    ask(
      {
        principal: { kind: 'service', service: 'cloudwatch.amazonaws.com' },
        action: 'sns:Publish',
        resource: TOPIC,
        context,
      },
      { resource: topicPolicy },
    );
  const alarm = `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:Api5xx`;

  it('lets CloudWatch alarms of the account publish over TLS', () => {
    expect(cloudWatch({ ...secure, 'aws:SourceArn': alarm, 'aws:SourceAccount': ACCOUNT })).toEqual(
      { allowed: true },
    );
  });

  it('refuses an insecure request with the TLS Deny, even when an Allow matches', () => {
    expect(
      cloudWatch({
        'aws:SecureTransport': 'false',
        'aws:SourceArn': alarm,
        'aws:SourceAccount': ACCOUNT,
      }),
    ).toEqual({ allowed: false, reason: 'explicitDenyResource' });
  });

  it('refuses another account (ArnLike and StringEquals both hold, or nothing)', () => {
    expect(
      cloudWatch({
        ...secure,
        'aws:SourceArn': alarm.replace(ACCOUNT, '111122223333'),
        'aws:SourceAccount': ACCOUNT,
      }),
    ).toEqual({ allowed: false, reason: 'noResourceAllow' });
    expect(cloudWatch({ ...secure })).toEqual({ allowed: false, reason: 'noResourceAllow' });
  });

  it('lets a role publish on its identity policy alone (same account)', () => {
    const identity = [doc({ Effect: 'Allow', Action: 'sns:Publish', Resource: TOPIC })];
    expect(
      ask({ action: 'sns:Publish', resource: TOPIC }, { identity, resource: topicPolicy }),
    ).toEqual({ allowed: true });
  });

  it('treats a trust policy as the only grant: the schedule group ARN, not the schedule ARN', () => {
    const trust = doc({
      Effect: 'Allow',
      Principal: { Service: 'scheduler.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: {
          'aws:SourceAccount': ACCOUNT,
          'aws:SourceArn': `arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule-group/probation`,
        },
      },
    });
    const assume = (sourceArn: string) =>
      ask(
        {
          principal: { kind: 'service', service: 'scheduler.amazonaws.com' },
          action: 'sts:AssumeRole',
          resource: ROLE,
          context: { ...secure, 'aws:SourceArn': sourceArn, 'aws:SourceAccount': ACCOUNT },
        },
        { resource: trust, mode: 'mustAllow' },
      ).allowed;
    expect(assume(`arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule-group/probation`)).toBe(true);
    expect(assume(`arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/probation/p-1`)).toBe(false);
  });

  it('reads a KMS key policy that names the account root as a delegation to IAM', () => {
    const keyPolicy = doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    });
    const identity = [doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY })];
    expect(
      ask(
        { action: 'kms:Decrypt', resource: KEY },
        { identity, resource: keyPolicy, mode: 'mustAllow' },
      ),
    ).toEqual({ allowed: true });
    expect(
      ask({ action: 'kms:Decrypt', resource: KEY }, { resource: keyPolicy, mode: 'mustAllow' }),
    ).toEqual({ allowed: false, reason: 'noIdentityAllow' });
    // A service is not the account: the root statement does not let CloudWatch use the key.
    expect(
      ask(
        {
          principal: { kind: 'service', service: 'cloudwatch.amazonaws.com' },
          action: 'kms:Decrypt',
          resource: KEY,
        },
        { resource: keyPolicy, mode: 'mustAllow' },
      ),
    ).toEqual({ allowed: false, reason: 'noResourceAllow' });
  });
});

describe('condition operators', () => {
  const withCondition = (condition: Record<string, Record<string, string | string[]>>) => [
    doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }),
  ];
  const get = (identity: PolicyDocument[], context: Record<string, string | undefined>) =>
    ask({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context }, { identity }).allowed;

  it('treats a missing key as no match, except with IfExists and negated operators', () => {
    expect(get(withCondition({ StringEquals: { 'aws:SourceVpc': 'vpc-1' } }), {})).toBe(false);
    expect(get(withCondition({ StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } }), {})).toBe(
      true,
    );
    expect(get(withCondition({ StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } }), {})).toBe(true);
    expect(get(withCondition({ Null: { 'aws:SourceVpc': 'true' } }), {})).toBe(true);
  });

  it('matches condition keys case-insensitively and values as written', () => {
    const identity = withCondition({ StringEquals: { 'AWS:SourceAccount': ACCOUNT } });
    expect(get(identity, { 'aws:sourceaccount': ACCOUNT })).toBe(true);
    expect(get(identity, { 'aws:SourceAccount': '1' })).toBe(false);
  });

  it('matches ARNs part by part', () => {
    expect(
      arnMatches(
        'arn:aws:states:*:*:stateMachine:*',
        `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:M`,
      ),
    ).toBe(true);
    expect(
      arnMatches(
        'arn:aws:states:*:*:stateMachine:*',
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:F`,
      ),
    ).toBe(false);
    expect(
      arnMatches(
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:F:*`,
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:F:live`,
      ),
    ).toBe(true);
  });

  it('refuses to guess an operator it does not know', () => {
    expect(() =>
      get(withCondition({ DateGreaterThan: { 'aws:CurrentTime': '2020-01-01' } }), {}),
    ).toThrow(/does not know DateGreaterThan/);
  });
});
