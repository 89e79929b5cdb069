import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ApiClient } from './support/api-client';
import { awsClients } from './support/aws-clients';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { demoOfficers, officerClient, tokenFor } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

let runtime: RuntimeProcess;
let api: ApiClient;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  api = (await demoOfficers(runtime)).cell;
});
afterAll(() => runtime?.stop());

/** Everything stored under a candidate's partition: item and history. */
async function storedItems(id: string) {
  const { documents } = awsClients(runtime);
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: runtime.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `CAND#${id}` },
      ConsistentRead: true,
    }),
  );
  return Items;
}

/**
 * The stored items once the park step has finished its own writes: after recording the pending
 * step (what the API shows as AWAITING_ACTION) it notifies and marks the item `notified`, so a
 * snapshot taken in between would see that later write as a change.
 */
async function settledItems(id: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const items = (await storedItems(id)) ?? [];
    const meta = items.find((item) => item.SK === 'META');
    const pending = meta?.pendingStep as { stage?: string } | undefined;
    const notified = meta?.notified as { stage?: string; version?: number } | undefined;
    const settled =
      !pending || (notified?.stage === pending.stage && notified?.version === meta?.version);
    if (settled || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function expectErrorShape(body: Record<string, unknown>, code: string, field?: string) {
  expect(body).toMatchObject({ code });
  expect(typeof body.message).toBe('string');
  expect(typeof body.message_en).toBe('string');
  expect(body.message).not.toEqual('');
  if (field) expect(body.field).toBe(field);
}

describe('refusals: a clear error and nothing written', () => {
  let id: string;
  let parkedVersion: number;

  beforeAll(async () => {
    const nominated = await api.nominate({ ...DEMO_NOMINATION, fullName: 'Lê Thị Hoa' });
    id = nominated.body.id as string;
    const confirm = HAPPY_PATH[0];
    const parked = await api.waitForStage(id, 'NOMINATED');
    await api.act(id, {
      action: confirm.action,
      expectedVersion: parked.version,
      payload: confirm.payload,
    });
    parkedVersion = (await api.waitForStage(id, 'AWARENESS_CLASS')).version;
  });

  const cases: [
    string,
    () => Promise<{ status: number; body: Record<string, unknown> }>,
    number,
    string,
    string?,
  ][] = [
    [
      'unknown action',
      () => api.act(id, { action: 'promoteToSecretary', expectedVersion: parkedVersion }),
      400,
      'UNKNOWN_ACTION',
      'action',
    ],
    [
      'an action of another stage',
      () =>
        api.act(id, {
          action: 'recordCeremony',
          expectedVersion: parkedVersion,
          payload: { ceremonyDate: '2025-06-19' },
        }),
      409,
      'ACTION_NOT_ALLOWED_AT_STAGE',
      'action',
    ],
    [
      'a stale expectedVersion',
      () =>
        api.act(id, {
          action: 'recordClassResult',
          expectedVersion: parkedVersion - 1,
          payload: HAPPY_PATH[1].payload,
        }),
      409,
      'VERSION_CONFLICT',
      'expectedVersion',
    ],
    [
      'a malformed payload',
      () =>
        api.act(id, {
          action: 'recordClassResult',
          expectedVersion: parkedVersion,
          payload: { result: 'PASSED', issuedOn: 'yesterday' },
        }),
      400,
      'INVALID_PAYLOAD',
      'payload.certificateNumber',
    ],
    [
      'a body that is not JSON',
      () =>
        api.request('POST', `/candidates/${id}/actions`, {
          rawBody: '{"action":',
          headers: { 'idempotency-key': randomUUID() },
        }),
      400,
      'INVALID_JSON',
      'body',
    ],
    [
      'a body of the wrong type',
      () => api.act(id, { action: 42, expectedVersion: 'one' }),
      400,
      'INVALID_BODY',
      'action',
    ],
    [
      'an unknown field',
      () =>
        api.act(id, { action: 'recordClassResult', expectedVersion: parkedVersion, sneaky: true }),
      400,
      'INVALID_BODY',
      'sneaky',
    ],
    [
      'a missing Idempotency-Key',
      () =>
        api.request('POST', `/candidates/${id}/actions`, {
          body: { action: 'withdraw', expectedVersion: parkedVersion },
        }),
      400,
      'MISSING_IDEMPOTENCY_KEY',
      'Idempotency-Key',
    ],
    [
      'an unknown candidate',
      () =>
        api.act('c0000000000000000000', {
          action: 'withdraw',
          expectedVersion: 1,
          payload: { reason: 'OTHER', effectiveOn: '2025-01-01' },
        }),
      404,
      'CANDIDATE_NOT_FOUND',
      'id',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, send, status, code, field) => {
    const before = await settledItems(id);
    const response = await send();
    expect(response.status).toBe(status);
    expectErrorShape(response.body, code, field);
    expect(await storedItems(id)).toEqual(before);
  });

  it('refuses a nomination for a unit that does not exist, or is not a cell', async () => {
    const missing = await api.nominate({ ...DEMO_NOMINATION, unitId: 'no-such-unit' });
    expect(missing.status).toBe(400);
    expectErrorShape(missing.body, 'UNIT_NOT_FOUND', 'unitId');
    const notCell = await api.nominate({ ...DEMO_NOMINATION, unitId: 'dd-kdn' });
    expect(notCell.status).toBe(422);
    expectErrorShape(notCell.body, 'UNIT_NOT_A_CELL', 'unitId');
    expect(notCell.body.message).toContain('Đảng ủy Khối doanh nghiệp quận Đống Đa');
    // The listing covers the committee's subtree: nothing was filed at the committee itself.
    const listing = await api.request('GET', '/candidates?unit=dd-kdn&limit=100');
    expect(listing.status).toBe(200);
    expect(
      (listing.body.items as { unitId: string }[]).filter((c) => c.unitId === 'dd-kdn'),
    ).toEqual([]);
  });

  it('refuses a second readmission at nomination and files a first one (docs/admission-rules.md, "Eligibility")', async () => {
    const again = await api.nominate({
      ...DEMO_NOMINATION,
      fullName: 'Lê Văn Kết',
      formerMembership: { leftOn: '2015-03-01', previousReadmissions: 1 },
    });
    expect(again.status).toBe(422);
    expectErrorShape(again.body, 'READMISSION_ALREADY_USED', 'formerMembership');
    const first = await api.nominate({
      ...DEMO_NOMINATION,
      fullName: 'Lê Văn Nạp',
      formerMembership: { leftOn: '2015-03-01' },
    });
    expect(first.status).toBe(201);
  });

  it('refuses a nomination with a bad date, naming the field', async () => {
    const response = await api.nominate({ ...DEMO_NOMINATION, dateOfBirth: '17/08/1996' });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 'INVALID_BODY', 'dateOfBirth');
  });

  it('answers unknown routes and bad list queries in the same shape', async () => {
    const route = await api.request('DELETE', '/candidates');
    expect(route.status).toBe(404);
    expectErrorShape(route.body, 'ROUTE_NOT_FOUND');
    const query = await api.request('GET', '/candidates?unit=dd-xltbd-kythuat&stage=SOMEWHERE');
    expect(query.status).toBe(400);
    expectErrorShape(query.body, 'INVALID_QUERY', 'stage');
    const cursor = await api.request(
      'GET',
      '/candidates?unit=dd-xltbd-kythuat&cursor=bm90LWEtY3Vyc29y',
    );
    expect(cursor.status).toBe(400);
    expectErrorShape(cursor.body, 'INVALID_CURSOR', 'cursor');
  });
});

describe('idempotency', () => {
  it('answers a replayed action with the first response and applies it once', async () => {
    const nominated = await api.nominate({ ...DEMO_NOMINATION, fullName: 'Phạm Quốc Huy' });
    const id = nominated.body.id as string;
    const parked = await api.waitForStage(id, 'NOMINATED');
    const key = randomUUID();
    const body = {
      action: HAPPY_PATH[0].action,
      expectedVersion: parked.version,
      payload: HAPPY_PATH[0].payload,
    };
    const first = await api.act(id, body, key);
    const replays = await Promise.all([1, 2, 3, 4, 5].map(() => api.act(id, body, key)));
    await api.waitForStage(id, 'AWARENESS_CLASS');
    const late = await api.act(id, body, key);
    for (const replay of [...replays, late]) {
      // A replay that overlaps the first request may be told to retry; it never applies twice.
      if (replay.status === 409) expect(replay.body.code).toBe('REQUEST_IN_PROGRESS');
      else expect(replay).toMatchObject({ status: first.status, body: first.body });
    }
    expect(late.body).toEqual(first.body);
    const history = (await api.candidate(id)).body.history as unknown[];
    expect(history).toHaveLength(2);

    const reused = await api.act(
      id,
      {
        ...body,
        payload: { ...(HAPPY_PATH[0].payload as object), helperMemberName: 'Người khác' },
      },
      key,
    );
    expect(reused.status).toBe(422);
    expectErrorShape(reused.body, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key');
  });

  it('creates one candidate for a replayed nomination', async () => {
    const key = randomUUID();
    const nomination = { ...DEMO_NOMINATION, fullName: 'Đỗ Minh Tâm' };
    const first = await api.nominate(nomination, key);
    const second = await api.nominate(nomination, key);
    expect(second.body).toEqual(first.body);
    const listing = await api.request(
      'GET',
      `/candidates?unit=${DEMO_NOMINATION.unitId}&limit=100`,
    );
    const named = (listing.body.items as { fullName: string }[]).filter(
      (c) => c.fullName === 'Đỗ Minh Tâm',
    );
    expect(named).toHaveLength(1);
  });
});

describe('listing', () => {
  it('pages through a unit with a cursor, each candidate once, without personal data', async () => {
    const unitId = 'dd-baobi';
    const created = new Set<string>();
    for (let i = 0; i < 7; i++) {
      const r = await api.nominate({ ...DEMO_NOMINATION, unitId, fullName: `Ứng viên số ${i}` });
      created.add(r.body.id as string);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.request(
        'GET',
        `/candidates?unit=${unitId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      for (const item of page.body.items as Record<string, unknown>[]) {
        expect(item.dateOfBirth).toBeUndefined();
        seen.push(item.id as string);
      }
      cursor = page.body.nextCursor as string | undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...created].sort());
    const byStage = await api.request(
      'GET',
      `/candidates?unit=${unitId}&stage=NOMINATED&limit=100`,
    );
    expect((byStage.body.items as unknown[]).length).toBe(7);
  });
});

describe('duplicate nomination of the same person', () => {
  it('is found by the keyed ID-number fingerprint, and freed when the first file closes', async () => {
    const person = { ...DEMO_NOMINATION, fullName: 'Bùi Thị Thu', nationalId: '034197001234' };
    const first = await api.nominate(person);
    expect(first.status).toBe(201);
    expect(JSON.stringify(first.body)).not.toContain('034197001234');
    expect(first.body.nationalIdMasked).toBe('*********234');
    const id = first.body.id as string;

    // Same number written differently, another spelling of the name, another cell: same person.
    const again = await api.nominate({
      ...person,
      fullName: 'Bui Thi Thu',
      unitId: 'dd-baobi',
      nationalId: '034 197 001 234',
    });
    expect(again.status).toBe(409);
    expectErrorShape(again.body, 'DUPLICATE_NOMINATION', 'nationalId');
    expect(again.body.details).toEqual({ candidateId: id });

    // An officer of another district learns only that the nomination goes to the upper
    // committee: not that a file exists elsewhere, nor where, nor its id (failed before:
    // DUPLICATE_NOMINATION "in another unit").
    const outsider = await officerClient(runtime, {
      roles: ['cell-officer'],
      unitId: 'hn-thanhtri',
    });
    const elsewhere = await outsider.nominate({ ...person, unitId: 'tt-ngoquyen' });
    expect(elsewhere.status).toBe(409);
    expectErrorShape(elsewhere.body, 'NOMINATION_REFERRED_UPWARD', 'nationalId');
    expect(elsewhere.body.details).toBeUndefined();
    const told = JSON.stringify(elsewhere.body);
    for (const secret of [id, 'dd-', 'Đống Đa', 'hồ sơ', 'file'])
      expect(told).not.toContain(secret);
    // The committee lowest above both districts (the city committee's approvers) is told both.
    const inbox = await fetch(`${runtime.url}/inbox.json?role=approver&unit=hn`);
    const referred = (
      (await inbox.json()) as { notifications: { kind?: string; body: string }[] }
    ).notifications.filter((n) => n.kind === 'NOMINATION_CONFLICT' && n.body.includes(id));
    expect(referred).toHaveLength(1);
    expect(referred[0].body).toContain('tt-ngoquyen');
    expect(referred[0].body).not.toContain('034197001234');

    const parked = await api.waitForStage(id, 'NOMINATED');
    await api.act(id, {
      action: 'withdraw',
      expectedVersion: parked.version,
      payload: { reason: 'MOVED_AWAY', effectiveOn: '2025-03-01' },
    });
    await api.waitForStage(id, 'WITHDRAWN');
    const later = await api.nominate({ ...person, unitId: 'dd-baobi' });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(id);
  });

  it('refuses an ID number that is not a CCCD or CMND without echoing it', async () => {
    const response = await api.nominate({
      ...DEMO_NOMINATION,
      fullName: 'Sai Số',
      nationalId: '12345',
    });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 'INVALID_BODY', 'nationalId');
    expect(JSON.stringify(response.body)).not.toContain('12345');
  });
});

describe('records as they really are (issue 13)', () => {
  it('refuses a future date of birth, and one in year 0000, on the field (failed before: DATE_INVALID on "date")', async () => {
    const future = await api.nominate({ ...DEMO_NOMINATION, dateOfBirth: '2099-01-01' });
    expect(future.status).toBe(400);
    expectErrorShape(future.body, 'DATE_OF_BIRTH_IN_FUTURE', 'dateOfBirth');
    expect(JSON.stringify(future.body)).not.toContain('undefined');
    const zero = await api.nominate({ ...DEMO_NOMINATION, dateOfBirth: '0000-06-15' });
    expect(zero.status).toBe(400);
    expectErrorShape(zero.body, 'DATE_OF_BIRTH_IMPLAUSIBLE', 'dateOfBirth');
  });

  it.each([
    ['NUL', 'Lê\u0000Thị Hoa'],
    ['a right-to-left override', 'Lê Thị \u202eHoa'],
  ])('refuses %s in a name', async (_what, fullName) => {
    const response = await api.nominate({
      ...DEMO_NOMINATION,
      fullName,
    });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 'INVALID_BODY', 'fullName');
  });

  it('stores a name NFC-normalised', async () => {
    const response = await api.nominate({
      ...DEMO_NOMINATION,
      fullName: 'Đinh Thi\u0323 Nga'.normalize('NFD'),
    });
    expect(response.status).toBe(201);
    expect(response.body.fullName).toBe('Đinh Thị Nga');
  });

  it('answers invalid UTF-8 with 400 INVALID_UTF8 and stores nothing (failed before: U+FFFD stored)', async () => {
    const token = await tokenFor(runtime, { roles: ['cell-officer'], unitId: 'dd-kdn' });
    const body = Buffer.concat([
      Buffer.from(JSON.stringify({ ...DEMO_NOMINATION, fullName: 'Nguy' }).slice(0, -2)),
      Buffer.from([0xe1, 0xbb]),
      Buffer.from('n"}'),
    ]);
    const response = await fetch(`${runtime.url}/candidates`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body,
    });
    expect(response.status).toBe(400);
    expectErrorShape((await response.json()) as Record<string, unknown>, 'INVALID_UTF8', 'body');
  });

  it('names the expected type (failed before: "Required field is missing")', async () => {
    const nominated = await api.nominate({ ...DEMO_NOMINATION, fullName: 'Phan Văn Tú' });
    const id = nominated.body.id as string;
    const parked = await api.waitForStage(id, 'NOMINATED');
    const response = await api.act(id, {
      action: 'confirmNomination',
      expectedVersion: parked.version + 0.5,
      payload: HAPPY_PATH[0].payload,
    });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 'INVALID_BODY', 'expectedVersion');
    expect(response.body.message_en).toContain('expected an integer');
    expect(response.body.message).toContain('số nguyên');
  });

  it('refuses an event dated after today in Vietnam, naming the field, and writes nothing', async () => {
    const nominated = await api.nominate({ ...DEMO_NOMINATION, fullName: 'Hà Thị Lan' });
    const id = nominated.body.id as string;
    const parked = await api.waitForStage(id, 'NOMINATED');
    const before = await settledItems(id);
    const response = await api.act(id, {
      action: 'confirmNomination',
      expectedVersion: parked.version,
      payload: { decisionDate: '2999-01-06', helperMemberName: 'Trần Thị Bình' },
    });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 'DATE_IN_FUTURE', 'payload.decisionDate');
    expect(await storedItems(id)).toEqual(before);
  });
});
