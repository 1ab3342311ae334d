/**
 * Report periods. Banks read months in China Standard Time (UTC+8, no daylight saving),
 * so "November" is [Oct 31 16:00Z, Nov 30 16:00Z). Pure functions on epoch milliseconds.
 */
export const REPORT_UTC_OFFSET_MS = 8 * 3_600_000;
export const REPORT_TIME_ZONE = 'Asia/Shanghai';

export interface Period {
  from: Date;
  to: Date;
}

/** The calendar month (1-12) of `year` in UTC+8. */
export function monthPeriod(year: number, month: number): Period {
  return {
    from: new Date(Date.UTC(year, month - 1, 1) - REPORT_UTC_OFFSET_MS),
    to: new Date(Date.UTC(year, month, 1) - REPORT_UTC_OFFSET_MS),
  };
}

/** The month (UTC+8) that contains `at`. */
export function monthOf(at: Date): { year: number; month: number } {
  const local = new Date(at.getTime() + REPORT_UTC_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** The month (UTC+8) before the one containing `at`: what a monthly schedule reports on. */
export function previousMonth(at: Date): Period {
  const { year, month } = monthOf(at);
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
}

/** Whether the period is exactly one calendar month in UTC+8. */
export function calendarMonthOf(period: Period): { year: number; month: number } | null {
  const m = monthOf(period.from);
  const exact = monthPeriod(m.year, m.month);
  return exact.from.getTime() === period.from.getTime() &&
    exact.to.getTime() === period.to.getTime()
    ? m
    : null;
}

/**
 * The `count` periods before `period`, latest first: the previous calendar months for a
 * month, else periods of the same length right before it.
 */
export function previousPeriods(period: Period, count: number): Period[] {
  const out: Period[] = [];
  const month = calendarMonthOf(period);
  let cursor = month ? { ...month } : null;
  let end = period.from.getTime();
  const length = period.to.getTime() - period.from.getTime();
  for (let k = 0; k < count; k += 1) {
    if (cursor) {
      cursor =
        cursor.month === 1
          ? { year: cursor.year - 1, month: 12 }
          : { ...cursor, month: cursor.month - 1 };
      out.push(monthPeriod(cursor.year, cursor.month));
    } else {
      out.push({ from: new Date(end - length), to: new Date(end) });
      end -= length;
    }
  }
  return out;
}

/** A short label: `2026-11` for a calendar month, else `MM-DD–MM-DD` in UTC+8. */
export function periodLabel(period: Period): string {
  const month = calendarMonthOf(period);
  if (month) return `${month.year}-${String(month.month).padStart(2, '0')}`;
  const day = (t: number): string => new Date(t + REPORT_UTC_OFFSET_MS).toISOString().slice(5, 10);
  return `${day(period.from.getTime())}–${day(period.to.getTime() - 1)}`;
}

/** `2026-11-30 16:00` in UTC+8: how times are printed in the reports. */
export function localTime(at: Date | number): string {
  const t = typeof at === 'number' ? at : at.getTime();
  return new Date(t + REPORT_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
