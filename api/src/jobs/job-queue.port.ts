/**
 * The job-queue port: everything of ours that schedules or runs background work
 * (SLA timers, webhook retries, report jobs) speaks this interface, never bull's. The
 * adapter (bull-job-queue.ts) is the one place that knows the library, so bullmq can
 * replace bull there alone (docs/adr/0015-job-queue-port.md).
 *
 * Delivery is at least once: a job whose worker dies is run again. Handlers make their
 * effect idempotent (a guarded single-document update), which is what makes "never
 * twice" hold for what users see.
 */

export interface JobOptions {
  /**
   * Deduplication key: while a job with this id exists (waiting, delayed, active), adding
   * another is a no-op. Use one per logical timer, e.g. `sla:<ticketId>:restore:warn:<n>`.
   */
  jobId?: string;
  /** Run no earlier than this many ms from now (a delayed job). */
  delayMs?: number;
  /** Tries in all, including the first (default 1). */
  attempts?: number;
  /** Exponential back-off base between tries, ms (default 1000). */
  backoffMs?: number;
}

export interface JobRecord<T> {
  id: string;
  name: string;
  data: T;
  /** Tries already made before this one. */
  attemptsMade: number;
  /** When the job was meant to run: added + delay. */
  scheduledFor: Date;
}

export type JobHandler<T> = (job: JobRecord<T>) => Promise<void>;

export interface JobCounts {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  completed: number;
}

export interface JobQueue<T = unknown> {
  readonly name: string;
  /** Adds (or, with an existing `jobId`, leaves as is) one job. */
  add(name: string, data: T, options?: JobOptions): Promise<void>;
  /**
   * Runs a job every `everyMs`, once per period across all processes (one schedule
   * per name: adding it again from every replica at start-up is harmless).
   */
  repeat(name: string, data: T, everyMs: number): Promise<void>;
  /** Removes a waiting or delayed job; a running or unknown one is left alone. */
  remove(jobId: string): Promise<void>;
  /** Whether a job with this id is waiting, delayed or active. */
  pending(jobId: string): Promise<boolean>;
  /**
   * Starts consuming in this process (at most once per queue). Several processes may
   * consume the same queue: each job goes to one of them.
   */
  process(handler: JobHandler<T>, concurrency?: number): void;
  counts(): Promise<JobCounts>;
  close(): Promise<void>;
}

/** Creates (once per name and process) the queues; injected as JOB_QUEUES. */
export interface JobQueues {
  get<T>(name: string): JobQueue<T>;
  /** Whether this process runs workers (JOBS_WORKER_ENABLED). */
  readonly workerEnabled: boolean;
}

export const JOB_QUEUES = Symbol('JOB_QUEUES');
