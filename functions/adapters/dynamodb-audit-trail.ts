import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { acceptsCandidates, type OrgUnit, versionInForce } from '../domain/org-unit';
import { type AuditEvent, type AuditPage, type AuditPageQuery } from './candidate-store';
import { decodePositionCursor, encodePositionCursor, invalidCursor } from './cursor';
import { auditKeys, INDEX, UNIT_AUDIT_KEY, withoutKeys } from './table-keys';

/**
 * Where a unit's own events are read: the unit audit index (one key range for the whole period),
 * or, on a stack deployed before that index existed, the subtree index month by month
 * (README, "The unit audit index").
 */
export type OwnAuditEvents = 'unit-index' | 'subtree-index';

/** One key range of an audit index. */
interface Segment {
  index: string;
  keys: { partition: string; sort: string };
  partition: string;
  low: string;
  high: string;
  /** The units below are read whole for the month; the period's first and last day are filtered. */
  filtered: boolean;
}

/** Where the next page starts: the segment, and the last key read in it. */
interface Position {
  s: number;
  k?: { sort: string; PK: string; SK: string };
}

const SUBTREE_KEYS = { partition: 'GSI3PK', sort: 'GSI3SK' };
const UNIT_KEYS = { partition: UNIT_AUDIT_KEY.unit, sort: UNIT_AUDIT_KEY.at };

/**
 * One page of the events of a unit's subtree over a period (docs/architecture.md, "Table
 * design"). First the unit's own events, by time: one key range of its partition of the unit
 * audit index, whatever the period's length. Then, month by month, the events of the units below
 * it (none for a cell, which reads nothing more): the subtree's key range of its top-level
 * committee's month in the subtree index (auditKeys), unit by unit in path order, each by time.
 * Events are filed under the path their unit had when they happened, so a month is read under
 * every path the unit had during it (`versions`).
 *
 * A page reads at most `limit` items per query and stops once it holds `limit` events; its
 * cursor names the key range and the last key read in it, bound to this listing (unit, its
 * versions, period and where own events are read), and a cursor's key must lie in the range it names, so a
 * cursor cannot reach outside the subtree it was issued for.
 */
export async function listAuditPage(
  documents: DynamoDBDocumentClient,
  tableName: string,
  query: AuditPageQuery,
  ownEvents: OwnAuditEvents = 'unit-index',
): Promise<AuditPage> {
  // A unit moved between two pages changes the ranges: its cursors are then refused, not misread.
  const versions = query.versions.map((v) => v.effectiveFrom);
  const listing = { audit: query.unitId, from: query.from, to: query.to, own: ownEvents, versions };
  // Instants are stored in UTC; the period is in Vietnam time (UTC+7).
  const from = new Date(`${query.from}T00:00:00.000+07:00`).toISOString();
  const to = new Date(`${query.to}T23:59:59.999+07:00`).toISOString();
  const segments = segmentsOf(query, ownEvents, from, to);
  const start = query.cursor ? positionOf(query.cursor, listing, segments.length) : { s: 0 };
  const items: AuditEvent[] = [];

  for (let s = start.s; s < segments.length; s++) {
    const segment = segments[s];
    let exclusiveStart = s === start.s ? start.k : undefined;
    if (exclusiveStart && !inRange(exclusiveStart.sort, segment)) invalidCursor();
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: segment.index,
          KeyConditionExpression: '#pk = :partition AND #sk BETWEEN :low AND :high',
          ...(segment.filtered && { FilterExpression: '#at BETWEEN :from AND :to' }),
          ExpressionAttributeNames: {
            '#pk': segment.keys.partition,
            '#sk': segment.keys.sort,
            ...(segment.filtered && { '#at': 'at' }),
          },
          ExpressionAttributeValues: {
            ':partition': segment.partition,
            ':low': segment.low,
            ':high': segment.high,
            ...(segment.filtered && { ':from': from, ':to': to }),
          },
          Limit: query.limit - items.length,
          ...(exclusiveStart && {
            ExclusiveStartKey: {
              [segment.keys.partition]: segment.partition,
              [segment.keys.sort]: exclusiveStart.sort,
              PK: exclusiveStart.PK,
              SK: exclusiveStart.SK,
            },
          }),
        }),
      );
      for (const item of page.Items ?? []) items.push(withoutKeys<AuditEvent>(item));
      const last = page.LastEvaluatedKey as Record<string, string> | undefined;
      exclusiveStart = last && { sort: last[segment.keys.sort], PK: last.PK, SK: last.SK };
      if (items.length >= query.limit) {
        if (!exclusiveStart && s === segments.length - 1) return { items };
        const next: Position = exclusiveStart ? { s, k: exclusiveStart } : { s: s + 1 };
        return { items, nextCursor: encodePositionCursor(listing, JSON.stringify(next)) };
      }
    } while (exclusiveStart);
  }
  return { items };
}

/**
 * The export's key ranges, in reading order: the unit's own events (unit index), then month by
 * month those of the units below (subtree index). Known from the request and the unit's
 * versions alone, so a page reads nothing it does not return but the ranges it crosses.
 */
function segmentsOf(
  query: AuditPageQuery,
  ownEvents: OwnAuditEvents,
  from: string,
  to: string,
): Segment[] {
  const withOwnEvents = ownEvents === 'subtree-index';
  const months = monthsBetween(query.from, query.to).flatMap((month) =>
    monthSegments(query, month, from, to, withOwnEvents),
  );
  if (withOwnEvents) return months;
  const own: Segment = {
    index: INDEX.unitAudit,
    keys: UNIT_KEYS,
    partition: query.unitId,
    low: from,
    high: to,
    filtered: false,
  };
  return [own, ...months];
}

/** A month's key ranges of the subtree index, under every path the unit had during it. */
function monthSegments(
  query: AuditPageQuery,
  month: string,
  from: string,
  to: string,
  withOwnEvents: boolean,
): Segment[] {
  const first = query.from > `${month}-01` ? query.from : `${month}-01`;
  const last = query.to < `${month}-31` ? query.to : `${month}-31`;
  const seen = new Set<string>();
  const segments: Segment[] = [];
  for (const unit of versionsDuring(query.versions, first, last)) {
    if (seen.has(unit.path.join('/'))) continue;
    seen.add(unit.path.join('/'));
    const partition = auditKeys.partition(unit.path, month);
    const segment = { index: INDEX.audit, keys: SUBTREE_KEYS, partition };
    if (withOwnEvents) {
      const [low, high] = auditKeys.own(unit.path, from, to);
      segments.push({ ...segment, low, high, filtered: false });
    }
    if (!acceptsCandidates(unit)) {
      const [low, high] = auditKeys.below(unit.path);
      segments.push({ ...segment, low, high, filtered: true });
    }
  }
  return segments;
}

/** The versions in force on some day between two days (inclusive), oldest first. */
function versionsDuring(versions: readonly OrgUnit[], first: string, last: string): OrgUnit[] {
  const atStart = versionInForce(versions, first);
  const later = versions.filter((v) => v.effectiveFrom > first && v.effectiveFrom <= last);
  return [...(atStart ? [atStart] : []), ...later];
}

function positionOf(cursor: string, listing: unknown, segments: number): Position {
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
    (typeof key === 'object' && [key.sort, key.PK, key.SK].every((v) => typeof v === 'string'));
  if (!index(position?.s, segments) || !keyValid) invalidCursor();
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
