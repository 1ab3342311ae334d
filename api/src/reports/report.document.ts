/** Report kinds: the monthly VIP/SLA report, the inspection (巡检), a key-period assurance window's report. */
export const REPORT_KINDS = ['vip', 'inspection', 'assurance'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const REPORT_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface ReportDelivery {
  recipients: string[];
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  sentAt: Date | null;
  error: string | null;
}

/**
 * One report job and its result (collection `reports`). The figures (`data`) are kept
 * as JSON for the screen; the PDF is a GridFS file (bucket `reportFiles`).
 */
export interface ReportDocument {
  _id: string;
  kind: ReportKind;
  customerId: string;
  from: Date;
  to: Date;
  language: ReportLanguage;
  state: ReportState;
  /** 0–100, for the progress bar. */
  progress: number;
  /** What the job is doing now, e.g. `availability`, `pdf`. */
  stage: string;
  /** The user on whose rights the job runs (re-checked when it runs). */
  requestedBy: string;
  requestedByName: string;
  scheduleId: string | null;
  assuranceWindowId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  data: Record<string, unknown> | null;
  pdfFileId: string | null;
  pdfBytes: number | null;
  delivery: ReportDelivery | null;
  /** Tries so far (a job whose worker died runs again). */
  attempts: number;
}

/** A monthly schedule: on the given day of each month (UTC+8), last month's report, mailed. */
export interface ReportScheduleDocument {
  _id: string;
  customerId: string;
  kind: 'vip' | 'inspection';
  language: ReportLanguage;
  /** Day of the month (1–28) on which the previous month's report is made. */
  dayOfMonth: number;
  recipients: string[];
  enabled: boolean;
  ownerUserId: string;
  ownerName: string;
  createdAt: Date;
  updatedAt: Date;
  /** `YYYY-MM` of the last month a report was made for: a month is reported once. */
  lastPeriod: string | null;
  lastReportId: string | null;
}
