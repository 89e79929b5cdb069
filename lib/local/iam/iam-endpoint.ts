/**
 * Local control paths of the IAM enforcement (not AWS APIs):
 *
 *   GET    /local/iam/denials              {enabled, denials: [{principal, action, resource, reason, message}]}
 *   DELETE /local/iam/denials              forget them
 *   POST   /local/alarms/{AlarmName}/fire  the alarm's actions, as CloudWatch runs them: each
 *                                          topic publication authorized for cloudwatch.amazonaws.com
 *                                          (topic policy + key policy), then delivered to the inbox;
 *                                          403 {code: ALARM_ACTION_DENIED, …} with AWS's message.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsServiceError } from '../aws-json-protocol';
import type { PublishedMessageStore } from '../published-messages';
import type { AccessControl } from './access-control';
import { authorizeAlarmActions } from './service-paths';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function createIamHandler(options: {
  access?: AccessControl;
  store: Pick<PublishedMessageStore, 'append'>;
  now: () => Date;
}) {
  const { access } = options;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
    if (path === '/local/iam/denials') {
      if (req.method === 'DELETE') access?.clearDenials();
      sendJson(res, 200, { enabled: access !== undefined, denials: access?.denials() ?? [] });
      return true;
    }
    const fire = /^\/local\/alarms\/([^/]+)\/fire$/.exec(path);
    if (!fire || req.method !== 'POST' || !access) return false;
    const name = decodeURIComponent(fire[1]);
    const alarmArn = [...access.permissions.alarmActions.keys()].find((arn) =>
      arn.endsWith(`:alarm:${name}`),
    );
    if (!alarmArn) {
      sendJson(res, 404, {
        code: 'ALARM_NOT_FOUND',
        message: `Không có cảnh báo ${name}`,
        message_en: `No alarm named ${name}`,
        field: 'alarmName',
      });
      return true;
    }
    try {
      const topics = authorizeAlarmActions(access, alarmArn);
      const published = topics.map((topicArn) => {
        const messageId = randomUUID();
        options.store.append({
          messageId,
          topicArn,
          subject: `ALARM: "${name}"`,
          message: JSON.stringify({ AlarmName: name, AlarmArn: alarmArn, NewStateValue: 'ALARM' }),
          attributes: {},
          publishedAt: options.now().toISOString(),
        });
        return { topicArn, messageId };
      });
      sendJson(res, 200, { alarmArn, published });
    } catch (error) {
      if (!(error instanceof AwsServiceError)) throw error;
      sendJson(res, 403, {
        code: 'ALARM_ACTION_DENIED',
        message: 'CloudWatch không được phép gửi cảnh báo tới chủ đề SNS',
        message_en: error.message,
        field: 'alarmName',
        awsError: error.code,
      });
    }
    return true;
  };
}
