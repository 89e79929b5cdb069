import { type CandidateStore } from './candidate-store';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { DynamoDbCandidateStore } from './dynamodb-candidate-store';

/**
 * The candidate store on the table the function's environment names (TABLE_NAME). A module of its
 * own, apart from the workflow clients of aws-dependencies.ts: a function that only reads and
 * writes the table does not load the Step Functions and Scheduler SDKs at its cold start.
 */
export function awsCandidateStore(): CandidateStore {
  return new DynamoDbCandidateStore(createDocumentClient(), requiredEnv('TABLE_NAME'), {
    // Set on the audit export only (lib/storage.ts, grantAuditReads): the subtree index until the
    // deployment that adds the unit audit index.
    ownAuditEvents:
      process.env.AUDIT_OWN_EVENTS === 'subtree-index' ? 'subtree-index' : 'unit-index',
  });
}
