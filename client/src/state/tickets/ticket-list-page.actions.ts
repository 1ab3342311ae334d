import { createActionGroup, emptyProps, props } from '@ngrx/store';

/** The tickets list's filters, as the URL carries them. */
export interface TicketQuery {
  /** `open` (acknowledged, inProgress, pending, reopened), `resolved`, `closed` or `all`. */
  status: 'open' | 'resolved' | 'closed' | 'all';
  customerId: string | null;
  circuitId: string | null;
  breached: boolean;
  sort: string;
  page: number;
}

export const DEFAULT_TICKET_QUERY: TicketQuery = {
  status: 'open',
  customerId: null,
  circuitId: null,
  breached: false,
  sort: '-lastUpdate',
  page: 1,
};

export function ticketQueryFromParams(p: Record<string, string | undefined>): TicketQuery {
  const status = (['open', 'resolved', 'closed', 'all'] as const).find((s) => s === p['status']);
  const page = Number(p['page']);
  return {
    status: status ?? DEFAULT_TICKET_QUERY.status,
    customerId: p['customer'] || null,
    circuitId: p['circuit'] || null,
    breached: p['breached'] === 'true',
    sort: p['sort'] || DEFAULT_TICKET_QUERY.sort,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function ticketQueryToParams(q: TicketQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.status !== DEFAULT_TICKET_QUERY.status) out['status'] = q.status;
  if (q.customerId) out['customer'] = q.customerId;
  if (q.circuitId) out['circuit'] = q.circuitId;
  if (q.breached) out['breached'] = 'true';
  if (q.sort !== DEFAULT_TICKET_QUERY.sort) out['sort'] = q.sort;
  if (q.page !== 1) out['page'] = String(q.page);
  return out;
}

export const TicketListPageActions = createActionGroup({
  source: 'Ticket List Page',
  events: {
    'Query Changed': props<{ query: TicketQuery }>(),
    Closed: emptyProps(),
    'Refresh Requested': emptyProps(),
  },
});
