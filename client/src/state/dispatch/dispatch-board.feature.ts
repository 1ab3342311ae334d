import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { QueuesDto } from '../../generated/models/queues-dto';
import type { TeamDto } from '../../generated/models/team-dto';
import type { TicketDto } from '../../generated/models/ticket-dto';
import type { TicketSummaryDto } from '../../generated/models/ticket-summary-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { bySlaUrgency } from '../open-tickets/open-tickets.feature';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { DispatchApiActions } from './dispatch-api.actions';
import { DispatchBoardPageActions } from './dispatch-board-page.actions';

export interface DispatchBoardState {
  open: boolean;
  tickets: Loadable<TicketSummaryDto[]>;
  total: number;
  queues: Loadable<QueuesDto>;
  teams: Loadable<TeamDto[]>;
  engineerNames: Record<string, string>;
  /** Tickets with a command on its way: shown where they are going, greyed. */
  pending: Record<string, { teamId: string | null }>;
  commandError: { ticketId: string; error: Failure } | null;
}

export const initialDispatchBoardState: DispatchBoardState = {
  open: false,
  tickets: idle(),
  total: 0,
  queues: idle(),
  teams: idle(),
  engineerNames: {},
  pending: {},
  commandError: null,
};

export interface BoardColumn {
  /** null: not dispatched to any team yet. */
  teamId: string | null;
  team: TeamDto | null;
  tickets: TicketSummaryDto[];
  breached: number;
}

/** A command's answer is the full ticket; the board keeps its summary fields. */
export function summaryOf(t: TicketDto, before?: TicketSummaryDto): TicketSummaryDto {
  return {
    ...(before ?? ({} as TicketSummaryDto)),
    id: t.id,
    name: t.name,
    status: t.status,
    priority: t.priority,
    severity: t.severity,
    channel: t.channel,
    circuitIds: t.circuitIds,
    customerId: t.customerId,
    creationDate: t.creationDate,
    lastUpdate: t.lastUpdate,
    region: t.region,
    ticketType: t.ticketType,
    teamId: t.assignment.teamId,
    engineerName: t.assignment.engineerName,
    escalationLevel: t.sla.escalationLevel,
    restoreDueAt: t.sla.restore.dueAt,
    restoreBreached: t.sla.restore.breachedAt !== null,
    version: t.version,
  };
}

const OPEN: readonly TicketSummaryDto['status'][] = [
  'acknowledged',
  'inProgress',
  'pending',
  'reopened',
];

/** Columns: the undispatched first, then each team; a ticket on its way sits where it goes. */
export function boardColumns(
  tickets: readonly TicketSummaryDto[],
  teams: readonly TeamDto[],
  pending: DispatchBoardState['pending'],
): BoardColumn[] {
  const teamOf = (t: TicketSummaryDto) => (t.id in pending ? pending[t.id]!.teamId : t.teamId);
  const columns: BoardColumn[] = [
    { teamId: null, team: null, tickets: [], breached: 0 },
    ...teams.map((team) => ({ teamId: team.id, team, tickets: [], breached: 0 })),
  ];
  const byId = new Map(columns.map((c) => [c.teamId, c]));
  for (const t of tickets) {
    const column = byId.get(teamOf(t)) ?? columns[0]!;
    column.tickets.push(t);
    if (t.restoreBreached) column.breached++;
  }
  for (const c of columns) c.tickets.sort(bySlaUrgency);
  return columns;
}

export const dispatchBoardFeature = createFeature({
  name: 'dispatchBoard',
  reducer: createReducer(
    initialDispatchBoardState,
    on(DispatchBoardPageActions.opened, (state): DispatchBoardState => ({
      ...state,
      open: true,
      tickets: loading(state.tickets),
      queues: loading(state.queues),
      teams: state.teams.data ? state.teams : loading(state.teams),
    })),
    on(DispatchBoardPageActions.closed, (state): DispatchBoardState => ({ ...state, open: false })),
    on(DispatchBoardPageActions.refreshRequested, LiveEventsActions.resync, (state) =>
      state.open
        ? { ...state, tickets: loading(state.tickets), queues: loading(state.queues) }
        : state,
    ),
    on(
      DispatchBoardPageActions.dispatchRequested,
      (state, { ticketId, teamId }): DispatchBoardState => ({
        ...state,
        pending: { ...state.pending, [ticketId]: { teamId } },
        commandError: null,
      }),
    ),
    on(DispatchBoardPageActions.transitionRequested, (state, { ticketId }): DispatchBoardState => {
      const current = state.tickets.data?.find((t) => t.id === ticketId);
      return {
        ...state,
        pending: { ...state.pending, [ticketId]: { teamId: current?.teamId ?? null } },
        commandError: null,
      };
    }),
    on(DispatchApiActions.ticketsLoaded, (state, { page }): DispatchBoardState => ({
      ...state,
      tickets: loaded(page.items),
      total: page.total,
    })),
    on(DispatchApiActions.queuesLoaded, (state, { queues }): DispatchBoardState => ({
      ...state,
      queues: loaded(queues),
    })),
    on(DispatchApiActions.teamsLoaded, (state, { teams }): DispatchBoardState => ({
      ...state,
      teams: loaded(teams),
    })),
    on(DispatchApiActions.engineersLoaded, (state, { names }): DispatchBoardState => ({
      ...state,
      engineerNames: { ...state.engineerNames, ...names },
    })),
    on(DispatchApiActions.loadFailed, (state, { part, error }): DispatchBoardState => ({
      ...state,
      [part]: failed<unknown>(state[part], error),
    })),
    on(DispatchApiActions.commandSucceeded, (state, { ticket }): DispatchBoardState => {
      const { [ticket.id]: _done, ...pending } = state.pending;
      const list = state.tickets.data ?? [];
      const before = list.find((t) => t.id === ticket.id);
      // Resolved (or otherwise no longer open): off the board.
      const next = OPEN.includes(ticket.status)
        ? list.map((t) => (t.id === ticket.id ? summaryOf(ticket, t) : t))
        : list.filter((t) => t.id !== ticket.id);
      return {
        ...state,
        pending,
        tickets: before ? { ...state.tickets, data: next } : state.tickets,
      };
    }),
    on(DispatchApiActions.commandFailed, (state, { ticketId, error }): DispatchBoardState => {
      const { [ticketId]: _failed, ...pending } = state.pending;
      return { ...state, pending, commandError: { ticketId, error } };
    }),
    on(LiveEventsActions.stopped, (): DispatchBoardState => initialDispatchBoardState),
  ),
  extraSelectors: ({ selectTickets, selectTeams, selectPending }) => ({
    selectColumns: createSelector(selectTickets, selectTeams, selectPending, (t, teams, pending) =>
      boardColumns(t.data ?? [], teams.data ?? [], pending),
    ),
    selectEscalated: createSelector(selectTickets, (t) =>
      (t.data ?? []).filter((x) => x.escalationLevel > 0).sort(bySlaUrgency),
    ),
  }),
});
