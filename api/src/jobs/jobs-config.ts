import { z } from 'zod';

/** Variables of the job queues; spread into the API's configuration (config/app-config.ts). */
export const jobsEnvShape = {
  /** Set to false for a replica that schedules jobs but never runs them. */
  JOBS_WORKER_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * How often (ms) a worker checks for jobs whose worker died (their lock expired):
   * they run again on a live worker. Also the lock lifetime's renewal period / 2.
   */
  JOBS_STALLED_INTERVAL_MS: z.coerce.number().int().min(1000).max(300_000).default(15_000),
  /** Lock lifetime of a running job (ms): a worker killed mid-job frees it after this. */
  JOBS_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
} as const;
