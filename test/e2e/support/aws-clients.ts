import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SFNClient } from '@aws-sdk/client-sfn';
import { type RuntimeEndpoints } from './runtime-process';

const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

/** The unmodified AWS SDK clients, pointed at the local runtime's endpoints. */
export function awsClients(runtime: RuntimeEndpoints) {
  return {
    sfn: new SFNClient({ ...local, endpoint: runtime.sfnEndpoint }),
    scheduler: new SchedulerClient({ ...local, endpoint: runtime.schedulerEndpoint }),
    documents: DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...local, endpoint: runtime.dynamoDbEndpoint }),
    ),
  };
}
