import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JOB_QUEUES, type JobQueue, type JobQueues, type JobRecord } from '../jobs/job-queue.port';
import { TICKET_TIMERS_QUEUE, type TicketTimerJob } from './ticket-jobs';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

/**
 * Runs the ticket timers on whichever replica the queue hands them to. Each effect is
 * a version-guarded single-document update that checks it has not happened yet, so a
 * job run twice (a worker killed after the write, before the acknowledgement) changes
 * the ticket once.
 */
@Injectable()
export class TicketTimersProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(TicketTimersProcessor.name);
  private readonly queue: JobQueue<TicketTimerJob>;

  constructor(
    @Inject(JOB_QUEUES) private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tickets: TicketsService,
    private readonly repository: TicketsRepository,
  ) {
    this.queue = queues.get<TicketTimerJob>(TICKET_TIMERS_QUEUE);
  }

  onApplicationBootstrap(): void {
    if (!this.queues.workerEnabled) return;
    this.queue.process((job) => this.handle(job), 8);
    if (this.config.TICKET_PROACTIVE_SWEEP_SEC > 0) {
      // Not awaited: with Redis down the call waits for it (ioredis queues it), and the API
      // must still start and answer /health; the repeat is set once Redis is back.
      void this.queue
        .repeat(
          'proactive-sweep',
          { type: 'proactive-sweep' },
          this.config.TICKET_PROACTIVE_SWEEP_SEC * 1000,
        )
        .catch((error: unknown) =>
          this.logger.error({ err: (error as Error).message }, 'proactive sweep not scheduled'),
        );
    }
  }

  async handle(job: JobRecord<TicketTimerJob>): Promise<void> {
    const data = job.data;
    const now = new Date();
    switch (data.type) {
      case 'sla': {
        const outcome = await this.tickets.slaTimer(
          data.ticketId,
          data.generation,
          data.clock,
          data.kind,
          now,
        );
        if (outcome === 'applied') {
          this.logger.log(
            {
              ticketId: data.ticketId,
              clock: data.clock,
              kind: data.kind,
              lateMs: now.getTime() - job.scheduledFor.getTime(),
            },
            'SLA timer fired',
          );
        }
        return;
      }
      case 'auto-close':
        await this.tickets.autoClose(data.ticketId, data.resolvedAt, now);
        return;
      case 'revert-bandwidth':
        await this.tickets.revertBandwidth(data.ticketId, now);
        return;
      case 'proactive-sweep':
        await this.sweep(now);
        return;
    }
  }

  /** Service-affecting alarms that waited the grace period without a ticket open one per customer. */
  async sweep(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.TICKET_PROACTIVE_GRACE_SEC * 1000);
    const after = new Date(now.getTime() - 86_400_000);
    let opened = 0;
    for (const alarm of await this.repository.unreportedAlarmCandidatesSystem(before, after)) {
      if ((await this.repository.coveringAlarmSystem(alarm._id)).length > 0) continue;
      const circuits = await this.repository.findCircuitsSystem(
        alarm.affectedCircuitIds.slice(0, 500),
      );
      const byCustomer = new Map<string, typeof circuits>();
      for (const c of circuits)
        byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
      for (const [customerId, list] of byCustomer) {
        let reported = false;
        for (const c of list.slice(0, 20)) {
          if ((await this.repository.openOnCircuitSystem(c._id)).length > 0) {
            reported = true;
            break;
          }
        }
        if (reported) continue;
        if (await this.tickets.openProactive(alarm, customerId, list.slice(0, 50), now))
          opened += 1;
      }
    }
    return opened;
  }
}
