import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Candidate } from '../domain/candidate';
import { TERMINAL_STAGE_IDS } from '../domain/stage-ids';
import {
  type CandidateScan,
  type CandidateScanFilter,
  type CandidateScanPage,
} from './candidate-scan';
import { isConditionFailure } from './dynamodb-errors';
import { IN_FLIGHT_KEY, inFlightShardOf, keys, watchedForRepair, withoutKeys } from './table-keys';

/** Items read per Scan request: a page is a few MB at most, and progress shows often. */
const SCAN_PAGE_ITEMS = 1000;

const FILTERS: Record<
  CandidateScanFilter,
  { expression: string; values: Record<string, unknown>; names?: Record<string, string> }
> = {
  unlisted: {
    expression: 'entity = :candidate AND attribute_not_exists(searchKey)',
    values: { ':candidate': 'CANDIDATE' },
  },
  unindexed: {
    // Files that ended need no index entry; ADMITTED (probation) does.
    expression: `entity = :candidate AND attribute_not_exists(#shard) AND NOT stage IN (${TERMINAL_STAGE_IDS.filter(
      (s) => s !== 'ADMITTED',
    )
      .map((_, i) => `:ended${i}`)
      .join(', ')})`,
    values: {
      ':candidate': 'CANDIDATE',
      ...Object.fromEntries(
        TERMINAL_STAGE_IDS.filter((s) => s !== 'ADMITTED').map((s, i) => [`:ended${i}`, s]),
      ),
    },
    names: { '#shard': IN_FLIGHT_KEY.shard },
  },
};

export class DynamoDbCandidateScan implements CandidateScan {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async scanPage(
    filter: CandidateScanFilter,
    from?: Record<string, unknown>,
  ): Promise<CandidateScanPage> {
    const { expression, values, names } = FILTERS[filter];
    const { Items, ScannedCount, LastEvaluatedKey } = await this.documents.send(
      new ScanCommand({
        TableName: this.tableName,
        FilterExpression: expression,
        ExpressionAttributeValues: values,
        ...(names ? { ExpressionAttributeNames: names } : {}),
        ConsistentRead: true,
        Limit: SCAN_PAGE_ITEMS,
        ...(from ? { ExclusiveStartKey: from } : {}),
      }),
    );
    return {
      candidates: (Items ?? []).map((item) => withoutKeys<Candidate>(item)),
      scanned: ScannedCount ?? 0,
      ...(LastEvaluatedKey ? { next: LastEvaluatedKey } : {}),
    };
  }

  async indexInFlight(candidate: Candidate): Promise<boolean> {
    if (!watchedForRepair(candidate)) return false;
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.candidate(candidate.id),
          UpdateExpression: 'SET #shard = :shard, #sort = :id',
          ConditionExpression: 'version = :version AND attribute_not_exists(#shard)',
          ExpressionAttributeNames: { '#shard': IN_FLIGHT_KEY.shard, '#sort': IN_FLIGHT_KEY.sort },
          ExpressionAttributeValues: {
            ':shard': inFlightShardOf(candidate.id),
            ':id': candidate.id,
            ':version': candidate.version,
          },
        }),
      );
      return true;
    } catch (error) {
      // It moved on meanwhile: its own transition wrote the keys (or ended the file).
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
