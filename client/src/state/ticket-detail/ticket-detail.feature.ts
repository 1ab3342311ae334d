import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { TicketDto } from '../../generated/models/ticket-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { canRate, customerChoices } from './ticket-command.model';
import { TicketDetailApiActions } from './ticket-detail-api.actions';
import { TicketDetailPageActions } from './ticket-detail-page.actions';

export interface TicketDetailState {
  open: boolean;
  ticketId: string | null;
  ticket: Loadable<TicketDto>;
  /** A change is on its way (buttons wait for it). */
  sending: boolean;
  commandError: Failure | null;
}

export const initialTicketDetailState: TicketDetailState = {
  open: false,
  ticketId: null,
  ticket: idle(),
  sending: false,
  commandError: null,
};

const sending = (state: TicketDetailState): TicketDetailState => ({
  ...state,
  sending: true,
  commandError: null,
});

export const ticketDetailFeature = createFeature({
  name: 'ticketDetail',
  reducer: createReducer(
    initialTicketDetailState,
    on(TicketDetailPageActions.opened, (state, { ticketId }): TicketDetailState => {
      const base = state.ticketId === ticketId ? state : initialTicketDetailState;
      return { ...base, open: true, ticketId, ticket: loading(base.ticket), commandError: null };
    }),
    on(TicketDetailPageActions.closed, (state): TicketDetailState => ({ ...state, open: false })),
    on(TicketDetailPageActions.refreshRequested, LiveEventsActions.resync, (state) =>
      state.open ? { ...state, ticket: loading(state.ticket) } : state,
    ),
    on(
      TicketDetailPageActions.transitionRequested,
      TicketDetailPageActions.noteSubmitted,
      TicketDetailPageActions.ratingSubmitted,
      TicketDetailPageActions.attachmentSubmitted,
      sending,
    ),
    on(
      TicketDetailApiActions.loaded,
      TicketDetailApiActions.commandSucceeded,
      (state, { ticketId, ticket }): TicketDetailState => {
        if (ticketId !== state.ticketId) return state;
        // A read that raced a change must not put an older version back.
        const shown = state.ticket.data;
        const next = shown && shown.version > ticket.version ? shown : ticket;
        return { ...state, ticket: loaded(next), sending: false };
      },
    ),
    on(TicketDetailApiActions.loadFailed, (state, { ticketId, error }) =>
      ticketId === state.ticketId ? { ...state, ticket: failed(state.ticket, error) } : state,
    ),
    on(TicketDetailApiActions.commandFailed, (state, { ticketId, error }) =>
      ticketId === state.ticketId ? { ...state, sending: false, commandError: error } : state,
    ),
    on(LiveEventsActions.stopped, (): TicketDetailState => initialTicketDetailState),
  ),
  extraSelectors: ({ selectTicket }) => ({
    /** Customer-visible timeline, newest first (the API sends it in order). */
    selectTimeline: createSelector(selectTicket, (t) =>
      [...(t.data?.timeline ?? [])].sort((a, b) => b.seq - a.seq),
    ),
    selectChoices: createSelector(selectTicket, (t) =>
      t.data ? customerChoices(t.data) : { confirm: false, reopen: false },
    ),
    selectCanRate: createSelector(selectTicket, (t) => (t.data ? canRate(t.data) : false)),
  }),
});
