import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  InvalidParameterException,
  InvalidParameterValueException,
  NotFoundException,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { awsNotifier, SnsNotifier, snsSubject } from '../../../functions/adapters/sns-notifier';
import { buildStageNotification } from '../../../functions/domain/notification';
import {
  createPublishedMessageStore,
  PUBLISHED_MESSAGES_FILE,
  type PublishedMessageStore,
} from '../../../lib/local/published-messages';
import { readTopicArns, startSnsEndpoint, type SnsEndpoint } from '../../../lib/local/sns-endpoint';
import { createResolver, type CfnTemplate } from '../../../lib/local/template';

const template: CfnTemplate = {
  Resources: {
    NotificationsTopicAE679CBD: { Type: 'AWS::SNS::Topic', Properties: {} },
    Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
  },
};
const TOPIC = 'arn:aws:sns:us-east-1:000000000000:NotificationsTopicAE679CBD';

function sdkClient(url: string): SNSClient {
  return new SNSClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

describe('SNS endpoint (AWS Query protocol) with @aws-sdk/client-sns', () => {
  let store: PublishedMessageStore;
  let endpoint: SnsEndpoint;
  let client: SNSClient;

  beforeEach(async () => {
    store = createPublishedMessageStore();
    endpoint = await startSnsEndpoint({
      topicArns: readTopicArns(template, createResolver({ template })),
      store,
      now: () => new Date('2025-05-17T07:03:00.000Z'),
    });
    client = sdkClient(endpoint.url);
  });

  afterEach(async () => {
    client.destroy();
    await endpoint.close();
  });

  it('takes the topics from the template', () => {
    expect(readTopicArns(template, createResolver({ template }))).toEqual([TOPIC]);
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('publishes with string message attributes and returns the message id', async () => {
    const out = await client.send(
      new PublishCommand({
        TopicArn: TOPIC,
        Subject: 'Ho so cho xet',
        Message: 'Hồ sơ Nguyễn Văn An chờ & <xét>\nsecond line',
        MessageAttributes: {
          role: { DataType: 'String', StringValue: 'approver' },
          unitId: { DataType: 'String', StringValue: 'dd-kdn' },
          stage: { DataType: 'String', StringValue: 'ADMISSION_DECISION' },
          kind: { DataType: 'String', StringValue: 'PARKED' },
        },
      }),
    );
    expect(out.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.list()).toEqual([
      {
        sequence: 1,
        messageId: out.MessageId,
        topicArn: TOPIC,
        subject: 'Ho so cho xet',
        message: 'Hồ sơ Nguyễn Văn An chờ & <xét>\nsecond line',
        attributes: {
          role: 'approver',
          unitId: 'dd-kdn',
          stage: 'ADMISSION_DECISION',
          kind: 'PARKED',
        },
        publishedAt: '2025-05-17T07:03:00.000Z',
      },
    ]);
  });

  it('answers an unknown topic with NotFound (404)', async () => {
    const error = await client
      .send(new PublishCommand({ TopicArn: `${TOPIC}-gone`, Message: 'x' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({
      name: 'NotFoundException',
      message: 'Topic does not exist',
      $fault: 'client',
      $metadata: { httpStatusCode: 404 },
    });
    expect(store.list()).toEqual([]);
  });

  it('refuses what SNS refuses: no message, a non-ASCII or multi-line subject, empty attributes', async () => {
    const publish = (input: Partial<ConstructorParameters<typeof PublishCommand>[0]>) =>
      client
        .send(new PublishCommand({ TopicArn: TOPIC, Message: 'x', ...input }))
        .catch((e: unknown) => e);
    await expect(publish({ Message: '' })).resolves.toBeInstanceOf(InvalidParameterException);
    await expect(publish({ Subject: 'Hồ sơ' })).resolves.toBeInstanceOf(InvalidParameterException);
    await expect(publish({ Subject: 'a\nb' })).resolves.toBeInstanceOf(InvalidParameterException);
    await expect(publish({ Subject: 'x'.repeat(101) })).resolves.toBeInstanceOf(
      InvalidParameterException,
    );
    await expect(
      publish({ MessageAttributes: { role: { DataType: 'String', StringValue: '' } } }),
    ).resolves.toBeInstanceOf(InvalidParameterValueException);
    expect(store.list()).toEqual([]);
  });

  it('carries a stage notification from SnsNotifier intact, with an ASCII subject', async () => {
    const notification = buildStageNotification({
      kind: 'PARKED',
      recipient: { role: 'approver', unitId: 'dd-kdn' },
      candidate: {
        id: 'c0a1b2c3d4e5f6a7b8c9d',
        fullName: 'Đặng Thị Ánh Tuyết',
        unitName: 'Chi bộ Công ty Cổ phần Thiết bị điện lực 1',
      },
      stage: 'ADMISSION_DECISION',
      dueOn: '2025-06-30',
      link: 'https://admission.example.vn/approve/c0a1b2c3d4e5f6a7b8c9d',
    });
    await new SnsNotifier(client, TOPIC).publish(notification);
    const [stored] = store.list();
    expect(stored.message).toBe(notification.body);
    expect(stored.attributes).toEqual({
      ...notification.attributes,
      link: 'https://admission.example.vn/approve/c0a1b2c3d4e5f6a7b8c9d',
    });
    expect(stored.subject).toMatch(/^Ho so Dang Thi Anh Tuyet cho 'Quyet dinh ket nap' \/ /);
    expect(stored.subject!.length).toBeLessThanOrEqual(99);
  });

  it('is reached through AWS_ENDPOINT_URL_SNS and NOTIFICATION_TOPIC_ARN, as a function is', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SNS: endpoint.url,
      NOTIFICATION_TOPIC_ARN: TOPIC,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
    try {
      await awsNotifier().publish({
        subject: 'Chờ / Waiting',
        body: 'body',
        attributes: {
          role: 'cell-officer',
          unitId: 'dd-tbdl1',
          stage: 'NOMINATED',
          kind: 'REMINDER',
        },
      });
    } finally {
      process.env = saved;
    }
    expect(store.list()).toMatchObject([
      { topicArn: TOPIC, subject: 'Cho / Waiting', message: 'body' },
    ]);
  });

  it('keeps messages across restarts in <dataDir>/sns-messages.jsonl', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sns-endpoint-'));
    try {
      const persisted = createPublishedMessageStore({ dataDir });
      const first = await startSnsEndpoint({ topicArns: [TOPIC], store: persisted });
      const firstClient = sdkClient(first.url);
      await firstClient.send(new PublishCommand({ TopicArn: TOPIC, Message: 'one' }));
      await firstClient.send(new PublishCommand({ TopicArn: TOPIC, Message: 'two' }));
      firstClient.destroy();
      await first.close();
      // A crash mid-write leaves a torn last line.
      fs.appendFileSync(path.join(dataDir, PUBLISHED_MESSAGES_FILE), '{"sequence":3,"mess');

      const reopened = createPublishedMessageStore({ dataDir });
      expect(reopened.list().map((m) => [m.sequence, m.message])).toEqual([
        [1, 'one'],
        [2, 'two'],
      ]);
      reopened.append({
        messageId: 'm3',
        topicArn: TOPIC,
        message: 'three',
        attributes: {},
        publishedAt: '2025-05-17T07:03:00.000Z',
      });
      expect(
        createPublishedMessageStore({ dataDir })
          .list()
          .map((m) => [m.sequence, m.message]),
      ).toEqual([
        [1, 'one'],
        [2, 'two'],
        [3, 'three'],
      ]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('snsSubject', () => {
  it('transliterates Vietnamese to printable ASCII on one line, under 100 characters', () => {
    expect(snsSubject('Hồ sơ Nguyễn Văn An chờ "Đảng ủy cơ sở xét"\n')).toBe(
      'Ho so Nguyen Van An cho "Dang uy co so xet"',
    );
    expect(snsSubject('ĐẶNG ỨNG Ở Ữ Ỵ – 漢字 ok')).toBe('DANG UNG O U Y ok');
    const long = snsSubject(`Hồ sơ ${'Nguyễn '.repeat(30)}`);
    expect(long.length).toBeLessThanOrEqual(99);
    expect(long).toMatch(/^[\x20-\x7e]+\.\.\.$/);
  });
});
