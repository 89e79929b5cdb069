import { randomUUID } from 'node:crypto';
import {
  type DynamoDbQuotaStore,
  MAX_TARGETS_PER_WRITE,
  type StoredTarget,
} from '../adapters/dynamodb-quota-store';
import { assertMayManageQuotas, assertMayReadQuotaReports, isInScope } from '../domain/access';
import { actorOf, type Caller } from '../domain/caller';
import { type OrgUnit } from '../domain/org-unit';
import { keepsLedger, sumOfChildren } from '../domain/quota/ledger-depth';
import { tryParsePeriod } from '../domain/quota/period';
import {
  buildQuotaReport,
  type QuotaReport,
  type UnitQuotaData,
  vietnamToday,
} from '../domain/quota/report';
import { type QuotaTarget, targetIdentity } from '../domain/quota/target';
import { parseTargetsCsv, targetsToCsv } from '../domain/quota/target-csv';
import { unitNotFound as notFound } from '../domain/unit-not-found';
import { refuse } from '../domain/refusal';

/**
 * The quota ledger's use cases: targets in (JSON list or CSV, all or nothing), targets out (JSON,
 * CSV), and the report. Targets of one request are written in **one** DynamoDB transaction, so a
 * request holds at most 100 targets (DynamoDB's limit per transaction); a larger spreadsheet is
 * refused whole with `QUOTA_IMPORT_TOO_LARGE` and has to be split by unit or period — each part
 * is then itself all-or-nothing. (A staging-and-flip import was judged not worth its moving parts:
 * a committee's yearly targets are a few dozen rows.)
 */

export type QuotaStorePort = Pick<
  DynamoDbQuotaStore,
  'putTargets' | 'listTargets' | 'getUnit' | 'childrenOf' | 'unitData'
>;

export interface QuotaDeps {
  quotas: QuotaStorePort;
  now: () => Date;
}

function unitNotFound(unitId: string, field = 'unit'): never {
  return notFound(unitId, field);
}

/** The unit if it exists and lies in the caller's subtree; otherwise 404 (existence does not leak). */
async function visibleUnit(
  deps: QuotaDeps,
  caller: Caller,
  unitId: string,
  field = 'unit',
): Promise<OrgUnit> {
  const unit = await deps.quotas.getUnit(unitId, vietnamToday(deps.now()));
  if (!unit || !isInScope(caller, unit.path)) return unitNotFound(unitId, field);
  return unit;
}

function assertPeriod(period: string): void {
  if (!tryParsePeriod(period)) {
    refuse('invalid', {
      code: 'INVALID_QUERY',
      message: `Kỳ không hợp lệ "${period}" (2025-Q1, 2025-H1, 2025, TERM-2020-2025)`,
      message_en: `Invalid period "${period}" (2025-Q1, 2025-H1, 2025, TERM-2020-2025)`,
      field: 'period',
    });
  }
}

function tooLarge(count: number): never {
  return refuse('rule', {
    code: 'QUOTA_IMPORT_TOO_LARGE',
    message: `Mỗi lần nhập tối đa ${MAX_TARGETS_PER_WRITE} chỉ tiêu (tệp có ${count}); hãy tách tệp theo đơn vị hoặc kỳ`,
    message_en: `At most ${MAX_TARGETS_PER_WRITE} targets per import (this one has ${count}); split the file by unit or period`,
    field: 'body',
    details: { count, max: MAX_TARGETS_PER_WRITE },
  });
}

/** One write holds at most MAX_TARGETS_PER_WRITE targets (checked before validating any row). */
export function assertTargetCountWithinLimit(count: number): void {
  if (count > MAX_TARGETS_PER_WRITE) tooLarge(count);
}

/** Writes `targets` (already schema-valid) as one transaction; returns the import id. */
export async function saveTargets(
  deps: QuotaDeps,
  caller: Caller,
  targets: readonly QuotaTarget[],
): Promise<{ importId: string; count: number }> {
  assertMayManageQuotas(caller);
  assertTargetCountWithinLimit(targets.length);
  if (targets.length === 0) {
    refuse('invalid', {
      code: 'INVALID_BODY',
      message: 'Danh sách chỉ tiêu rỗng',
      message_en: 'The list of targets is empty',
      field: 'body',
    });
  }
  const seen = new Map<string, number>();
  targets.forEach((t, index) => {
    const first = seen.get(targetIdentity(t));
    if (first !== undefined) {
      refuse('invalid', {
        code: 'TARGET_DUPLICATE',
        message: `Chỉ tiêu thứ ${index + 1} trùng chỉ tiêu thứ ${first + 1} (cùng đơn vị, kỳ, chỉ tiêu và cơ quan giao)`,
        message_en: `Target ${index + 1} repeats target ${first + 1} (same unit, period, metric and issuer)`,
        field: String(index),
      });
    }
    seen.set(targetIdentity(t), index);
  });
  // Every unit must exist and be the administrator's to set targets for.
  for (const unitId of new Set(targets.map((t) => t.unitId))) {
    const index = targets.findIndex((t) => t.unitId === unitId);
    await visibleUnit(deps, caller, unitId, `${index}.unitId`);
  }
  const importId = randomUUID();
  await deps.quotas.putTargets(targets, {
    actor: actorOf(caller, 'admin'),
    importId,
    now: deps.now(),
  });
  return { importId, count: targets.length };
}

/** POST /quotas/import: a CSV file, every row valid or nothing written. */
export async function importTargetsCsv(
  deps: QuotaDeps,
  caller: Caller,
  csv: string,
): Promise<{ importId: string; count: number }> {
  assertMayManageQuotas(caller);
  const parsed = parseTargetsCsv(csv);
  if (!parsed.ok) {
    refuse('invalid', {
      code: 'INVALID_CSV',
      message: `Tệp có ${parsed.errors.length} lỗi; không chỉ tiêu nào được nhập`,
      message_en: `The file has ${parsed.errors.length} error(s); nothing was imported`,
      field: 'body',
      details: { errors: parsed.errors },
    });
  }
  return saveTargets(deps, caller, parsed.targets);
}

export async function listTargets(
  deps: QuotaDeps,
  caller: Caller,
  query: { unit: string; period?: string },
): Promise<StoredTarget[]> {
  assertMayReadQuotaReports(caller);
  if (query.period) assertPeriod(query.period);
  await visibleUnit(deps, caller, query.unit);
  return deps.quotas.listTargets(query.unit, query.period);
}

/** The unit's and its children's targets, with the import's columns. */
export async function exportTargetsCsv(
  deps: QuotaDeps,
  caller: Caller,
  query: { unit: string; period?: string },
): Promise<string> {
  const own = await listTargets(deps, caller, query);
  const children = await deps.quotas.childrenOf(query.unit);
  const theirs = await mapLimited(children, 8, (c) => deps.quotas.listTargets(c.id, query.period));
  const strip = ({
    unitId,
    period,
    metric,
    issuerId,
    issuerName,
    kind,
    value,
    membersAtStart,
  }: StoredTarget): QuotaTarget => ({
    unitId,
    period,
    metric,
    issuerId,
    issuerName,
    kind,
    value,
    ...(membersAtStart === undefined ? {} : { membersAtStart }),
  });
  return targetsToCsv([...own, ...theirs.flat()].map(strip));
}

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping the order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The report of a unit and its children. Reads: the unit, its child links, then per unit 2
 * queries (targets, one range of its ledger; 3 for a period before the funnel's window): O(units),
 * independent of the candidates and of the ledger's age (docs/architecture.md, "Sharded ledger
 * items"). A top-level committee keeps no ledger: its figures are its children's sum, so its own
 * row costs only its targets.
 * `caller` is absent for the operators' own jobs (CloudWatch widget, attainment job).
 */
export async function quotaReport(
  deps: QuotaDeps,
  caller: Caller | undefined,
  query: { unit: string; period: string; today?: string },
): Promise<QuotaReport> {
  if (caller) assertMayReadQuotaReports(caller);
  assertPeriod(query.period);
  const today = query.today ?? vietnamToday(deps.now());
  const unit: OrgUnit | undefined = caller
    ? await visibleUnit(deps, caller, query.unit)
    : await deps.quotas.getUnit(query.unit, today);
  if (!unit) return unitNotFound(query.unit);
  const children = await deps.quotas.childrenOf(unit.id);
  const ref = { id: unit.id, name: unit.name, level: unit.level };
  if (keepsLedger(unit.path)) {
    const data = await mapLimited([ref, ...children], 8, (u) =>
      deps.quotas.unitData(u, query.period, today),
    );
    return buildQuotaReport({ period: query.period, today, units: data });
  }
  const [targets, data] = await Promise.all([
    deps.quotas.listTargets(unit.id, query.period),
    mapLimited(children, 8, (u) => deps.quotas.unitData(u, query.period, today)),
  ]);
  const own: UnitQuotaData = { unit: ref, targets, ...sumOfChildren(data) };
  return buildQuotaReport({ period: query.period, today, units: [own, ...data] });
}

/** Every unit, depth first from the top-level units: the dashboard's unit picker. */
export async function unitTree(
  quotas: Pick<QuotaStorePort, 'childrenOf'>,
): Promise<{ id: string; name: string; depth: number }[]> {
  const out: { id: string; name: string; depth: number }[] = [];
  const walk = async (parent: string | undefined, depth: number) => {
    for (const child of await quotas.childrenOf(parent)) {
      out.push({ id: child.id, name: child.name, depth });
      await walk(child.id, depth + 1);
    }
  };
  await walk(undefined, 0);
  return out;
}
