import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { TicketPageDto } from '../../generated/models/ticket-page-dto';
import type { TicketSummaryDto } from '../../generated/models/ticket-summary-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { type Loadable, failed, idle, loaded, loading } from '../shared/loadable.model';
import { OpenTicketsApiActions } from './open-tickets-api.actions';
import { OpenTicketsPageActions } from './open-tickets-page.actions';

export interface OpenTicketsState {
  /** Screens showing the list (a phone keeps tab pages alive, so two can be at once). */
  viewers: number;
  /** GET /tickets?status=open (a field engineer: those dispatched to it). */
  tickets: Loadable<TicketPageDto>;
}

export const initialOpenTicketsState: OpenTicketsState = { viewers: 0, tickets: idle() };

/**
 * Most urgent first: a breached restore clock, then the nearest restore deadline, then
 * priority; tickets without a running clock (paused while pending) last, newest first.
 */
export function bySlaUrgency(a: TicketSummaryDto, b: TicketSummaryDto): number {
  if (a.restoreBreached !== b.restoreBreached) return a.restoreBreached ? -1 : 1;
  const due = (t: TicketSummaryDto) =>
    t.restoreDueAt ? Date.parse(t.restoreDueAt) : Number.POSITIVE_INFINITY;
  const byDue = due(a) - due(b);
  if (byDue !== 0 && !Number.isNaN(byDue)) return byDue;
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  return b.lastUpdate.localeCompare(a.lastUpdate);
}

/** Minutes left on the restore clock (negative: overdue), null while it does not run. */
export function minutesToRestore(ticket: TicketSummaryDto, now = Date.now()): number | null {
  if (!ticket.restoreDueAt) return null;
  return Math.round((Date.parse(ticket.restoreDueAt) - now) / 60_000);
}

export const openTicketsFeature = createFeature({
  name: 'openTickets',
  reducer: createReducer(
    initialOpenTicketsState,
    on(OpenTicketsPageActions.opened, (state): OpenTicketsState => ({
      viewers: state.viewers + 1,
      tickets: loading(state.tickets),
    })),
    on(OpenTicketsPageActions.closed, (state): OpenTicketsState => ({
      ...state,
      viewers: Math.max(0, state.viewers - 1),
    })),
    on(OpenTicketsPageActions.refreshRequested, LiveEventsActions.resync, (state) =>
      state.viewers > 0 ? { ...state, tickets: loading(state.tickets) } : state,
    ),
    on(OpenTicketsApiActions.loaded, (state, { page }): OpenTicketsState => ({
      ...state,
      tickets: loaded(page),
    })),
    on(OpenTicketsApiActions.loadFailed, (state, { error }): OpenTicketsState => ({
      ...state,
      tickets: failed(state.tickets, error),
    })),
    // Signing out forgets another user's tickets.
    on(LiveEventsActions.stopped, (): OpenTicketsState => initialOpenTicketsState),
  ),
  extraSelectors: ({ selectTickets, selectViewers }) => ({
    selectIsOpen: createSelector(selectViewers, (n) => n > 0),
    selectByUrgency: createSelector(selectTickets, (t) =>
      [...(t.data?.items ?? [])].sort(bySlaUrgency),
    ),
  }),
});
