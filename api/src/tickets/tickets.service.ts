import { randomBytes } from 'node:crypto';

import {
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';

import { AlarmsRepository } from '../alarms/alarms.repository';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { parseSortSpec, toMongoSort } from '../common/paging/sort-spec';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import type { AlarmDocument } from '../database/documents';
import { ChangeEventsPublisher } from '../events/change-events.publisher';
import { TicketNotifier } from '../notifications/ticket-notifier.service';
import { runningMs } from '../sla/sla-clock';
import { isPaused, openPauseClosed, stopClock, withDueDates } from '../sla/sla-plan';
import { SlaScheduler } from '../sla/sla-scheduler.service';
import { TopologyService } from '../topology/topology.service';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import type { PreCheckDto, PreCheckQueryDto } from './dto/pre-check.dto';
import type { ProvisioningRequestDto } from './dto/provisioning-request.dto';
import type {
  DispatchDto,
  FieldReportInputDto,
  LinkAlarmDto,
  MergeDto,
  NoteDto,
  PatchTicketDto,
  SatisfactionInputDto,
  StageUpdateDto,
  TransitionDto,
} from './dto/ticket-commands.dto';
import { parseStatusFilter, type TicketListQueryDto } from './dto/ticket-list-query.dto';
import type { TicketDto, TicketPageDto } from './dto/ticket.dto';
import { ticketChangeEvent } from './ticket-change-events';
import { toTicketDto, toTicketSummaryDto } from './ticket-dto.mapper';
import { initialPriority } from './ticket-priority';
import { actorKindOf, checkTransition, type TicketActorKind } from './ticket-state-machine';
import { seesInternal } from './ticket-visibility.policy';
import {
  type ActorKind,
  FINAL_STATUSES,
  PROVISIONING_STAGES,
  type ProvisioningStage,
  type RelatedParty,
  type TicketChannel,
  type TicketDocument,
  type TicketStatus,
  type TimelineEntry,
  type Visibility,
} from './ticket.document';
import { type TicketCircuit, TicketsRepository } from './tickets.repository';

/** A person acting through the API. */
export interface UserActor {
  kind: 'user';
  principal: VerifiedPrincipal;
  scope: AccessScope;
  ip: string | null;
}

/** A timer or sweep of ours acting on its own. */
export interface SystemActor {
  kind: 'system';
}

export type TicketActor = UserActor | SystemActor;

export const SYSTEM: SystemActor = { kind: 'system' };

/** How the client states the version it read: body `version` (409 when stale) or `If-Match` (412). */
export interface VersionCheck {
  expected: number | undefined;
  via: 'body' | 'if-match';
}

type NewEntry = Omit<TimelineEntry, 'seq' | 'at' | 'actor' | 'actorKind'>;

/** What one change does to a ticket: changed fields and timeline lines. Null: nothing to do. */
interface Change {
  action: string;
  set: Partial<TicketDocument>;
  entries: NewEntry[];
  audit?: Record<string, string | number | boolean | null>;
  /** The SLA timers must be planned again (generation bumped in `set.sla`). */
  replan?: boolean;
}

const SORT_FIELDS: Readonly<Record<string, string>> = {
  id: '_id',
  creationDate: 'creationDate',
  lastUpdate: 'lastUpdate',
  priority: 'priority',
  status: 'status',
  restoreDueAt: 'sla.restore.dueAt',
};

const MAX_TRIES = 5;

export class StaleVersionException extends HttpException {
  constructor(via: 'body' | 'if-match', current: number) {
    super(
      `The ticket changed since version you sent (now ${current}); reload it and try again.`,
      via === 'if-match' ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
    );
  }
}

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

function actorName(actor: TicketActor): string {
  return actor.kind === 'system' ? 'system' : actor.principal.username;
}

function actorKind(actor: TicketActor): ActorKind {
  if (actor.kind === 'system') return 'system';
  return actorKindOf(actor.principal.role) === 'customer' ||
    actor.principal.role === 'customer-viewer'
    ? 'customer'
    : 'operator';
}

function machineActor(actor: TicketActor): TicketActorKind | null {
  return actor.kind === 'system' ? 'system' : actorKindOf(actor.principal.role);
}

const CUSTOMER_FILERS = new Set(['customer-admin', 'customer-engineer']);
const NOC = new Set(['noc-operator', 'platform-admin']);

@Injectable()
export class TicketsService {
  private readonly logger = new Logger(TicketsService.name);

  constructor(
    private readonly tickets: TicketsRepository,
    private readonly alarms: AlarmsRepository,
    private readonly topology: TopologyService,
    private readonly sla: SlaScheduler,
    private readonly audit: AuditService,
    private readonly events: ChangeEventsPublisher,
    private readonly notifier: TicketNotifier,
  ) {}

  // Reads ------------------------------------------------------------------------

  async preCheck(actor: UserActor, query: PreCheckQueryDto): Promise<PreCheckDto> {
    const circuits = await this.circuitsOf(actor.scope, query.circuitId, query.siteId, 'query');
    const known = await Promise.all(
      circuits.map(async (c) => {
        const alarms = await this.alarms.findManyVisible(
          actor.scope,
          (c.activeAlarmIds ?? []).slice(0, 24),
        );
        const fault = await this.topology
          .circuitFaultLocation(actor.scope, c._id)
          .then((r) => r.fault)
          .catch((error: unknown) => {
            // Fault location needs the live picture; without it the rest still helps.
            this.logger.warn(
              { err: (error as Error).message, circuitId: c._id },
              'fault location unavailable',
            );
            return null;
          });
        return {
          id: c._id,
          name: c.name,
          state: c.state,
          stateSince: new Date(c.stateSince).toISOString(),
          slaClass: c.slaClass,
          activeAlarms: alarms.map(alarmSummary),
          fault,
        };
      }),
    );
    const open = await this.tickets.openOnCircuits(
      actor.scope,
      circuits.map((c) => c._id),
    );
    return {
      circuits: known,
      openTickets: open.map((t) => toTicketSummaryDto(t, actor.principal)),
      operatorAware:
        open.length > 0 || known.some((k) => k.activeAlarms.length > 0 || k.fault !== null),
    };
  }

  async list(actor: UserActor, query: TicketListQueryDto): Promise<TicketPageDto> {
    const status = parseStatusFilter(query.status);
    if (status === 'invalid') {
      throw new RequestValidationException([
        { path: 'status', message: 'unknown status in the list' },
      ]);
    }
    const sort = toMongoSort(parseSortSpec(query.sort), SORT_FIELDS, [
      { field: 'creationDate', direction: -1 },
    ]);
    const page = { page: query.page, pageSize: query.pageSize };
    const result = await this.tickets.list(
      actor.scope,
      {
        status,
        ticketType: query.ticketType,
        customerId: query.customerId,
        circuitId: query.circuitId,
        teamId: seesInternal(actor.principal.role) ? query.teamId : undefined,
        region: query.region,
        breached: query.breached,
      },
      page,
      sort,
    );
    return {
      items: result.items.map((t) => toTicketSummaryDto(t, actor.principal)),
      page: page.page,
      pageSize: page.pageSize,
      total: result.total,
    };
  }

  /** Whole tickets, as the caller may read them (the TMF list). */
  async listDetailed(
    actor: UserActor,
    criteria: { status?: TicketStatus; ticketType?: string },
    offset: number,
    limit: number,
  ): Promise<{ items: TicketDto[]; total: number }> {
    // Offsets that are not a multiple of the limit: read the covering pages, cut.
    const page = Math.floor(offset / limit) + 1;
    const first = await this.tickets.list(
      actor.scope,
      {
        status: criteria.status ? [criteria.status] : undefined,
        ticketType: criteria.ticketType as TicketDocument['ticketType'] | undefined,
      },
      { page, pageSize: limit },
      { creationDate: -1, _id: 1 },
    );
    let rows = first.items.slice(offset % limit);
    if (offset % limit !== 0) {
      const next = await this.tickets.list(
        actor.scope,
        {
          status: criteria.status ? [criteria.status] : undefined,
          ticketType: criteria.ticketType as TicketDocument['ticketType'] | undefined,
        },
        { page: page + 1, pageSize: limit },
        { creationDate: -1, _id: 1 },
      );
      rows = [...rows, ...next.items].slice(0, limit);
    }
    return { items: await Promise.all(rows.map((t) => this.toDto(actor, t))), total: first.total };
  }

  async detail(actor: UserActor, id: string): Promise<TicketDto> {
    const t = await this.tickets.findById(actor.scope, id);
    if (!t) throw new NotFoundException(`Ticket ${id} not found.`);
    return this.toDto(actor, t);
  }

  /** The stored ticket, in scope (attachments and the TMF facade build on it). */
  async findInScope(actor: UserActor, id: string): Promise<TicketDocument> {
    const t = await this.tickets.findById(actor.scope, id);
    if (!t) throw new NotFoundException(`Ticket ${id} not found.`);
    return t;
  }

  async toDto(actor: UserActor, t: TicketDocument): Promise<TicketDto> {
    const visible =
      actor.scope.kind === 'all'
        ? null
        : await this.alarms.visibleIds(actor.scope, [
            ...t.relatedAlarmIds,
            ...(t.rootCauseAlarmId ? [t.rootCauseAlarmId] : []),
          ]);
    return toTicketDto(t, actor.principal, visible);
  }

  // Creation ---------------------------------------------------------------------

  async create(
    actor: UserActor,
    body: CreateTicketDto,
    channel: TicketChannel,
    now: Date,
  ): Promise<TicketDto> {
    const role = actor.principal.role;
    if (!CUSTOMER_FILERS.has(role) && !NOC.has(role)) {
      throw new ForbiddenException('Your role may not file tickets.');
    }
    if (body.ticketType === 'fault' && !body.circuitId && !body.siteId) {
      throw new RequestValidationException([
        { path: 'circuitId', message: 'a fault names a circuit or a site' },
      ]);
    }
    if (body.ticketType === 'fault' && !body.impact) {
      throw new RequestValidationException([
        { path: 'impact', message: 'a fault states its impact' },
      ]);
    }
    const circuits =
      body.circuitId || body.siteId
        ? await this.circuitsOf(actor.scope, body.circuitId, body.siteId, 'body')
        : [];
    const customerId = await this.customerOf(actor, circuits, body.customerId);
    if (circuits.some((c) => c.customerId !== customerId)) {
      throw new RequestValidationException([
        { path: 'customerId', message: 'the circuits belong to another customer' },
      ]);
    }
    const slaClass = strictestSla(circuits);
    const derived = initialPriority(body.ticketType, body.impact ?? null, slaClass);
    const reporter = await this.reporterParty(actor);
    const contact: RelatedParty | null = body.contact
      ? {
          id: newId('party'),
          userId: null,
          role: 'contact',
          name: body.contact.name,
          email: body.contact.email ?? null,
          phone: body.contact.phone ?? null,
        }
      : null;
    const orgUnitIds = circuits.length
      ? [...new Set(circuits.flatMap((c) => c.orgPath ?? []))].sort()
      : await this.orgUnitsOfActor(actor, customerId);
    const doc = await this.newTicket({
      now,
      id: newId('TT'),
      customerId,
      orgUnitIds,
      circuits,
      siteId: body.siteId ?? null,
      ticketType: body.ticketType,
      name: body.name ?? defaultName(body.ticketType, body.impact ?? null, circuits),
      description: body.description,
      severity: body.severity ?? derived.severity,
      priority: derived.priority,
      impact: body.impact ?? null,
      channel,
      requestedResolutionDate: body.requestedResolutionDate
        ? new Date(body.requestedResolutionDate)
        : null,
      parties: [reporter, ...(contact ? [contact] : [])],
      createdBy: actor.principal.username,
      actorKind: actorKind(actor),
      summary: channel === 'self-service' ? 'Fault reported online' : 'Ticket opened',
    });
    await this.tickets.insert(doc);
    await this.afterChange(actor, doc, 'created', doc.timeline, true, {
      circuits: circuits.length,
      channel,
    });
    return this.toDto(actor, doc);
  }

  /** 自助开通: a provisioning ticket for a change of a circuit the caller sees. */
  async requestProvisioning(
    actor: UserActor,
    body: ProvisioningRequestDto,
    now: Date,
  ): Promise<TicketDto> {
    if (!CUSTOMER_FILERS.has(actor.principal.role)) {
      throw new ForbiddenException('Provisioning requests are filed by the customer.');
    }
    const circuit = await this.tickets.findCircuit(actor.scope, body.circuitId);
    if (!circuit) {
      throw new RequestValidationException([
        { path: 'circuitId', message: `no circuit ${body.circuitId}` },
      ]);
    }
    let until: Date | null = null;
    if (body.kind === 'temporary-bandwidth') {
      if (!body.until)
        throw new RequestValidationException([
          { path: 'until', message: 'a temporary increase needs an end' },
        ]);
      until = new Date(body.until);
      if (until.getTime() <= now.getTime() || until.getTime() > now.getTime() + 31 * 86_400_000) {
        throw new RequestValidationException([
          { path: 'until', message: 'until must be in the next 31 days' },
        ]);
      }
    }
    if (body.bandwidthBps === circuit.bandwidthBps) {
      throw new RequestValidationException([
        { path: 'bandwidthBps', message: 'the circuit has this bandwidth already' },
      ]);
    }
    const stages: ProvisioningStage[] = PROVISIONING_STAGES.map((name) => ({
      // A bandwidth change needs no survey or construction: configuration, test, handover.
      name,
      status: name === 'survey' || name === 'construction' ? 'skipped' : 'pending',
      updatedAt: null,
      updatedBy: null,
    }));
    const mbps = Math.round(body.bandwidthBps / 1e6);
    const doc = await this.newTicket({
      now,
      id: newId('TT'),
      customerId: circuit.customerId,
      orgUnitIds: [...(circuit.orgPath ?? [])],
      circuits: [circuit],
      siteId: null,
      ticketType: 'provisioning',
      name:
        body.kind === 'temporary-bandwidth'
          ? `Temporary bandwidth ${mbps} Mb/s on ${circuit.name}`
          : `Bandwidth change to ${mbps} Mb/s on ${circuit.name}`,
      description: body.description ?? '',
      severity: 'minor',
      priority: 'P3',
      impact: null,
      channel: 'self-service',
      requestedResolutionDate: null,
      parties: [await this.reporterParty(actor)],
      createdBy: actor.principal.username,
      actorKind: 'customer',
      summary: 'Provisioning requested online',
    });
    doc.provisioning = {
      stages,
      request: {
        kind: body.kind,
        circuitId: circuit._id,
        bandwidthBps: body.bandwidthBps,
        until,
        previousBandwidthBps: circuit.bandwidthBps,
        appliedAt: null,
        revertedAt: null,
      },
    };
    await this.tickets.insert(doc);
    await this.afterChange(actor, doc, 'created', doc.timeline, true, { kind: body.kind });
    return this.toDto(actor, doc);
  }

  /**
   * A proactive ticket for a service-affecting alarm nobody reported: one per alarm and
   * customer, with a deterministic id, so two replicas sweeping at once open it once.
   */
  async openProactive(
    alarm: AlarmDocument,
    customerId: string,
    circuits: TicketCircuit[],
    now: Date,
  ): Promise<boolean> {
    const slaClass = strictestSla(circuits);
    const impact = alarm.serviceImpact === 'degraded' ? 'degraded' : 'down';
    const derived = initialPriority('fault', impact, slaClass);
    const doc = await this.newTicket({
      now,
      id: `TT-PA-${alarm._id}-${customerId}`.slice(0, 128),
      customerId,
      orgUnitIds: [...new Set(circuits.flatMap((c) => c.orgPath ?? []))].sort(),
      circuits,
      siteId: null,
      ticketType: 'fault',
      name: `${impact === 'down' ? 'Outage' : 'Degradation'} detected: ${circuits.length === 1 ? circuits[0]!.name : `${circuits.length} circuits`}`,
      description: `Detected by the network: ${alarm.probableCause} on ${alarm.alarmedObject.name} (${alarm.specificProblem}).`,
      severity: derived.severity,
      priority: derived.priority,
      impact,
      channel: 'proactive',
      requestedResolutionDate: null,
      parties: [],
      createdBy: 'system',
      actorKind: 'system',
      summary: 'Fault detected by the operator before any report',
    });
    doc.relatedAlarmIds = [alarm._id];
    doc.rootCauseAlarmId = alarm._id;
    doc.relatedEntity.push({
      id: alarm._id,
      referredType: 'Alarm',
      role: 'rootCause',
      name: alarm.probableCause,
    });
    if (!(await this.tickets.insert(doc))) return false;
    await this.afterChange(SYSTEM, doc, 'created', doc.timeline, true, {
      channel: 'proactive',
      alarmId: alarm._id,
    });
    return true;
  }

  // Changes ----------------------------------------------------------------------

  async transition(
    actor: UserActor,
    id: string,
    body: TransitionDto,
    check: VersionCheck,
    now: Date,
  ): Promise<TicketDto> {
    const t = await this.apply(actor, id, check, now, (doc) =>
      this.transitionChange(actor, doc, body.status, body.reason, now),
    );
    return this.toDto(actor, t);
  }

  /** Moves the ticket, stopping, pausing and resuming its clocks as the status implies. */
  private transitionChange(
    actor: TicketActor,
    doc: TicketDocument,
    to: TicketStatus,
    reason: string | undefined,
    now: Date,
    extra: Partial<TicketDocument> = {},
  ): Change {
    const who = machineActor(actor);
    if (!who) throw new ForbiddenException('Your role may not change the status of tickets.');
    const check = checkTransition(doc.status, to, who);
    if (!check.ok) {
      throw new ConflictException(
        check.reason === 'illegal'
          ? `A ${doc.status} ticket cannot become ${to} (only from ${check.allowedFrom.join(', ') || 'nowhere'}).`
          : `Moving a ${doc.status} ticket to ${to} is for ${check.allowedBy.join(' or ')}, not ${who}.`,
      );
    }
    if (check.reasonRequired && !reason) {
      throw new RequestValidationException([
        { path: 'reason', message: `moving to ${to} needs a reason` },
      ]);
    }
    if (
      who === 'field' &&
      actor.kind === 'user' &&
      !doc.fieldEngineerIds.includes(actor.principal.userId)
    ) {
      throw new ForbiddenException('The ticket is not dispatched to you.');
    }
    let sla = doc.sla;
    const set: Partial<TicketDocument> = { status: to, statusChangeDate: now, ...extra };
    const result = { ...doc.result };
    // Customer waiting and resolved-awaiting-confirmation both hold the clocks.
    if (to === 'pending')
      sla = {
        ...sla,
        pauses: [...sla.pauses, { from: now, to: null, reason: 'pending-on-customer' }],
      };
    if (doc.status === 'pending' || doc.status === 'resolved')
      sla = { ...sla, pauses: openPauseClosed(sla, now) };
    if (to === 'inProgress' && !sla.response.stoppedAt) {
      sla = { ...sla, response: stopClock(sla, 'response', now, sla.pauses.map(toInterval)) };
      result.responseMet = sla.response.met;
    }
    if (to === 'resolved') {
      sla = {
        ...sla,
        restore: stopClock(
          { ...sla, restore: { ...sla.restore, stoppedAt: null } },
          'restore',
          now,
          sla.pauses.map(toInterval),
        ),
      };
      sla = { ...sla, pauses: [...sla.pauses, { from: now, to: null, reason: 'resolved' }] };
      set.resolutionDate = now;
      result.mttrMinutes =
        Math.round(((now.getTime() - new Date(doc.creationDate).getTime()) / 60_000) * 100) / 100;
      result.restoreMinutes = sla.restore.elapsedMinutes;
      result.restoreMet = sla.restore.met;
      if (!sla.response.stoppedAt) {
        sla = { ...sla, response: stopClock(sla, 'response', now, sla.pauses.map(toInterval)) };
        result.responseMet = sla.response.met;
      }
    }
    if (to === 'reopened') {
      // The restore clock runs on from where it stopped; the time it sat resolved does not count.
      sla = {
        ...sla,
        restore: { ...sla.restore, stoppedAt: null, elapsedMinutes: null, met: null },
      };
      set.resolutionDate = null;
      result.reopenCount += 1;
      result.restoreMet = null;
    }
    if (to === 'closed') {
      result.closedAt = now;
      result.confirmedBy = actor.kind === 'user' ? actor.principal.username : null;
      result.autoClosed = actor.kind === 'system';
    }
    if (FINAL_STATUSES.includes(to)) sla = { ...sla, pauses: openPauseClosed(sla, now) };
    sla = withDueDates({ ...sla, generation: sla.generation + 1 }, sla.pauses.map(toInterval));
    set.sla = sla;
    set.result = result;
    set.statusChangeHistory = [
      ...doc.statusChangeHistory,
      {
        status: to,
        changeDate: now,
        changeReason: reason ?? '',
        changedBy: actorName(actor),
        changedByKind: actorKind(actor),
      },
    ];
    return {
      action: 'status',
      set,
      entries: [
        {
          type: 'status',
          visibility: 'public',
          summary: `${doc.status} → ${to}${reason ? `: ${reason}` : ''}`,
          detail: { from: doc.status, to },
        },
      ],
      audit: { from: doc.status, to },
      replan: true,
    };
  }

  async patch(
    actor: UserActor,
    id: string,
    body: PatchTicketDto,
    check: VersionCheck,
    now: Date,
  ): Promise<TicketDto> {
    this.requireNoc(actor);
    await this.findInScope(actor, id);
    if (body.teamId && !(await this.tickets.findTeam(body.teamId))) {
      throw new RequestValidationException([{ path: 'teamId', message: `no team ${body.teamId}` }]);
    }
    const t = await this.apply(actor, id, check, now, (doc) => {
      this.requireOpen(doc);
      const set: Partial<TicketDocument> = {};
      const changed: string[] = [];
      let replan = false;
      if (body.priority && body.priority !== doc.priority) {
        set.priority = body.priority;
        changed.push(`priority ${doc.priority} → ${body.priority}`);
        // New targets, same start: the clocks are re-planned against them.
        const target = this.sla.targetFor(doc.sla.slaClass, body.priority);
        const sla = {
          ...doc.sla,
          generation: doc.sla.generation + 1,
          response: {
            ...doc.sla.response,
            targetMinutes: doc.sla.response.stoppedAt
              ? doc.sla.response.targetMinutes
              : target.responseMin,
          },
          restore: {
            ...doc.sla.restore,
            targetMinutes: doc.sla.restore.stoppedAt
              ? doc.sla.restore.targetMinutes
              : target.restoreMin,
          },
        };
        set.sla = withDueDates(sla, sla.pauses.map(toInterval));
        replan = true;
      }
      if (body.severity && body.severity !== doc.severity) {
        set.severity = body.severity;
        changed.push(`severity ${doc.severity} → ${body.severity}`);
      }
      if (body.name && body.name !== doc.name) {
        set.name = body.name;
        changed.push('title');
      }
      if (body.description && body.description !== doc.description) {
        set.description = body.description;
        changed.push('description');
      }
      if (body.expectedResolutionDate) {
        set.expectedResolutionDate = new Date(body.expectedResolutionDate);
        changed.push('expected resolution');
      }
      if (body.teamId && body.teamId !== doc.teamId) {
        set.teamId = body.teamId;
        set.assignment = { ...doc.assignment, teamId: body.teamId };
        changed.push(`queue ${doc.teamId ?? '-'} → ${body.teamId}`);
      }
      if (changed.length === 0) return null;
      const publicChange = Boolean(
        set.priority || set.expectedResolutionDate || set.name || set.description || set.severity,
      );
      return {
        action: 'triaged',
        set,
        entries: [
          {
            type: 'triage',
            visibility: publicChange ? 'public' : 'internal',
            summary: `Triage: ${changed.join(', ')}`,
          },
        ],
        audit: { changed: changed.join('; ') },
        replan,
      };
    });
    return this.toDto(actor, t);
  }

  async addNote(actor: UserActor, id: string, body: NoteDto, now: Date): Promise<TicketDto> {
    if (actor.principal.role === 'customer-viewer')
      throw new ForbiddenException('Viewers may not write notes.');
    const visibility: Visibility = body.visibility ?? 'public';
    if (visibility === 'internal' && !seesInternal(actor.principal.role)) {
      throw new ForbiddenException('Customers write public notes only.');
    }
    const t = await this.apply(actor, id, { expected: undefined, via: 'body' }, now, (doc) => {
      this.requireNotFinalForNotes(doc);
      const note = {
        id: newId('note'),
        text: body.text,
        author: actor.principal.username,
        authorRole: actor.principal.role,
        date: now,
        visibility,
      };
      return {
        action: 'note',
        set: { note: [...doc.note, note] },
        entries: [
          {
            type: 'note',
            visibility,
            summary: body.text.slice(0, 200),
            detail: { noteId: note.id },
          },
        ],
        audit: { visibility },
      };
    });
    return this.toDto(actor, t);
  }

  async dispatch(
    actor: UserActor,
    id: string,
    body: DispatchDto,
    check: VersionCheck,
    now: Date,
  ): Promise<TicketDto> {
    this.requireNoc(actor);
    // The ticket first: a ticket out of scope is a 404 whatever the body says.
    await this.findInScope(actor, id);
    const team = await this.tickets.findTeam(body.teamId);
    if (!team)
      throw new RequestValidationException([{ path: 'teamId', message: `no team ${body.teamId}` }]);
    let engineer = null;
    if (body.engineerUserId) {
      engineer = await this.tickets.findUser(body.engineerUserId);
      if (
        !engineer ||
        engineer.role !== 'field-engineer' ||
        !team.memberUserIds.includes(engineer._id)
      ) {
        throw new RequestValidationException([
          {
            path: 'engineerUserId',
            message: `no field engineer ${body.engineerUserId} in team ${team._id}`,
          },
        ]);
      }
    }
    const t = await this.apply(actor, id, check, now, (doc) => {
      this.requireOpen(doc);
      const reassign = doc.assignment.dispatchedAt !== null;
      const set: Partial<TicketDocument> = {
        teamId: team._id,
        assignment: {
          teamId: team._id,
          engineerUserId: engineer?._id ?? null,
          engineerName: engineer?.displayName ?? null,
          dispatchedAt: now,
          dispatchedBy: actor.principal.username,
        },
        // Only the engineer it is dispatched to now sees it: a reassigned one loses it.
        fieldEngineerIds: engineer ? [engineer._id] : [],
        relatedParty: [
          ...doc.relatedParty.filter((p) => p.role !== 'assignee'),
          ...(engineer
            ? [
                {
                  id: engineer._id,
                  userId: engineer._id,
                  role: 'assignee' as const,
                  name: engineer.displayName,
                  email: null,
                  phone: null,
                },
              ]
            : []),
        ],
      };
      const entries: NewEntry[] = [
        {
          type: reassign ? 'reassigned' : 'dispatched',
          visibility: 'public',
          summary: engineer
            ? `${reassign ? 'Reassigned' : 'Dispatched'} to field engineer ${engineer.displayName}`
            : `${reassign ? 'Reassigned' : 'Dispatched'} to team ${team.name}`,
          detail: { teamId: team._id, engineerUserId: engineer?._id ?? null },
        },
      ];
      if (body.reason) entries.push({ type: 'note', visibility: 'internal', summary: body.reason });
      let replan = false;
      if (!doc.sla.response.stoppedAt) {
        // Dispatch is the operator's response: the response clock stops here.
        const sla = { ...doc.sla, generation: doc.sla.generation + 1 };
        sla.response = stopClock(sla, 'response', now, sla.pauses.map(toInterval));
        set.sla = sla;
        set.result = { ...doc.result, responseMet: sla.response.met };
        replan = true;
      }
      return {
        action: reassign ? 'reassigned' : 'dispatched',
        set,
        entries,
        audit: { teamId: team._id, engineerUserId: engineer?._id ?? null },
        replan,
      };
    });
    return this.toDto(actor, t);
  }

  async merge(
    actor: UserActor,
    id: string,
    body: MergeDto,
    check: VersionCheck,
    now: Date,
  ): Promise<TicketDto> {
    this.requireNoc(actor);
    const source = await this.findInScope(actor, id);
    if (body.targetId === id)
      throw new RequestValidationException([
        { path: 'targetId', message: 'a ticket cannot merge into itself' },
      ]);
    const target = await this.tickets.findById(actor.scope, body.targetId);
    if (!target)
      throw new RequestValidationException([
        { path: 'targetId', message: `no ticket ${body.targetId}` },
      ]);
    if (FINAL_STATUSES.includes(target.status))
      throw new ConflictException(`Ticket ${target._id} is ${target.status}.`);
    if (source.customerId !== target.customerId) {
      throw new RequestValidationException([
        { path: 'targetId', message: 'tickets of different customers cannot merge' },
      ]);
    }
    // Duplicate first: if it fails (stale, illegal), the target is untouched.
    const merged = await this.apply(actor, id, check, now, (doc) =>
      this.transitionChange(actor, doc, 'cancelled', `Merged into ${target._id}`, now, {
        mergedInto: target._id,
        relatedEntity: [
          ...doc.relatedEntity,
          { id: target._id, referredType: 'TroubleTicket', role: 'mergedInto', name: target.name },
        ],
      }),
    );
    await this.apply(actor, target._id, { expected: undefined, via: 'body' }, now, (doc) => ({
      action: 'merged',
      set: {
        mergedTicketIds: [...new Set([...doc.mergedTicketIds, merged._id])],
        circuitIds: [...new Set([...doc.circuitIds, ...merged.circuitIds])],
        orgUnitIds: [...new Set([...doc.orgUnitIds, ...merged.orgUnitIds])].sort(),
        relatedAlarmIds: [...new Set([...doc.relatedAlarmIds, ...merged.relatedAlarmIds])],
        // The duplicate's reporter and contacts follow this ticket from now on.
        relatedParty: [
          ...doc.relatedParty,
          ...merged.relatedParty
            .filter((p) => p.role !== 'assignee' && !doc.relatedParty.some((q) => q.id === p.id))
            .map((p) => ({ ...p, role: p.role === 'reporter' ? ('watcher' as const) : p.role })),
        ],
        relatedEntity: [
          ...doc.relatedEntity,
          { id: merged._id, referredType: 'TroubleTicket', role: 'duplicate', name: merged.name },
        ],
      },
      entries: [
        {
          type: 'merged',
          visibility: 'public',
          summary: `Duplicate ${merged._id} merged into this ticket`,
        },
      ],
      audit: { duplicate: merged._id },
    }));
    return this.toDto(actor, merged);
  }

  async linkAlarm(actor: UserActor, id: string, body: LinkAlarmDto, now: Date): Promise<TicketDto> {
    this.requireNoc(actor);
    await this.findInScope(actor, id);
    const alarm = await this.alarms.findVisible(actor.scope, body.alarmId);
    if (!alarm)
      throw new RequestValidationException([
        { path: 'alarmId', message: `no alarm ${body.alarmId}` },
      ]);
    const t = await this.apply(actor, id, { expected: undefined, via: 'body' }, now, (doc) => {
      this.requireOpen(doc);
      const already = doc.relatedAlarmIds.includes(alarm._id);
      if (already && (!body.rootCause || doc.rootCauseAlarmId === alarm._id)) return null;
      return {
        action: 'alarm-linked',
        set: {
          relatedAlarmIds: already ? doc.relatedAlarmIds : [...doc.relatedAlarmIds, alarm._id],
          rootCauseAlarmId: body.rootCause ? alarm._id : doc.rootCauseAlarmId,
          relatedEntity: [
            ...doc.relatedEntity.filter((e) => e.id !== alarm._id),
            {
              id: alarm._id,
              referredType: 'Alarm',
              role: body.rootCause ? 'rootCause' : 'correlated',
              name: alarm.probableCause,
            },
          ],
        },
        entries: [
          {
            type: 'alarm-linked',
            visibility: body.rootCause ? 'public' : 'internal',
            summary: body.rootCause
              ? `Root cause identified: ${alarm.probableCause}`
              : `Alarm ${alarm._id} linked`,
            detail: { alarmId: alarm._id, rootCause: Boolean(body.rootCause) },
          },
        ],
        audit: { alarmId: alarm._id, rootCause: Boolean(body.rootCause) },
      };
    });
    return this.toDto(actor, t);
  }

  /** A customer user joins an open ticket instead of filing a duplicate: it follows it from now on. */
  async join(actor: UserActor, id: string, now: Date): Promise<TicketDto> {
    if (!CUSTOMER_FILERS.has(actor.principal.role))
      throw new ForbiddenException('Customers join tickets.');
    const party = await this.reporterParty(actor);
    const t = await this.apply(actor, id, { expected: undefined, via: 'body' }, now, (doc) => {
      this.requireOpen(doc);
      if (doc.relatedParty.some((p) => p.userId === actor.principal.userId)) return null;
      return {
        action: 'joined',
        set: { relatedParty: [...doc.relatedParty, { ...party, role: 'watcher' }] },
        entries: [
          {
            type: 'joined',
            visibility: 'public',
            summary: 'Another user reported the same fault and follows this ticket',
          },
        ],
      };
    });
    return this.toDto(actor, t);
  }

  async fieldReport(
    actor: UserActor,
    id: string,
    body: FieldReportInputDto,
    now: Date,
  ): Promise<TicketDto> {
    const role = actor.principal.role;
    if (role !== 'field-engineer' && !NOC.has(role))
      throw new ForbiddenException('Field reports come from field engineers.');
    if (body.kind === 'cause' && !body.causeCode) {
      throw new RequestValidationException([
        { path: 'causeCode', message: 'a cause report names the cause' },
      ]);
    }
    if (body.kind === 'progress' && !body.text) {
      throw new RequestValidationException([
        { path: 'text', message: 'a progress report says what happened' },
      ]);
    }
    const t = await this.apply(actor, id, { expected: undefined, via: 'body' }, now, (doc) => {
      this.requireOpen(doc);
      const report = { ...doc.fieldReport, progress: [...doc.fieldReport.progress] };
      let summary: string;
      switch (body.kind) {
        case 'arrival':
          if (report.arrivedAt) return null;
          report.arrivedAt = now;
          summary = 'Field engineer arrived on site';
          break;
        case 'progress':
          report.progress.push({ at: now, text: body.text ?? '', by: actor.principal.username });
          summary = body.text ?? '';
          break;
        case 'cause':
          report.causeCode = body.causeCode ?? report.causeCode;
          report.fixCode = body.fixCode ?? report.fixCode;
          summary = `Cause ${report.causeCode ?? '-'}${report.fixCode ? `, fix ${report.fixCode}` : ''}`;
          break;
      }
      return {
        action: `field-${body.kind}`,
        set: { fieldReport: report },
        entries: [
          { type: `field-${body.kind}`, visibility: 'public', summary: summary.slice(0, 300) },
        ],
        audit: { kind: body.kind },
      };
    });
    return this.toDto(actor, t);
  }

  async updateStage(
    actor: UserActor,
    id: string,
    body: StageUpdateDto,
    check: VersionCheck,
    now: Date,
  ): Promise<TicketDto> {
    const role = actor.principal.role;
    if (role !== 'field-engineer' && !NOC.has(role))
      throw new ForbiddenException('Stages are updated by the operator.');
    let applied: TicketDocument | null = null;
    const t = await this.apply(actor, id, check, now, (doc) => {
      this.requireOpen(doc);
      if (!doc.provisioning) throw new ConflictException('Only provisioning tickets have stages.');
      const index = doc.provisioning.stages.findIndex((s) => s.name === body.stage);
      const stages = doc.provisioning.stages.map((s, i) =>
        i === index
          ? { ...s, status: body.status, updatedAt: now, updatedBy: actor.principal.username }
          : s,
      );
      const earlierOpen = stages
        .slice(0, index)
        .some((s) => s.status === 'pending' || s.status === 'inProgress');
      if (body.status === 'done' && earlierOpen) {
        throw new ConflictException(
          `Stage ${body.stage} cannot be done before the stages ahead of it.`,
        );
      }
      const request = doc.provisioning.request;
      const handover = body.stage === 'handover' && body.status === 'done';
      const set: Partial<TicketDocument> = {
        provisioning: {
          stages,
          request: handover && request ? { ...request, appliedAt: now } : request,
        },
      };
      return {
        action: 'stage',
        set,
        entries: [
          {
            type: 'stage',
            visibility: 'public',
            summary: `Stage ${body.stage}: ${body.status}`,
            detail: { stage: body.stage, status: body.status },
          },
        ],
        audit: { stage: body.stage, status: body.status },
      };
    });
    const request = t.provisioning?.request;
    if (
      body.stage === 'handover' &&
      body.status === 'done' &&
      request?.circuitId &&
      request.bandwidthBps &&
      request.previousBandwidthBps !== null
    ) {
      applied = t;
      await this.applyBandwidth(
        actor,
        applied,
        request.previousBandwidthBps,
        request.bandwidthBps,
        now,
      );
      if (request.kind === 'temporary-bandwidth' && request.until)
        await this.sla.scheduleRevert(t, new Date(request.until), now);
    }
    return this.toDto(actor, (await this.tickets.findById(actor.scope, id)) ?? t);
  }

  /** The circuit record changes once: a guarded update from the previous bandwidth. */
  private async applyBandwidth(
    actor: TicketActor,
    t: TicketDocument,
    from: number,
    to: number,
    now: Date,
  ): Promise<void> {
    const circuitId = t.provisioning?.request?.circuitId;
    if (!circuitId) return;
    const changed = await this.tickets.setCircuitBandwidth(circuitId, from, to);
    await this.audit.record({
      actor: actor.kind === 'user' ? actor.principal : null,
      action: 'circuit.bandwidth',
      customerId: t.customerId,
      target: { type: 'circuit', id: circuitId },
      outcome: changed ? 'success' : 'failure',
      detail: { ticketId: t._id, from, to },
      ip: actor.kind === 'user' ? actor.ip : null,
    });
    if (changed) {
      await this.apply(actor, t._id, { expected: undefined, via: 'body' }, now, () => ({
        action: 'circuit-changed',
        set: {},
        entries: [
          {
            type: 'circuit-changed',
            visibility: 'public',
            summary: `Circuit bandwidth now ${Math.round(to / 1e6)} Mb/s`,
          },
        ],
      }));
    }
  }

  /** Ends a temporary increase (timer): back to the previous bandwidth, once. */
  async revertBandwidth(ticketId: string, now: Date): Promise<void> {
    const t = await this.tickets.findByIdSystem(ticketId);
    const r = t?.provisioning?.request;
    if (
      !t ||
      !r ||
      !r.appliedAt ||
      r.revertedAt ||
      r.bandwidthBps === null ||
      r.previousBandwidthBps === null
    )
      return;
    await this.apply(SYSTEM, ticketId, { expected: undefined, via: 'body' }, now, (doc) => {
      const req = doc.provisioning?.request;
      if (!doc.provisioning || !req || req.revertedAt) return null;
      return {
        action: 'circuit-reverted',
        set: { provisioning: { ...doc.provisioning, request: { ...req, revertedAt: now } } },
        entries: [
          {
            type: 'circuit-changed',
            visibility: 'public',
            summary: `Temporary bandwidth ended: back to ${Math.round((req.previousBandwidthBps ?? 0) / 1e6)} Mb/s`,
          },
        ],
      };
    });
    await this.tickets.setCircuitBandwidth(
      r.circuitId ?? '',
      r.bandwidthBps,
      r.previousBandwidthBps,
    );
  }

  async rate(
    actor: UserActor,
    id: string,
    body: SatisfactionInputDto,
    now: Date,
  ): Promise<TicketDto> {
    if (!CUSTOMER_FILERS.has(actor.principal.role))
      throw new ForbiddenException('The customer rates the service.');
    const t = await this.apply(actor, id, { expected: undefined, via: 'body' }, now, (doc) => {
      if (doc.status !== 'closed' && doc.status !== 'resolved') {
        throw new ConflictException(`A ${doc.status} ticket cannot be rated yet.`);
      }
      if (doc.satisfaction) throw new ConflictException('The ticket was rated already.');
      return {
        action: 'rated',
        set: {
          satisfaction: {
            rating: body.rating,
            comment: body.comment ?? '',
            at: now,
            by: actor.principal.username,
          },
        },
        entries: [{ type: 'rated', visibility: 'public', summary: `Rated ${body.rating}/5` }],
        audit: { rating: body.rating },
      };
    });
    return this.toDto(actor, t);
  }

  /** Records an attachment on the ticket (content already stored by AttachmentsService). */
  async attach(
    actor: UserActor,
    id: string,
    ref: TicketDocument['attachment'][number],
    now: Date,
  ): Promise<TicketDocument> {
    return this.apply(actor, id, { expected: undefined, via: 'body' }, now, (doc) => {
      if (FINAL_STATUSES.includes(doc.status))
        throw new ConflictException(`A ${doc.status} ticket takes no attachments.`);
      return {
        action: 'attachment',
        set: { attachment: [...doc.attachment, ref] },
        entries: [
          {
            type: 'attachment',
            visibility: ref.visibility,
            summary: `File attached (${ref.mimeType}, ${ref.size} bytes)`,
            detail: { attachmentId: ref.id },
          },
        ],
        audit: { attachmentId: ref.id, size: ref.size, mimeType: ref.mimeType },
      };
    });
  }

  // Timers -------------------------------------------------------------------------

  /** A warning, breach or duty-manager timer fired; does its effect at most once. */
  async slaTimer(
    ticketId: string,
    generation: number,
    clock: 'response' | 'restore',
    kind: 'warn' | 'breach' | 'duty',
    now: Date,
  ): Promise<'applied' | 'skipped' | 'replanned'> {
    const current = await this.tickets.findByIdSystem(ticketId);
    if (
      !current ||
      current.sla.generation !== generation ||
      current.sla[clock].stoppedAt ||
      isPaused(current.sla)
    )
      return 'skipped';
    // Approved maintenance may have been planned since: re-plan instead of firing early.
    const pauses = await this.sla.pauses(current.sla, current.circuitIds);
    const replanned = withDueDates(current.sla, pauses);
    const due = replanned[clock].dueAt;
    if (kind === 'breach' && due && due.getTime() > now.getTime() + 1000) {
      await this.apply(SYSTEM, ticketId, { expected: undefined, via: 'body' }, now, (doc) =>
        doc.sla.generation !== generation
          ? null
          : {
              action: 'sla-replanned',
              set: { sla: { ...replanned, generation: generation + 1 } },
              entries: [],
              replan: true,
            },
      );
      return 'replanned';
    }
    let outcome = 'skipped' as 'applied' | 'skipped';
    let escalateTo = null as 1 | 2 | null;
    const stored = await this.apply(
      SYSTEM,
      ticketId,
      { expected: undefined, via: 'body' },
      now,
      (doc) => {
        if (doc.sla.generation !== generation || doc.sla[clock].stoppedAt) return null;
        const c = doc.sla[clock];
        const sla = { ...doc.sla, [clock]: { ...c } };
        let entry: NewEntry;
        switch (kind) {
          case 'warn':
            if (c.warnedAt) return null;
            sla[clock].warnedAt = now;
            entry = {
              type: 'sla-warning',
              visibility: 'internal',
              summary: `${clock} target at ${Math.round(this.warnShare * 100)} %`,
              detail: { clock },
            };
            break;
          case 'breach':
            if (c.breachedAt) return null;
            sla[clock].breachedAt = now;
            sla[clock].met = false;
            if (sla.escalationLevel < 1) {
              sla.escalationLevel = 1;
              escalateTo = 1;
            }
            entry = {
              type: 'sla-breach',
              visibility: 'internal',
              summary: `${clock} target missed: escalated to the team lead`,
              detail: { clock, level: 1 },
            };
            break;
          case 'duty':
            if (sla.escalationLevel >= 2) return null;
            sla.escalationLevel = 2;
            escalateTo = 2;
            entry = {
              type: 'escalated',
              visibility: 'internal',
              summary: 'Still not restored: escalated to the duty manager',
              detail: { clock, level: 2 },
            };
            break;
        }
        outcome = 'applied';
        return {
          action: `sla-${kind}`,
          set: { sla },
          entries: [entry],
          audit: { clock, kind },
          replan: kind === 'breach',
        };
      },
    );
    // The ticket as stored by this change: no second read on the timer path.
    if (outcome === 'applied') await this.notifier.slaAlert(stored, clock, kind, escalateTo);
    return outcome;
  }

  private get warnShare(): number {
    return this.sla.warnShare;
  }

  /** Auto-close: a ticket still resolved since `resolvedAt` closes by itself. */
  async autoClose(ticketId: string, resolvedAt: string, now: Date): Promise<boolean> {
    const t = await this.tickets.findByIdSystem(ticketId);
    if (!t || t.status !== 'resolved' || new Date(t.statusChangeDate).toISOString() !== resolvedAt)
      return false;
    try {
      await this.apply(SYSTEM, ticketId, { expected: undefined, via: 'body' }, now, (doc) =>
        doc.status !== 'resolved' || new Date(doc.statusChangeDate).toISOString() !== resolvedAt
          ? null
          : this.transitionChange(
              SYSTEM,
              doc,
              'closed',
              'No answer from the customer: closed automatically',
              now,
            ),
      );
      return true;
    } catch (error) {
      if (error instanceof ConflictException) return false;
      throw error;
    }
  }

  // The write path -------------------------------------------------------------------

  /**
   * Reads, plans and writes one change with the version guard. With a client version
   * a mismatch is the client's (409/412); without one (notes, timers) a concurrent
   * change only means plan again on the newer ticket.
   */
  private async apply(
    actor: TicketActor,
    id: string,
    check: VersionCheck,
    now: Date,
    plan: (doc: TicketDocument) => Change | null,
  ): Promise<TicketDocument> {
    const scope = actor.kind === 'user' ? actor.scope : null;
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const doc = scope
        ? await this.tickets.findById(scope, id)
        : await this.tickets.findByIdSystem(id);
      if (!doc) throw new NotFoundException(`Ticket ${id} not found.`);
      if (check.expected !== undefined && check.expected !== doc.version) {
        await this.recordFailure(actor, doc, 'stale-version');
        throw new StaleVersionException(check.via, doc.version);
      }
      let change: Change | null;
      try {
        change = plan(doc);
      } catch (error) {
        if (error instanceof HttpException)
          await this.recordFailure(actor, doc, error.message.slice(0, 200));
        throw error;
      }
      if (!change) return doc;
      const seq = doc.version + 1;
      const entries: TimelineEntry[] = change.entries.map((e) => ({
        ...e,
        seq,
        at: now,
        actor: actorName(actor),
        actorKind: actorKind(actor),
      }));
      const set: Partial<TicketDocument> = {
        ...change.set,
        lastUpdate: now,
        timeline: [...doc.timeline, ...entries],
      };
      const hasPublic = entries.some((e) => e.visibility === 'public');
      if (hasPublic) set.notifySeq = seq;
      const updated = await this.tickets.update(scope, id, doc.version, set);
      if (!updated) {
        if (check.expected !== undefined) {
          await this.recordFailure(actor, doc, 'stale-version');
          throw new StaleVersionException(check.via, doc.version + 1);
        }
        continue;
      }
      if (change.replan) await this.sla.unschedule(id, doc.sla.generation).catch(() => undefined);
      await this.afterChange(actor, updated, change.action, entries, hasPublic, change.audit ?? {});
      return updated;
    }
    throw new ConflictException(`Ticket ${id} is changing too often; try again.`);
  }

  /** Timers, live event, notifications and audit of a stored change. */
  private async afterChange(
    actor: TicketActor,
    t: TicketDocument,
    action: string,
    entries: readonly TimelineEntry[],
    hasPublic: boolean,
    detail: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    const now = new Date(t.lastUpdate);
    await this.sla.schedule(t, now).catch((error: unknown) => {
      this.logger.error(
        { ticketId: t._id, err: (error as Error).message },
        'SLA timers not planned',
      );
    });
    if (t.status === 'resolved' && action === 'status') {
      await this.sla.scheduleAutoClose(t, now).catch((error: unknown) => {
        this.logger.error(
          { ticketId: t._id, err: (error as Error).message },
          'auto-close not planned',
        );
      });
    }
    await this.events.publish([ticketChangeEvent(t, hasPublic ? action : 'updated')]);
    if (hasPublic) await this.notifier.ticketChanged(t, t.notifySeq);
    await this.audit.record({
      actor: actor.kind === 'user' ? actor.principal : null,
      action: `ticket.${action}`,
      customerId: t.customerId,
      target: { type: 'ticket', id: t._id },
      outcome: 'success',
      detail: { ...detail, version: t.version, entries: entries.length },
      ip: actor.kind === 'user' ? actor.ip : null,
    });
  }

  private async recordFailure(
    actor: TicketActor,
    t: TicketDocument,
    reason: string,
  ): Promise<void> {
    await this.audit.record({
      actor: actor.kind === 'user' ? actor.principal : null,
      action: 'ticket.change',
      customerId: t.customerId,
      target: { type: 'ticket', id: t._id },
      outcome: 'failure',
      detail: { reason, version: t.version },
      ip: actor.kind === 'user' ? actor.ip : null,
    });
  }

  // Helpers -------------------------------------------------------------------------

  private requireNoc(actor: UserActor): void {
    if (!NOC.has(actor.principal.role)) throw new ForbiddenException('This is NOC work.');
  }

  private requireOpen(doc: TicketDocument): void {
    if (FINAL_STATUSES.includes(doc.status))
      throw new ConflictException(`Ticket ${doc._id} is ${doc.status}.`);
  }

  private requireNotFinalForNotes(doc: TicketDocument): void {
    // Closed tickets still take notes (a customer's afterthought); cancelled and rejected ones do not.
    if (doc.status === 'cancelled' || doc.status === 'rejected') {
      throw new ConflictException(`Ticket ${doc._id} is ${doc.status}.`);
    }
  }

  private async circuitsOf(
    scope: AccessScope,
    circuitId: string | undefined,
    siteId: string | undefined,
    where: 'query' | 'body',
  ): Promise<TicketCircuit[]> {
    if (circuitId) {
      const c = await this.tickets.findCircuit(scope, circuitId);
      if (!c) {
        if (where === 'query') throw new NotFoundException(`Circuit ${circuitId} not found.`);
        throw new RequestValidationException([
          { path: 'circuitId', message: `no circuit ${circuitId}` },
        ]);
      }
      return [c];
    }
    if (siteId) {
      const rows = await this.tickets.circuitsAtSite(scope, siteId);
      if (rows.length === 0) {
        if (where === 'query') throw new NotFoundException(`Site ${siteId} not found.`);
        throw new RequestValidationException([
          { path: 'siteId', message: `no site ${siteId} with circuits of yours` },
        ]);
      }
      return rows;
    }
    if (where === 'query')
      throw new RequestValidationException([
        { path: 'circuitId', message: 'name a circuit or a site' },
      ]);
    return [];
  }

  private async customerOf(
    actor: UserActor,
    circuits: readonly TicketCircuit[],
    requested: string | undefined,
  ): Promise<string> {
    const p = actor.principal;
    if (p.customerId) {
      if (requested && requested !== p.customerId) {
        throw new RequestValidationException([
          { path: 'customerId', message: `no customer ${requested}` },
        ]);
      }
      return p.customerId;
    }
    const fromCircuit = circuits[0]?.customerId;
    const id = requested ?? fromCircuit;
    if (!id)
      throw new RequestValidationException([
        { path: 'customerId', message: 'name the customer (or a circuit)' },
      ]);
    if (!(await this.tickets.customerExists(id))) {
      throw new RequestValidationException([{ path: 'customerId', message: `no customer ${id}` }]);
    }
    return id;
  }

  private async orgUnitsOfActor(actor: UserActor, customerId: string): Promise<string[]> {
    if (actor.principal.orgUnitId) return this.tickets.orgPathOf(actor.principal.orgUnitId);
    const root = await this.tickets.rootOrgUnit(customerId);
    return root ? [root] : [];
  }

  private async reporterParty(actor: UserActor): Promise<RelatedParty> {
    const prefs = await this.notifier.contactOf(actor.principal.userId);
    return {
      id: actor.principal.userId,
      userId: actor.principal.userId,
      role: 'reporter',
      name: actor.principal.username,
      email: prefs.email,
      phone: prefs.phone,
    };
  }

  private async newTicket(p: {
    now: Date;
    id: string;
    customerId: string;
    orgUnitIds: string[];
    circuits: TicketCircuit[];
    siteId: string | null;
    ticketType: TicketDocument['ticketType'];
    name: string;
    description: string;
    severity: TicketDocument['severity'];
    priority: TicketDocument['priority'];
    impact: TicketDocument['impact'];
    channel: TicketChannel;
    requestedResolutionDate: Date | null;
    parties: RelatedParty[];
    createdBy: string;
    actorKind: ActorKind;
    summary: string;
  }): Promise<TicketDocument> {
    const circuitIds = p.circuits.map((c) => c._id);
    const region = await this.regionOf(p.circuits);
    const team = await this.tickets.teamForRegion(region);
    const sla = await this.sla.initial(strictestSla(p.circuits), p.priority, circuitIds, p.now);
    return {
      _id: p.id,
      version: 1,
      customerId: p.customerId,
      orgUnitIds: p.orgUnitIds,
      circuitIds,
      siteId: p.siteId,
      fieldEngineerIds: [],
      ticketType: p.ticketType,
      status: 'acknowledged',
      name: p.name,
      description: p.description,
      severity: p.severity,
      priority: p.priority,
      impact: p.impact,
      channel: p.channel,
      teamId: team?._id ?? null,
      region,
      creationDate: p.now,
      lastUpdate: p.now,
      statusChangeDate: p.now,
      requestedResolutionDate: p.requestedResolutionDate,
      expectedResolutionDate: sla.restore.dueAt,
      resolutionDate: null,
      statusChangeHistory: [
        {
          status: 'acknowledged',
          changeDate: p.now,
          changeReason: p.summary,
          changedBy: p.createdBy,
          changedByKind: p.actorKind,
        },
      ],
      relatedEntity: [
        ...p.circuits.map((c) => ({
          id: c._id,
          referredType: 'Circuit' as const,
          role: 'affected',
          name: c.name,
        })),
        ...(p.siteId
          ? [{ id: p.siteId, referredType: 'Site' as const, role: 'affected', name: p.siteId }]
          : []),
      ],
      relatedParty: p.parties,
      note: [],
      timeline: [
        {
          seq: 1,
          at: p.now,
          type: 'created',
          visibility: 'public',
          actor: p.createdBy,
          actorKind: p.actorKind,
          summary: p.summary,
        },
      ],
      attachment: [],
      assignment: {
        teamId: team?._id ?? null,
        engineerUserId: null,
        engineerName: null,
        dispatchedAt: null,
        dispatchedBy: null,
      },
      fieldReport: { arrivedAt: null, causeCode: null, fixCode: null, progress: [] },
      relatedAlarmIds: [],
      rootCauseAlarmId: null,
      mergedInto: null,
      mergedTicketIds: [],
      provisioning: null,
      sla,
      satisfaction: null,
      result: {
        mttrMinutes: null,
        restoreMinutes: null,
        responseMet: null,
        restoreMet: null,
        reopenCount: 0,
        autoClosed: false,
        confirmedBy: null,
        closedAt: null,
      },
      notifySeq: 1,
      createdBy: p.createdBy,
    };
  }

  private async regionOf(circuits: readonly TicketCircuit[]): Promise<string | null> {
    const siteId = circuits[0]?.aEnd?.siteId;
    if (!siteId) return null;
    return (await this.tickets.findSite(siteId))?.city ?? null;
  }

  /** Running minutes of a clock now (for the TMF facade and reports). */
  static runningMinutes(t: TicketDocument, now: Date): number {
    return runningMs(new Date(t.sla.startedAt), now, t.sla.pauses.map(toInterval)) / 60_000;
  }
}

function toInterval(p: { from: Date; to: Date | null }): { from: Date; to: Date | null } {
  return { from: new Date(p.from), to: p.to ? new Date(p.to) : null };
}

const SLA_ORDER = ['platinum', 'gold', 'silver', 'bronze'] as const;

function strictestSla(circuits: readonly TicketCircuit[]): TicketDocument['sla']['slaClass'] {
  for (const cls of SLA_ORDER) if (circuits.some((c) => c.slaClass === cls)) return cls;
  return 'silver';
}

function defaultName(
  type: TicketDocument['ticketType'],
  impact: TicketDocument['impact'],
  circuits: readonly TicketCircuit[],
): string {
  const what =
    circuits.length === 1
      ? circuits[0]!.name
      : circuits.length > 1
        ? `${circuits.length} circuits`
        : '';
  switch (type) {
    case 'fault':
      return `${impact === 'down' ? 'Outage' : impact === 'degraded' ? 'Degraded service' : 'Intermittent faults'}: ${what}`;
    case 'changeRequest':
      return `Change request${what ? `: ${what}` : ''}`;
    case 'complaint':
      return `Complaint${what ? `: ${what}` : ''}`;
    case 'provisioning':
      return `Provisioning${what ? `: ${what}` : ''}`;
  }
}

function alarmSummary(a: AlarmDocument): PreCheckDto['circuits'][number]['activeAlarms'][number] {
  return {
    id: a._id,
    perceivedSeverity: a.perceivedSeverity,
    probableCause: a.probableCause,
    specificProblem: a.specificProblem,
    alarmRaisedTime: new Date(a.alarmRaisedTime).toISOString(),
    serviceAffecting: a.serviceAffecting,
  };
}
