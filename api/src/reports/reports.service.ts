import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { JOB_QUEUES, type JobQueue, type JobQueues } from '../jobs/job-queue.port';
import type { InspectionReportDataDto } from './dto/inspection-report.dto';
import type {
  CreateReportDto,
  CreateReportScheduleDto,
  ReportListQueryDto,
  ScheduleListQueryDto,
  UpdateReportScheduleDto,
} from './dto/report-request.dto';
import type {
  ReportDto,
  ReportPageDto,
  ReportScheduleDto,
  ReportSchedulePageDto,
} from './dto/report.dto';
import type { VipReportDataDto } from './dto/vip-report.dto';
import { ReportDataRepository } from './report-data.repository';
import { REPORTS_QUEUE, type ReportJob } from './report-jobs';
import { coversCustomer } from './report-scope.filter';
import type {
  ReportDocument,
  ReportKind,
  ReportLanguage,
  ReportScheduleDocument,
} from './report.document';
import { ReportsRepository } from './reports.repository';

const MAX_RANGE_MS = 400 * 86_400_000;

export interface Actor {
  principal: VerifiedPrincipal;
  scope: AccessScope;
  ip: string | null;
}

export interface NewReport {
  kind: ReportKind;
  customerId: string;
  from: Date;
  to: Date;
  language: ReportLanguage;
  requestedBy: { userId: string; name: string };
  scheduleId?: string | null;
  assuranceWindowId?: string | null;
  recipients?: string[];
}

@Injectable()
export class ReportsService {
  private readonly queue: JobQueue<ReportJob>;

  constructor(
    private readonly reports: ReportsRepository,
    private readonly data: ReportDataRepository,
    private readonly audit: AuditService,
    @Inject(JOB_QUEUES) queues: JobQueues,
  ) {
    this.queue = queues.get<ReportJob>(REPORTS_QUEUE);
  }

  async request(actor: Actor, body: CreateReportDto, now: Date): Promise<ReportDto> {
    const from = new Date(body.from);
    const to = new Date(body.to);
    if (from >= to)
      throw new RequestValidationException([{ path: 'to', message: 'to must be later than from' }]);
    if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
      throw new RequestValidationException([
        { path: 'to', message: 'to must be at most 400 days after from' },
      ]);
    }
    if (from >= now)
      throw new RequestValidationException([{ path: 'from', message: 'from must be in the past' }]);
    await this.requireCustomer(actor.scope, body.customerId);
    const doc = await this.enqueue(
      {
        kind: body.kind,
        customerId: body.customerId,
        from,
        to,
        language: body.language ?? 'zh-CN',
        requestedBy: { userId: actor.principal.userId, name: actor.principal.username },
      },
      now,
    );
    await this.record(actor, 'report.request', doc, 'success', { kind: doc.kind });
    return toDto(doc, false);
  }

  /** Stores a queued report and hands it to the job queue (schedules and assurance use it too). */
  async enqueue(input: NewReport, now: Date, id = `rpt-${randomUUID()}`): Promise<ReportDocument> {
    const doc: ReportDocument = {
      _id: id,
      kind: input.kind,
      customerId: input.customerId,
      from: input.from,
      to: input.to,
      language: input.language,
      state: 'queued',
      progress: 0,
      stage: 'queued',
      requestedBy: input.requestedBy.userId,
      requestedByName: input.requestedBy.name,
      scheduleId: input.scheduleId ?? null,
      assuranceWindowId: input.assuranceWindowId ?? null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      error: null,
      data: null,
      pdfFileId: null,
      pdfBytes: null,
      delivery: input.recipients
        ? { recipients: input.recipients, status: 'pending', sentAt: null, error: null }
        : null,
      attempts: 0,
    };
    await this.reports.insert(doc);
    // Two tries: a worker that died mid-report runs it again (the job is idempotent).
    await this.queue.add(
      'generate',
      { type: 'generate', reportId: doc._id },
      { jobId: `report:${doc._id}`, attempts: 2, backoffMs: 5000 },
    );
    return doc;
  }

  async detail(scope: AccessScope, id: string): Promise<ReportDto> {
    const doc = await this.reports.findById(scope, id);
    if (!doc) throw new NotFoundException(`Report ${id} not found.`);
    return toDto(doc, true);
  }

  async list(scope: AccessScope, query: ReportListQueryDto): Promise<ReportPageDto> {
    const page = { page: query.page, pageSize: query.pageSize };
    const result = await this.reports.list(
      scope,
      { customerId: query.customerId, kind: query.kind },
      page,
    );
    return { items: result.items.map((d) => toDto(d, false)), ...page, total: result.total };
  }

  async pdf(
    actor: Actor,
    id: string,
  ): Promise<{ fileName: string; bytes: number; stream: Readable }> {
    const doc = await this.reports.findById(actor.scope, id);
    if (!doc) throw new NotFoundException(`Report ${id} not found.`);
    if (doc.state !== 'done' || !doc.pdfFileId) {
      throw new ConflictException(`Report ${id} is ${doc.state}; its PDF exists once it is done.`);
    }
    await this.record(actor, 'report.export', doc, 'success', {
      format: 'pdf',
      bytes: doc.pdfBytes ?? 0,
    });
    const label =
      (doc.data as { label?: string } | null)?.label ?? doc.from.toISOString().slice(0, 10);
    return {
      fileName: `${doc.kind}-report-${doc.customerId}-${label}.pdf`.replace(
        /[^A-Za-z0-9._-]/g,
        '_',
      ),
      bytes: doc.pdfBytes ?? 0,
      stream: this.reports.openPdf(doc.pdfFileId),
    };
  }

  // Schedules

  async createSchedule(
    actor: Actor,
    body: CreateReportScheduleDto,
    now: Date,
  ): Promise<ReportScheduleDto> {
    await this.requireCustomer(actor.scope, body.customerId);
    const doc: ReportScheduleDocument = {
      _id: `rs-${randomUUID()}`,
      customerId: body.customerId,
      kind: body.kind ?? 'vip',
      language: body.language ?? 'zh-CN',
      dayOfMonth: body.dayOfMonth ?? 1,
      recipients: body.recipients.map((r) => r.toLowerCase()),
      enabled: true,
      ownerUserId: actor.principal.userId,
      ownerName: actor.principal.username,
      createdAt: now,
      updatedAt: now,
      lastPeriod: null,
      lastReportId: null,
    };
    await this.reports.insertSchedule(doc);
    await this.recordSchedule(actor, 'report.schedule.create', doc, {
      recipients: doc.recipients.length,
    });
    return scheduleDto(doc);
  }

  async listSchedules(
    scope: AccessScope,
    query: ScheduleListQueryDto,
  ): Promise<ReportSchedulePageDto> {
    const page = { page: query.page, pageSize: query.pageSize };
    const result = await this.reports.listSchedules(scope, query.customerId, page);
    return { items: result.items.map(scheduleDto), ...page, total: result.total };
  }

  async schedule(scope: AccessScope, id: string): Promise<ReportScheduleDto> {
    const doc = await this.reports.findSchedule(scope, id);
    if (!doc) throw new NotFoundException(`Report schedule ${id} not found.`);
    return scheduleDto(doc);
  }

  async updateSchedule(
    actor: Actor,
    id: string,
    body: UpdateReportScheduleDto,
    now: Date,
  ): Promise<ReportScheduleDto> {
    const set: Partial<ReportScheduleDocument> = { updatedAt: now };
    if (body.enabled !== undefined) set.enabled = body.enabled;
    if (body.recipients) set.recipients = body.recipients.map((r) => r.toLowerCase());
    if (body.dayOfMonth !== undefined) set.dayOfMonth = body.dayOfMonth;
    if (body.language) set.language = body.language;
    const doc = await this.reports.updateSchedule(actor.scope, id, set);
    if (!doc) throw new NotFoundException(`Report schedule ${id} not found.`);
    await this.recordSchedule(actor, 'report.schedule.update', doc, {
      enabled: doc.enabled,
      recipients: doc.recipients.length,
    });
    return scheduleDto(doc);
  }

  async deleteSchedule(actor: Actor, id: string): Promise<void> {
    const doc = await this.reports.findSchedule(actor.scope, id);
    if (!doc || !(await this.reports.deleteSchedule(actor.scope, id))) {
      throw new NotFoundException(`Report schedule ${id} not found.`);
    }
    await this.recordSchedule(actor, 'report.schedule.delete', doc, {});
  }

  /** A customer the scope does not wholly cover is 404, whether it exists or not. */
  private async requireCustomer(scope: AccessScope, customerId: string): Promise<void> {
    if (!coversCustomer(scope, customerId) || !(await this.data.customer(customerId))) {
      throw new NotFoundException(`Customer ${customerId} not found.`);
    }
  }

  private record(
    actor: Actor,
    action: string,
    doc: ReportDocument,
    outcome: 'success' | 'failure',
    detail: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return this.audit.record({
      actor: actor.principal,
      action,
      customerId: doc.customerId,
      target: { type: 'report', id: doc._id },
      outcome,
      detail: { ...detail, from: doc.from.toISOString(), to: doc.to.toISOString() },
      ip: actor.ip,
    });
  }

  private recordSchedule(
    actor: Actor,
    action: string,
    doc: ReportScheduleDocument,
    detail: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return this.audit.record({
      actor: actor.principal,
      action,
      customerId: doc.customerId,
      target: { type: 'report-schedule', id: doc._id },
      outcome: 'success',
      detail: { ...detail, kind: doc.kind, dayOfMonth: doc.dayOfMonth },
      ip: actor.ip,
    });
  }
}

function toDto(d: ReportDocument, withData: boolean): ReportDto {
  const iso = (v: Date | null): string | null => (v ? new Date(v).toISOString() : null);
  const data = withData && d.state === 'done' ? d.data : null;
  return {
    id: d._id,
    kind: d.kind,
    customerId: d.customerId,
    from: new Date(d.from).toISOString(),
    to: new Date(d.to).toISOString(),
    language: d.language,
    state: d.state,
    progress: d.progress,
    stage: d.stage,
    requestedBy: d.requestedByName,
    scheduleId: d.scheduleId,
    assuranceWindowId: d.assuranceWindowId,
    createdAt: new Date(d.createdAt).toISOString(),
    finishedAt: iso(d.finishedAt),
    error: d.error,
    pdfAvailable: d.state === 'done' && d.pdfFileId !== null,
    pdfBytes: d.pdfBytes,
    delivery: d.delivery
      ? {
          recipients: d.delivery.recipients,
          status: d.delivery.status,
          sentAt: iso(d.delivery.sentAt),
        }
      : null,
    vip: data && d.kind !== 'inspection' ? (data as unknown as VipReportDataDto) : null,
    inspection:
      data && d.kind === 'inspection' ? (data as unknown as InspectionReportDataDto) : null,
  };
}

function scheduleDto(d: ReportScheduleDocument): ReportScheduleDto {
  return {
    id: d._id,
    customerId: d.customerId,
    kind: d.kind,
    language: d.language,
    dayOfMonth: d.dayOfMonth,
    recipients: d.recipients,
    enabled: d.enabled,
    owner: d.ownerName,
    lastPeriod: d.lastPeriod,
    lastReportId: d.lastReportId,
  };
}
