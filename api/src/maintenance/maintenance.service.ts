import { randomUUID } from 'node:crypto';

import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { parseSortSpec, toMongoSort } from '../common/paging/sort-spec';
import type { ProblemFieldError } from '../common/problem/problem-details';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import type { MaintenanceStatus, MaintenanceWindowDocument } from '../database/documents';
import type { CreateMaintenanceWindowDto } from './dto/create-maintenance-window.dto';
import type { MaintenanceListQueryDto } from './dto/maintenance-list-query.dto';
import type { MaintenanceWindowDto, MaintenanceWindowPageDto } from './dto/maintenance-window.dto';
import { MaintenanceRepository, type VisibleCircuit } from './maintenance.repository';

const MAX_WINDOW_MS = 31 * 86_400_000;

const SORT_FIELDS: Readonly<Record<string, string>> = {
  id: '_id',
  start: 'start',
  end: 'end',
  createdAt: 'createdAt',
  status: 'status',
};

/** Who acts, from where: what the audit log needs of a request. */
export interface Actor {
  principal: VerifiedPrincipal;
  scope: AccessScope;
  ip: string | null;
}

type Transition = 'approve' | 'cancel' | 'complete';

@Injectable()
export class MaintenanceService {
  constructor(
    private readonly windows: MaintenanceRepository,
    private readonly audit: AuditService,
  ) {}

  async create(
    actor: Actor,
    body: CreateMaintenanceWindowDto,
    now: Date,
  ): Promise<MaintenanceWindowDto> {
    const elementIds = body.elementIds ?? [];
    const linkIds = body.linkIds ?? [];
    const start = new Date(body.start);
    const end = new Date(body.end);
    const errors: ProblemFieldError[] = [];
    if (elementIds.length + linkIds.length === 0) {
      errors.push({ path: 'elementIds', message: 'name at least one element or link' });
    }
    if (end.getTime() <= start.getTime()) {
      errors.push({ path: 'end', message: 'end must be later than start' });
    } else if (end.getTime() - start.getTime() > MAX_WINDOW_MS) {
      errors.push({ path: 'end', message: 'end must be at most 31 days after start' });
    }
    const [unknownElements, unknownLinks] = await Promise.all([
      this.windows.unknownElementIds(elementIds),
      this.windows.unknownLinkIds(linkIds),
    ]);
    for (const id of unknownElements) {
      errors.push({ path: `elementIds.${elementIds.indexOf(id)}`, message: `no element ${id}` });
    }
    for (const id of unknownLinks) {
      errors.push({ path: `linkIds.${linkIds.indexOf(id)}`, message: `no link ${id}` });
    }
    if (errors.length > 0) {
      throw new RequestValidationException(errors);
    }
    const affected = await this.windows.affectedCircuits(elementIds, linkIds);
    const doc: MaintenanceWindowDocument = {
      _id: `mw-${randomUUID()}`,
      title: body.title,
      description: body.description ?? '',
      elementIds,
      linkIds,
      start,
      end,
      status: 'planned',
      circuitIds: affected.map((c) => c._id),
      customerIds: [...new Set(affected.map((c) => c.customerId))].sort(),
      orgUnitIds: [...new Set(affected.flatMap((c) => c.orgPath))].sort(),
      createdBy: actor.principal.username,
      createdAt: now,
      approvedBy: null,
      approvedAt: null,
      cancelledBy: null,
      cancelledAt: null,
    };
    await this.windows.insert(doc);
    await this.record(actor, 'maintenance.create', doc._id, 'success', {
      circuits: doc.circuitIds.length,
      customers: doc.customerIds.length,
    });
    return this.toDto(
      actor.scope,
      doc,
      await this.windows.visibleCircuits(actor.scope, doc.circuitIds),
    );
  }

  async list(
    scope: AccessScope,
    query: MaintenanceListQueryDto,
  ): Promise<MaintenanceWindowPageDto> {
    const sort = toMongoSort(parseSortSpec(query.sort), SORT_FIELDS, [
      { field: 'start', direction: -1 },
    ]);
    const page = { page: query.page, pageSize: query.pageSize };
    const result = await this.windows.list(
      scope,
      {
        status: query.status,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        circuitId: query.circuitId,
      },
      page,
      sort,
    );
    const visible = await this.visibleFor(scope, result.items);
    return {
      items: result.items.map((w) => this.toDto(scope, w, visible)),
      page: page.page,
      pageSize: page.pageSize,
      total: result.total,
    };
  }

  async detail(scope: AccessScope, id: string): Promise<MaintenanceWindowDto> {
    const doc = await this.windows.findById(scope, id);
    if (!doc) {
      throw new NotFoundException(`Maintenance window ${id} not found.`);
    }
    return this.toDto(scope, doc, await this.visibleFor(scope, [doc]));
  }

  /**
   * approve: planned → approved, by someone other than the creator (four eyes: an
   * approved window removes downtime from availability figures). cancel: planned or
   * approved → cancelled. complete: approved → completed.
   */
  async transition(
    actor: Actor,
    id: string,
    action: Transition,
    now: Date,
  ): Promise<MaintenanceWindowDto> {
    const current = await this.windows.findById(actor.scope, id);
    if (!current) {
      throw new NotFoundException(`Maintenance window ${id} not found.`);
    }
    const username = actor.principal.username;
    let from: readonly MaintenanceStatus[];
    let set: Partial<MaintenanceWindowDocument>;
    switch (action) {
      case 'approve':
        from = ['planned'];
        set = { status: 'approved', approvedBy: username, approvedAt: now };
        if (current.createdBy === username) {
          await this.record(actor, 'maintenance.approve', id, 'failure', { reason: 'own-window' });
          throw new ForbiddenException(
            'A maintenance window must be approved by someone other than its creator.',
          );
        }
        break;
      case 'cancel':
        from = ['planned', 'approved'];
        set = { status: 'cancelled', cancelledBy: username, cancelledAt: now };
        break;
      case 'complete':
        from = ['approved'];
        set = { status: 'completed' };
        break;
    }
    const updated = await this.windows.transition(actor.scope, id, from, set);
    if (!updated) {
      await this.record(actor, `maintenance.${action}`, id, 'failure', {
        reason: 'status',
        status: current.status,
      });
      throw new ConflictException(
        `Maintenance window ${id} is ${current.status}; ${action} needs ${from.join(' or ')}.`,
      );
    }
    await this.record(actor, `maintenance.${action}`, id, 'success', {
      circuits: updated.circuitIds.length,
    });
    return this.toDto(
      actor.scope,
      updated,
      await this.windows.visibleCircuits(actor.scope, updated.circuitIds),
    );
  }

  private visibleFor(
    scope: AccessScope,
    docs: readonly MaintenanceWindowDocument[],
  ): Promise<ReadonlyMap<string, VisibleCircuit>> {
    return this.windows.visibleCircuits(
      scope,
      docs.flatMap((d) => d.circuitIds),
    );
  }

  private record(
    actor: Actor,
    action: string,
    id: string,
    outcome: 'success' | 'failure',
    detail: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return this.audit.record({
      actor: actor.principal,
      action,
      customerId: null,
      target: { type: 'maintenance-window', id },
      outcome,
      detail,
      ip: actor.ip,
    });
  }

  /** Lists only what the scope may see: its circuits, its customers, elements and links on its routes. */
  private toDto(
    scope: AccessScope,
    w: MaintenanceWindowDocument,
    visible: ReadonlyMap<string, VisibleCircuit>,
  ): MaintenanceWindowDto {
    const circuits = w.circuitIds.flatMap((id) => {
      const c = visible.get(id);
      return c ? [c] : [];
    });
    const operator = scope.kind === 'all';
    const devices = new Set(circuits.flatMap((c) => c.routeDeviceIds));
    const links = new Set(circuits.flatMap((c) => c.routeLinkIds));
    const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
    return {
      id: w._id,
      title: w.title,
      description: w.description,
      elementIds: operator ? w.elementIds : w.elementIds.filter((id) => devices.has(id)),
      linkIds: operator ? w.linkIds : w.linkIds.filter((id) => links.has(id)),
      start: new Date(w.start).toISOString(),
      end: new Date(w.end).toISOString(),
      status: w.status,
      circuits: circuits.map((c) => ({ id: c._id, name: c.name, customerId: c.customerId })),
      customerIds: operator
        ? w.customerIds
        : [...new Set(circuits.map((c) => c.customerId))].sort(),
      circuitCount: circuits.length,
      createdBy: operator ? w.createdBy : null,
      createdAt: new Date(w.createdAt).toISOString(),
      approvedBy: operator ? w.approvedBy : null,
      approvedAt: iso(w.approvedAt),
      cancelledBy: operator ? w.cancelledBy : null,
      cancelledAt: iso(w.cancelledAt),
    };
  }
}
