import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { acceptsCandidates } from '../domain/org-unit';
import {
  type AuditEvent,
  type AuditPage,
  type AuditPageQuery,
  type UnitLookup,
} from './candidate-store';
import { decodePositionCursor, encodePositionCursor, invalidCursor } from './cursor';
import { auditKeys, INDEX, withoutKeys } from './table-keys';

/** One key range of the audit index: a unit's own events, or those of the units below it. */
interface Segment {
  partition: string;
  low: string;
  high: string;
  /** The units below are read whole for the month; the period's first and last day are filtered. */
  filtered: boolean;
}

/** Where the next page starts: month, segment of that month, and the last key read in it. */
interface Position {
  m: number;
  s: number;
  k?: { GSI3SK: string; PK: string; SK: string };
}

/**
 * One page of the events of a unit's subtree over a period (docs/architecture.md, "Table
 * design"). The export is read month by month; each month reads only the subtree's key ranges of
 * its top-level committee's partition (auditKeys): the unit's own events by time, then — unless
 * it is a cell, which has no units below — its descendants' events, unit by unit in path order,
 * each by time. Events are filed under the path the unit had when they happened, so a month is
 * read with the unit's path at its start and at its end (a move inside the month).
 *
 * A page reads at most `limit` items per query and stops once it holds `limit` events; its
 * cursor names the month, the key range and the last key read, bound to this listing (unit and
 * period), and a cursor's key must lie in the range it names, so a cursor cannot reach outside the
 * subtree it was issued for.
 */
export async function listAuditPage(
  documents: DynamoDBDocumentClient,
  tableName: string,
  units: UnitLookup,
  query: AuditPageQuery,
): Promise<AuditPage> {
  const listing = { audit: query.unitId, from: query.from, to: query.to };
  const months = monthsBetween(query.from, query.to);
  const start = query.cursor ? positionOf(query.cursor, listing, months.length) : { m: 0, s: 0 };
  // Instants are stored in UTC; the period is in Vietnam time (UTC+7).
  const from = new Date(`${query.from}T00:00:00.000+07:00`).toISOString();
  const to = new Date(`${query.to}T23:59:59.999+07:00`).toISOString();
  const items: AuditEvent[] = [];

  for (let m = start.m; m < months.length; m++) {
    const segments = await segmentsOf(units, query, months[m], from, to);
    const first = m === start.m ? start.s : 0;
    if (first > segments.length) invalidCursor();
    for (let s = first; s < segments.length; s++) {
      const segment = segments[s];
      let exclusiveStart = m === start.m && s === start.s ? start.k : undefined;
      if (exclusiveStart && !inRange(exclusiveStart.GSI3SK, segment)) invalidCursor();
      do {
        const page = await documents.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: INDEX.audit,
            KeyConditionExpression: 'GSI3PK = :partition AND GSI3SK BETWEEN :low AND :high',
            ...(segment.filtered && {
              FilterExpression: '#at BETWEEN :from AND :to',
              ExpressionAttributeNames: { '#at': 'at' },
            }),
            ExpressionAttributeValues: {
              ':partition': segment.partition,
              ':low': segment.low,
              ':high': segment.high,
              ...(segment.filtered && { ':from': from, ':to': to }),
            },
            Limit: query.limit - items.length,
            ...(exclusiveStart && {
              ExclusiveStartKey: { ...exclusiveStart, GSI3PK: segment.partition },
            }),
          }),
        );
        for (const item of page.Items ?? []) items.push(withoutKeys<AuditEvent>(item));
        const last = page.LastEvaluatedKey as Record<string, string> | undefined;
        exclusiveStart = last && { GSI3SK: last.GSI3SK, PK: last.PK, SK: last.SK };
        if (items.length >= query.limit) {
          const atEnd = !exclusiveStart && m === months.length - 1 && s === segments.length - 1;
          if (atEnd) return { items };
          const next: Position = exclusiveStart ? { m, s, k: exclusiveStart } : { m, s: s + 1 };
          return { items, nextCursor: encodePositionCursor(listing, JSON.stringify(next)) };
        }
      } while (exclusiveStart);
    }
  }
  return { items };
}

async function segmentsOf(
  units: UnitLookup,
  query: AuditPageQuery,
  month: string,
  from: string,
  to: string,
): Promise<Segment[]> {
  const first = query.from > `${month}-01` ? query.from : `${month}-01`;
  const last = query.to < `${month}-31` ? query.to : `${month}-31`;
  const versions = [
    await units.getUnit(query.unitId, first),
    await units.getUnit(query.unitId, last),
  ];
  const seen = new Set<string>();
  const segments: Segment[] = [];
  for (const unit of versions) {
    if (!unit || seen.has(unit.path.join('/'))) continue;
    seen.add(unit.path.join('/'));
    const partition = auditKeys.partition(unit.path, month);
    const [ownLow, ownHigh] = auditKeys.own(unit.path, from, to);
    segments.push({ partition, low: ownLow, high: ownHigh, filtered: false });
    if (!acceptsCandidates(unit)) {
      const [low, high] = auditKeys.below(unit.path);
      segments.push({ partition, low, high, filtered: true });
    }
  }
  return segments;
}

function positionOf(cursor: string, listing: unknown, months: number): Position {
  let position: Position;
  try {
    position = JSON.parse(decodePositionCursor(cursor, listing)) as Position;
  } catch {
    return invalidCursor();
  }
  const index = (n: unknown, below: number) =>
    Number.isInteger(n) && (n as number) >= 0 && (n as number) < below;
  const key = position?.k;
  const keyValid =
    key === undefined ||
    (typeof key === 'object' && [key.GSI3SK, key.PK, key.SK].every((v) => typeof v === 'string'));
  if (!index(position?.m, months) || !index(position?.s, 64) || !keyValid) invalidCursor();
  return position;
}

const inRange = (sortKey: string, segment: Segment) =>
  sortKey >= segment.low && sortKey <= segment.high;

/** The months (YYYY-MM) a period of days touches. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}
