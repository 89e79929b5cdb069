import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type WorkQueueQuery } from '../domain/work-queue';
import { type CandidatePage, type CandidateSummary } from './candidate-store';
import { decodePositionCursor, encodePositionCursor } from './cursor';
import { summaryOf } from './queue-entries';
import { keys } from './table-keys';

type Entry = Record<string, unknown> & { SK: string };

/**
 * One page of a work queue: a Query per stage on the unit's queue partitions (queue-entries.ts),
 * merged in position order (due date, waiting since, id). Each stage's partition is sorted the
 * same way, so the page ends at a position and the next page starts after it in every partition:
 * each candidate is listed exactly once however the pages fall. The due-date bound is part of
 * the key condition; the name search is a filter on the entries of that key range.
 */
export async function listWorkQueue(
  documents: DynamoDBDocumentClient,
  tableName: string,
  query: WorkQueueQuery,
): Promise<CandidatePage> {
  const listing = {
    unitId: query.unitId,
    stages: query.stages,
    dueBefore: query.dueBefore,
    search: query.search,
  };
  const after = query.cursor ? decodePositionCursor(query.cursor, listing) : undefined;
  // A name search discards most entries it reads: read more of them per request.
  const pageSize = query.search ? 100 : query.limit + 1;
  const streams = query.stages.map(
    (stage) =>
      new PartitionStream(documents, tableName, keys.queue(query.unitId, stage), {
        after,
        before: query.dueBefore,
        search: query.search,
        pageSize,
      }),
  );
  const items: Entry[] = [];
  while (items.length < query.limit) {
    const next = await earliestHead(streams);
    if (!next) break;
    items.push(next.take());
  }
  const more = (await earliestHead(streams)) !== undefined;
  const last = items[items.length - 1];
  return {
    items: items.map((entry) => summaryOf(entry as unknown as CandidateSummary)),
    nextCursor: more && last ? encodePositionCursor(listing, last.SK) : undefined,
  };
}

async function earliestHead(streams: PartitionStream[]): Promise<PartitionStream | undefined> {
  const heads = await Promise.all(streams.map(async (s) => ({ s, head: await s.peek() })));
  let best: { s: PartitionStream; head: Entry } | undefined;
  for (const { s, head } of heads) {
    if (head && (!best || head.SK < best.head.SK)) best = { s, head };
  }
  return best?.s;
}

/** The entries of one queue partition after a position, read a page at a time as needed. */
class PartitionStream {
  private buffer: Entry[] = [];
  private startKey: Record<string, unknown> | undefined;
  private exhausted = false;

  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly partition: string,
    private readonly range: { after?: string; before?: string; search?: string; pageSize: number },
  ) {
    // A position at or past the bound leaves nothing to read.
    if (range.after && range.before && range.after >= range.before) this.exhausted = true;
  }

  async peek(): Promise<Entry | undefined> {
    while (this.buffer.length === 0 && !this.exhausted) await this.readPage();
    return this.buffer[0];
  }

  take(): Entry {
    return this.buffer.shift()!;
  }

  private async readPage(): Promise<void> {
    const { after, before, search, pageSize } = this.range;
    // Due dates open the sort key, so "due before D" is "sort key below D".
    const range =
      after && before
        ? ' AND SK BETWEEN :after AND :before'
        : after
          ? ' AND SK > :after'
          : before
            ? ' AND SK < :before'
            : '';
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: `PK = :pk${range}`,
        ...(search ? { FilterExpression: 'contains(searchKey, :search)' } : {}),
        ExpressionAttributeValues: {
          ':pk': this.partition,
          ...(after ? { ':after': after } : {}),
          ...(before ? { ':before': before } : {}),
          ...(search ? { ':search': search } : {}),
        },
        Limit: pageSize,
        ExclusiveStartKey: this.startKey,
      }),
    );
    // BETWEEN includes its lower bound: the previous page's last item is not listed again.
    this.buffer.push(...((page.Items ?? []) as Entry[]).filter((i) => i.SK !== after));
    this.startKey = page.LastEvaluatedKey;
    if (!this.startKey) this.exhausted = true;
  }
}
