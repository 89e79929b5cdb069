import type { Fraction } from './period';

/**
 * The report arithmetic of quota attainment (docs/admission-rules.md, "Quotas"), in exact integers:
 * no floating point ever touches a count or a percentage, so 1/8 is 12.5 % and rounds to 13, not
 * to whatever 0.125 × 100 happens to be.
 */

export type PaceStatus = 'ON_TRACK' | 'BEHIND' | 'NO_TARGET' | 'DONE';

type TargetKind = 'COUNT' | 'SHARE_OF_MEMBERS';

/** What a target says, independent of who issued it. */
export interface TargetSpec {
  kind: TargetKind;
  /** A count for `COUNT`; a percentage of members (≤ 2 decimals, e.g. 7 or 7.5) for a share. */
  value: number;
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
  }
}

function assertFraction(f: Fraction): void {
  assertCount(f.num, 'elapsed share numerator');
  assertCount(f.den, 'elapsed share denominator');
  if (f.den === 0 || f.num > f.den) throw new RangeError(`Not a share: ${f.num}/${f.den}`);
}

/** ⌊a / b⌋ for non-negative integers, exact at any size (BigInt). */
function floorDiv(a: bigint, b: bigint): number {
  return Number(a / b);
}

/**
 * Attainment as the reports print it: `100 · achieved / target`, rounded half up to a whole
 * percent (9/15 → 60, 9/25 → 36, 6/17 → 35, 6/5 → 120, 1/8 → 13). It can exceed 100.
 * `null` when there is no target (target 0): the report then prints the count alone.
 */
export function attainmentPercent(achieved: number, target: number): number | null {
  assertCount(achieved, 'achieved');
  assertCount(target, 'target');
  if (target === 0) return null;
  // round(100a/t) half up = ⌊(100a/t) + 1/2⌋ = ⌊(200a + t) / 2t⌋
  return floorDiv(200n * BigInt(achieved) + BigInt(target), 2n * BigInt(target));
}

/**
 * What linear progress would have reached by now: `⌊target × elapsed⌋`. Rounded **down**, so a
 * unit is only behind once it lacks a whole admission that an even pace would already have
 * produced (rounding up would put every unit with a target "behind" on the period's first day).
 */
export function expectedByNow(target: number, elapsed: Fraction): number {
  assertCount(target, 'target');
  assertFraction(elapsed);
  return floorDiv(BigInt(target) * BigInt(elapsed.num), BigInt(elapsed.den));
}

/**
 * `NO_TARGET` without a target (0); `DONE` once the target is reached, whenever that is;
 * otherwise `ON_TRACK` when at least `expectedByNow`, else `BEHIND`.
 */
export function paceStatus(achieved: number, target: number, elapsed: Fraction): PaceStatus {
  assertCount(achieved, 'achieved');
  if (target === 0) return 'NO_TARGET';
  if (achieved >= target) return 'DONE';
  return achieved >= expectedByNow(target, elapsed) ? 'ON_TRACK' : 'BEHIND';
}

const SHARE = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * A share written as a percentage with at most two decimals, in basis points (7.5 % → 750),
 * read from its decimal form so that no binary fraction is involved. Throws when the value is
 * not such a percentage between 0 and 100.
 */
export function shareBasisPoints(percent: number): number {
  const m = SHARE.exec(String(percent));
  if (!m) throw new RangeError(`A share must be a percentage with at most 2 decimals: ${percent}`);
  const basisPoints = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (basisPoints > 10_000) throw new RangeError(`A share cannot exceed 100 %: ${percent}`);
  return basisPoints;
}

/**
 * The number a target asks for. A `COUNT` is itself. A `SHARE_OF_MEMBERS` ("at least 7 % of the
 * members at the start of the period") is rounded **up**: "at least 7 %" of 130 members is 9.1,
 * and 9 admissions would fall short of 7 %, so the target is 10. Throws when a share target has
 * no member count.
 */
export function targetCount(target: TargetSpec, membersAtStart?: number): number {
  if (target.kind === 'COUNT') {
    assertCount(target.value, 'target value');
    return target.value;
  }
  if (membersAtStart === undefined) {
    throw new RangeError('A share-of-members target needs the number of members at the start');
  }
  assertCount(membersAtStart, 'members at start');
  const basisPoints = shareBasisPoints(target.value);
  // ⌈m × bp / 10000⌉
  return floorDiv(BigInt(membersAtStart) * BigInt(basisPoints) + 9_999n, 10_000n);
}

/** Two digits as the reports write counts: 9 → "09", 15 → "15", 120 → "120". */
export function zeroPad(n: number): string {
  assertCount(n, 'count');
  return String(n).padStart(2, '0');
}
