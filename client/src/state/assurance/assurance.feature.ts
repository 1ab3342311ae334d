import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { AssuranceDashboardDto } from '../../generated/models/assurance-dashboard-dto';
import type { AssuranceWindowDto } from '../../generated/models/assurance-window-dto';
import type { Role } from '../auth/roles.model';
import {
  type CircuitSearchState,
  circuitsFailed,
  circuitsFound,
  circuitsSearching,
  upsertLoaded,
  withPending,
  withoutPending,
} from '../shared/collection.model';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { AssuranceApiActions } from './assurance-api.actions';
import { AssurancePageActions } from './assurance-page.actions';

export type AssuranceDecision = 'approve' | 'reject' | 'cancel';

/** With the request form's circuit search (CircuitSearchState). */
export interface AssuranceState extends CircuitSearchState {
  open: boolean;
  customerId: string | null;
  windows: Loadable<AssuranceWindowDto[]>;
  requesting: boolean;
  requestError: Failure | null;
  /** The window just requested (the page shows it as sent). */
  requestedId: string | null;
  /** Windows with a decision on its way. */
  deciding: string[];
  decisionError: { id: string; error: Failure } | null;
  dashboardId: string | null;
  dashboard: Loadable<AssuranceDashboardDto>;
}

export const initialAssuranceState: AssuranceState = {
  open: false,
  customerId: null,
  windows: idle(),
  circuitQuery: '',
  circuits: idle(),
  requesting: false,
  requestError: null,
  requestedId: null,
  deciding: [],
  decisionError: null,
  dashboardId: null,
  dashboard: idle(),
};

/**
 * What the caller may do with a window, as the API allows it (docs/reports.md): the NOC
 * approves or rejects a request; requesters cancel a request or an upcoming window,
 * operator staff also a running one; nothing once it ended, was rejected or cancelled.
 */
export function assuranceActions(
  w: Pick<AssuranceWindowDto, 'status' | 'phase'>,
  role: Role | null,
): AssuranceDecision[] {
  const operator = role === 'noc-operator' || role === 'platform-admin';
  const requester = role === 'customer-admin' || role === 'account-manager';
  if (w.status === 'requested') {
    if (operator) return ['approve', 'reject', 'cancel'];
    return requester ? ['cancel'] : [];
  }
  if (w.status === 'approved' && w.phase !== 'ended') {
    if (operator) return ['cancel'];
    if (requester && w.phase === 'upcoming') return ['cancel'];
  }
  return [];
}

/** Running first, then requested, upcoming, ended, closed ones; earlier start first within. */
const ORDER: Record<string, number> = {
  running: 0,
  requested: 1,
  upcoming: 2,
  ended: 3,
  rejected: 4,
  cancelled: 5,
};
export function assuranceRank(w: Pick<AssuranceWindowDto, 'status' | 'phase'>): number {
  if (w.status === 'approved') return ORDER[w.phase] ?? 3;
  return ORDER[w.status] ?? 6;
}

export const assuranceFeature = createFeature({
  name: 'assurance',
  reducer: createReducer(
    initialAssuranceState,
    on(AssurancePageActions.opened, (state, { customerId }): AssuranceState => ({
      ...state,
      open: true,
      customerId,
      windows: loading(state.customerId === customerId ? state.windows : idle()),
    })),
    on(AssurancePageActions.closed, (state): AssuranceState => ({
      ...state,
      open: false,
      requestedId: null,
      requestError: null,
      decisionError: null,
    })),
    on(AssuranceApiActions.listed, (state, { customerId, page }) =>
      customerId === state.customerId ? { ...state, windows: loaded(page.items) } : state,
    ),
    on(AssuranceApiActions.listFailed, (state, { customerId, error }) =>
      customerId === state.customerId ? { ...state, windows: failed(state.windows, error) } : state,
    ),
    on(AssurancePageActions.circuitsSearched, (state, { q }) => circuitsSearching(state, q)),
    on(AssuranceApiActions.circuitsFound, (state, { q, circuits }) =>
      circuitsFound(state, q, circuits),
    ),
    on(AssuranceApiActions.circuitsFailed, (state, { q, error }) =>
      circuitsFailed(state, q, error),
    ),
    on(AssurancePageActions.requestSubmitted, (state): AssuranceState => ({
      ...state,
      requesting: true,
      requestError: null,
      requestedId: null,
    })),
    on(AssuranceApiActions.requested, (state, { window }): AssuranceState => ({
      ...state,
      requesting: false,
      requestedId: window.id,
      windows: upsertLoaded(state.windows, window),
    })),
    on(AssuranceApiActions.requestFailed, (state, { error }): AssuranceState => ({
      ...state,
      requesting: false,
      requestError: error,
    })),
    on(AssurancePageActions.decisionRequested, (state, { id }): AssuranceState => ({
      ...state,
      deciding: withPending(state.deciding, id),
      decisionError: null,
    })),
    on(AssuranceApiActions.decided, (state, { window }): AssuranceState => ({
      ...state,
      deciding: withoutPending(state.deciding, window.id),
      windows: upsertLoaded(state.windows, window),
      dashboard:
        state.dashboard.data?.window.id === window.id
          ? { ...state.dashboard, data: { ...state.dashboard.data, window } }
          : state.dashboard,
    })),
    on(AssuranceApiActions.decisionFailed, (state, { id, error }): AssuranceState => ({
      ...state,
      deciding: withoutPending(state.deciding, id),
      decisionError: { id, error },
    })),
    on(AssurancePageActions.dashboardOpened, (state, { id }): AssuranceState => ({
      ...state,
      dashboardId: id,
      dashboard: loading(state.dashboardId === id ? state.dashboard : idle()),
    })),
    on(AssurancePageActions.dashboardClosed, (state): AssuranceState => ({
      ...state,
      dashboardId: null,
    })),
    on(AssuranceApiActions.dashboardLoaded, (state, { id, dashboard }) =>
      id === state.dashboardId
        ? {
            ...state,
            dashboard: loaded(dashboard, dashboard.at),
            windows: state.windows.data
              ? upsertLoaded(state.windows, dashboard.window)
              : state.windows,
          }
        : state,
    ),
    on(AssuranceApiActions.dashboardFailed, (state, { id, error }) =>
      id === state.dashboardId ? { ...state, dashboard: failed(state.dashboard, error) } : state,
    ),
  ),
  extraSelectors: ({ selectWindows }) => ({
    /** What needs looking at first: running windows, then requests, then the rest. */
    selectSorted: createSelector(selectWindows, (windows) =>
      [...(windows.data ?? [])].sort(
        (a, b) => assuranceRank(a) - assuranceRank(b) || Date.parse(a.start) - Date.parse(b.start),
      ),
    ),
    /** Requests waiting for the NOC's decision, oldest request first. */
    selectPending: createSelector(selectWindows, (windows) =>
      (windows.data ?? [])
        .filter((w) => w.status === 'requested')
        .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt)),
    ),
  }),
});
