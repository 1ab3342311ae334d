import Bull from 'bull';

import type { JobCounts, JobHandler, JobOptions, JobQueue, JobQueues } from './job-queue.port';

export interface BullQueuesOptions {
  redisUrl: string;
  /** Key prefix: separates deployments (and test databases) sharing one Redis. */
  prefix: string;
  workerEnabled: boolean;
  stalledIntervalMs: number;
  lockDurationMs: number;
  /** Errors of a queue's connections and handlers (never job data: it may be personal). */
  onError: (queue: string, message: string) => void;
}

/**
 * The bull adapter of the job-queue port. Bull keeps delayed jobs in a Redis sorted
 * set and moves due ones to the wait list with one Lua script, and a worker takes a
 * job under a lock it renews: with several replicas a job runs on one of them, a
 * killed worker's job is taken again once its lock lapses (stalled check), and with
 * Redis persistence (appendonly) a restart loses none.
 */
class BullJobQueue<T> implements JobQueue<T> {
  private processing = false;

  constructor(
    readonly name: string,
    private readonly queue: Bull.Queue<T>,
  ) {}

  async add(name: string, data: T, options: JobOptions = {}): Promise<void> {
    await this.queue.add(name, data, {
      jobId: options.jobId,
      delay: options.delayMs !== undefined ? Math.max(0, Math.round(options.delayMs)) : undefined,
      attempts: options.attempts ?? 1,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
      // Completed jobs are dropped so the same jobId can be scheduled again; failed
      // ones are kept (bounded) for inspection.
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }

  async repeat(name: string, data: T, everyMs: number): Promise<void> {
    await this.queue.add(name, data, {
      repeat: { every: everyMs },
      jobId: `repeat:${name}`,
      removeOnComplete: true,
      removeOnFail: 100,
    });
  }

  async remove(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'delayed' || state === 'waiting' || state === 'paused') {
      await job.remove().catch(() => undefined);
    }
  }

  async pending(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    return state === 'delayed' || state === 'waiting' || state === 'active' || state === 'paused';
  }

  process(handler: JobHandler<T>, concurrency = 1): void {
    if (this.processing) throw new Error(`queue ${this.name} is already consumed here`);
    this.processing = true;
    void this.queue.process('*', concurrency, async (job) => {
      await handler({
        id: String(job.id),
        name: job.name,
        data: job.data,
        attemptsMade: job.attemptsMade,
        scheduledFor: new Date(job.timestamp + (job.opts.delay ?? 0)),
      });
    });
  }

  async counts(): Promise<JobCounts> {
    const c = await this.queue.getJobCounts();
    return {
      waiting: c.waiting,
      delayed: c.delayed,
      active: c.active,
      failed: c.failed,
      completed: c.completed,
    };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

export class BullJobQueues implements JobQueues {
  private readonly queues = new Map<string, BullJobQueue<unknown>>();

  constructor(private readonly options: BullQueuesOptions) {}

  get workerEnabled(): boolean {
    return this.options.workerEnabled;
  }

  get<T>(name: string): JobQueue<T> {
    let queue = this.queues.get(name);
    if (!queue) {
      const bull = new Bull<unknown>(name, this.options.redisUrl, {
        prefix: this.options.prefix,
        settings: {
          stalledInterval: this.options.stalledIntervalMs,
          lockDuration: this.options.lockDurationMs,
          lockRenewTime: Math.floor(this.options.lockDurationMs / 2),
          // A job whose worker died twice is failed rather than run for ever.
          maxStalledCount: 2,
        },
      });
      bull.on('error', (err: Error) => this.options.onError(name, err.message));
      bull.on('failed', (_job, err: Error) =>
        this.options.onError(name, `job failed: ${err.message}`),
      );
      queue = new BullJobQueue(name, bull);
      this.queues.set(name, queue);
    }
    return queue as JobQueue<T>;
  }

  async closeAll(): Promise<void> {
    const all = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(all.map((q) => q.close().catch(() => undefined)));
  }
}
