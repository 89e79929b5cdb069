import {
  type DynamoDbLocalConnection,
  startDynamoDbLocal,
  useSharedDynamoDbLocal,
} from '../../lib/local/dynamodb-local';
import { sharedDynamoDbOfThisWorker } from './shared-dynamodb';

/**
 * A DynamoDB Local for one test file: the jest worker's shared in-memory instance, emptied of
 * every table, when the run started them (`npm test`: test/e2e/global-setup.ts), else one of its
 * own. The files of a worker run one after another, so a file never sees another's tables.
 */
export function dynamoDbLocalForThisFile(): Promise<DynamoDbLocalConnection> {
  const shared = sharedDynamoDbOfThisWorker();
  return shared ? useSharedDynamoDbLocal(shared) : startDynamoDbLocal();
}
