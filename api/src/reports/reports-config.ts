import { z } from 'zod';

/** Variables of the reports and of key-period assurance; spread into config/app-config.ts. */
export const reportsEnvShape = {
  /** p95 utilisation (fraction) at or above which a report recommends an upgrade. */
  REPORT_UPGRADE_P95_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.8),
  /** CJK fonts of the PDFs (Debian fonts-noto-cjk): a TrueType collection and the face in it. */
  REPORT_FONT_REGULAR: z.string().default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  REPORT_FONT_BOLD: z.string().default('/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'),
  /** How often (ms) due monthly schedules are looked for (one run across all replicas). */
  REPORT_SCHEDULE_CHECK_MS: z.coerce.number().int().min(10_000).default(3_600_000),
  /** Report jobs one worker runs at the same time (each takes CPU and ~200 MB for the PDF). */
  REPORT_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
  /** Assurance: poll interval (s) of the circuits' end devices while a window runs (NOC may choose another). */
  ASSURANCE_POLL_INTERVAL_SEC: z.coerce.number().int().min(5).max(300).default(10),
  /** Assurance: how often (ms) the raised alarms of running windows are checked for notices. */
  ASSURANCE_CHECK_MS: z.coerce.number().int().min(1000).default(30_000),
} as const;
