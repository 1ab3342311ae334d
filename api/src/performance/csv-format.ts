export type CsvValue = string | number | boolean | null;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes
 * doubled. Text that a spreadsheet would run as a formula (= + - @, tab, CR first) gets a
 * leading apostrophe: names come from inventory and titles from operators, and an
 * exported file is opened in Excel by people who did not write it (CSV injection).
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and the data rows, CRLF-separated as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name part from an id or ISO time: letters, digits, dash and dot only. */
export function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-');
}
