/**
 * Dates as officers read them: Vietnamese day/month/year, in Vietnam time (UTC+7 all year, no
 * daylight saving), never a raw ISO timestamp. Pure, no Intl: the same text in every browser.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `2025-06-02` → `02/06/2025`; anything else is returned as it came. */
export function formatDay(day: string | undefined): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** An instant as the wall clock in Vietnam shows it: `14:05 02/06/2025`. */
export function formatInstant(iso: string | undefined): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const local = new Date(time + VIETNAM_OFFSET_MS);
  return (
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ` +
    `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`
  );
}

/** The calendar day in Vietnam at an instant (`YYYY-MM-DD`). */
export function vietnamDay(instant: number): string {
  return new Date(instant + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days from `today` to `day` (negative: past), both Vietnamese calendar days. */
function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** "còn 3 ngày / 3 days left", "hôm nay / today", "quá hạn 2 ngày / 2 days overdue". */
export function dueText(day: string, today: string): { vi: string; en: string } {
  const days = daysUntil(day, today);
  if (days === 0) return { vi: 'đến hạn hôm nay', en: 'due today' };
  if (days > 0) return { vi: `còn ${days} ngày`, en: `${days} day${days === 1 ? '' : 's'} left` };
  return {
    vi: `quá hạn ${-days} ngày`,
    en: `${-days} day${days === -1 ? '' : 's'} overdue`,
  };
}
