import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { AdmissionFunction } from './constructs/admission-function';
import { type Delivery } from './delivery';
import { type Storage } from './storage';

/**
 * The daily digest "Việc cần làm hôm nay": at 07:00 Vietnam time (00:00 UTC) one function walks
 * the organisation unit by unit, reads each officer's due and overdue steps from the work queues
 * and sends each of them one e-mail (functions/ops/daily-digest.ts). It reads the table and puts
 * delivery records and the day's notes; it sends through the stack's identity only.
 */
export class DailyDigest extends Construct {
  readonly fn: AdmissionFunction;

  constructor(scope: Construct, id: string, props: { storage: Storage; delivery: Delivery }) {
    super(scope, id);
    this.fn = new AdmissionFunction(this, 'SendDailyDigests', {
      entry: 'ops/daily-digest.ts',
      description:
        'Daily 07:00 (Vietnam): each officer their steps due today or overdue, by e-mail',
      timeout: Duration.minutes(15),
    });
    props.storage.grantReadAndPut(this.fn);
    props.delivery.grantSend(this.fn);
    new events.Rule(this, 'DailyDigestSchedule', {
      description: 'Sends the daily digest of due and overdue steps at 07:00 Vietnam time',
      // 00:00 UTC is 07:00 in Vietnam (UTC+7, no daylight saving).
      schedule: events.Schedule.cron({ minute: '0', hour: '0' }),
      targets: [new targets.LambdaFunction(this.fn, { retryAttempts: 2 })],
    });
  }
}
