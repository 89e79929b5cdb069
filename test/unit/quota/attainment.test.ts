import {
  attainmentPercent,
  expectedByNow,
  paceStatus,
  shareBasisPoints,
  targetCount,
  zeroPad,
} from '../../../functions/domain/quota/attainment';

describe('attainmentPercent: the figures of the district reports', () => {
  it.each([
    // Thanh Trì 2021-H1: "09/15 … đạt 60% … (9/25, đạt 36% …)"
    [9, 15, 60],
    [9, 25, 36],
    // "06/17 đảng viên mới, đạt 35% chỉ tiêu Quận ủy giao"
    [6, 17, 35],
    // Tây Hồ 2021: "kết nạp 6/5 đảng viên mới, đạt 120%", "03/2 … đạt 150%"
    [6, 5, 120],
    [3, 2, 150],
    // "lớp đối tượng cảm tình đảng … đạt 26/37 học viên" → 70.27 %
    [26, 37, 70],
    // Đống Đa: "Thành lập được 02/05 Chi bộ mới (đạt tỷ lệ 40%)"; Thanh Trì "06/09 … đạt 67%"
    [2, 5, 40],
    [6, 9, 67],
    [0, 15, 0],
    [15, 15, 100],
  ])('%i of %i is %i%%', (achieved, target, percent) => {
    expect(attainmentPercent(achieved, target)).toBe(percent);
  });

  it.each([
    // exactly half a percent: rounds up
    [1, 8, 13], // 12.5
    [1, 200, 1], // 0.5
    [3, 8, 38], // 37.5
    [5, 8, 63], // 62.5
    [1, 40, 3], // 2.5
    // just below and above half
    [1, 3, 33], // 33.33
    [2, 3, 67], // 66.67
    [1, 6, 17], // 16.67
    [1, 201, 0], // 0.497…
    [1, 199, 1], // 0.502…
    [199, 200, 100], // 99.5
    [1999, 2000, 100], // 99.95
    [1989, 2000, 99], // 99.45
  ])('round half up: %i of %i is %i%%', (achieved, target, percent) => {
    expect(attainmentPercent(achieved, target)).toBe(percent);
  });

  it('has no percentage without a target, never dividing by zero (0 of 0, 3 of 0)', () => {
    expect(attainmentPercent(0, 0)).toBeNull();
    expect(attainmentPercent(3, 0)).toBeNull();
  });

  it.each([
    // 57/200 × 100 is 28.499999999999996 in floating point; exactly 28.5, which rounds to 29
    [57, 200, 29],
    [1_000_000_001, 2_000_000_000, 50],
    [989_999_999, 2_000_000_000, 49],
    // 200 × achieved is past 2^53 here: still exact
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 100],
  ])('is exact where floating point is not: %i of %i is %i%%', (achieved, target, percent) => {
    expect(attainmentPercent(achieved, target)).toBe(percent);
  });

  it.each([
    [-1, 5],
    [1.5, 5],
    [1, -5],
    [1, Number.NaN],
  ])('refuses %p of %p', (achieved, target) => {
    expect(() => attainmentPercent(achieved, target)).toThrow(RangeError);
  });
});

describe('pace', () => {
  it.each([
    // target, elapsed num/den, expected (rounded down)
    [15, 0, 181, 0],
    [15, 1, 181, 0],
    [15, 90, 181, 7], // 7.46
    [15, 181, 181, 15],
    [12, 182, 365, 5], // 5.98: a unit needs a whole admission more before it is behind
    [12, 365, 365, 12],
    [0, 100, 365, 0],
  ])('expectedByNow(%i, %i/%i) = %i', (target, num, den, expected) => {
    expect(expectedByNow(target, { num, den })).toBe(expected);
  });

  it.each([
    [0, 0, { num: 10, den: 90 }, 'NO_TARGET'],
    [5, 0, { num: 10, den: 90 }, 'NO_TARGET'],
    [15, 15, { num: 1, den: 181 }, 'DONE'],
    [16, 15, { num: 181, den: 181 }, 'DONE'],
    [7, 15, { num: 90, den: 181 }, 'ON_TRACK'],
    [6, 15, { num: 90, den: 181 }, 'BEHIND'],
    [0, 15, { num: 1, den: 181 }, 'ON_TRACK'],
    [14, 15, { num: 181, den: 181 }, 'BEHIND'],
  ] as const)('%i of %i at %o is %s', (achieved, target, elapsed, status) => {
    expect(paceStatus(achieved, target, elapsed)).toBe(status);
  });

  it('refuses a share that is not one', () => {
    expect(() => expectedByNow(10, { num: 5, den: 0 })).toThrow(RangeError);
    expect(() => expectedByNow(10, { num: 6, den: 5 })).toThrow(RangeError);
  });
});

describe('targetCount', () => {
  it.each([
    [{ kind: 'COUNT', value: 15 }, undefined, 15],
    [{ kind: 'COUNT', value: 0 }, undefined, 0],
    // "at least 7%": 7 % of 130 = 9.1 → 10 (9 would be 6.9 %)
    [{ kind: 'SHARE_OF_MEMBERS', value: 7 }, 130, 10],
    [{ kind: 'SHARE_OF_MEMBERS', value: 7 }, 100, 7],
    [{ kind: 'SHARE_OF_MEMBERS', value: 7 }, 200, 14],
    [{ kind: 'SHARE_OF_MEMBERS', value: 7.5 }, 200, 15],
    [{ kind: 'SHARE_OF_MEMBERS', value: 7.5 }, 201, 16], // 15.075
    [{ kind: 'SHARE_OF_MEMBERS', value: 0.01 }, 1, 1],
    [{ kind: 'SHARE_OF_MEMBERS', value: 0 }, 500, 0],
    [{ kind: 'SHARE_OF_MEMBERS', value: 100 }, 37, 37],
    // 0.07 × 100 is 7.000000000000001 in floating point: the exact count is 7
    [{ kind: 'SHARE_OF_MEMBERS', value: 7 }, 100, 7],
    [{ kind: 'SHARE_OF_MEMBERS', value: 14.35 }, 100, 15], // 14.35, not 14.349999…
  ] as const)('%o of %p members is %i', (target, members, count) => {
    expect(targetCount(target, members)).toBe(count);
  });

  it('needs the members for a share', () => {
    expect(() => targetCount({ kind: 'SHARE_OF_MEMBERS', value: 7 })).toThrow(/members/);
  });

  it.each([7.555, 100.5, -1, 1e21])('refuses the share %p', (value) => {
    expect(() => shareBasisPoints(value)).toThrow(RangeError);
  });

  it('reads shares as decimals', () => {
    expect(shareBasisPoints(7.55)).toBe(755);
    expect(shareBasisPoints(0.07)).toBe(7);
    expect(shareBasisPoints(100)).toBe(10_000);
  });
});

describe('zeroPad', () => {
  it.each([
    [0, '00'],
    [9, '09'],
    [15, '15'],
    [120, '120'],
  ])('%i → %s', (n, text) => {
    expect(zeroPad(n)).toBe(text);
  });
});
