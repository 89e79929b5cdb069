import type { WalkRun } from '../result';
import type { ReadProbe } from './probes';

/** What `npm run bench:national` measures (bench/results/national.json). */
export interface NationalResult {
  generatedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    platform: string;
    loadAverage: number[];
  };
  options: {
    candidates: number;
    smallCandidates: number;
    concurrency: number;
    walks: number;
    province: string;
    period: string;
    auditDays: number;
    seed: number;
  };
  organisation: {
    provincialCommittees: number;
    centralBlocs: number;
    communes: number;
    grassroots: number;
    cells: number;
    /** Units written: every top unit and commune, and the grassroots and cells candidates use. */
    unitsCreated: number;
  };
  seeding: {
    candidates: number;
    refused: Record<string, number>;
    byStage: Record<string, number>;
    itemsWritten: number;
    ledgerItems: number;
    /** History events of seeded files left out (only `historyFor` keeps them). */
    historyEventsLeftOut?: number;
    historyFor?: string;
    seconds: number;
    candidatesPerSecond: number;
  };
  walks: {
    spread: WalkSummary;
    oneProvince: WalkSummary;
  };
  quotaReports: {
    small: { candidates: number; nation: NationProbe };
    full: { candidates: number; nation: NationProbe; province: ReadProbe; cell: ReadProbe };
    nationReadUnitsRatio: number;
    /** The same ratio of read units as DynamoDB bills them (absent in earlier results). */
    nationBilledReadUnitsRatio?: number;
  };
  tasks: ReadProbe;
  repairSweep: {
    inFlight: number;
    read: number;
    seconds: number;
    readUnits: number;
    readUnitsPerFile: number;
  };
  audit: {
    days: number;
    cell: ReadProbe;
    province: ReadProbe;
    cellReadBytesPerReturnedByte: number;
    provinceReadBytesPerReturnedByte: number;
  };
  phases: Record<string, number>;
}

/** The national quota report: one report per top unit (no unit sits above them). */
export interface NationProbe {
  reports: number;
  statuses: number[];
  readUnits: number;
  billedReadUnits?: number;
  totalMs: number;
  medianMs: number;
  bytes: number;
}

export interface WalkSummary {
  scope: string;
  candidates: number;
  admitted: number;
  wallSeconds: number;
  candidatesPerMinute: number;
  transitions: number;
  transitionLatencyMs: { p50: number; p99: number };
  conflicts: WalkRun['conflicts'];
  retriedShare: number;
  serverErrors: number;
  unexpected: Record<string, number>;
}
