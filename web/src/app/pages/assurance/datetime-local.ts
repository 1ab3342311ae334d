/**
 * `<input type="datetime-local">` speaks the browser's local wall time without a zone;
 * the API speaks ISO instants. These convert between the two (minutes precision).
 */
export function toLocalInput(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}T${p(at.getHours())}:${p(at.getMinutes())}`;
}

/** The instant of a datetime-local value, or null when it is empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

/** The next full hour after `now`, plus `hours`. */
export function nextHour(now: Date, hours = 0): Date {
  const t = new Date(now);
  t.setMinutes(0, 0, 0);
  t.setHours(t.getHours() + 1 + hours);
  return t;
}
