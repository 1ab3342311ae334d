import type { TicketDto } from '../tickets/dto/ticket.dto';
import type { TmfTroubleTicketDto } from './dto/tmf-trouble-ticket.dto';

export const TMF_BASE = '/tmf-api/troubleTicket/v4/troubleTicket';

/** TMF621 view of a ticket already cut to what the caller may read (TicketDto). */
export function toTmf(t: TicketDto): TmfTroubleTicketDto {
  return {
    id: t.id,
    href: `${TMF_BASE}/${encodeURIComponent(t.id)}`,
    '@type': 'TroubleTicket',
    name: t.name,
    description: t.description,
    severity: t.severity,
    priority: t.priority,
    ticketType: t.ticketType,
    status: t.status,
    creationDate: t.creationDate,
    lastUpdate: t.lastUpdate,
    statusChangeDate: t.statusChangeDate,
    requestedResolutionDate: t.requestedResolutionDate,
    expectedResolutionDate: t.expectedResolutionDate,
    resolutionDate: t.resolutionDate,
    channel: { name: t.channel },
    relatedEntity: t.relatedEntity.map((e) => ({
      id: e.id,
      role: e.role,
      name: e.name,
      '@referredType': e['@referredType'],
    })),
    relatedParty: t.relatedParty.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      '@referredType': 'Individual',
    })),
    note: t.note.map((n) => ({
      id: n.id,
      text: n.text,
      author: n.author,
      date: n.date,
      '@type': 'Note',
    })),
    attachment: t.attachment.map((a) => ({
      id: a.id,
      href: `/api/v1/attachments/${encodeURIComponent(a.id)}`,
      name: a.name,
      mimeType: a.mimeType,
      size: { amount: a.size, units: 'Bytes' },
    })),
    statusChangeHistory: t.statusChangeHistory.map((h) => ({
      status: h.status,
      changeDate: h.changeDate,
      changeReason: h.changeReason,
    })),
  };
}

/** TMF `fields=`: id, href and @type always, then the attributes asked for. */
export function selectFields(
  t: TmfTroubleTicketDto,
  fields: string | undefined,
): Partial<TmfTroubleTicketDto> {
  if (!fields) return t;
  const wanted = new Set(['id', 'href', '@type', ...fields.split(',')]);
  return Object.fromEntries(Object.entries(t).filter(([k]) => wanted.has(k)));
}

export const IMPACT_OF_SEVERITY = {
  critical: 'down',
  major: 'degraded',
  minor: 'intermittent',
} as const;
