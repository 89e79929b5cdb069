/**
 * What a local runtime started with a data folder writes to `<data dir>/runtime.json`, so that
 * operator tools (quota:check, queues:backfill, workflow:migrate) reach the same services.
 */
export interface LocalRuntimeFile {
  dynamoDbEndpoint: string;
  tableName: string;
  sfnEndpoint?: string;
  stateMachineArns?: { admission: string; recognition: string };
  /** The local Cognito endpoint and its pool (directory:reconcile, admin:bootstrap). */
  cognitoEndpoint?: string;
  userPoolId?: string;
}

export const LOCAL_RUNTIME_FILE = 'runtime.json';
