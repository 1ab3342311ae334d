/**
 * Report periods are calendar months in China Standard Time (UTC+8, docs/reports.md):
 * November is [10-31T16:00Z, 11-30T16:00Z), whatever the browser's own time zone.
 */
const CST_OFFSET_MS = 8 * 3_600_000;

export interface MonthOption {
  /** `2026-11` */
  key: string;
}

/** The `count` months up to and including the current one (China time), newest first. */
export function monthOptions(now: Date, count: number): MonthOption[] {
  const cst = new Date(now.getTime() + CST_OFFSET_MS);
  const out: MonthOption[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth() - i, 1));
    out.push({ key: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` });
  }
  return out;
}

/** `2026-11` → the month's [from, to) as UTC instants; null for anything else. */
export function chinaMonth(key: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return null;
  const from = Date.UTC(year, month, 1) - CST_OFFSET_MS;
  const to = Date.UTC(year, month + 1, 1) - CST_OFFSET_MS;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
