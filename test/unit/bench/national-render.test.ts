import { nationalTargets, renderNational } from '../../../bench/national/render';
import type { NationalResult, WalkSummary } from '../../../bench/national/result';

const walk = (scope: string, over: Partial<WalkSummary> = {}): WalkSummary => ({
  scope,
  candidates: 96,
  admitted: 96,
  wallSeconds: 120,
  candidatesPerMinute: 48,
  transitions: 960,
  transitionLatencyMs: { p50: 300, p99: 2_000 },
  conflicts: { transactionsCanceled: 4, writesRefused: 1, retried: 5 },
  retriedShare: 5 / 960,
  serverErrors: 0,
  unexpected: {},
  ...over,
});

const read = (label: string, readUnits: number, bytes: number) => ({
  label,
  path: '/x',
  status: 200,
  medianMs: 20,
  readUnits,
  bytes,
});

function result(over: Partial<NationalResult> = {}): NationalResult {
  const nation = {
    reports: 40,
    statuses: [200],
    readUnits: 100,
    totalMs: 4_000,
    medianMs: 90,
    bytes: 1e6,
  };
  return {
    generatedAt: '2026-12-06T21:00:00.000Z',
    machine: {
      cpus: 2,
      cpuModel: 'EPYC',
      memoryGiB: 24,
      node: 'v24',
      platform: 'linux-x64',
      loadAverage: [3, 2, 1],
    },
    options: {
      candidates: 20_000,
      smallCandidates: 2_000,
      concurrency: 32,
      walks: 96,
      province: 'hcm',
      period: '2026',
      auditDays: 30,
      seed: 1,
    },
    organisation: {
      provincialCommittees: 34,
      centralBlocs: 6,
      communes: 3_321,
      grassroots: 50_000,
      cells: 270_000,
      unitsCreated: 40_000,
    },
    seeding: {
      candidates: 20_000,
      refused: {},
      byStage: { NOMINATED: 20_000 },
      itemsWritten: 1,
      ledgerItems: 1,
      seconds: 60,
      candidatesPerSecond: 333,
    },
    walks: { spread: walk('spread'), oneProvince: walk('one') },
    quotaReports: {
      small: { candidates: 2_000, nation },
      full: {
        candidates: 20_000,
        nation: { ...nation, readUnits: 104 },
        province: read('province hcm', 10, 1_000),
        cell: read('cell c', 1, 500),
      },
      nationReadUnitsRatio: 1.04,
    },
    tasks: read('tasks hcm', 2, 5_000),
    repairSweep: {
      inFlight: 20_000,
      read: 20_000,
      seconds: 30,
      readUnits: 20_500,
      readUnitsPerFile: 1.025,
    },
    audit: {
      days: 30,
      cell: read('cell c', 1, 8_192),
      province: read('province hcm', 40, 100_000),
      cellReadBytesPerReturnedByte: 1,
      provinceReadBytesPerReturnedByte: 3.3,
    },
    phases: { total: 900 },
    ...over,
  };
}

describe('the national benchmark’s report', () => {
  it('shows every target as met when the figures meet them', () => {
    expect(nationalTargets(result()).map((t) => t.met)).toEqual([true, true, true, true, true]);
    const md = renderNational(result());
    expect(md).toContain('| one | 96/96 | 48 | 960 | 300 | 2,000 | 4 + 1 / 5 (0.52%) | 0 | 0 |');
    expect(md).toContain('quota report, nation (40 top units), 20,000 files');
    expect(md).not.toContain('not met');
  });

  it('says which target is not met, counting the 503s the walk met', () => {
    const r = result({
      walks: {
        spread: walk('spread', { retriedShare: 0.02 }),
        oneProvince: walk('one', {
          unexpected: { 'decideAdmission 503 CONTENTION': 2 },
          serverErrors: 2,
        }),
      },
      quotaReports: { ...result().quotaReports, nationReadUnitsRatio: 1.3 },
      audit: { ...result().audit, cellReadBytesPerReturnedByte: 2.5 },
    });
    expect(nationalTargets(r).map((t) => t.met)).toEqual([false, false, false, true, false]);
    expect(renderNational(r).match(/\*\*not met\*\*/g)).toHaveLength(4);
    expect(renderNational(r)).toContain(
      '| one | 96/96 | 48 | 960 | 300 | 2,000 | 4 + 1 / 5 (0.52%) | 2 | 2 |',
    );
  });

  it('judges the national ratio on read units as DynamoDB bills them, when the run measured them', () => {
    const r = result();
    const billed = result({
      quotaReports: {
        ...r.quotaReports,
        small: {
          ...r.quotaReports.small,
          nation: { ...r.quotaReports.small.nation, billedReadUnits: 1_000 },
        },
        full: {
          ...r.quotaReports.full,
          nation: { ...r.quotaReports.full.nation, billedReadUnits: 1_030 },
        },
        nationReadUnitsRatio: 3.1,
        nationBilledReadUnitsRatio: 1.03,
      },
    });
    const ratio = nationalTargets(billed)[2];
    expect(ratio).toMatchObject({
      measured: '1.03 as DynamoDB bills reads (3.1 as DynamoDB Local reports them)',
      met: true,
    });
    const md = renderNational(billed);
    expect(md).toContain('| read | status | ms | read units | billed | bytes |');
    expect(md).toContain('files | 200 | 4,000 | 104 | 1,030 | 1,000,000 |');
    // Results without the billed figures render as before.
    expect(renderNational(r)).toContain('| read | status | ms | read units | bytes |');
    expect(
      nationalTargets({
        ...billed,
        quotaReports: { ...billed.quotaReports, nationBilledReadUnitsRatio: 1.2 },
      })[2].met,
    ).toBe(false);
  });
});
