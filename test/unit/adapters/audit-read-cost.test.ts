import {
  type DynamoDBClient,
  UpdateTableCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { backfillAuditKeys } from '../../../functions/adapters/audit-backfill';
import { type OwnAuditEvents } from '../../../functions/adapters/dynamodb-audit-trail';
import { DynamoDbCandidateStore } from '../../../functions/adapters/dynamodb-candidate-store';
import { type AuditEvent } from '../../../functions/adapters/candidate-store';
import {
  historyEventItem,
  INDEX,
  keys,
  UNIT_AUDIT_KEY,
  UNIT_AUDIT_PROJECTION,
} from '../../../functions/adapters/table-keys';
import { type HistoryEvent } from '../../../functions/domain/history-event';
import { type OrgUnit, type UnitLevel } from '../../../functions/domain/org-unit';
import { auditPage } from '../../../functions/services/audit-export';
import { type DynamoDbLocalConnection } from '../../../lib/local/dynamodb-local';
import { dynamoDbLocalForThisFile } from '../../support/dynamodb-local-for-file';
import { createPkSkTable } from '../../support/pk-sk-table';
import { caller } from '../fakes/builders';

jest.setTimeout(180_000);

/**
 * The audit export reads only the requested subtree, measured with `ReturnConsumedCapacity:
 * TOTAL` on DynamoDB Local through the service (`auditPage`, the unit look-up included), against
 * the bytes of the JSON answer: one cell's year (a cell at national sparsity, the
 * `npm run bench:national` case) reads at most twice the bytes it returns, and a province's month
 * reads its own events, not the nation's. The table has the stack's two audit indexes, the unit
 * index with the stack's projection (UNIT_AUDIT_PROJECTION); events are stored with the same item
 * builder as every transition (historyEventItem).
 */
const TABLE = 'audit-read-cost';
const MONTH = '2025-09';
const PROVINCES = 3;
const DISTRICTS = 4;
const GRASSROOTS = 3;
const CELLS = 4;
/** Events of one cell in the month: two candidates' walks, a reminder or two. */
const EVENTS_PER_CELL = 24;
/** A quiet cell's year: two events a month, 2025-09 … 2026-08, and one each side of the period. */
const YEAR = { from: '2025-08-31', to: '2026-08-31' };
const YEAR_MONTHS = Array.from({ length: 12 }, (_, i) =>
  i < 4 ? `2025-${String(9 + i).padStart(2, '0')}` : `2026-${String(i - 3).padStart(2, '0')}`,
);

function unit(id: string, level: UnitLevel, parent?: OrgUnit): OrgUnit {
  return {
    id,
    name: `Đảng bộ ${id}`,
    level,
    parentId: parent?.id,
    path: [...(parent?.path ?? []), id],
    effectiveFrom: '2025-07-01',
  };
}

function organisation(): { units: OrgUnit[]; cells: OrgUnit[] } {
  const units: OrgUnit[] = [];
  const cells: OrgUnit[] = [];
  for (let p = 0; p < PROVINCES; p++) {
    const province = unit(`p${p}`, 'CITY_COMMITTEE');
    units.push(province);
    for (let d = 0; d < DISTRICTS; d++) {
      const district = unit(`p${p}-d${d}`, 'WARD_COMMITTEE', province);
      units.push(district);
      for (let g = 0; g < GRASSROOTS; g++) {
        const grassroots = unit(`${district.id}-g${g}`, 'GRASSROOTS', district);
        units.push(grassroots);
        for (let c = 0; c < CELLS; c++) {
          const cell = unit(`${grassroots.id}-c${c}`, 'CELL', grassroots);
          units.push(cell);
          cells.push(cell);
        }
      }
    }
  }
  return { units, cells };
}

/** DynamoDB's item size: attribute names and values in UTF-8, numbers about half their digits. */
function itemBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number')
    return Math.ceil(String(value).replace(/[-.]/g, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + itemBytes(v), 0);
  return (
    3 +
    Object.entries(value as Record<string, unknown>).reduce(
      (n, [name, v]) => n + 1 + Buffer.byteLength(name) + itemBytes(v),
      0,
    )
  );
}

/** The cell of the year-long export: no busy months, a few files a year. */
const QUIET_CELL = 9;

let dynamo: DynamoDbLocalConnection;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;
const meter = { readUnits: 0 };
const stored = new Map<string, Record<string, unknown>>();
const { units, cells } = organisation();

beforeAll(async () => {
  dynamo = await dynamoDbLocalForThisFile();
  client = dynamo.createClient();
  documents = DynamoDBDocumentClient.from(client);
  documents.middlewareStack.add(
    (next) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } })
        .ConsumedCapacity;
      meter.readUnits += consumed?.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'meterReads' },
  );
  await createAuditTable(client);
  const store = new DynamoDbCandidateStore(documents, TABLE);
  for (const u of units) await store.putUnit(u);
  // Each cell's month, and the month before (which no September export may read).
  const items: Record<string, unknown>[] = [];
  const add = (cellIndex: number, candidateId: string, seq: number, at: string) => {
    const item = historyEventItem(
      eventOf(cells[cellIndex], candidateId, seq, at),
      cells[cellIndex].path,
      keys.event(candidateId, seq),
    );
    stored.set(`${candidateId}#${seq}#${at}`, item);
    items.push(item);
  };
  for (const c of cells.keys()) {
    if (c === QUIET_CELL) continue;
    for (const month of ['2025-08', MONTH]) {
      for (let i = 0; i < EVENTS_PER_CELL; i++) {
        const at = `${month}-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 9}:15:00.000Z`;
        add(c, `cand-${c}-${month}-${i % 2}`, Math.floor(i / 2) + 1, at);
      }
    }
  }
  YEAR_MONTHS.forEach((month, m) => {
    add(QUIET_CELL, `quiet-${m % 2}`, m + 1, `${month}-12T02:00:00.000Z`);
    add(QUIET_CELL, `quiet-${m % 2}`, m + 2, `${month}-20T08:30:00.000Z`);
  });
  // Just outside the period, each side (Vietnam time: 2025-08-30 and 2026-09-01).
  add(QUIET_CELL, 'quiet-outside', 1, '2025-08-30T16:59:59.999Z');
  add(QUIET_CELL, 'quiet-outside', 2, '2026-08-31T17:00:00.000Z');
  await writeAll(items);
});

async function writeAll(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    await documents.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

/**
 * The stack's table as far as the export reads it: keys and both audit indexes, the unit index
 * added to the existing table as deployment 4 adds it (README, "The unit audit index").
 */
async function createAuditTable(dynamoClient: DynamoDBClient) {
  await createPkSkTable(dynamoClient, TABLE, {
    name: INDEX.audit,
    hash: { name: 'GSI3PK', type: 'S' },
    range: { name: 'GSI3SK', type: 'S' },
    projection: 'ALL',
  });
  await dynamoClient.send(
    new UpdateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [UNIT_AUDIT_KEY.unit, UNIT_AUDIT_KEY.at].map((AttributeName) => ({
        AttributeName,
        AttributeType: 'S',
      })),
      GlobalSecondaryIndexUpdates: [
        {
          Create: {
            IndexName: INDEX.unitAudit,
            KeySchema: [
              { AttributeName: UNIT_AUDIT_KEY.unit, KeyType: 'HASH' },
              { AttributeName: UNIT_AUDIT_KEY.at, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...UNIT_AUDIT_PROJECTION] },
          },
        },
      ],
    }),
  );
  await waitUntilTableExists({ client: dynamoClient, maxWaitTime: 60 }, { TableName: TABLE });
}

/** A recorded class result, as an officer's command writes it (who, from where, the votes). */
function eventOf(cell: OrgUnit, candidateId: string, seq: number, at: string): HistoryEvent {
  return {
    candidateId,
    seq,
    at,
    type: 'TRANSITION',
    fromStage: 'AWARENESS_CLASS',
    toStage: 'APPLICATION',
    action: 'recordClassResult',
    payload: { votesFor: 12, votesAgainst: 1, members: 14, meetingDate: at.slice(0, 10) },
    idempotencyKey: `key-${candidateId}-${seq}`,
    actor: {
      userId: `user-${cell.id}`,
      name: 'Trần Thị Bình',
      role: 'cell-officer',
      unitId: cell.id,
      sourceIp: '203.113.0.10',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
    },
  };
}
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const auditDeps = (ownEvents: OwnAuditEvents = 'unit-index') => ({
  trail: new DynamoDbCandidateStore(documents, TABLE, { ownAuditEvents: ownEvents }),
  files: { publish: () => Promise.reject(new Error('no file in this test')) },
});

/** A committee officer of the province, who may export any unit in it. */
const officerOf = (unitId: string) =>
  caller({ roles: ['committee-officer'], unitId: units.find((u) => u.id === unitId)!.path[0] });

/** Every page through the service, as a client pages GET /audit (1,000 events a page). */
async function exportAll(
  request: { unit: string; from: string; to: string },
  ownEvents: OwnAuditEvents = 'unit-index',
) {
  const deps = auditDeps(ownEvents);
  const events: AuditEvent[] = [];
  let returnedBytes = 0;
  let cursor: string | undefined;
  do {
    const page = await auditPage(deps, officerOf(request.unit), {
      ...request,
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    // The answer as GET /audit sends it.
    returnedBytes += Buffer.byteLength(JSON.stringify({ ...request, ...page }));
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { events, returnedBytes };
}

async function exportOf(
  unit: string,
  period: { from: string; to: string },
  ownEvents: OwnAuditEvents = 'unit-index',
) {
  meter.readUnits = 0;
  const { events, returnedBytes } = await exportAll({ unit, ...period }, ownEvents);
  // Eventually consistent reads: one read unit is 8 KB read.
  const readBytes = meter.readUnits * 8192;
  return {
    events,
    readUnits: meter.readUnits,
    returnedBytes,
    readBytes,
    ratio: readBytes / returnedBytes,
  };
}

const monthOf = (month: string) => ({ from: `${month}-01`, to: `${month}-30` });
const describeExport = (name: string, e: Awaited<ReturnType<typeof exportOf>>) =>
  `${name} ${e.events.length} events, ${e.readUnits} RCU, ${e.returnedBytes} B returned, ` +
  `${e.readBytes} B read (ratio ${e.ratio.toFixed(2)})`;

describe('audit export read cost', () => {
  let cell: Awaited<ReturnType<typeof exportOf>>;
  let quietYear: Awaited<ReturnType<typeof exportOf>>;
  let quietYearBefore: Awaited<ReturnType<typeof exportOf>>;
  let province: Awaited<ReturnType<typeof exportOf>>;
  const nationalMonthBytes = () =>
    [...stored.values()]
      .filter((item) => String(item.at).startsWith(MONTH))
      .reduce((n, item) => n + itemBytes(item), 0);

  beforeAll(async () => {
    cell = await exportOf(cells[5].id, monthOf(MONTH));
    quietYear = await exportOf(cells[QUIET_CELL].id, YEAR);
    quietYearBefore = await exportOf(cells[QUIET_CELL].id, YEAR, 'subtree-index');
    province = await exportOf('p1', monthOf(MONTH));
    console.log(
      [
        describeExport(`audit export of ${MONTH}: one cell`, cell),
        describeExport('one cell over 366 days', quietYear),
        describeExport(
          'the same from the subtree index alone (before the unit index)',
          quietYearBefore,
        ),
        describeExport('one province', province),
        `the national month partition holds ${nationalMonthBytes()} B`,
      ].join('; '),
    );
  });

  it('returns exactly the subtree’s events of the period, unit by unit, each in time order', () => {
    expect(cell.events).toHaveLength(EVENTS_PER_CELL);
    expect(new Set(cell.events.map((e) => e.unitPath.join('/')))).toEqual(
      new Set([cells[5].path.join('/')]),
    );
    expect(province.events).toHaveLength(DISTRICTS * GRASSROOTS * CELLS * EVENTS_PER_CELL);
    expect(province.events.every((e) => e.unitPath[0] === 'p1' && e.at.startsWith(MONTH))).toBe(
      true,
    );
    const paths = province.events.map((e) => e.unitPath.join('/'));
    expect(paths).toEqual([...paths].sort());
    for (const path of new Set(paths)) {
      const instants = province.events
        .filter((e) => e.unitPath.join('/') === path)
        .map((e) => e.at);
      expect(instants).toEqual([...instants].sort());
    }
  });

  it('returns every attribute of the events it reads from the unit index, as stored', () => {
    const asStored = (e: AuditEvent) => {
      const item = { ...stored.get(`${e.candidateId}#${e.seq}#${e.at}`)! };
      for (const key of ['PK', 'SK', 'entity', 'GSI3PK', 'GSI3SK', UNIT_AUDIT_KEY.unit]) {
        delete item[key];
      }
      return item;
    };
    expect(cell.events.length).toBeGreaterThan(0);
    for (const e of [...cell.events, ...quietYear.events]) expect(e).toEqual(asStored(e));
  });

  it('reads a cell’s year from one key range, the period’s events only, in time order', () => {
    const instants = quietYear.events.map((e) => e.at);
    expect(instants).toHaveLength(YEAR_MONTHS.length * 2);
    expect(instants).toEqual([...instants].sort());
    expect(quietYear.events.some((e) => e.candidateId === 'quiet-outside')).toBe(false);
    // The same events as the subtree index gives, month by month.
    const ids = (events: AuditEvent[]) => events.map((e) => `${e.candidateId}#${e.seq}`).sort();
    expect(ids(quietYear.events)).toEqual(ids(quietYearBefore.events));
  });

  it('pages through the same events as one read, and refuses a cursor it did not issue', async () => {
    const deps = auditDeps();
    const query = { unit: 'p1-d1', from: `${MONTH}-01`, to: `${MONTH}-30` };
    const officer = officerOf(query.unit);
    const { events: all } = await exportAll(query);
    const paged: AuditEvent[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await auditPage(deps, officer, { ...query, limit: 7, cursor });
      sizes.push(page.items.length);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.slice(0, -1).every((n) => n === 7)).toBe(true);

    const first = await auditPage(deps, officer, { ...query, limit: 7 });
    const refusalOf = (
      listing: typeof query,
      badCursor: string,
      ownEvents: OwnAuditEvents = 'unit-index',
    ) =>
      auditPage(auditDeps(ownEvents), officer, { ...listing, limit: 7, cursor: badCursor }).then(
        () => 'accepted',
        (error: { body?: { code: string; field: string } }) => error.body,
      );
    // Another unit's listing (a wider subtree) does not accept this listing's cursor.
    expect(await refusalOf({ ...query, unit: 'p1' }, first.nextCursor!)).toEqual({
      code: 'INVALID_CURSOR',
      message: expect.any(String),
      message_en: expect.any(String),
      field: 'cursor',
    });
    // Nor does the same listing read the other way (a cursor from before the switch to the unit
    // index names other steps).
    expect(await refusalOf(query, first.nextCursor!, 'subtree-index')).toMatchObject({
      code: 'INVALID_CURSOR',
    });
    // An altered position (a key outside the range it names) is refused, as is garbage.
    const decoded = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8'));
    const position = JSON.parse(decoded.a);
    position.k.sort = 'p2/|2025-01-01';
    const forged = Buffer.from(
      JSON.stringify({ ...decoded, a: JSON.stringify(position) }),
    ).toString('base64url');
    expect(await refusalOf(query, forged)).toMatchObject({ code: 'INVALID_CURSOR' });
    expect(await refusalOf(query, 'not-a-cursor')).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('pages a cell’s year through the unit index', async () => {
    const deps = auditDeps();
    const request = { unit: cells[QUIET_CELL].id, ...YEAR };
    const paged: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await auditPage(deps, officerOf(request.unit), { ...request, limit: 5, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(quietYear.events);
  });

  it('reads at most twice the bytes it returns for one cell, over a month and over a year', () => {
    expect(cell.ratio).toBeLessThanOrEqual(2);
    expect(quietYear.ratio).toBeLessThanOrEqual(2);
    // Month by month, the same year cost a read unit at least per month.
    expect(quietYearBefore.readUnits).toBeGreaterThanOrEqual(YEAR_MONTHS.length * 0.5);
    expect(quietYear.readUnits).toBeLessThan(quietYearBefore.readUnits / 3);
  });

  it('reads a province’s events only, not the national month', () => {
    expect(province.ratio).toBeLessThanOrEqual(1.5);
    expect(province.readBytes).toBeLessThan(nationalMonthBytes() / 2);
  });
});

describe('a unit moved during the period', () => {
  it('exports its subtree under the path it had before the move and after', async () => {
    const store = new DynamoDbCandidateStore(documents, TABLE);
    const [d0, d1] = ['p0-d0', 'p0-d1'].map((id) => units.find((u) => u.id === id)!);
    const moved = (parent: OrgUnit, effectiveFrom: string) => {
      const grassroots = { ...unit('gm', 'GRASSROOTS', parent), effectiveFrom };
      return { grassroots, cell: { ...unit('gm-c0', 'CELL', grassroots), effectiveFrom } };
    };
    const before = moved(d0, '2025-07-01');
    const after = moved(d1, '2025-09-15');
    for (const version of [before, after]) {
      await store.putUnit(version.grassroots);
      await store.putUnit(version.cell);
    }
    units.push(after.grassroots, after.cell);
    const events = (cell: OrgUnit, day: string) =>
      Array.from({ length: 5 }, (_, i) =>
        historyEventItem(
          eventOf(cell, `moved-${day}-${i}`, 1, `2025-09-${day}T0${i}:00:00.000Z`),
          cell.path,
          keys.event(`moved-${day}-${i}`, 1),
        ),
      );
    await writeAll([...events(before.cell, '05'), ...events(after.cell, '20')]);

    const movedIds = async (unitId: string) =>
      (await exportAll({ unit: unitId, ...monthOf(MONTH) })).events
        .map((e) => e.candidateId)
        .filter((id) => id.startsWith('moved-'))
        .sort();
    const all = [...Array(5).keys()].flatMap((i) => [`moved-05-${i}`, `moved-20-${i}`]).sort();
    expect(await movedIds('gm')).toEqual(all);
    expect(await movedIds('gm-c0')).toEqual(all);
    // Each district has the events of the days the unit was under it.
    expect(await movedIds('p0-d0')).toEqual(all.filter((id) => id.startsWith('moved-05')));
    expect(await movedIds('p0-d1')).toEqual(all.filter((id) => id.startsWith('moved-20')));
  });
});

describe('audit:backfill', () => {
  /** Events as an older layout wrote them: without the unit's key, maybe with month-only keys. */
  const olderEvents = (cell: OrgUnit, month: string, count: number, firstLayout: boolean) =>
    Array.from({ length: count }, (_, i) => {
      const event: HistoryEvent = {
        candidateId: `older-${month}-${i}`,
        seq: 1,
        at: `${month}-0${1 + (i % 9)}T03:00:00.000Z`,
        type: 'NOMINATED',
        toStage: 'NOMINATED',
      };
      const item = historyEventItem(event, cell.path, keys.event(event.candidateId, 1));
      delete item[UNIT_AUDIT_KEY.unit];
      if (!firstLayout) return item;
      return { ...item, GSI3PK: `AUDIT#${month}`, GSI3SK: `${event.at}#${event.candidateId}#1` };
    });

  it('gives older events their keys in both indexes, once, and the export then finds them', async () => {
    // The first layout (month-only keys), and the one before the unit index (subtree keys only).
    const firstLayout = olderEvents(cells[7], '2025-10', 30, true);
    const subtreeOnly = olderEvents(cells[6], '2025-11', 20, false);
    await writeAll([...firstLayout, ...subtreeOnly]);
    const exported = async (cell: OrgUnit, month: string, ownEvents?: OwnAuditEvents) =>
      (await exportAll({ unit: cell.id, from: `${month}-01`, to: `${month}-30` }, ownEvents))
        .events;
    expect(await exported(cells[7], '2025-10')).toHaveLength(0);
    expect(await exported(cells[7], '2025-10', 'subtree-index')).toHaveLength(0);
    expect(await exported(cells[6], '2025-11')).toHaveLength(0);
    expect(await exported(cells[6], '2025-11', 'subtree-index')).toHaveLength(20);

    const pages: number[] = [];
    const first = await backfillAuditKeys(documents, TABLE, {
      onPage: (p) => pages.push(p.rekeyed),
    });
    expect(first.rekeyed).toBe(50);
    expect(first.resumeKey).toBeUndefined();
    expect(pages.length).toBeGreaterThan(1); // progress after every page
    for (const ownEvents of ['unit-index', 'subtree-index'] as const) {
      expect(await exported(cells[7], '2025-10', ownEvents)).toHaveLength(30);
      expect(await exported(cells[6], '2025-11', ownEvents)).toHaveLength(20);
    }
    // A province's export finds the first layout's events under their unit path.
    const provinceOctober = await exported(
      units.find((u) => u.id === 'p0')!,
      '2025-10',
    );
    expect(provinceOctober.filter((e) => e.candidateId.startsWith('older-'))).toHaveLength(30);
    // A second run finds nothing left to do.
    expect((await backfillAuditKeys(documents, TABLE, {})).rekeyed).toBe(0);
  });
});
