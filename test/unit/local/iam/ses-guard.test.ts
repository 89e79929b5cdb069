import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { createAccessControl } from '../../../../lib/local/iam/access-control';
import { sesGuard } from '../../../../lib/local/iam/service-guards';
import { readTemplatePermissions } from '../../../../lib/local/iam/template-permissions';
import { createPublishedMessageStore } from '../../../../lib/local/published-messages';
import { startSesEndpoint, type SesEndpoint } from '../../../../lib/local/ses-endpoint';
import { createResolver, type CfnTemplate } from '../../../../lib/local/template';

const IDENTITY = 'arn:aws:ses:us-east-1:000000000000:identity/mail.example.vn';
const SET = 'arn:aws:ses:us-east-1:000000000000:configuration-set/Mail';

const lambdaRole = {
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    },
  },
};
const sendPolicy = (role: string, resources: string[]) => ({
  Type: 'AWS::IAM::Policy',
  Properties: {
    Roles: [{ Ref: role }],
    PolicyDocument: {
      Statement: [{ Effect: 'Allow', Action: 'ses:SendEmail', Resource: resources }],
    },
  },
});

/** A domain identity, a configuration set; one role may send through both, one through the identity only. */
const template: CfnTemplate = {
  Resources: {
    Identity: { Type: 'AWS::SES::EmailIdentity', Properties: { EmailIdentity: 'mail.example.vn' } },
    Set: { Type: 'AWS::SES::ConfigurationSet', Properties: { Name: 'Mail' } },
    SenderRole: lambdaRole,
    SenderPolicy: sendPolicy('SenderRole', [IDENTITY, SET]),
    Sender: {
      Type: 'AWS::Lambda::Function',
      Properties: { Role: { 'Fn::GetAtt': ['SenderRole', 'Arn'] } },
    },
    HalfRole: lambdaRole,
    HalfPolicy: sendPolicy('HalfRole', [IDENTITY]),
    Half: {
      Type: 'AWS::Lambda::Function',
      Properties: { Role: { 'Fn::GetAtt': ['HalfRole', 'Arn'] } },
    },
  },
};
const resolve = createResolver({ template });
const access = createAccessControl(readTemplatePermissions(template, resolve), () => undefined);
const store = createPublishedMessageStore({});

function clientFor(ses: SesEndpoint, functionLogicalId: string) {
  const env = access.credentialsFor(functionLogicalId, functionLogicalId);
  return new SESv2Client({
    endpoint: ses.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      sessionToken: env.AWS_SESSION_TOKEN,
    },
  });
}

const mail = (configurationSet?: string) =>
  new SendEmailCommand({
    FromEmailAddress: 'Ket nap <no-reply@mail.example.vn>',
    Destination: { ToAddresses: ['a@example.vn'] },
    ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    Content: { Simple: { Subject: { Data: 'Chào' }, Body: { Text: { Data: 'x' } } } },
  });

describe('SES SendEmail under IAM', () => {
  let ses: SesEndpoint;
  beforeAll(async () => {
    ses = await startSesEndpoint({ template, resolve, store, authorize: sesGuard(access) });
  });
  afterAll(async () => {
    await ses?.close();
  });

  it('sends for a role allowed on the domain identity and the configuration set', async () => {
    const before = store.list().length;
    const sent = await clientFor(ses, 'Sender').send(mail('Mail'));
    expect(sent.MessageId).toMatch(/^0100/);
    expect(store.list()).toHaveLength(before + 1);
  });

  it('refuses the configuration set a role is not allowed on, with 403 and nothing sent', async () => {
    const before = store.list().length;
    const error = await clientFor(ses, 'Half')
      .send(mail('Mail'))
      .catch((e: unknown) => e as Error & { $metadata: { httpStatusCode?: number } });
    expect(error).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:sts::000000000000:assumed-role/HalfRole/Half is not authorized to perform: ses:SendEmail on resource: ${SET} because no identity-based policy allows the ses:SendEmail action`,
      $metadata: { httpStatusCode: 403 },
    });
    expect(store.list()).toHaveLength(before);
    // Without a configuration set only the identity is asked about.
    await expect(clientFor(ses, 'Half').send(mail())).resolves.toHaveProperty('MessageId');
  });

  it('authorizes against the identity that matched (the domain of the sender)', () => {
    const guard = sesGuard(access);
    const headers = {
      authorization: `AWS4-HMAC-SHA256 Credential=${access.credentialsFor('Half', 'Half').AWS_ACCESS_KEY_ID}/20260101/us-east-1/ses/aws4_request`,
    };
    expect(() => guard({ headers } as never, { identity: 'other.example.vn' })).toThrow(
      /ses:SendEmail on resource: arn:aws:ses:us-east-1:000000000000:identity\/other\.example\.vn/,
    );
    expect(() => guard({ headers } as never, { identity: 'mail.example.vn' })).not.toThrow();
  });

  it('lets an operator (no function credentials) send', () => {
    expect(() =>
      sesGuard(access)({ headers: {} } as never, { identity: 'x', configurationSet: 'y' }),
    ).not.toThrow();
  });
});
