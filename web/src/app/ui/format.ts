/**
 * Number, size and time formatting in the user's language, with cached Intl formatters.
 * Pure functions (tested); the pipes in format.pipes.ts pass the current language.
 */
export type Lang = 'zh-CN' | 'en';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(lang, options)));
  return f;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(lang, options)));
  return f;
}

/** Bit rates: 1 decimal below 100 of a unit (`2.5 Mb/s`, `155 Mb/s`, `10 Gb/s`). */
export function formatBps(bps: number | null | undefined, lang: Lang): string {
  if (bps === null || bps === undefined || !Number.isFinite(bps)) return '—';
  const units = ['b/s', 'kb/s', 'Mb/s', 'Gb/s', 'Tb/s'];
  let value = Math.abs(bps);
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  const digits = value < 100 && i > 0 ? 1 : 0;
  const text = numberFormat(lang, { maximumFractionDigits: digits }).format(value);
  return `${bps < 0 ? '-' : ''}${text} ${units[i]}`;
}

/** A ratio (0..1) as a percentage with `digits` decimals; availability uses 3. */
export function formatPercent(ratio: number | null | undefined, lang: Lang, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratio);
}

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

export function formatDateTime(
  iso: string | null | undefined,
  lang: Lang,
  style: 'short' | 'medium' | 'date' | 'time' = 'short',
): string {
  if (!iso) return '—';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '—';
  const options: Intl.DateTimeFormatOptions =
    style === 'date'
      ? { year: 'numeric', month: '2-digit', day: '2-digit' }
      : style === 'time'
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
        : {
            year: style === 'medium' ? 'numeric' : undefined,
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: style === 'medium' ? '2-digit' : undefined,
            hourCycle: 'h23',
          };
  return dateFormat(lang, options).format(t);
}

/** A duration in seconds, two largest units: `2 小时 5 分` / `2 h 5 min`; `< 1 s` stays seconds. */
export function formatDuration(seconds: number | null | undefined, lang: Lang): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const parts: [number, string, string][] = [
    [Math.floor(s / 86400), '天', 'd'],
    [Math.floor((s % 86400) / 3600), '小时', 'h'],
    [Math.floor((s % 3600) / 60), '分', 'min'],
    [s % 60, '秒', 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return lang === 'en' ? '0 s' : '0 秒';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, zh, en]) => (lang === 'en' ? `${n} ${en}` : `${n} ${zh}`))
    .join(' ');
}

/** How long ago (or until) `iso` is from `now`: `3 分钟前`, `in 5 min`. */
export function formatRelative(
  iso: string | null | undefined,
  lang: Lang,
  now = Date.now(),
): string {
  if (!iso) return '—';
  const diff = (Date.parse(iso) - now) / 1000;
  if (!Number.isFinite(diff)) return '—';
  const key = `r|${lang}`;
  let f = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!f)
    cache.set(key, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' })));
  const abs = Math.abs(diff);
  if (abs < 45) return f.format(Math.round(diff), 'second');
  if (abs < 2700) return f.format(Math.round(diff / 60), 'minute');
  if (abs < 64800) return f.format(Math.round(diff / 3600), 'hour');
  return f.format(Math.round(diff / 86400), 'day');
}
