import type { ChangeEventInput } from '../events/change-event';
import type { TicketDocument } from './ticket.document';

/**
 * The live event of a ticket change. Received by the ticket's customer (its org
 * subtree through orgUnitIds), operator staff and the field engineers it is dispatched
 * to; `data` carries only what every one of them may read (no internal notes, no
 * contact data), so a client reloads the ticket for the rest.
 */
export function ticketChangeEvent(t: TicketDocument, action: string): ChangeEventInput {
  return {
    kind: 'ticket',
    action,
    id: t._id,
    customerIds: [t.customerId],
    orgUnitIds: [...t.orgUnitIds],
    assigneeUserIds: [...t.fieldEngineerIds],
    data: {
      version: t.version,
      status: t.status,
      ticketType: t.ticketType,
      priority: t.priority,
      severity: t.severity,
      name: t.name,
      lastUpdate: new Date(t.lastUpdate).toISOString(),
    },
  };
}
