import { type DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type HistoryEvent } from '../domain/history-event';
import { isConditionFailure } from './dynamodb-errors';
import { auditKeys, vietnamMonthOf } from './table-keys';

export interface AuditBackfillProgress {
  /** Items read by the scan so far. */
  scanned: number;
  /** Events whose audit keys were rewritten. */
  rekeyed: number;
  /** Where to resume (`--resume`), or undefined once the table is done. */
  resumeKey?: Record<string, unknown>;
}

/**
 * Rewrites the audit index keys of history events written before the unit path was in the sort
 * key (`AUDIT#<month>` → `AUDIT#<top unit>#<month>` / `<path>/|<instant>…`). An operator tool,
 * and the one place that scans: it reports progress after every page and resumes from the key it
 * printed last. Each rewrite is conditional on the old key, so a rerun, or two runs at once,
 * rewrite an event once; events written by the new code are left alone.
 */
export async function backfillAuditKeys(
  documents: DynamoDBDocumentClient,
  tableName: string,
  options: { resumeKey?: Record<string, unknown>; onPage?: (p: AuditBackfillProgress) => void },
): Promise<AuditBackfillProgress> {
  const progress: AuditBackfillProgress = { scanned: 0, rekeyed: 0 };
  const pages = paginateScan(
    { client: documents, pageSize: 500 },
    {
      TableName: tableName,
      ExclusiveStartKey: options.resumeKey,
      FilterExpression: 'entity = :event AND begins_with(GSI3PK, :audit)',
      ExpressionAttributeValues: { ':event': 'EVENT', ':audit': 'AUDIT#' },
    },
  );
  for await (const page of pages) {
    progress.scanned += page.ScannedCount ?? 0;
    for (const item of page.Items ?? []) {
      if (!auditKeys.isLegacyPartition(String(item.GSI3PK))) continue;
      const event = item as HistoryEvent & { unitPath: string[]; GSI3PK: string };
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: item.PK, SK: item.SK },
            UpdateExpression: 'SET GSI3PK = :partition, GSI3SK = :sort',
            ConditionExpression: 'GSI3PK = :legacy',
            ExpressionAttributeValues: {
              ':partition': auditKeys.partition(event.unitPath, vietnamMonthOf(event.at)),
              ':sort': auditKeys.sort(event.unitPath, event.at, event.candidateId, event.seq),
              ':legacy': event.GSI3PK,
            },
          }),
        );
        progress.rekeyed++;
      } catch (error) {
        if (!isConditionFailure(error)) throw error; // rewritten meanwhile by another run
      }
    }
    progress.resumeKey = page.LastEvaluatedKey;
    options.onPage?.({ ...progress });
  }
  return progress;
}
