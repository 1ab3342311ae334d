import type { VerifiedPrincipal } from '../auth/principal';
import type { TicketDto, TicketSummaryDto } from './dto/ticket.dto';
import { actorKindOf, nextStatuses } from './ticket-state-machine';
import { maskEmail, maskPhone, seesContactData, seesInternal } from './ticket-visibility.policy';
import type { ActorKind, RelatedParty, SlaClock, TicketDocument } from './ticket.document';

const CUSTOMER_ROLES = new Set(['customer-admin', 'customer-engineer', 'customer-viewer']);

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

function clockDto(c: SlaClock): TicketDto['sla']['response'] {
  return {
    targetMinutes: c.targetMinutes,
    dueAt: iso(c.dueAt),
    stoppedAt: iso(c.stoppedAt),
    warnedAt: iso(c.warnedAt),
    breachedAt: iso(c.breachedAt),
    elapsedMinutes: c.elapsedMinutes,
    met: c.met,
  };
}

function partyDto(p: RelatedParty, clear: boolean): TicketDto['relatedParty'][number] {
  return {
    id: p.id,
    role: p.role,
    name: p.name,
    email: p.email ? (clear ? p.email : maskEmail(p.email)) : null,
    phone: p.phone ? (clear ? p.phone : maskPhone(p.phone)) : null,
  };
}

/**
 * The ticket as `principal` may read it: customers get public notes, timeline entries
 * and attachments only, and operator names replaced by `operator`; the NOC gets
 * customers' contact data masked (number shield).
 */
export function toTicketDto(
  t: TicketDocument,
  principal: VerifiedPrincipal,
  visibleAlarmIds: ReadonlySet<string> | null,
): TicketDto {
  const internal = seesInternal(principal.role);
  const clear = seesContactData(principal.role);
  const isPublic = (v: { visibility: 'public' | 'internal' }): boolean =>
    internal || v.visibility === 'public';
  const shownActor = (name: string, kind: ActorKind): string =>
    internal || kind !== 'operator' ? name : 'operator';
  const alarms = (ids: readonly string[]): string[] =>
    visibleAlarmIds ? ids.filter((id) => visibleAlarmIds.has(id)) : [...ids];
  return {
    id: t._id,
    version: t.version,
    ticketType: t.ticketType,
    status: t.status,
    name: t.name,
    description: t.description,
    severity: t.severity,
    priority: t.priority,
    impact: t.impact,
    channel: t.channel,
    customerId: t.customerId,
    circuitIds: t.circuitIds,
    siteId: t.siteId,
    teamId: internal ? t.teamId : null,
    region: t.region,
    creationDate: new Date(t.creationDate).toISOString(),
    lastUpdate: new Date(t.lastUpdate).toISOString(),
    statusChangeDate: new Date(t.statusChangeDate).toISOString(),
    requestedResolutionDate: iso(t.requestedResolutionDate),
    expectedResolutionDate: iso(t.expectedResolutionDate),
    resolutionDate: iso(t.resolutionDate),
    statusChangeHistory: t.statusChangeHistory.map((h) => ({
      status: h.status,
      changeDate: new Date(h.changeDate).toISOString(),
      changeReason: h.changeReason,
      changedBy: shownActor(h.changedBy, h.changedByKind),
    })),
    relatedEntity: t.relatedEntity
      .filter((e) => e.referredType !== 'Alarm' || alarms([e.id]).length === 1)
      .map((e) => ({ id: e.id, '@referredType': e.referredType, role: e.role, name: e.name })),
    relatedParty: t.relatedParty.map((p) => partyDto(p, clear)),
    note: t.note.filter(isPublic).map((n) => ({
      id: n.id,
      text: n.text,
      author: shownActor(n.author, CUSTOMER_ROLES.has(n.authorRole) ? 'customer' : 'operator'),
      authorRole: n.authorRole,
      date: new Date(n.date).toISOString(),
      visibility: n.visibility,
    })),
    timeline: t.timeline.filter(isPublic).map((e) => ({
      seq: e.seq,
      at: new Date(e.at).toISOString(),
      type: e.type,
      visibility: e.visibility,
      actor: shownActor(e.actor, e.actorKind),
      summary: e.summary,
      ...(internal && e.detail ? { detail: e.detail } : {}),
    })),
    attachment: t.attachment.filter(isPublic).map((a) => ({
      id: a.id,
      name: a.name,
      mimeType: a.mimeType,
      size: a.size,
      sha256: a.sha256,
      visibility: a.visibility,
      uploadedBy: shownActor(a.uploadedBy, a.uploaderKind),
      createdAt: new Date(a.createdAt).toISOString(),
    })),
    assignment: {
      teamId: internal ? t.assignment.teamId : null,
      engineerUserId: internal ? t.assignment.engineerUserId : null,
      engineerName: t.assignment.engineerName,
      dispatchedAt: iso(t.assignment.dispatchedAt),
    },
    fieldReport: {
      arrivedAt: iso(t.fieldReport.arrivedAt),
      causeCode: t.fieldReport.causeCode,
      fixCode: t.fieldReport.fixCode,
      progress: t.fieldReport.progress.map((p) => ({
        at: new Date(p.at).toISOString(),
        text: p.text,
        by: shownActor(p.by, 'operator'),
      })),
    },
    relatedAlarmIds: alarms(t.relatedAlarmIds),
    rootCauseAlarmId:
      t.rootCauseAlarmId && alarms([t.rootCauseAlarmId]).length ? t.rootCauseAlarmId : null,
    mergedInto: t.mergedInto,
    mergedTicketIds: t.mergedTicketIds,
    provisioning: t.provisioning
      ? {
          stages: t.provisioning.stages.map((s) => ({
            name: s.name,
            status: s.status,
            updatedAt: iso(s.updatedAt),
          })),
          request: t.provisioning.request
            ? {
                kind: t.provisioning.request.kind,
                circuitId: t.provisioning.request.circuitId,
                bandwidthBps: t.provisioning.request.bandwidthBps,
                until: iso(t.provisioning.request.until),
                previousBandwidthBps: t.provisioning.request.previousBandwidthBps,
                appliedAt: iso(t.provisioning.request.appliedAt),
                revertedAt: iso(t.provisioning.request.revertedAt),
              }
            : null,
        }
      : null,
    sla: {
      slaClass: t.sla.slaClass,
      paused: t.sla.pauses.some((p) => p.to === null),
      response: clockDto(t.sla.response),
      restore: clockDto(t.sla.restore),
      escalationLevel: internal ? t.sla.escalationLevel : 0,
    },
    satisfaction: t.satisfaction
      ? {
          rating: t.satisfaction.rating,
          comment: t.satisfaction.comment,
          at: new Date(t.satisfaction.at).toISOString(),
        }
      : null,
    result: {
      mttrMinutes: t.result.mttrMinutes,
      restoreMinutes: t.result.restoreMinutes,
      responseMet: t.result.responseMet,
      restoreMet: t.result.restoreMet,
      reopenCount: t.result.reopenCount,
      autoClosed: t.result.autoClosed,
      closedAt: iso(t.result.closedAt),
    },
    allowedTransitions: nextStatuses(t.status, actorKindOf(principal.role)),
  };
}

export function toTicketSummaryDto(
  t: TicketDocument,
  principal: VerifiedPrincipal,
): TicketSummaryDto {
  const internal = seesInternal(principal.role);
  return {
    id: t._id,
    version: t.version,
    ticketType: t.ticketType,
    status: t.status,
    name: t.name,
    severity: t.severity,
    priority: t.priority,
    channel: t.channel,
    customerId: t.customerId,
    circuitIds: t.circuitIds,
    teamId: internal ? t.teamId : null,
    region: t.region,
    engineerName: t.assignment.engineerName,
    creationDate: new Date(t.creationDate).toISOString(),
    lastUpdate: new Date(t.lastUpdate).toISOString(),
    restoreDueAt: iso(t.sla.restore.dueAt),
    restoreBreached: t.sla.restore.breachedAt !== null,
    escalationLevel: internal ? t.sla.escalationLevel : 0,
  };
}
