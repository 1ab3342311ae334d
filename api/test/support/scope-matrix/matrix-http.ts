import ExcelJS from 'exceljs';

import type { HttpMethod } from './openapi-walker';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A workbook as the text of its sheets and cells: a compressed XLSX hides every marker
 * from a scan of its bytes.
 */
async function workbookText(bytes: ArrayBuffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const lines: string[] = [];
  book.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      lines.push(cells.join('\t'));
    });
  });
  return lines.join('\n');
}

/** One answer, with what the matrix inspects: the whole text and the download name. */
export interface Reply {
  status: number;
  text: string;
  contentType: string;
  /** Content-Disposition: an export's file name must not name what the caller cannot see. */
  disposition: string;
}

export async function call(
  method: HttpMethod,
  url: string,
  token: string | null,
  body?: unknown,
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const contentType = res.headers.get('content-type') ?? '';
  const text =
    res.status === 200 && contentType.startsWith(XLSX)
      ? await workbookText(await res.arrayBuffer())
      : await res.text();
  return {
    status: res.status,
    text,
    contentType,
    disposition: res.headers.get('content-disposition') ?? '',
  };
}

/** Runs `tasks` with at most `limit` in flight (the machine has two cores). */
export async function inPool<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The reply's text and download name with every echo of `values` (the caller's own input) cut out. */
export function withoutEcho(reply: Reply, values: readonly string[]): string {
  let text = `${reply.disposition}\n${reply.text}`;
  for (const value of values) {
    for (const form of new Set([
      value,
      encodeURIComponent(value),
      JSON.stringify(value).slice(1, -1),
    ])) {
      text = text.split(form).join('{echo}');
    }
  }
  return text;
}

/**
 * What must be identical between an out-of-scope id and an id that does not exist: status
 * and body once the id itself (and clock readings) are blanked.
 */
export function normalised(reply: Reply, value: string): string {
  const text = withoutEcho(reply, [value]).replace(
    /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g,
    '{time}',
  );
  return `${reply.status} ${text}`;
}
