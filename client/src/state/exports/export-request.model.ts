import { RequestBuilder } from '../../generated/request-builder';
import type { TimeRange } from '../shared/time-range.model';

/** The audited downloads of the API (each one an audit entry): CSV/XLSX exports, report PDFs. */
export type ExportRequest =
  | { id: string; kind: 'performance'; circuitId: string; range: TimeRange }
  | { id: string; kind: 'availability'; circuitId: string; range: TimeRange }
  | { id: string; kind: 'customer-availability'; customerId: string | null; range: TimeRange }
  | { id: string; kind: 'statistics-csv'; customerId: string | null; range: TimeRange }
  | { id: string; kind: 'statistics-xlsx'; customerId: string | null; range: TimeRange }
  | { id: string; kind: 'report-pdf'; reportId: string }
  | { id: string; kind: 'attachment'; attachmentId: string; name: string };

const PATHS: Record<ExportRequest['kind'], string> = {
  performance: '/api/v1/circuits/{id}/performance.csv',
  availability: '/api/v1/circuits/{id}/availability.csv',
  'customer-availability': '/api/v1/availability.csv',
  'statistics-csv': '/api/v1/statistics/csv',
  'statistics-xlsx': '/api/v1/statistics/xlsx',
  'report-pdf': '/api/v1/reports/{id}/pdf',
  attachment: '/api/v1/attachments/{id}',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type asked for, and the file name used when the API names none. */
export function exportFileOf(request: ExportRequest): { accept: string; fallbackName: string } {
  switch (request.kind) {
    case 'statistics-xlsx':
      return { accept: XLSX, fallbackName: 'statistics.xlsx' };
    case 'report-pdf':
      return { accept: 'application/pdf', fallbackName: `report-${request.reportId}.pdf` };
    case 'attachment':
      return { accept: 'application/octet-stream', fallbackName: request.name };
    case 'performance':
    case 'availability':
    case 'customer-availability':
    case 'statistics-csv':
      return { accept: 'text/csv', fallbackName: `${request.kind}.csv` };
  }
}

/** What an export is of, for the operations tray: a circuit, a customer or a report. */
export function exportSubjectOf(request: ExportRequest): string | null {
  switch (request.kind) {
    case 'performance':
    case 'availability':
      return request.circuitId;
    case 'customer-availability':
    case 'statistics-csv':
    case 'statistics-xlsx':
      return request.customerId;
    case 'report-pdf':
      return request.reportId;
    case 'attachment':
      return request.name;
  }
}

/** The request of an export, built with the generated client's RequestBuilder. */
export function exportRequestBuilder(rootUrl: string, request: ExportRequest): RequestBuilder {
  const rb = new RequestBuilder(rootUrl, PATHS[request.kind], 'get');
  if (request.kind === 'report-pdf') {
    rb.path('id', request.reportId, {});
    return rb;
  }
  if (request.kind === 'attachment') {
    rb.path('id', request.attachmentId, {});
    return rb;
  }
  if (
    request.kind === 'customer-availability' ||
    request.kind === 'statistics-csv' ||
    request.kind === 'statistics-xlsx'
  ) {
    if (request.customerId) rb.query('customerId', request.customerId, {});
  } else {
    rb.path('id', request.circuitId, {});
  }
  rb.query('from', request.range.from, {});
  rb.query('to', request.range.to, {});
  return rb;
}

/** `attachment; filename="x.csv"` → `x.csv` (the API names the file). */
export function filenameOf(disposition: string | null, fallback: string): string {
  // RFC 6266: the UTF-8 `filename*` wins over the plain `filename` (an ASCII stand-in).
  const match =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '') ??
    /filename="?([^";]+)"?/i.exec(disposition ?? '');
  const name = match?.[1] ? decodeURIComponent(match[1].trim()) : '';
  // Only a plain file name: never a path.
  const safe = name.replace(/[/\\]/g, '_').trim();
  return safe || fallback;
}
