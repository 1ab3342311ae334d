import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JOB_QUEUES, type JobQueue, type JobQueues } from '../jobs/job-queue.port';
import { MAILER, type Mailer } from '../notifications/mailer.port';
import { ReportsService } from '../reports/reports.service';
import type { AssuranceWindowDocument } from './assurance-window.document';
import { AssuranceRepository } from './assurance.repository';

export const ASSURANCE_QUEUE = 'assurance';
type AssuranceJob = { type: 'check' };

/**
 * The repeated assurance check (once per ASSURANCE_CHECK_MS across all replicas): every
 * raised alarm on a running window's circuits is told to the window's contacts, once
 * (claimed on the window before the mail goes); a window that ended gets its report.
 */
@Injectable()
export class AssuranceProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(AssuranceProcessor.name);
  private readonly queue: JobQueue<AssuranceJob>;

  constructor(
    @Inject(JOB_QUEUES) private readonly queues: JobQueues,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: AssuranceRepository,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {
    this.queue = queues.get<AssuranceJob>(ASSURANCE_QUEUE);
  }

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down the call waits for it (ioredis queues it), and the API
    // must still start and answer /health; the repeat is set once Redis is back.
    void this.queue
      .repeat('check', { type: 'check' }, this.config.ASSURANCE_CHECK_MS)
      .catch((error: unknown) =>
        this.logger.error({ err: (error as Error).message }, 'assurance check not scheduled'),
      );
    if (this.queues.workerEnabled) this.queue.process(() => this.check(new Date()));
  }

  async check(now: Date): Promise<void> {
    for (const w of await this.repository.running(now)) await this.notices(w);
    for (const w of await this.repository.endedWithoutReport(now)) {
      const reportId = `rpt-${w._id}`;
      if (!(await this.repository.claimReport(w._id, reportId))) continue;
      await this.reports.enqueue(
        {
          kind: 'assurance',
          customerId: w.customerId,
          from: new Date(w.start),
          to: new Date(w.end),
          language: 'zh-CN',
          requestedBy: { userId: w.requestedBy, name: `${w.requestedByName} (assurance)` },
          assuranceWindowId: w._id,
        },
        now,
        reportId,
      );
    }
  }

  private async notices(w: AssuranceWindowDocument): Promise<void> {
    const circuits = new Set(w.circuitIds);
    const recipients = w.contacts.flatMap((c) => (c.email ? [c.email] : []));
    for (const a of await this.repository.raisedAlarms(w.customerId)) {
      const hit = a.affectedCircuitIds.filter((id) => circuits.has(id));
      if (hit.length === 0 || w.noticedAlarmIds.includes(a._id)) continue;
      if (!(await this.repository.claimNotice(w._id, a._id))) continue;
      if (recipients.length === 0 || !this.mailer.enabled) continue;
      try {
        await this.mailer.send({
          to: recipients,
          subject: `[CircuitCare 重保] ${w.title}: ${hit.join(', ')} ${a.probableCause}`,
          text: [
            `重保时段“${w.title}”内，以下电路出现告警，NOC 已在处理：`,
            `During the assurance window "${w.title}" these circuits raised an alarm; the NOC is on it:`,
            '',
            ...hit.map((id) => `- ${id}`),
            '',
            `${a.perceivedSeverity} ${a.probableCause}: ${a.specificProblem} (${a.alarmedObject.name})`,
            `${new Date(a.alarmRaisedTime).toISOString()}`,
            '',
            `${this.config.PUBLIC_WEB_URL.replace(/\/$/, '')}/assurance/${encodeURIComponent(w._id)}`,
          ].join('\n'),
          headers: { 'X-CircuitCare-Assurance': w._id },
        });
        await this.audit.record({
          actor: null,
          actorName: 'assurance',
          action: 'assurance.notice',
          customerId: w.customerId,
          target: { type: 'assurance-window', id: w._id },
          outcome: 'success',
          detail: { alarmId: a._id, circuits: hit.length, recipients: recipients.length },
        });
      } catch (error) {
        this.logger.warn(
          { windowId: w._id, err: (error as Error).message },
          'assurance notice not sent',
        );
      }
    }
  }
}
