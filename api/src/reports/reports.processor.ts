import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JOB_QUEUES, type JobQueue, type JobQueues, type JobRecord } from '../jobs/job-queue.port';
import { MAILER, type Mailer } from '../notifications/mailer.port';
import { InspectionReportBuilder } from './inspection-report.builder';
import { ReportDataRepository } from './report-data.repository';
import { REPORTS_QUEUE, type ReportJob } from './report-jobs';
import { inspectionSections, ReportPdfRenderer, vipSections } from './report-pdf.renderer';
import { localTime, monthOf, periodLabel, previousMonth } from './report-period';
import { coversCustomer } from './report-scope.filter';
import { textOf } from './report-text';
import type { ReportDocument } from './report.document';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { VipReportBuilder } from './vip-report.builder';

/** Raised for a report that can never be made (no retry helps). */
class ReportRefused extends Error {}

/**
 * Runs report jobs from the `reports` queue on whichever replica takes them: figures,
 * PDF, then delivery by e-mail when the report came from a schedule. The job acts with
 * the rights its requester has *now* (the user is reloaded), so an account manager
 * unassigned meanwhile gets no report of that customer. Also runs the schedule check,
 * a repeated job that once per REPORT_SCHEDULE_CHECK_MS (across all replicas) starts
 * the due monthly reports.
 */
@Injectable()
export class ReportsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportsProcessor.name);
  private readonly queue: JobQueue<ReportJob>;

  constructor(
    @Inject(JOB_QUEUES) private readonly queues: JobQueues,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: ReportsRepository,
    private readonly service: ReportsService,
    private readonly data: ReportDataRepository,
    private readonly vip: VipReportBuilder,
    private readonly inspection: InspectionReportBuilder,
    private readonly pdf: ReportPdfRenderer,
    private readonly audit: AuditService,
  ) {
    this.queue = queues.get<ReportJob>(REPORTS_QUEUE);
  }

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down the call waits for it (ioredis queues it), and the API
    // must still start and answer /health; the repeat is set once Redis is back.
    void this.queue
      .repeat('schedule-check', { type: 'schedule-check' }, this.config.REPORT_SCHEDULE_CHECK_MS)
      .catch((error: unknown) =>
        this.logger.error({ err: (error as Error).message }, 'report schedule check not scheduled'),
      );
    if (this.queues.workerEnabled)
      this.queue.process((job) => this.handle(job), this.config.REPORT_JOB_CONCURRENCY);
  }

  async handle(job: JobRecord<ReportJob>): Promise<void> {
    switch (job.data.type) {
      case 'generate':
        return this.generate(job.data.reportId);
      case 'schedule-check':
        await this.checkSchedules(new Date());
        return;
    }
  }

  async generate(reportId: string): Promise<void> {
    const doc = await this.reports.start(reportId, new Date());
    if (!doc) return; // done, failed or unknown: nothing to do (a redelivered job)
    try {
      const data = await this.figures(doc);
      await this.reports.progress(doc._id, 0.92, 'pdf');
      const pdf = await this.render(doc, data);
      const fileId = await this.reports.storePdf(doc._id, pdf, doc.customerId);
      await this.reports.finish(doc._id, data, fileId, pdf.length, new Date());
      if (doc.delivery) await this.deliver({ ...doc, data }, pdf);
    } catch (error) {
      const message = (error as Error).message;
      this.logger.error({ reportId, err: message }, 'report failed');
      await this.reports.fail(doc._id, message, new Date());
      if (doc.delivery)
        await this.reports.setDelivery(doc._id, {
          ...doc.delivery,
          status: 'failed',
          error: message.slice(0, 200),
        });
      // A refusal is final; anything else may be a lost database connection: let the queue retry.
      if (!(error instanceof ReportRefused) && doc.attempts < 2) throw error;
    }
  }

  private async figures(doc: ReportDocument): Promise<Record<string, unknown>> {
    const user = await this.reports.activeUser(doc.requestedBy);
    if (!user) throw new ReportRefused('the requester is no longer an active user');
    const scope = scopeFor(principalFromUser(user));
    if (!coversCustomer(scope, doc.customerId))
      throw new ReportRefused('the requester no longer covers this customer');
    const progress = (share: number, stage: string): Promise<void> =>
      this.reports.progress(doc._id, share * 0.9, stage);
    const period = { from: new Date(doc.from), to: new Date(doc.to) };
    const now = new Date();
    switch (doc.kind) {
      case 'vip':
        return { ...(await this.vip.build(scope, doc.customerId, period, now, progress)) };
      case 'inspection':
        return {
          ...(await this.inspection.build(
            scope,
            doc.customerId,
            period,
            doc.language,
            now,
            progress,
          )),
        };
      case 'assurance': {
        const window = doc.assuranceWindowId
          ? await this.data.assuranceWindow(doc.assuranceWindowId)
          : null;
        if (!window || window.customerId !== doc.customerId)
          throw new ReportRefused('no such assurance window');
        return {
          ...(await this.vip.build(
            scope,
            doc.customerId,
            period,
            now,
            progress,
            new Set(window.circuitIds),
          )),
        };
      }
    }
  }

  private async render(doc: ReportDocument, data: Record<string, unknown>): Promise<Buffer> {
    const t = textOf(doc.language);
    const customer = await this.data.customer(doc.customerId);
    const customerName =
      (doc.language === 'en' ? customer?.nameEn : customer?.name) ?? doc.customerId;
    const period = { from: new Date(doc.from), to: new Date(doc.to) };
    const periodText = `${periodLabel(period)}（${localTime(period.from)} – ${localTime(period.to)} UTC+8）`;
    const base = {
      customer: customerName,
      periodText,
      generatedAt: `${localTime(new Date())} UTC+8`,
      language: doc.language,
    };
    switch (doc.kind) {
      case 'vip':
      case 'assurance':
        return this.pdf.render({
          ...base,
          title: doc.kind === 'vip' ? t.vipTitle : t.assuranceTitle,
          subtitle:
            doc.kind === 'vip' ? 'VIP Service Quality Report' : 'Key-Period Assurance Report',
          sections: vipSections(data as never, doc.language, this.pdf),
        });
      case 'inspection':
        return this.pdf.render({
          ...base,
          title: t.inspectionTitle,
          subtitle: 'Network Inspection Report',
          sections: inspectionSections(data as never, doc.language, this.pdf),
        });
    }
  }

  private async deliver(doc: ReportDocument, pdf: Buffer): Promise<void> {
    const delivery = doc.delivery!;
    if (!this.mailer.enabled) {
      await this.reports.setDelivery(doc._id, {
        ...delivery,
        status: 'skipped',
        error: 'no SMTP server configured',
      });
      return;
    }
    const t = textOf(doc.language);
    const label = periodLabel({ from: new Date(doc.from), to: new Date(doc.to) });
    const customer = await this.data.customer(doc.customerId);
    const title = doc.kind === 'inspection' ? t.inspectionTitle : t.vipTitle;
    const link = `${this.config.PUBLIC_WEB_URL.replace(/\/$/, '')}/reports/${encodeURIComponent(doc._id)}`;
    try {
      const receipt = await this.mailer.send({
        to: delivery.recipients,
        subject: `[CircuitCare] ${customer?.name ?? doc.customerId} ${title} ${label}`,
        text: [
          `${customer?.name ?? doc.customerId}：${title}（${label}）见附件。`,
          `${customer?.nameEn ?? doc.customerId}: the ${textOf('en').vipTitle.toLowerCase()} for ${label} is attached.`,
          '',
          `在线查看 / On screen: ${link}`,
          '',
          '此邮件由 CircuitCare 按月度计划自动发送。 / Sent by CircuitCare on a monthly schedule.',
        ].join('\n'),
        attachments: [
          {
            filename: `${doc.kind}-report-${doc.customerId}-${label}.pdf`,
            contentType: 'application/pdf',
            content: pdf,
          },
        ],
        headers: { 'X-CircuitCare-Report': doc._id },
      });
      await this.reports.setDelivery(doc._id, {
        ...delivery,
        status: 'sent',
        sentAt: new Date(),
        error: null,
      });
      await this.audit.record({
        actor: null,
        actorName: 'report-schedule',
        action: 'report.deliver',
        customerId: doc.customerId,
        target: { type: 'report', id: doc._id },
        outcome: 'success',
        detail: {
          recipients: receipt.accepted.length,
          rejected: receipt.rejected.length,
          scheduleId: doc.scheduleId,
        },
      });
    } catch (error) {
      const message = (error as Error).message.slice(0, 200);
      await this.reports.setDelivery(doc._id, { ...delivery, status: 'failed', error: message });
      this.logger.warn({ reportId: doc._id, err: message }, 'report delivery failed');
    }
  }

  /** Starts last month's report of every enabled schedule whose day has come. */
  async checkSchedules(now: Date): Promise<number> {
    const today = new Date(now.getTime() + 8 * 3_600_000).getUTCDate();
    const period = previousMonth(now);
    const label = periodLabel(period);
    let started = 0;
    for (const s of await this.reports.enabledSchedules()) {
      if (today < s.dayOfMonth || s.lastPeriod === label) continue;
      const reportId = `rpt-${s._id}-${label}`;
      // One replica wins the month; the others skip it.
      if (!(await this.reports.claimScheduleMonth(s._id, s.lastPeriod, label, reportId, now)))
        continue;
      await this.service.enqueue(
        {
          kind: s.kind,
          customerId: s.customerId,
          from: period.from,
          to: period.to,
          language: s.language,
          requestedBy: { userId: s.ownerUserId, name: `${s.ownerName} (schedule)` },
          scheduleId: s._id,
          recipients: s.recipients,
        },
        now,
        reportId,
      );
      started += 1;
    }
    if (started > 0)
      this.logger.log({ started, period: label, month: monthOf(now) }, 'scheduled reports started');
    return started;
  }
}
