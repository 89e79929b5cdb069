import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { AdmissionFunction } from './constructs/admission-function';
import { type Storage } from './storage';

/**
 * The quota side of operations: the hourly job that publishes `AttainmentPercent` per top-level
 * unit and `UnitsBehindPace` (read-only on the table), and the CloudWatch custom widget function
 * that renders the per-unit quota table as HTML (read-only; invoked by the dashboard).
 */
export class QuotaReporting extends Construct {
  readonly publishAttainment: AdmissionFunction;
  readonly widget: AdmissionFunction;

  constructor(scope: Construct, id: string, props: { storage: Storage }) {
    super(scope, id);
    this.publishAttainment = new AdmissionFunction(this, 'PublishAttainment', {
      entry: 'ops/publish-attainment.ts',
      description: 'Hourly: AttainmentPercent per top-level unit and UnitsBehindPace (EMF)',
      timeout: Duration.minutes(2),
    });
    props.storage.grantReadCandidates(this.publishAttainment);
    new events.Rule(this, 'PublishAttainmentSchedule', {
      description: 'Publishes quota attainment metrics for the dashboard and the behind-pace alarm',
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(this.publishAttainment)],
    });

    this.widget = new AdmissionFunction(this, 'QuotaWidget', {
      entry: 'ops/quota-widget.ts',
      description: 'CloudWatch custom widget: the per-unit quota table (HTML)',
      timeout: Duration.seconds(30),
    });
    props.storage.grantReadCandidates(this.widget);
  }
}
