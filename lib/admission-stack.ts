import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Api } from './api';
import { Identity } from './identity';
import { Notifications } from './notifications';
import { Storage } from './storage';
import { Workflow } from './workflow';

/** The whole system: storage, the admission workflow, and the officers' API. */
export class AdmissionStack extends Stack {
  readonly storage: Storage;
  readonly notifications: Notifications;
  readonly workflow: Workflow;
  readonly identity: Identity;
  readonly api: Api;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.storage = new Storage(this, 'Storage');
    this.notifications = new Notifications(this, 'Notifications');
    this.workflow = new Workflow(this, 'Workflow', {
      storage: this.storage,
      notifications: this.notifications,
    });
    this.identity = new Identity(this, 'Identity');
    this.api = new Api(this, 'Api', {
      storage: this.storage,
      workflow: this.workflow,
      identity: this.identity,
    });

    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName, key: 'TableName' });
    new CfnOutput(this, 'NotificationTopicArn', {
      value: this.notifications.topic.topicArn,
      key: 'NotificationTopicArn',
    });
    new CfnOutput(this, 'StateMachineArn', {
      value: this.workflow.stateMachine.stateMachineArn,
      key: 'StateMachineArn',
    });
  }
}
