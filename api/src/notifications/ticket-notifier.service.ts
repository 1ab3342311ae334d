import { Inject, Injectable, Logger } from '@nestjs/common';

import { JOB_QUEUES, type JobQueue, type JobQueues } from '../jobs/job-queue.port';
import type { TicketDocument } from '../tickets/ticket.document';
import { NOTIFICATIONS_QUEUE, type NotificationJob } from './notification-jobs';
import { NotificationsRepository } from './notifications.repository';

/**
 * What the tickets call on a change: it only enqueues (one job per public change,
 * keyed by ticket and sequence, so a change notifies once even if enqueued twice);
 * NotificationsProcessor does the sending, with retries, on whichever replica.
 */
@Injectable()
export class TicketNotifier {
  private readonly logger = new Logger(TicketNotifier.name);
  private readonly queue: JobQueue<NotificationJob>;

  constructor(
    @Inject(JOB_QUEUES) queues: JobQueues,
    private readonly repository: NotificationsRepository,
  ) {
    this.queue = queues.get<NotificationJob>(NOTIFICATIONS_QUEUE);
  }

  async contactOf(userId: string): Promise<{ email: string | null; phone: string | null }> {
    const prefs = await this.repository.preferencesOf(userId);
    return { email: prefs?.email ?? null, phone: prefs?.phone ?? null };
  }

  async ticketChanged(t: TicketDocument, seq: number): Promise<void> {
    await this.enqueue({ type: 'ticket-change', ticketId: t._id, seq }, `notify:${t._id}:${seq}`);
  }

  async slaAlert(
    t: TicketDocument,
    clock: string,
    kind: string,
    level: 1 | 2 | null,
  ): Promise<void> {
    await this.enqueue(
      { type: 'sla-alert', ticketId: t._id, generation: t.sla.generation, clock, kind, level },
      `alert:${t._id}:${clock}:${kind}:${level ?? 0}`,
    );
  }

  private async enqueue(job: NotificationJob, jobId: string): Promise<void> {
    try {
      await this.queue.add(job.type, job, { jobId, attempts: 5, backoffMs: 2000 });
    } catch (error) {
      // The change stands; the customer still sees it on screen and in the live events.
      this.logger.error({ jobId, err: (error as Error).message }, 'notification not enqueued');
    }
  }
}
