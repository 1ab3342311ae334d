/** Presentation helpers (pure; the pipes bind them to the chosen language). */
export type Lang = 'zh-CN' | 'en';

/** "2026-12-03 14:05" in China time, whatever the phone's zone: the bank works in it. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** How long ago, in words ("3 分钟前", "2 hours ago"); "just now" under a minute. */
export function formatAge(iso: string | null | undefined, lang: Lang, now = Date.now()): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '—';
  const seconds = Math.round((now - t) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return lang === 'en' ? 'just now' : '刚刚';
  if (abs < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return rtf.format(-Math.round(seconds / 86400), 'day');
}

/** Minutes as "1 h 05 min" / "1 小时 05 分": SLA clocks. Negative: overdue by that much. */
export function formatMinutes(minutes: number, lang: Lang): string {
  const m = Math.abs(Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const text =
    lang === 'en'
      ? h > 0
        ? `${h} h ${String(rest).padStart(2, '0')} min`
        : `${rest} min`
      : h > 0
        ? `${h} 小时 ${String(rest).padStart(2, '0')} 分`
        : `${rest} 分钟`;
  return text;
}

/** Bits per second in the largest fitting unit: "9.6 Mb/s". */
export function formatBps(bps: number | null | undefined): string {
  if (bps === null || bps === undefined || !Number.isFinite(bps)) return '—';
  const units = ['b/s', 'kb/s', 'Mb/s', 'Gb/s', 'Tb/s'];
  let value = bps;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** A phone number or e-mail with the middle hidden: "138****5678", "w***@bank.cn". */
export function maskContact(value: string | null | undefined): string {
  if (!value) return '—';
  if (value.includes('*')) return value; // masked by the API already
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  if (value.length <= 7) return `${value.slice(0, 1)}****`;
  return `${value.slice(0, 3)}****${value.slice(-4)}`;
}
