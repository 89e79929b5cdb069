import { type QuotaTarget } from '../../../functions/domain/quota/target';
import {
  exportTargetsCsv,
  importTargetsCsv,
  listTargets,
  quotaReport,
  saveTargets,
} from '../../../functions/services/quota-ledger';
import { caller, refusalFrom, world } from '../fakes/builders';
import { InMemoryQuotas } from '../fakes/in-memory-quotas';

/** Quota targets: imported whole or not at all, for units in scope; reports over the ledger. */

const ADMIN = caller({ userId: 'admin-1', roles: ['admin'], unitId: 'hn-dongda' });
const target = (fields: Partial<QuotaTarget> = {}): QuotaTarget => ({
  unitId: 'dd-kdn',
  period: '2025',
  metric: 'ADMITTED',
  issuerId: 'hn-dongda',
  issuerName: 'Quận ủy Đống Đa',
  kind: 'COUNT',
  value: 12,
  ...fields,
});

function setUp() {
  const w = world('2025-07-01T03:00:00.000Z');
  const quotas = new InMemoryQuotas(w.store);
  return { w, quotas, deps: { quotas, now: w.now } };
}

describe('quota targets', () => {
  it('saves the targets with who imported them, and replaces a target of the same identity', async () => {
    const { quotas, deps } = setUp();
    const { importId, count } = await saveTargets(deps, ADMIN, [
      target(),
      target({ metric: 'NOMINATED', value: 30 }),
    ]);
    expect(count).toBe(2);
    await saveTargets(deps, ADMIN, [target({ value: 15 })]);
    const listed = await listTargets(deps, ADMIN, { unit: 'dd-kdn', period: '2025' });
    expect(listed.map((t) => [t.metric, t.value])).toEqual([
      ['ADMITTED', 15],
      ['NOMINATED', 30],
    ]);
    expect(listed[1]).toMatchObject({ importId, updatedBy: { userId: 'admin-1', role: 'admin' } });
    expect(quotas.targets.size).toBe(2);
  });

  it('refuses a repeated target, a unit outside the subtree and an empty list, writing nothing', async () => {
    const { quotas, deps } = setUp();
    const repeated = await refusalFrom(saveTargets(deps, ADMIN, [target(), target({ value: 1 })]));
    expect(repeated).toMatchObject({ code: 'TARGET_DUPLICATE', field: '1' });
    const outside = await refusalFrom(
      saveTargets(deps, ADMIN, [target(), target({ unitId: 'hn' })]),
    );
    expect(outside).toMatchObject({ kind: 'not-found', field: '1.unitId' });
    expect((await refusalFrom(saveTargets(deps, ADMIN, []))).code).toBe('INVALID_BODY');
    const officer = await refusalFrom(saveTargets(deps, caller(), [target()]));
    expect(officer.kind).toBe('forbidden');
    expect(quotas.targets.size).toBe(0);
  });

  it('round-trips a CSV export through the import, and refuses a bad file whole', async () => {
    const { quotas, deps } = setUp();
    await saveTargets(deps, ADMIN, [target(), target({ unitId: 'dd-kythuat', value: 2 })]);
    const csv = await exportTargetsCsv(deps, ADMIN, { unit: 'dd-kdn', period: '2025' });
    expect(csv).toContain('dd-kythuat');
    quotas.targets.clear();
    expect(await importTargetsCsv(deps, ADMIN, csv)).toMatchObject({ count: 2 });
    expect(quotas.targets.size).toBe(2);

    const broken = csv.replace(',12,', ',twelve,');
    const refusal = await refusalFrom(importTargetsCsv(deps, ADMIN, broken));
    expect(refusal).toMatchObject({ kind: 'invalid', code: 'INVALID_CSV' });
  });

  it('reports a unit and its children, and refuses a malformed period', async () => {
    const { quotas, deps } = setUp();
    await saveTargets(deps, ADMIN, [target()]);
    quotas.data.set('dd-kdn', {
      counters: { ADMITTED: [{ month: '2025-03', count: 4 }] },
      gauges: { totals: {}, recent: [] },
    });
    const report = await quotaReport(deps, ADMIN, { unit: 'dd-kdn', period: '2025' });
    expect(report.units.map((u) => u.unitId)).toEqual(['dd-kdn', 'dd-kythuat']);
    const admitted = report.units[0].metrics.find((m) => m.metric === 'ADMITTED');
    expect(admitted).toMatchObject({
      achieved: 4,
      targets: [{ target: 12, percent: 33, status: 'BEHIND' }],
    });
    const bad = await refusalFrom(quotaReport(deps, ADMIN, { unit: 'dd-kdn', period: '2025-Q5' }));
    expect(bad).toMatchObject({ code: 'INVALID_QUERY', field: 'period' });
  });

  it("reports a top-level committee as its children's sum, never reading a ledger of its own", async () => {
    const { w, quotas, deps } = setUp();
    w.store.putUnits({
      id: 'hn-thanhtri',
      name: 'Huyện ủy Thanh Trì',
      level: 'DISTRICT_COMMITTEE',
      parentId: 'hn',
      path: ['hn', 'hn-thanhtri'],
      effectiveFrom: '2020-01-01',
    });
    const central = caller({ userId: 'admin-2', roles: ['admin'], unitId: 'hn' });
    await saveTargets(deps, central, [target({ unitId: 'hn', issuerId: 'tw', value: 10 })]);
    const children = (await quotas.childrenOf('hn')).map((c) => c.id);
    expect(children.length).toBeGreaterThan(1);
    children.forEach((id, i) =>
      quotas.data.set(id, {
        counters: { ADMITTED: [{ month: '2025-03', count: i + 2 }] },
        gauges: { totals: { CEREMONY: i + 1 }, recent: [] },
      }),
    );
    // What the layout before this one kept for the top: no longer read.
    quotas.data.set('hn', {
      counters: { ADMITTED: [{ month: '2025-03', count: 99 }] },
      gauges: { totals: { CEREMONY: 99 }, recent: [] },
    });
    const read: string[] = [];
    const unitData = quotas.unitData.bind(quotas);
    quotas.unitData = (unit, period) => (read.push(unit.id), unitData(unit, period));
    const report = await quotaReport(deps, central, { unit: 'hn', period: '2025' });
    expect(read).toEqual(children);
    const [top, ...rows] = report.units;
    expect(top).toMatchObject({ unitId: 'hn', requested: true });
    const achieved = (u: typeof top) => u.metrics.find((m) => m.metric === 'ADMITTED')!;
    const sum = rows.reduce((n, u) => n + achieved(u).achieved, 0);
    expect(sum).toBe(children.reduce((n, _, i) => n + i + 2, 0));
    expect(achieved(top)).toMatchObject({ achieved: sum, targets: [{ target: 10 }] });
    expect(top.inProgress).toBe(rows.reduce((n, u) => n + u.inProgress, 0));
  });
});
