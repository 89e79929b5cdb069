import {
  addDays,
  compareDates,
  dayOfWeek,
  formatIsoDate,
  type IsoDate,
  isWeekend,
} from './calendar-date';
import { gioToHungVuong, tetNguyenDan } from './lunar-calendar';

/**
 * Public holidays of Vietnam (Bộ luật Lao động 2019, Điều 112) and the yearly decisions that
 * place them. Deadlines of the admission procedure are counted in working days of the state
 * administration (Monday–Friday), which is the calendar party committees keep.
 *
 * The law fixes which holidays exist; each year the Government (through the Ministry of Home
 * Affairs) decides the exact Tết days, the day that accompanies 2 September, and swaps of a
 * working day against a Saturday. Those decisions are data below, one plain object per year, so
 * that a deployment can correct or add a year without a code change (`createCalendar(overrides)`).
 * A year without data falls back on the statutory defaults, computed from the lunar calendar.
 */
type DayOffKind =
  | 'NEW_YEAR'
  | 'TET'
  | 'HUNG_KINGS'
  | 'REUNIFICATION'
  | 'LABOUR_DAY'
  | 'NATIONAL_DAY'
  | 'COMPENSATION'
  | 'SWAP';

export interface DayOff {
  date: IsoDate;
  kind: DayOffKind;
  label: string;
  labelEn: string;
}

export interface YearHolidayData {
  /**
   * The Tết break as decided for the year, both ends included. It replaces the statutory default
   * (last day of the lunar year + mùng 1–4, with compensation for those on a weekend), because
   * the decision already places the five days and any compensation inside the break.
   */
  tetBreak?: { from: IsoDate; to: IsoDate };
  /** The day added to 2 September (Art. 112 lets the Government pick the day before or after). */
  nationalDayAdjacent?: '09-01' | '09-03';
  /** Weekdays given off in exchange for a Saturday worked (hoán đổi ngày làm việc). */
  swappedDaysOff?: IsoDate[];
  /** Weekend days declared working days (ngày làm bù) to pay for `swappedDaysOff`. */
  makeUpWorkingDays?: IsoDate[];
  /** The decision this entry follows, for whoever checks it. */
  source?: string;
}

export type HolidayData = Readonly<Record<number, YearHolidayData>>;

/**
 * Decisions for civil servants (cán bộ, công chức, viên chức). Entries marked `check` were
 * recalled, not verified against the published text: a deployment should confirm them.
 */
export const VIETNAM_HOLIDAY_DATA: HolidayData = {
  2021: {
    tetBreak: { from: '2021-02-10', to: '2021-02-16' }, // 29 Chạp – mùng 5
    nationalDayAdjacent: '09-03',
    source: 'Bộ LĐTBXH, lịch nghỉ Tết Tân Sửu và Quốc khánh 2021',
  },
  2022: {
    tetBreak: { from: '2022-01-29', to: '2022-02-06' }, // 27 Chạp – mùng 6
    nationalDayAdjacent: '09-01',
    source: 'Bộ LĐTBXH, lịch nghỉ Tết Nhâm Dần và Quốc khánh 2022',
  },
  2023: {
    tetBreak: { from: '2023-01-20', to: '2023-01-26' }, // 29 Chạp – mùng 5
    nationalDayAdjacent: '09-01',
    source: 'Bộ LĐTBXH, lịch nghỉ Tết Quý Mão và Quốc khánh 2023',
  },
  2024: {
    tetBreak: { from: '2024-02-08', to: '2024-02-14' }, // 29 Chạp – mùng 5
    // check: 30/4–1/5 break 27/4–1/5, Monday 29/4 swapped against Saturday 4/5.
    swappedDaysOff: ['2024-04-29'],
    makeUpWorkingDays: ['2024-05-04'],
    nationalDayAdjacent: '09-03',
    source: 'Bộ LĐTBXH, lịch nghỉ năm 2024; hoán đổi dịp 30/4–1/5/2024',
  },
  2025: {
    tetBreak: { from: '2025-01-25', to: '2025-02-02' }, // 26 Chạp – mùng 5
    // Monday 27/1 swapped against Saturday 8/2 (check); Friday 2/5 against Saturday 26/4.
    swappedDaysOff: ['2025-01-27', '2025-05-02'],
    makeUpWorkingDays: ['2025-02-08', '2025-04-26'],
    nationalDayAdjacent: '09-01',
    source: 'Bộ LĐTBXH, lịch nghỉ năm 2025; Bộ Nội vụ, hoán đổi dịp 30/4–1/5/2025',
  },
  2026: {
    // check: break 14/2–22/2 (27 Chạp – mùng 6); equals the statutory default in working days.
    tetBreak: { from: '2026-02-14', to: '2026-02-22' },
    // check: 1/9 or 3/9 not confirmed; no swap around 1 January 2026 recorded here.
    nationalDayAdjacent: '09-01',
    source: 'Bộ Nội vụ, lịch nghỉ năm 2026 (check)',
  },
};

function dayOff(date: IsoDate, kind: DayOffKind, label: string, labelEn: string): DayOff {
  return { date, kind, label, labelEn };
}

function datesFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Without a decision, 2 September is paired with the day that joins it to a weekend. */
function defaultNationalDayAdjacent(year: number): '09-01' | '09-03' {
  const weekday = dayOfWeek(formatIsoDate({ year, month: 9, day: 2 }));
  return weekday === 1 || weekday === 4 ? '09-03' : '09-01';
}

/** The five statutory Tết days: the last day of the old lunar year and mùng 1 to mùng 4. */
export function defaultTetDays(year: number): IsoDate[] {
  const firstDay = tetNguyenDan(year);
  return datesFrom(addDays(firstDay, -1), addDays(firstDay, 3));
}

/** Statutory holidays of a Gregorian year, before compensation and swaps. */
function statutoryHolidays(year: number, data: YearHolidayData): DayOff[] {
  const on = (month: number, day: number) => formatIsoDate({ year, month, day });
  const adjacent = data.nationalDayAdjacent ?? defaultNationalDayAdjacent(year);
  const tetDays = data.tetBreak ? [] : defaultTetDays(year);
  return [
    dayOff(on(1, 1), 'NEW_YEAR', 'Tết Dương lịch', "New Year's Day"),
    ...tetDays.map((d) => dayOff(d, 'TET', 'Tết Nguyên đán', 'Lunar New Year')),
    dayOff(gioToHungVuong(year), 'HUNG_KINGS', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration'),
    dayOff(on(4, 30), 'REUNIFICATION', 'Ngày Chiến thắng', 'Reunification Day'),
    dayOff(on(5, 1), 'LABOUR_DAY', 'Ngày Quốc tế lao động', 'International Labour Day'),
    dayOff(on(9, 2), 'NATIONAL_DAY', 'Quốc khánh', 'National Day'),
    dayOff(
      `${year}-${adjacent}`,
      'NATIONAL_DAY',
      'Quốc khánh (ngày liền kề)',
      'National Day (adjacent day)',
    ),
  ];
}

/**
 * Every weekday or weekend day given off in a year: holidays, the Tết break, compensation for a
 * holiday falling on a weekend (Art. 112 khoản 3: the next working day), and swapped days.
 * Sorted by date; weekends are not listed unless a holiday falls on them.
 */
export function daysOffInYear(year: number, data: YearHolidayData = {}): DayOff[] {
  const holidays = statutoryHolidays(year, data);
  const tetBreak = data.tetBreak
    ? datesFrom(data.tetBreak.from, data.tetBreak.to).map((d) =>
        dayOff(d, 'TET', 'Nghỉ Tết Nguyên đán', 'Lunar New Year break'),
      )
    : [];
  const swaps = (data.swappedDaysOff ?? []).map((d) =>
    dayOff(d, 'SWAP', 'Nghỉ hoán đổi', 'Day off swapped against a weekend day'),
  );
  const taken = new Set([...holidays, ...tetBreak, ...swaps].map((d) => d.date));
  const compensation: DayOff[] = [];
  for (const holiday of [...holidays].sort((a, b) => compareDates(a.date, b.date))) {
    if (!isWeekend(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    compensation.push(
      dayOff(date, 'COMPENSATION', `Nghỉ bù ${holiday.label}`, `In lieu of ${holiday.labelEn}`),
    );
  }
  const byDate = new Map<IsoDate, DayOff>();
  for (const d of [...holidays, ...tetBreak, ...compensation, ...swaps]) {
    if (!byDate.has(d.date)) byDate.set(d.date, d);
  }
  return [...byDate.values()].sort((a, b) => compareDates(a.date, b.date));
}
