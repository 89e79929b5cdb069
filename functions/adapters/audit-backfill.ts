import { type DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type HistoryEvent } from '../domain/history-event';
import { isConditionFailure } from './dynamodb-errors';
import { auditKeys, UNIT_AUDIT_KEY, vietnamMonthOf } from './table-keys';

export interface AuditBackfillProgress {
  /** Items read by the scan so far. */
  scanned: number;
  /** Events whose audit keys were rewritten. */
  rekeyed: number;
  /** Where to resume (`--resume`), or undefined once the table is done. */
  resumeKey?: Record<string, unknown>;
}

/**
 * Brings history events written before the current audit layout into it: events of the first
 * layout (`AUDIT#<month>` / `<instant>…`) get the subtree index keys (`AUDIT#<top unit>#<month>` /
 * `<path>/|<instant>…`), and every event without it gets its unit audit index key (`auditUnit`,
 * the unit its candidate was in). An operator tool, and the one place that scans: it reports
 * progress after every page and resumes from the key it printed last. Each rewrite is conditional
 * on what it replaces, so a rerun, or two runs at once, rewrite an event once; events written by
 * the current code are left alone.
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
      // Events without the unit's key, or whose subtree key has no unit path (`<path>/|…`).
      FilterExpression:
        'entity = :event AND begins_with(GSI3PK, :audit) AND ' +
        '(attribute_not_exists(#unit) OR NOT contains(GSI3SK, :pathEnd))',
      ExpressionAttributeNames: { '#unit': UNIT_AUDIT_KEY.unit },
      ExpressionAttributeValues: { ':event': 'EVENT', ':audit': 'AUDIT#', ':pathEnd': '/|' },
    },
  );
  for await (const page of pages) {
    progress.scanned += page.ScannedCount ?? 0;
    for (const item of page.Items ?? []) {
      const event = item as HistoryEvent & { unitPath?: string[]; GSI3PK: string };
      if (!event.unitPath?.length) continue; // no unit to file it under
      const update = auditKeyUpdate(event as HistoryEvent & { unitPath: string[]; GSI3PK: string });
      if (!update.legacy && UNIT_AUDIT_KEY.unit in item) continue; // already in the layout
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: item.PK, SK: item.SK },
            ...update.command,
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

/** The rewrite an event needs: both keys for the first layout, else the unit's key alone. */
function auditKeyUpdate(event: HistoryEvent & { unitPath: string[]; GSI3PK: string }) {
  const unit = event.unitPath[event.unitPath.length - 1];
  if (auditKeys.isLegacyPartition(event.GSI3PK)) {
    return {
      legacy: true,
      command: {
        UpdateExpression: 'SET GSI3PK = :partition, GSI3SK = :sort, #unit = :unit',
        ConditionExpression: 'GSI3PK = :legacy',
        ExpressionAttributeNames: { '#unit': UNIT_AUDIT_KEY.unit },
        ExpressionAttributeValues: {
          ':partition': auditKeys.partition(event.unitPath, vietnamMonthOf(event.at)),
          ':sort': auditKeys.sort(event.unitPath, event.at, event.candidateId, event.seq),
          ':unit': unit,
          ':legacy': event.GSI3PK,
        },
      },
    };
  }
  return {
    legacy: false,
    command: {
      UpdateExpression: 'SET #unit = :unit',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#unit)',
      ExpressionAttributeNames: { '#unit': UNIT_AUDIT_KEY.unit },
      ExpressionAttributeValues: { ':unit': unit },
    },
  };
}
