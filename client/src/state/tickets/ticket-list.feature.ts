import { createFeature, createReducer, on } from '@ngrx/store';

import type { TicketPageDto } from '../../generated/models/ticket-page-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { type Loadable, failed, idle, loaded, loading } from '../shared/loadable.model';
import {
  DEFAULT_TICKET_QUERY,
  type TicketQuery,
  TicketListPageActions,
} from './ticket-list-page.actions';
import { TicketsApiActions } from './tickets-api.actions';

export interface TicketListState {
  open: boolean;
  query: TicketQuery;
  tickets: Loadable<TicketPageDto>;
}

export const initialTicketListState: TicketListState = {
  open: false,
  query: DEFAULT_TICKET_QUERY,
  tickets: idle(),
};

export const ticketListFeature = createFeature({
  name: 'ticketList',
  reducer: createReducer(
    initialTicketListState,
    on(TicketListPageActions.queryChanged, (state, { query }): TicketListState => ({
      open: true,
      query,
      tickets: loading(state.tickets),
    })),
    on(TicketListPageActions.closed, (state): TicketListState => ({ ...state, open: false })),
    on(TicketListPageActions.refreshRequested, LiveEventsActions.resync, (state) =>
      state.open ? { ...state, tickets: loading(state.tickets) } : state,
    ),
    on(TicketsApiActions.listLoaded, (state, { page }): TicketListState => ({
      ...state,
      tickets: loaded(page),
    })),
    on(TicketsApiActions.listFailed, (state, { error }): TicketListState => ({
      ...state,
      tickets: failed(state.tickets, error),
    })),
    on(LiveEventsActions.stopped, (): TicketListState => initialTicketListState),
  ),
});

/** The API's `status` filter for a list query. */
export function statusFilterOf(status: TicketQuery['status']): string | undefined {
  return status === 'all' ? undefined : status;
}
