import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JOB_QUEUES, type JobQueue, type JobQueues } from '../jobs/job-queue.port';
import { TICKET_TIMERS_QUEUE, type TicketTimerJob, slaJobId } from '../tickets/ticket-jobs';
import type { TicketDocument, TicketPriority, TicketSla } from '../tickets/ticket.document';
import { TicketsRepository } from '../tickets/tickets.repository';
import type { Interval } from './sla-clock';
import { initialSla, pausesOf, timersOf, withDueDates } from './sla-plan';
import type { SlaTarget } from './sla-targets';

const FAR_AHEAD_MS = 366 * 86_400_000;

/**
 * Plans the SLA timers of tickets as bull delayed jobs (one per clock × warn/breach,
 * plus the duty-manager escalation), keyed by ticket, generation, clock and kind: a
 * job planned twice exists once, and one of an outdated generation does nothing when
 * it fires (TicketTimersProcessor).
 */
@Injectable()
export class SlaScheduler {
  private readonly queue: JobQueue<TicketTimerJob>;

  constructor(
    @Inject(JOB_QUEUES) queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: TicketsRepository,
  ) {
    this.queue = queues.get<TicketTimerJob>(TICKET_TIMERS_QUEUE);
  }

  get warnShare(): number {
    return this.config.TICKET_SLA_WARN_SHARE;
  }

  targetFor(slaClass: TicketSla['slaClass'], priority: TicketPriority): SlaTarget {
    return this.config.TICKET_SLA_TARGETS[slaClass][priority];
  }

  /** A new ticket's clocks, with approved maintenance already known taken into account. */
  async initial(
    slaClass: TicketSla['slaClass'],
    priority: TicketPriority,
    circuitIds: readonly string[],
    now: Date,
  ): Promise<TicketSla> {
    const sla = initialSla(slaClass, this.targetFor(slaClass, priority), now);
    return withDueDates(sla, await this.pauses(sla, circuitIds));
  }

  /** Pauses of the ticket, approved maintenance on its circuits included. */
  async pauses(sla: TicketSla, circuitIds: readonly string[]): Promise<Interval[]> {
    const start = new Date(sla.startedAt);
    const maintenance = await this.repository.maintenanceOn(
      circuitIds,
      start,
      new Date(start.getTime() + FAR_AHEAD_MS),
    );
    return pausesOf(sla, maintenance);
  }

  /** Plans the jobs of the ticket's current generation (idempotent). */
  async schedule(ticket: TicketDocument, now: Date): Promise<void> {
    const pauses = await this.pauses(ticket.sla, ticket.circuitIds);
    const timers = timersOf(
      ticket.sla,
      pauses,
      this.config.TICKET_SLA_WARN_SHARE,
      this.config.TICKET_ESCALATE_DUTY_AFTER_MIN,
    );
    await Promise.all(
      timers.map((t) =>
        this.queue.add(
          `sla-${t.kind}`,
          {
            type: 'sla',
            ticketId: ticket._id,
            generation: ticket.sla.generation,
            clock: t.clock,
            kind: t.kind,
          },
          {
            jobId: slaJobId(ticket._id, ticket.sla.generation, t.clock, t.kind),
            delayMs: t.at.getTime() - now.getTime(),
            attempts: 5,
          },
        ),
      ),
    );
  }

  /** Drops the waiting jobs of an outdated generation (they would do nothing anyway). */
  async unschedule(ticketId: string, generation: number): Promise<void> {
    const ids = (['response', 'restore'] as const).flatMap((clock) =>
      (['warn', 'breach', 'duty'] as const).map((kind) =>
        slaJobId(ticketId, generation, clock, kind),
      ),
    );
    await Promise.all(ids.map((id) => this.queue.remove(id)));
  }

  async scheduleAutoClose(ticket: TicketDocument, now: Date): Promise<void> {
    const resolvedAt = ticket.statusChangeDate.toISOString();
    await this.queue.add(
      'auto-close',
      { type: 'auto-close', ticketId: ticket._id, resolvedAt },
      {
        jobId: `auto-close:${ticket._id}:${resolvedAt}`,
        delayMs:
          new Date(resolvedAt).getTime() +
          this.config.TICKET_AUTO_CLOSE_MIN * 60_000 -
          now.getTime(),
        attempts: 5,
      },
    );
  }

  async scheduleRevert(ticket: TicketDocument, until: Date, now: Date): Promise<void> {
    await this.queue.add(
      'revert-bandwidth',
      { type: 'revert-bandwidth', ticketId: ticket._id },
      { jobId: `revert:${ticket._id}`, delayMs: until.getTime() - now.getTime(), attempts: 5 },
    );
  }
}
