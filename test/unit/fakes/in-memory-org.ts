import { type OrgStore } from '../../../functions/adapters/dynamodb-org-store';
import { type Candidate, isInFlight } from '../../../functions/domain/candidate';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { copy } from './copy';
import { type InMemoryCandidates } from './in-memory-candidates';

/**
 * The organisation store kept in memory, over the same unit versions and candidates as the
 * candidate fake: versions by day, one child link per unit under its current parent (as the
 * adapter's `CHILD#` items), open files re-pathed as they stand.
 */
export class InMemoryOrg implements OrgStore {
  /** Parent id (`''`: the top level) → ids of its children in the current tree. */
  readonly children = new Map<string, Set<string>>();

  constructor(readonly candidates: InMemoryCandidates) {
    const latest = new Map<string, OrgUnit>();
    for (const id of candidates.unitIds()) {
      const versions = candidates.versionsOf(id);
      latest.set(id, versions[versions.length - 1]);
    }
    for (const unit of latest.values()) this.link(unit);
  }

  getUnit(id: string, on: string): Promise<OrgUnit | undefined> {
    return this.candidates.getUnit(id, on);
  }

  async unitVersions(id: string): Promise<OrgUnit[]> {
    return this.candidates.versionsOf(id);
  }

  async putUnitVersion(unit: OrgUnit, previousParentId?: string): Promise<void> {
    await this.candidates.putUnit(unit);
    if (previousParentId !== unit.parentId) this.childrenOf(previousParentId).delete(unit.id);
    this.link(unit);
  }

  async childIds(id: string | undefined): Promise<string[]> {
    return [...this.childrenOf(id)];
  }

  async *openCandidatesUnder(unitId: string): AsyncIterable<Candidate> {
    for (const candidate of [...this.candidates.items.values()]) {
      if (isInFlight(candidate) && candidate.unitPath.includes(unitId)) yield copy(candidate);
    }
  }

  async setUnitPath(candidate: Candidate, unitPath: string[]): Promise<void> {
    const stored = this.candidates.items.get(candidate.id);
    if (stored) stored.unitPath = [...unitPath];
  }

  private link(unit: OrgUnit): void {
    this.childrenOf(unit.parentId).add(unit.id);
  }

  private childrenOf(parentId: string | undefined): Set<string> {
    const key = parentId ?? '';
    if (!this.children.has(key)) this.children.set(key, new Set());
    return this.children.get(key)!;
  }
}
