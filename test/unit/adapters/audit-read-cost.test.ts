import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { backfillAuditKeys } from '../../../functions/adapters/audit-backfill';
import { DynamoDbCandidateStore } from '../../../functions/adapters/dynamodb-candidate-store';
import { type AuditEvent } from '../../../functions/adapters/candidate-store';
import { historyEventItem, keys } from '../../../functions/adapters/table-keys';
import { type HistoryEvent } from '../../../functions/domain/history-event';
import { type OrgUnit, type UnitLevel } from '../../../functions/domain/org-unit';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../../lib/local/dynamodb-local';
import { createPkSkTable } from '../../support/pk-sk-table';

jest.setTimeout(180_000);

/**
 * The audit export reads only the requested subtree (its key range of the audit index), measured
 * with `ReturnConsumedCapacity: TOTAL` on DynamoDB Local: one cell's month reads at most twice
 * the bytes it returns, and a province's month reads its own events, not the nation's. Events are
 * stored with the same item builder as every transition (historyEventItem).
 */
const TABLE = 'audit-read-cost';
const MONTH = '2025-09';
const PROVINCES = 3;
const DISTRICTS = 4;
const GRASSROOTS = 3;
const CELLS = 4;
/** Events of one cell in the month: two candidates' walks, a reminder or two. */
const EVENTS_PER_CELL = 24;

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

let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;
const meter = { readUnits: 0 };
const stored = new Map<string, Record<string, unknown>>();
const { units, cells } = organisation();

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
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
  await createPkSkTable(client, TABLE, {
    name: 'GSI3',
    hash: { name: 'GSI3PK', type: 'S' },
    range: { name: 'GSI3SK', type: 'S' },
    projection: 'ALL',
  });
  const store = new DynamoDbCandidateStore(documents, TABLE);
  for (const u of units) await store.putUnit(u);
  // Each cell's month, and the month before (which no September export may read).
  const items: Record<string, unknown>[] = [];
  for (const [c, cell] of cells.entries()) {
    for (const month of ['2025-08', MONTH]) {
      for (let i = 0; i < EVENTS_PER_CELL; i++) {
        const candidateId = `cand-${c}-${month}-${i % 2}`;
        const event: HistoryEvent = {
          candidateId,
          seq: Math.floor(i / 2) + 1,
          at: `${month}-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 9}:15:00.000Z`,
          type: 'TRANSITION',
          fromStage: 'AWARENESS_CLASS',
          toStage: 'APPLICATION',
          action: 'recordClassResult',
          payload: { votesFor: 12, votesAgainst: 1, members: 14, meetingDate: `${month}-10` },
          idempotencyKey: `key-${candidateId}-${i}`,
          actor: {
            userId: `user-${c}`,
            name: 'Trần Thị Bình',
            role: 'cell-officer',
            unitId: cell.id,
            sourceIp: '203.113.0.10',
            userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
          },
        };
        const item = historyEventItem(event, cell.path, keys.event(candidateId, event.seq));
        stored.set(`${candidateId}#${event.seq}#${event.at}`, item);
        items.push(item);
      }
    }
  }
  for (let i = 0; i < items.length; i += 25) {
    await documents.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

/** Every page, as the file export reads them (1,000 events a page). */
async function exportAll(
  store: DynamoDbCandidateStore,
  query: { unitId: string; from: string; to: string },
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listAuditPage({
      ...query,
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

async function exportOf(unitId: string) {
  const store = new DynamoDbCandidateStore(documents, TABLE);
  meter.readUnits = 0;
  const events: AuditEvent[] = [];
  events.push(...(await exportAll(store, { unitId, from: `${MONTH}-01`, to: `${MONTH}-30` })));
  const returnedBytes = events
    .map((e) => stored.get(`${e.candidateId}#${e.seq}#${e.at}`)!)
    .reduce((n, item) => n + itemBytes(item), 0);
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

describe('audit export read cost', () => {
  let cell: Awaited<ReturnType<typeof exportOf>>;
  let province: Awaited<ReturnType<typeof exportOf>>;
  const nationalMonthBytes = () =>
    [...stored.values()]
      .filter((item) => String(item.at).startsWith(MONTH))
      .reduce((n, item) => n + itemBytes(item), 0);

  beforeAll(async () => {
    cell = await exportOf(cells[5].id);
    province = await exportOf('p1');
    console.log(
      `audit export of ${MONTH}: one cell ${cell.events.length} events, ${cell.readUnits} RCU, ` +
        `${cell.returnedBytes} B returned, ${cell.readBytes} B read (ratio ${cell.ratio.toFixed(2)}); ` +
        `one province ${province.events.length} events, ${province.readUnits} RCU, ` +
        `${province.returnedBytes} B returned, ${province.readBytes} B read (ratio ${province.ratio.toFixed(2)}); ` +
        `the national month partition holds ${nationalMonthBytes()} B`,
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

  it('pages through the same events as one read, and refuses a cursor it did not issue', async () => {
    const store = new DynamoDbCandidateStore(documents, TABLE);
    const query = { unitId: 'p1-d1', from: `${MONTH}-01`, to: `${MONTH}-30` };
    const all = await exportAll(store, query);
    const paged: AuditEvent[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listAuditPage({ ...query, limit: 7, ...(cursor ? { cursor } : {}) });
      sizes.push(page.items.length);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.slice(0, -1).every((n) => n === 7)).toBe(true);

    const first = await store.listAuditPage({ ...query, limit: 7 });
    const refusalOf = (listing: typeof query, badCursor: string) =>
      store.listAuditPage({ ...listing, limit: 7, cursor: badCursor }).then(
        () => 'accepted',
        (error: { body?: { code: string; field: string } }) => error.body,
      );
    // Another unit's listing (a wider subtree) does not accept this listing's cursor.
    expect(await refusalOf({ ...query, unitId: 'p1' }, first.nextCursor!)).toEqual({
      code: 'INVALID_CURSOR',
      message: expect.any(String),
      message_en: expect.any(String),
      field: 'cursor',
    });
    // An altered position (a key outside the range it names) is refused, as is garbage.
    const decoded = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8'));
    const position = JSON.parse(decoded.a);
    position.k.GSI3SK = 'p2/|2025-01-01';
    const forged = Buffer.from(
      JSON.stringify({ ...decoded, a: JSON.stringify(position) }),
    ).toString('base64url');
    expect(await refusalOf(query, forged)).toMatchObject({ code: 'INVALID_CURSOR' });
    expect(await refusalOf(query, 'not-a-cursor')).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('reads at most twice the bytes it returns for one cell', () => {
    expect(cell.ratio).toBeLessThanOrEqual(2);
  });

  it('reads a province’s events only, not the national month', () => {
    expect(province.ratio).toBeLessThanOrEqual(1.5);
    expect(province.readBytes).toBeLessThan(nationalMonthBytes() / 2);
  });
});

describe('audit:backfill', () => {
  it('rekeys events written with the month-only key, once, and the export then finds them', async () => {
    const legacyCell = cells[7];
    const legacy = Array.from({ length: 30 }, (_, i) => {
      const event: HistoryEvent = {
        candidateId: `legacy-${i}`,
        seq: 1,
        at: `2025-10-0${1 + (i % 9)}T03:00:00.000Z`,
        type: 'NOMINATED',
        toStage: 'NOMINATED',
      };
      const item = historyEventItem(event, legacyCell.path, keys.event(event.candidateId, 1));
      return { ...item, GSI3PK: 'AUDIT#2025-10', GSI3SK: `${event.at}#${event.candidateId}#1` };
    });
    await documents.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE]: legacy.slice(0, 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
    await documents.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE]: legacy.slice(25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
    const store = new DynamoDbCandidateStore(documents, TABLE);
    const exported = async () => {
      return exportAll(store, { unitId: legacyCell.id, from: '2025-10-01', to: '2025-10-31' });
    };
    expect(await exported()).toHaveLength(0);

    const pages: number[] = [];
    const first = await backfillAuditKeys(documents, TABLE, {
      onPage: (p) => pages.push(p.rekeyed),
    });
    expect(first.rekeyed).toBe(30);
    expect(first.resumeKey).toBeUndefined();
    expect(pages.length).toBeGreaterThan(1); // progress after every page
    expect(await exported()).toHaveLength(30);
    // A second run finds nothing left to do.
    expect((await backfillAuditKeys(documents, TABLE, {})).rekeyed).toBe(0);
  });
});
