import { createSelector } from '@ngrx/store';

import type { TicketSummaryDto } from '../../generated/models/ticket-summary-dto';
import { type CustomerCard, customersFeature } from '../customers/customers.feature';
import { bySlaUrgency, openTicketsFeature } from '../open-tickets/open-tickets.feature';

/** One assigned customer on the account manager's page: health and its open tickets. */
export interface AccountCustomer extends CustomerCard {
  circuits: { up: number; degraded: number; down: number; unknown: number } | null;
  meanAvailability: number | null;
  openTickets: TicketSummaryDto[];
  breachedTickets: number;
}

/** Open tickets per customer, most urgent first. */
export function ticketsByCustomer(
  tickets: readonly TicketSummaryDto[],
): Map<string, TicketSummaryDto[]> {
  const out = new Map<string, TicketSummaryDto[]>();
  for (const t of [...tickets].sort(bySlaUrgency)) {
    out.set(t.customerId, [...(out.get(t.customerId) ?? []), t]);
  }
  return out;
}

/** The worst off first: down circuits, then breached tickets, then degraded, then by name. */
export function byNeed(a: AccountCustomer, b: AccountCustomer): number {
  const down = (c: AccountCustomer) => c.circuits?.down ?? 0;
  const degraded = (c: AccountCustomer) => c.circuits?.degraded ?? 0;
  return (
    down(b) - down(a) ||
    b.breachedTickets - a.breachedTickets ||
    degraded(b) - degraded(a) ||
    (a.name ?? a.customerId).localeCompare(b.name ?? b.customerId, 'zh-CN')
  );
}

export const selectAccountCustomers = createSelector(
  customersFeature.selectCards,
  openTicketsFeature.selectTickets,
  (cards, tickets): AccountCustomer[] => {
    const open = ticketsByCustomer(tickets.data?.items ?? []);
    return cards
      .map((card): AccountCustomer => {
        const mine = open.get(card.customerId) ?? [];
        return {
          ...card,
          circuits: card.health.data?.summary.circuits ?? null,
          meanAvailability: card.availability.data?.aggregate.meanAvailability ?? null,
          openTickets: mine,
          breachedTickets: mine.filter((t) => t.restoreBreached).length,
        };
      })
      .sort(byNeed);
  },
);
