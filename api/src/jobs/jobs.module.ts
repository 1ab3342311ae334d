import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { BullJobQueues } from './bull-job-queue';
import { JOB_QUEUES } from './job-queue.port';

/**
 * The job queues of this process (global): inject `JOB_QUEUES` and `get(name)`. Keys
 * live under `cc:<MONGO_DB>` in Redis, so deployments and test databases sharing a
 * Redis never see each other's jobs.
 */
@Global()
@Module({
  providers: [
    {
      provide: JOB_QUEUES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): BullJobQueues => {
        const logger = new Logger('JobQueues');
        return new BullJobQueues({
          redisUrl: config.REDIS_URL,
          prefix: `cc:${config.MONGO_DB}`,
          workerEnabled: config.JOBS_WORKER_ENABLED,
          stalledIntervalMs: config.JOBS_STALLED_INTERVAL_MS,
          lockDurationMs: config.JOBS_LOCK_DURATION_MS,
          onError: (queue, message) => logger.error({ queue, err: message }, 'job queue error'),
        });
      },
    },
  ],
  exports: [JOB_QUEUES],
})
export class JobsModule implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUES) private readonly queues: BullJobQueues) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.closeAll();
  }
}
