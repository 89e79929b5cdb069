import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../../../functions/adapters/ses-mailer';
import { createPublishedMessageStore } from '../../../lib/local/published-messages';
import { type SesEndpoint, startSesEndpoint } from '../../../lib/local/ses-endpoint';
import { type CfnTemplate, createResolver } from '../../../lib/local/template';

const template: CfnTemplate = {
  Resources: {
    Identity: {
      Type: 'AWS::SES::EmailIdentity',
      Properties: { EmailIdentity: 'ketnap.example.vn' },
    },
    Mail: { Type: 'AWS::SES::ConfigurationSet', Properties: { Name: 'stack-mail' } },
  },
};

describe('local SESv2 endpoint (SendEmail, REST-JSON)', () => {
  let endpoint: SesEndpoint;
  const store = createPublishedMessageStore();
  let ses: SESv2Client;
  beforeAll(async () => {
    endpoint = await startSesEndpoint({ template, resolve: createResolver({ template }), store });
    ses = new SESv2Client({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(() => endpoint.close());

  const message = {
    to: 'chien@example.vn',
    subject: 'Hồ sơ Nguyễn Văn An chờ quyết định / An awaits the decision',
    text: 'Kính gửi đồng chí Chiến,\nMở hồ sơ: http://127.0.0.1:3000/approvals/abc_DEF-1',
    html: '<p>Kính gửi</p>',
    tags: { userId: 'sub-1', kind: 'PARKED', candidateId: 'c1' },
  };

  it('accepts mail from the verified identity through the configuration set, filed by its tags', async () => {
    const mailer = new SesMailer(ses, 'Ket nap <no-reply@ketnap.example.vn>', 'stack-mail');
    const { messageId } = await mailer.send(message);
    const stored = store.list().find((m) => m.messageId === messageId)!;
    expect(stored).toMatchObject({
      subject: message.subject,
      attributes: {
        userId: 'sub-1',
        kind: 'PARKED',
        candidateId: 'c1',
        to: 'chien@example.vn',
        link: 'http://127.0.0.1:3000/approvals/abc_DEF-1',
      },
    });
  });

  it('refuses as SES does: unverified sender, unknown configuration set, bad tags', async () => {
    const count = store.list().length;
    await expect(
      new SesMailer(ses, 'no-reply@elsewhere.vn', 'stack-mail').send(message),
    ).rejects.toMatchObject({ name: 'MessageRejected' });
    await expect(
      new SesMailer(ses, 'no-reply@ketnap.example.vn', 'nope').send(message),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
    // The adapter makes tag values safe; raw SES refuses them.
    const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    await expect(
      ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'no-reply@ketnap.example.vn',
          Destination: { ToAddresses: ['a@example.vn'] },
          Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
          EmailTags: [{ Name: 'user id', Value: 'x' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException' });
    expect(store.list()).toHaveLength(count);
  });
});
