import { randomUUID } from 'node:crypto';

import {
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  type AssuranceOverrideDocument,
  type AssuranceStatus,
  type AssuranceWindowDocument,
  DEFAULT_ASSURANCE_THRESHOLDS,
} from './assurance-window.document';
import { AssuranceRepository, type AssuranceCircuit } from './assurance.repository';
import type {
  AssuranceDashboardDto,
  AssuranceListQueryDto,
  AssuranceWindowDto,
  AssuranceWindowPageDto,
  CreateAssuranceWindowDto,
  DecideAssuranceDto,
} from './dto/assurance.dto';

const MAX_WINDOW_MS = 31 * 86_400_000;

export interface Actor {
  principal: VerifiedPrincipal;
  scope: AccessScope;
  ip: string | null;
}

/** What the tickets read to give a fault the window's priority (docs/reports.md). */
export interface AssurancePriority {
  windowId: string;
  priority: 'P1' | 'P2';
  end: Date;
}

@Injectable()
export class AssuranceService {
  constructor(
    private readonly repository: AssuranceRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(
    actor: Actor,
    body: CreateAssuranceWindowDto,
    now: Date,
  ): Promise<AssuranceWindowDto> {
    const start = new Date(body.start);
    const end = new Date(body.end);
    const errors = [];
    if (end <= start) errors.push({ path: 'end', message: 'end must be later than start' });
    else if (end.getTime() - start.getTime() > MAX_WINDOW_MS)
      errors.push({ path: 'end', message: 'end must be at most 31 days after start' });
    if (end <= now) errors.push({ path: 'end', message: 'end must be in the future' });
    if (errors.length > 0) throw new RequestValidationException(errors);
    const scope = actor.scope;
    if (scope.kind !== 'customers' || !scope.customerIds.includes(body.customerId)) {
      throw new NotFoundException(`Customer ${body.customerId} not found.`);
    }
    const circuits = await this.repository.circuitsOf(scope, body.customerId, body.circuitIds);
    const found = new Set(circuits.map((c) => c._id));
    const missing = body.circuitIds.map((id, k) => ({ id, k })).filter(({ id }) => !found.has(id));
    if (missing.length > 0) {
      throw new RequestValidationException(
        missing.map(({ id, k }) => ({
          path: `circuitIds.${k}`,
          message: `no circuit ${id} of this customer`,
        })),
      );
    }
    const doc: AssuranceWindowDocument = {
      _id: `as-${randomUUID()}`,
      customerId: body.customerId,
      orgUnitIds: [...new Set(circuits.flatMap((c) => c.orgPath))].sort(),
      title: body.title,
      reason: body.reason ?? '',
      circuitIds: [...body.circuitIds].sort(),
      start,
      end,
      status: 'requested',
      pollIntervalSec: this.config.ASSURANCE_POLL_INTERVAL_SEC,
      thresholds: DEFAULT_ASSURANCE_THRESHOLDS,
      priority: 'P1',
      contacts: (body.contacts ?? []).map((c) => ({
        name: c.name,
        email: c.email?.toLowerCase() ?? null,
        phone: c.phone ?? null,
      })),
      requestedBy: actor.principal.userId,
      requestedByName: actor.principal.username,
      requestedAt: now,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      noticedAlarmIds: [],
      reportId: null,
      version: 1,
    };
    await this.repository.insert(doc);
    await this.record(actor, 'assurance.request', doc, 'success', {
      circuits: doc.circuitIds.length,
    });
    return toDto(doc, now);
  }

  async list(
    scope: AccessScope,
    query: AssuranceListQueryDto,
    now: Date,
  ): Promise<AssuranceWindowPageDto> {
    const page = { page: query.page, pageSize: query.pageSize };
    const r = await this.repository.list(
      scope,
      { status: query.status, customerId: query.customerId },
      page,
    );
    return { items: r.items.map((d) => toDto(d, now)), ...page, total: r.total };
  }

  async detail(scope: AccessScope, id: string, now: Date): Promise<AssuranceWindowDto> {
    return toDto(await this.find(scope, id), now);
  }

  /**
   * approve (NOC): requested → approved, and the overrides the poller and the ingestion
   * read are written for the window's span; reject (NOC): requested → rejected; cancel
   * (requester side or NOC): requested/approved → cancelled, overrides removed.
   */
  async decide(
    actor: Actor,
    id: string,
    action: 'approve' | 'reject' | 'cancel',
    body: DecideAssuranceDto,
    now: Date,
  ): Promise<AssuranceWindowDto> {
    const current = await this.find(actor.scope, id);
    const from: AssuranceStatus[] = action === 'cancel' ? ['requested', 'approved'] : ['requested'];
    if (action === 'approve' && current.end <= now) {
      throw new ConflictException(`Assurance window ${id} has ended already.`);
    }
    if (
      action === 'cancel' &&
      actor.scope.kind !== 'all' &&
      current.status === 'approved' &&
      current.start <= now
    ) {
      throw new ForbiddenException('A running window can only be ended early by the NOC.');
    }
    const status: AssuranceStatus =
      action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'cancelled';
    const set: Partial<AssuranceWindowDocument> = {
      status,
      decidedBy: actor.principal.username,
      decidedAt: now,
      decisionNote: body.note ?? null,
    };
    if (action === 'approve' && body.pollIntervalSec) set.pollIntervalSec = body.pollIntervalSec;
    const updated = await this.repository.transition(actor.scope, id, from, current.version, set);
    if (!updated) {
      await this.record(actor, `assurance.${action}`, current, 'failure', {
        status: current.status,
      });
      throw new ConflictException(
        `Assurance window ${id} is ${current.status}; ${action} needs ${from.join(' or ')}.`,
      );
    }
    if (action === 'approve') {
      const circuits = await this.repository.circuitsOf(
        actor.scope,
        updated.customerId,
        updated.circuitIds,
      );
      await this.repository.writeOverrides(overridesOf(updated, circuits));
    } else if (action === 'cancel') {
      await this.repository.removeOverrides(updated._id);
    }
    await this.record(actor, `assurance.${action}`, updated, 'success', {
      circuits: updated.circuitIds.length,
      pollIntervalSec: updated.pollIntervalSec,
    });
    return toDto(updated, now);
  }

  /** Live state of the window's circuits: the assurance dashboard. */
  async dashboard(scope: AccessScope, id: string, now: Date): Promise<AssuranceDashboardDto> {
    const w = await this.find(scope, id);
    const circuits = await this.repository.circuitsOf(scope, w.customerId, w.circuitIds);
    const keys = circuits.map((c) => `${c.aEnd.deviceId}:${c.aEnd.ifIndex}`);
    const states = await this.repository.pollStates(keys);
    const since = new Date(now.getTime() - 15 * 60_000);
    const live = await Promise.all(
      circuits.map(async (c, k) => {
        const point = await this.repository.lastPoint(c.aEnd.deviceId, c.aEnd.ifIndex, since);
        const polled = states.get(keys[k]!)?.polledAt;
        return {
          circuitId: c._id,
          name: c.name,
          state: c.state,
          stateSince: new Date(c.stateSince).toISOString(),
          activeAlarms: c.activeAlarmIds.length,
          lastPolledAt: polled ? new Date(polled).toISOString() : null,
          utilisation:
            point && c.bandwidthBps > 0
              ? Math.max(point.inBps, point.outBps) / c.bandwidthBps
              : null,
        };
      }),
    );
    const order = { down: 0, degraded: 1, up: 2 } as Record<string, number>;
    live.sort(
      (a, b) =>
        (order[a.state] ?? 3) - (order[b.state] ?? 3) ||
        b.activeAlarms - a.activeAlarms ||
        a.circuitId.localeCompare(b.circuitId),
    );
    return {
      window: toDto(w, now),
      at: now.toISOString(),
      up: live.filter((c) => c.state === 'up').length,
      degraded: live.filter((c) => c.state === 'degraded').length,
      down: live.filter((c) => c.state === 'down').length,
      circuits: live,
    };
  }

  /**
   * The priority a fault on any of these circuits gets at `at`: from an approved window
   * running then (the highest if several), or null. For the tickets (issue 4): no scope,
   * since it reveals only a priority for circuits the caller already named.
   */
  async priorityFor(circuitIds: readonly string[], at: Date): Promise<AssurancePriority | null> {
    let best: AssurancePriority | null = null;
    for (const id of new Set(circuitIds)) {
      for (const w of await this.repository.activeForCircuit(id, at)) {
        if (!best || w.priority < best.priority)
          best = { windowId: w._id, priority: w.priority, end: new Date(w.end) };
      }
    }
    return best;
  }

  private async find(scope: AccessScope, id: string): Promise<AssuranceWindowDocument> {
    const doc = await this.repository.findById(scope, id);
    if (!doc) throw new NotFoundException(`Assurance window ${id} not found.`);
    return doc;
  }

  private record(
    actor: Actor,
    action: string,
    doc: AssuranceWindowDocument,
    outcome: 'success' | 'failure',
    detail: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return this.audit.record({
      actor: actor.principal,
      action,
      customerId: doc.customerId,
      target: { type: 'assurance-window', id: doc._id },
      outcome,
      detail,
      ip: actor.ip,
    });
  }
}

/** One override per device at the circuits' ends, listing the end interfaces on it. */
export function overridesOf(
  w: AssuranceWindowDocument,
  circuits: readonly Pick<AssuranceCircuit, 'aEnd' | 'zEnd'>[],
): AssuranceOverrideDocument[] {
  const byDevice = new Map<string, Set<number>>();
  for (const c of circuits) {
    for (const end of [c.aEnd, c.zEnd]) {
      const set = byDevice.get(end.deviceId) ?? new Set<number>();
      set.add(end.ifIndex);
      byDevice.set(end.deviceId, set);
    }
  }
  return [...byDevice].map(([deviceId, ifIndexes]) => ({
    _id: `${w._id}|${deviceId}`,
    windowId: w._id,
    deviceId,
    ifIndexes: [...ifIndexes].sort((a, b) => a - b),
    pollIntervalSec: w.pollIntervalSec,
    thresholds: w.thresholds,
    from: new Date(w.start),
    until: new Date(w.end),
  }));
}

export function toDto(d: AssuranceWindowDocument, now: Date): AssuranceWindowDto {
  const iso = (v: Date | null): string | null => (v ? new Date(v).toISOString() : null);
  const phase =
    d.status !== 'approved'
      ? 'not-approved'
      : now < new Date(d.start)
        ? 'upcoming'
        : now < new Date(d.end)
          ? 'running'
          : 'ended';
  return {
    id: d._id,
    customerId: d.customerId,
    title: d.title,
    reason: d.reason,
    circuitIds: d.circuitIds,
    start: new Date(d.start).toISOString(),
    end: new Date(d.end).toISOString(),
    status: d.status,
    phase,
    pollIntervalSec: d.pollIntervalSec,
    thresholds: d.thresholds,
    priority: d.priority,
    contacts: d.contacts,
    requestedBy: d.requestedByName,
    requestedAt: new Date(d.requestedAt).toISOString(),
    decidedBy: d.decidedBy,
    decidedAt: iso(d.decidedAt),
    decisionNote: d.decisionNote,
    notices: d.noticedAlarmIds.length,
    reportId: d.reportId,
  };
}
