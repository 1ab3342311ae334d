import type { TicketDto } from '../../generated/models/ticket-dto';

export type TicketStatus = TicketDto['status'];

/** Transitions that must say why (the API's state machine: 400 without a reason). */
export const REASON_REQUIRED: readonly TicketStatus[] = [
  'pending',
  'resolved',
  'reopened',
  'cancelled',
  'rejected',
];

/** What a customer may still do to a resolved ticket: confirm it, or reopen it. */
export function customerChoices(ticket: TicketDto): { confirm: boolean; reopen: boolean } {
  return {
    confirm: ticket.allowedTransitions.includes('closed'),
    reopen: ticket.allowedTransitions.includes('reopened'),
  };
}

/** A rating is asked for once, after the fault is resolved. */
export function canRate(ticket: TicketDto): boolean {
  return (
    ticket.satisfaction === null && (ticket.status === 'resolved' || ticket.status === 'closed')
  );
}
