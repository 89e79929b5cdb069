import {
  attendanceFigures,
  type ClassSeat,
  classStatus,
} from '../../../functions/domain/training-class';

function seats(passed: number, failed: number, absent: number, pending = 0): ClassSeat[] {
  const seat = (i: number, result?: ClassSeat['result']): ClassSeat => ({
    classId: 'lop-1',
    candidateId: `c${i}`,
    fullName: `Người ${i}`,
    unitId: 'cell',
    enrolledAt: '2026-03-01T00:00:00.000Z',
    ...(result ? { result } : {}),
  });
  return [
    ...Array.from({ length: passed }, (_, i) => seat(i, 'PASSED')),
    ...Array.from({ length: failed }, (_, i) => seat(100 + i, 'FAILED')),
    ...Array.from({ length: absent }, (_, i) => seat(200 + i, 'ABSENT')),
    ...Array.from({ length: pending }, (_, i) => seat(300 + i)),
  ];
}

describe('awareness class figures', () => {
  it('reports 26/37 with the failed and the absent', () => {
    expect(attendanceFigures(seats(26, 6, 5))).toEqual({
      enrolled: 37,
      passed: 26,
      failed: 6,
      absent: 5,
      awaitingResult: 0,
      passedOfEnrolled: '26/37',
    });
  });

  it('writes small figures with two digits, as the district reports do', () => {
    expect(attendanceFigures(seats(6, 0, 0, 11)).passedOfEnrolled).toBe('06/17');
    expect(attendanceFigures([]).passedOfEnrolled).toBe('00/00');
  });

  it.each([
    ['2026-02-28', 'PLANNED'],
    ['2026-03-02', 'IN_PROGRESS'],
    ['2026-03-06', 'IN_PROGRESS'],
    ['2026-03-07', 'ENDED'],
  ])('on %s a class of 2-6 March with results pending is %s', (today, status) => {
    const dates = { startsOn: '2026-03-02', endsOn: '2026-03-06' };
    expect(classStatus(dates, seats(1, 0, 0, 1), today)).toBe(status);
  });

  it('is RESULTS_RECORDED once every seat has a result, whatever the day', () => {
    const dates = { startsOn: '2026-03-02', endsOn: '2026-03-06' };
    expect(classStatus(dates, seats(2, 1, 1), '2026-03-03')).toBe('RESULTS_RECORDED');
    expect(classStatus(dates, [], '2026-03-10')).toBe('ENDED');
  });
});
