import { randomUUID } from 'node:crypto';

import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnApplicationBootstrap,
} from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { JOB_QUEUES, type JobQueue, type JobQueues } from '../jobs/job-queue.port';
import { MaintenanceRepository } from '../maintenance/maintenance.repository';
import { MAILER, type Mailer } from '../notifications/mailer.port';
import { localTime } from '../reports/report-period';
import type { AnnouncementDocument } from './announcement.document';
import { AnnouncementsRepository } from './announcements.repository';
import type {
  AnnouncementDto,
  AnnouncementListQueryDto,
  AnnouncementPageDto,
  CreateAnnouncementDto,
} from './dto/announcement.dto';

export const ANNOUNCEMENTS_QUEUE = 'announcements';
type AnnouncementJob = { type: 'notify'; announcementId: string };

export interface Actor {
  principal: VerifiedPrincipal;
  scope: AccessScope;
  ip: string | null;
}

/**
 * Platform announcements (to all customers or chosen ones) and maintenance
 * announcements (to the customers a window affects, computed from topology when the
 * window was planned). E-mails go out from a job on the `announcements` queue.
 */
@Injectable()
export class AnnouncementsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AnnouncementsService.name);
  private readonly queue: JobQueue<AnnouncementJob>;

  constructor(
    private readonly repository: AnnouncementsRepository,
    private readonly maintenance: MaintenanceRepository,
    private readonly audit: AuditService,
    @Inject(JOB_QUEUES) private readonly queues: JobQueues,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {
    this.queue = queues.get<AnnouncementJob>(ANNOUNCEMENTS_QUEUE);
  }

  onApplicationBootstrap(): void {
    if (this.queues.workerEnabled)
      this.queue.process((job) => this.notify(job.data.announcementId));
  }

  async create(actor: Actor, body: CreateAnnouncementDto, now: Date): Promise<AnnouncementDto> {
    const publishAt = body.publishAt ? new Date(body.publishAt) : now;
    const expiresAt = new Date(body.expiresAt);
    const customerIds =
      body.audience === 'customers' ? [...new Set(body.customerIds ?? [])].sort() : [];
    const errors = [];
    if (expiresAt <= publishAt)
      errors.push({ path: 'expiresAt', message: 'expiresAt must be later than publishAt' });
    if (body.audience === 'customers' && customerIds.length === 0)
      errors.push({ path: 'customerIds', message: 'name at least one customer' });
    for (const id of await this.repository.unknownCustomers(customerIds)) {
      errors.push({
        path: `customerIds.${(body.customerIds ?? []).indexOf(id)}`,
        message: `no customer ${id}`,
      });
    }
    if (errors.length > 0) throw new RequestValidationException(errors);
    const doc = this.document(
      'platform',
      body.title,
      body.body,
      body.audience,
      customerIds,
      [],
      null,
      publishAt,
      expiresAt,
      actor,
      now,
    );
    await this.repository.insert(doc);
    await this.record(actor, 'announcement.create', doc, {
      audience: doc.audience,
      customers: customerIds.length,
      notify: body.notify ?? false,
    });
    if (body.notify) await this.enqueue(doc._id);
    return this.toDto(actor.scope, doc);
  }

  /** Announces a planned or approved maintenance window to the customers it affects, and mails them. */
  async announceMaintenance(actor: Actor, windowId: string, now: Date): Promise<AnnouncementDto> {
    const w = await this.maintenance.findById(actor.scope, windowId);
    if (!w) throw new NotFoundException(`Maintenance window ${windowId} not found.`);
    const existing = await this.repository.byMaintenanceWindow(windowId);
    if (existing) return this.toDto(actor.scope, existing);
    if (w.customerIds.length === 0) {
      throw new RequestValidationException([
        { path: 'id', message: 'the window affects no customer' },
      ]);
    }
    const when = `${localTime(w.start)} – ${localTime(w.end)} (UTC+8)`;
    const doc = this.document(
      'maintenance',
      `计划维护通知 / Planned maintenance: ${w.title}`,
      [
        `尊敬的客户：我们将于 ${when} 进行网络维护（${w.title}），届时您的部分电路可能短时中断。维护期间的中断不计入可用率考核。`,
        `Dear customer, network maintenance (${w.title}) is planned for ${when}; some of your circuits may be interrupted briefly. Outages inside the window do not count against availability.`,
        w.description,
      ]
        .filter(Boolean)
        .join('\n\n'),
      'customers',
      w.customerIds,
      w.orgUnitIds,
      w._id,
      now,
      new Date(w.end),
      actor,
      now,
      // The id ties the announcement to its window: announcing twice gives the same one.
      `ann-${w._id}`,
    );
    try {
      await this.repository.insert(doc);
    } catch {
      const raced = await this.repository.byMaintenanceWindow(windowId);
      if (raced) return this.toDto(actor.scope, raced);
      throw new Error('announcement not stored');
    }
    await this.record(actor, 'announcement.maintenance', doc, {
      customers: w.customerIds.length,
      circuits: w.circuitIds.length,
    });
    await this.enqueue(doc._id);
    return this.toDto(actor.scope, doc);
  }

  async list(
    scope: AccessScope,
    query: AnnouncementListQueryDto,
    now: Date,
  ): Promise<AnnouncementPageDto> {
    const page = { page: query.page, pageSize: query.pageSize };
    const current = scope.kind === 'all' || query.all === 'true' ? null : now;
    const r = await this.repository.list(scope, current, page);
    const items = r.items.map((d) => this.toDto(scope, d));
    return { items, ...page, total: r.total };
  }

  async detail(scope: AccessScope, id: string): Promise<AnnouncementDto> {
    const doc = await this.repository.findById(scope, id);
    if (!doc) throw new NotFoundException(`Announcement ${id} not found.`);
    return this.toDto(scope, doc);
  }

  async notify(id: string): Promise<void> {
    const doc = await this.repository.byId(id);
    if (!doc || doc.notifiedAt) return;
    const recipients = await this.repository.recipientsFor(
      doc.audience === 'all' ? 'all' : doc.customerIds,
    );
    if (recipients.length > 0 && this.mailer.enabled) {
      // One message per recipient: no customer learns who else was told.
      for (const to of recipients) {
        await this.mailer.send({
          to: [to],
          subject: `[CircuitCare] ${doc.title}`,
          text: doc.body,
          headers: { 'X-CircuitCare-Announcement': doc._id },
        });
      }
    } else if (!this.mailer.enabled) {
      this.logger.warn(
        { announcementId: id },
        'announcement not mailed: no SMTP server configured',
      );
    }
    await this.repository.markNotified(id, recipients, new Date());
  }

  private async enqueue(id: string): Promise<void> {
    await this.queue.add(
      'notify',
      { type: 'notify', announcementId: id },
      { jobId: `announce:${id}`, attempts: 5, backoffMs: 5000 },
    );
  }

  private document(
    kind: AnnouncementDocument['kind'],
    title: string,
    body: string,
    audience: AnnouncementDocument['audience'],
    customerIds: string[],
    orgUnitIds: string[],
    maintenanceWindowId: string | null,
    publishAt: Date,
    expiresAt: Date,
    actor: Actor,
    now: Date,
    id = `ann-${randomUUID()}`,
  ): AnnouncementDocument {
    return {
      _id: id,
      kind,
      title,
      body,
      audience,
      customerIds,
      orgUnitIds,
      maintenanceWindowId,
      publishAt,
      expiresAt,
      createdBy: actor.principal.username,
      createdAt: now,
      notified: [],
      notifiedAt: null,
    };
  }

  /** A customer sees only itself among the addressees. */
  private toDto(scope: AccessScope, d: AnnouncementDocument): AnnouncementDto {
    const visible =
      scope.kind === 'all'
        ? d.customerIds
        : scope.kind === 'customers'
          ? d.customerIds.filter((c) => scope.customerIds.includes(c))
          : scope.kind === 'org-subtree'
            ? d.customerIds.filter((c) => c === scope.customerId)
            : [];
    return {
      id: d._id,
      kind: d.kind,
      title: d.title,
      body: d.body,
      audience: d.audience,
      customerIds: visible,
      maintenanceWindowId: d.maintenanceWindowId,
      publishAt: new Date(d.publishAt).toISOString(),
      expiresAt: new Date(d.expiresAt).toISOString(),
      createdAt: new Date(d.createdAt).toISOString(),
      notifiedCount: scope.kind === 'all' ? d.notified.length : null,
    };
  }

  private record(
    actor: Actor,
    action: string,
    d: AnnouncementDocument,
    detail: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return this.audit.record({
      actor: actor.principal,
      action,
      customerId: d.customerIds.length === 1 ? d.customerIds[0]! : null,
      target: { type: 'announcement', id: d._id },
      outcome: 'success',
      detail,
      ip: actor.ip,
    });
  }
}
