import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { startFaultProxy, type FaultProxy } from '../../../../lib/local/fault-proxy';
import { createAccessControl } from '../../../../lib/local/iam/access-control';
import { dynamoDbGuard, snsGuard } from '../../../../lib/local/iam/service-guards';
import { readTemplatePermissions } from '../../../../lib/local/iam/template-permissions';
import { createPublishedMessageStore } from '../../../../lib/local/published-messages';
import {
  readTopicArns,
  startSnsEndpoint,
  type SnsEndpoint,
} from '../../../../lib/local/sns-endpoint';
import { createResolver, type CfnTemplate } from '../../../../lib/local/template';

/** A function that may only read table T, and a topic with enforceSSL's policy only. */
const template: CfnTemplate = {
  Resources: {
    T: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
    TopicPolicy: {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: {
        Topics: [{ Ref: 'Topic' }],
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 'sns:Publish',
              Resource: { Ref: 'Topic' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
    ReaderRole: {
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
    },
    ReaderPolicy: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        Roles: [{ Ref: 'ReaderRole' }],
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Action: 'dynamodb:GetItem',
              Resource: { 'Fn::GetAtt': ['T', 'Arn'] },
            },
          ],
        },
      },
    },
    Reader: {
      Type: 'AWS::Lambda::Function',
      Properties: { Role: { 'Fn::GetAtt': ['ReaderRole', 'Arn'] } },
    },
  },
};
const resolve = createResolver({ template });
const access = createAccessControl(readTemplatePermissions(template, resolve), () => undefined);
const env = access.credentialsFor('Reader', 'Reader');
const credentials = {
  accessKeyId: env.AWS_ACCESS_KEY_ID,
  secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
  sessionToken: env.AWS_SESSION_TOKEN,
};
const SESSION = 'arn:aws:sts::000000000000:assumed-role/ReaderRole/Reader';

describe('refusals on the wire, as the unmodified SDK reads them', () => {
  let proxy: FaultProxy;
  let sns: SnsEndpoint;
  beforeAll(async () => {
    // Nothing listens upstream: a refused request must never be forwarded.
    proxy = await startFaultProxy({ target: 'http://127.0.0.1:9', inspect: dynamoDbGuard(access) });
    sns = await startSnsEndpoint({
      topicArns: readTopicArns(template, resolve),
      store: createPublishedMessageStore({}),
      authorize: snsGuard(access),
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await sns?.close();
  });

  it('DynamoDB: AccessDeniedException with principal, action and resource', async () => {
    const client = new DynamoDBClient({
      endpoint: proxy.url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    const error = await client
      .send(new PutItemCommand({ TableName: 'T', Item: { pk: { S: 'x' } } }))
      .catch((e: unknown) => e as Error & { $metadata: { httpStatusCode?: number } });
    expect(error).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${SESSION} is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/T because no identity-based policy allows the dynamodb:PutItem action`,
      $metadata: { httpStatusCode: 400 },
    });
    expect(proxy.stats()).toMatchObject({ refused: 1, forwarded: 0 });
    // An allowed call goes on to DynamoDB (here: nobody there, so the connection fails).
    await expect(
      client.send(new GetItemCommand({ TableName: 'T', Key: { pk: { S: 'x' } } })),
    ).rejects.not.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('SNS: AuthorizationError 403 when neither the role nor the topic policy allows', async () => {
    const client = new SNSClient({
      endpoint: sns.url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    const topic = 'arn:aws:sns:us-east-1:000000000000:Topic';
    const error = await client
      .send(new PublishCommand({ TopicArn: topic, Message: 'x' }))
      .catch((e: unknown) => e as Error & { $metadata: { httpStatusCode?: number } });
    expect(error).toMatchObject({
      name: 'AuthorizationErrorException',
      message: `User: ${SESSION} is not authorized to perform: SNS:Publish on resource: ${topic} because no identity-based policy allows the SNS:Publish action`,
      $metadata: { httpStatusCode: 403 },
    });
  });
});
