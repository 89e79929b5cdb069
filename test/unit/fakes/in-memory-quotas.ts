import { type StoredTarget, type UnitRef } from '../../../functions/adapters/dynamodb-quota-store';
import { type Actor } from '../../../functions/domain/caller';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { type UnitQuotaData } from '../../../functions/domain/quota/report';
import { type QuotaTarget, targetIdentity } from '../../../functions/domain/quota/target';
import { type QuotaStorePort } from '../../../functions/services/quota-ledger';
import { copy } from './copy';
import { type InMemoryCandidates } from './in-memory-candidates';

/**
 * The quota store's reads and target writes kept in memory, over the candidate fake's units:
 * targets by identity (a second import of one replaces it, keeping its position), and the
 * counters and gauges a test sets (the ledger itself is checked on DynamoDB Local).
 */
export class InMemoryQuotas implements QuotaStorePort {
  readonly targets = new Map<string, StoredTarget>();
  readonly data = new Map<string, Omit<UnitQuotaData, 'unit' | 'targets'>>();

  constructor(private readonly units: InMemoryCandidates) {}

  async putTargets(
    targets: readonly QuotaTarget[],
    meta: { actor?: Actor; importId?: string; now: Date },
  ): Promise<void> {
    for (const target of targets) {
      const key = targetIdentity(target);
      const position = this.targets.get(key)?.position ?? this.targets.size;
      this.targets.set(key, {
        ...copy(target),
        position,
        updatedAt: meta.now.toISOString(),
        ...(meta.actor ? { updatedBy: pickActor(meta.actor) } : {}),
        ...(meta.importId ? { importId: meta.importId } : {}),
      });
    }
  }

  async listTargets(unitId: string, period?: string): Promise<StoredTarget[]> {
    return copy(
      [...this.targets.values()]
        .filter((t) => t.unitId === unitId && (!period || t.period === period))
        .sort((a, b) => a.position - b.position),
    );
  }

  getUnit(id: string, on: string): Promise<OrgUnit | undefined> {
    return this.units.getUnit(id, on);
  }

  /** The children in the current tree (the latest version of each unit names its parent). */
  async childrenOf(unitId: string | undefined): Promise<UnitRef[]> {
    return this.units
      .unitIds()
      .map((id) => this.units.versionsOf(id).pop()!)
      .filter((u) => u.parentId === unitId)
      .map(({ id, name, level }) => ({ id, name, level }));
  }

  async unitData(unit: UnitRef, period: string): Promise<UnitQuotaData> {
    return {
      unit,
      targets: await this.listTargets(unit.id, period),
      ...(this.data.get(unit.id) ?? { counters: {}, gauges: { totals: {}, recent: [] } }),
    };
  }
}

function pickActor({ userId, name, role, unitId }: Actor) {
  return { userId, name, role, unitId };
}
