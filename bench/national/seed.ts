import { performance } from 'node:perf_hooks';
import { type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unitVersionItem } from '../../functions/adapters/dynamodb-org-store';
import { childLinkItem } from '../../functions/adapters/dynamodb-quota-store';
import { newCandidateWrites } from '../../functions/adapters/new-candidate-writes';
import { actorOf, type Caller } from '../../functions/domain/caller';
import { readRow } from '../../functions/domain/onboarding/rows';
import { type OrgUnit } from '../../functions/domain/org-unit';
import { Refusal } from '../../functions/domain/refusal';
import { replayedRow } from '../../functions/services/onboard-candidates';
import { applyUpdate, batchPut, type TransactItem } from './batch-writes';
import { directChildrenOf, type NationalOrganisation, topUnit, unitsOfPlace } from './organisation';
import { type SeededCandidate } from './population';

/**
 * Loads the organisation and the population into the table with the project's own code: each
 * unit is the org store's version item and child link (functions/adapters/dynamodb-org-store.ts),
 * each candidate the onboarding import's replay (functions/services/onboard-candidates.ts) and the
 * writes the candidate store commits for it (functions/adapters/new-candidate-writes.ts). Only
 * the grouping differs: puts go 25 to a BatchWriteItem call, and the counter and gauge updates
 * of all candidates are merged per item and written as their totals, which is what the store's
 * transactions would have added one by one (the table is the benchmark's alone while it loads).
 *
 * History events (a file's audit trail, most of its items) are written for the files of the
 * top units `keepsHistory` names: the benchmark reads history only through the audit export of
 * its probed province and cell, and what a Query or GetItem costs does not depend on how many
 * other partitions the table holds. Every other item of a file is written as the store writes it.
 */

const BENCH_CALLER: Caller = {
  userId: 'bench-national',
  name: 'Bench national',
  roles: ['admin'],
  unitId: 'bench',
};

export interface SeedReport {
  candidates: number;
  refused: Record<string, number>;
  /** Files seeded at each stage. */
  byStage: Record<string, number>;
  units: number;
  items: number;
  ledgerItems: number;
  seconds: number;
}

export class NationalSeeder {
  private readonly ledger = new Map<string, Record<string, unknown>>();
  private readonly dirty = new Set<string>();
  private readonly unitsWritten = new Set<string>();
  private readonly context;
  private items = 0;
  private eventsLeftOut = 0;

  constructor(
    private readonly deps: {
      documents: DynamoDBDocumentClient;
      tableName: string;
      org: NationalOrganisation;
      today: string;
      now: Date;
      fingerprintKey: Buffer;
      concurrency: number;
      /** Whether the files of a top unit get their history events (all of them when absent). */
      keepsHistory?: (topId: string) => boolean;
      log: (line: string) => void;
    },
  ) {
    this.context = {
      file: { fileName: 'bench-national.csv', sha256: 'bench-national', rows: [] },
      today: deps.today,
      now: deps.now,
      actor: actorOf(BENCH_CALLER, 'admin'),
      deps: { fingerprintKey: deps.fingerprintKey },
    };
  }

  get unitsCreated(): number {
    return this.unitsWritten.size;
  }

  /** The top units and every unit directly under one (a few thousand units). */
  async seedTree(): Promise<number> {
    const units = this.deps.org.tops.flatMap((top) => [topUnit(top), ...directChildrenOf(top)]);
    await this.ensureUnits(units);
    return units.length;
  }

  private unitItems(units: OrgUnit[]): Record<string, unknown>[] {
    const fresh = units.filter((u) => !this.unitsWritten.has(u.id));
    for (const u of fresh) this.unitsWritten.add(u.id);
    return fresh.flatMap((u) => [unitVersionItem(u), childLinkItem(u)]);
  }

  /** Writes the units not written yet. */
  async ensureUnits(units: OrgUnit[]): Promise<void> {
    await this.put(this.unitItems(units));
  }

  private async put(items: Record<string, unknown>[]): Promise<void> {
    await batchPut(this.deps.documents, this.deps.tableName, items, {
      concurrency: this.deps.concurrency,
    });
    this.items += items.length;
  }

  /**
   * Candidates `from`..`to` (serials, inclusive) of the population, in chunks: the next chunk is
   * replayed while the last one is written. Their ledger is written by `flushLedger`.
   */
  async seedCandidates(
    from: number,
    to: number,
    candidateOf: (serial: number) => SeededCandidate,
  ): Promise<Pick<SeedReport, 'candidates' | 'refused' | 'byStage'>> {
    const refused: Record<string, number> = {};
    const byStage: Record<string, number> = {};
    const chunk = 2_000;
    const started = performance.now();
    let written = 0;
    let pending: Promise<void> = Promise.resolve();
    for (let first = from; first <= to; first += chunk) {
      const items: Record<string, unknown>[] = [];
      for (let serial = first; serial <= Math.min(to, first + chunk - 1); serial++) {
        const seeded = candidateOf(serial);
        const [grassroots, cell] = unitsOfPlace(seeded.place);
        items.push(...this.unitItems([grassroots, cell]));
        try {
          const { replay } = replayedRow(
            this.context,
            readRow({ line: serial, cells: seeded.row }),
            cell,
          );
          const { candidate, events } = replay();
          const writes = newCandidateWrites(this.deps.tableName, candidate, events);
          const kept =
            this.deps.keepsHistory?.(seeded.place.top.id) === false
              ? writes.filter((write: TransactItem) => write.Put?.Item.entity !== 'EVENT')
              : writes;
          this.eventsLeftOut += writes.length - kept.length;
          this.absorb(kept, items);
          byStage[seeded.stage] = (byStage[seeded.stage] ?? 0) + 1;
          written++;
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          refused[error.body.code] = (refused[error.body.code] ?? 0) + 1;
        }
      }
      await pending;
      pending = this.put(items);
      const seconds = (performance.now() - started) / 1000;
      this.deps.log(
        `  candidates ${(first - from + Math.min(chunk, to - first + 1)).toLocaleString('en-US')}/${(to - from + 1).toLocaleString('en-US')} ` +
          `(${Math.round(written / seconds)}/s, ${this.items.toLocaleString('en-US')} items written)`,
      );
    }
    await pending;
    return { candidates: written, refused, byStage };
  }

  /** History events of seeded files not written (`keepsHistory`). */
  get historyEventsLeftOut(): number {
    return this.eventsLeftOut;
  }

  private absorb(writes: TransactItem[], puts: Record<string, unknown>[]): void {
    for (const write of writes) {
      if (write.Put) puts.push(write.Put.Item);
      else if (write.Update) {
        const key = `${String(write.Update.Key.PK)}|${String(write.Update.Key.SK)}`;
        this.ledger.set(key, applyUpdate(this.ledger.get(key), write.Update));
        this.dirty.add(key);
      } else throw new Error(`A new candidate's writes hold only puts and updates`);
    }
  }

  /** Writes the counters and gauges changed since the last flush, at their totals. */
  async flushLedger(): Promise<number> {
    const items = [...this.dirty].map((key) => this.ledger.get(key)!);
    this.dirty.clear();
    await this.put(items);
    return items.length;
  }

  get itemsWritten(): number {
    return this.items;
  }

  get ledgerItems(): number {
    return this.ledger.size;
  }
}
