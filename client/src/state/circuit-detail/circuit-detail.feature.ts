import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { AlarmPageDto } from '../../generated/models/alarm-page-dto';
import type { CircuitAvailabilityDto } from '../../generated/models/circuit-availability-dto';
import type { CircuitDetailDto } from '../../generated/models/circuit-detail-dto';
import type { CircuitTopologyDto } from '../../generated/models/circuit-topology-dto';
import type { MaintenanceWindowPageDto } from '../../generated/models/maintenance-window-page-dto';
import type { PerformanceSeriesDto } from '../../generated/models/performance-series-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { type Loadable, failed, idle, loaded, loading } from '../shared/loadable.model';
import { type TimeRange, lastHours, monthToDate } from '../shared/time-range.model';
import { CircuitDetailApiActions, type CircuitDetailPart } from './circuit-detail-api.actions';
import { CircuitDetailPageActions } from './circuit-detail-page.actions';
import { summarise } from './performance.model';

export interface CircuitDetailState {
  open: boolean;
  circuitId: string | null;
  /** The parts this page reads (every part, or the route only for a job sheet). */
  parts: readonly CircuitDetailPart[];
  detail: Loadable<CircuitDetailDto>;
  /** The route with live state and the located fault (GET /circuits/{id}/topology). */
  topology: Loadable<CircuitTopologyDto>;
  performanceRange: TimeRange;
  performance: Loadable<PerformanceSeriesDto>;
  availabilityRange: TimeRange;
  availability: Loadable<CircuitAvailabilityDto>;
  alarms: Loadable<AlarmPageDto>;
  maintenance: Loadable<MaintenanceWindowPageDto>;
}

export const CIRCUIT_DETAIL_PARTS: readonly CircuitDetailPart[] = [
  'detail',
  'topology',
  'performance',
  'availability',
  'alarms',
  'maintenance',
];

export const initialCircuitDetailState: CircuitDetailState = {
  open: false,
  circuitId: null,
  parts: CIRCUIT_DETAIL_PARTS,
  detail: idle(),
  topology: idle(),
  performanceRange: lastHours(24, new Date(0)),
  performance: idle(),
  availabilityRange: monthToDate(new Date(0)),
  availability: idle(),
  alarms: idle(),
  maintenance: idle(),
};

function loadingAll(state: CircuitDetailState): CircuitDetailState {
  const next = { ...state };
  for (const part of state.parts) {
    (next[part] as Loadable<unknown>) = loading<unknown>(state[part]);
  }
  return next;
}

export const circuitDetailFeature = createFeature({
  name: 'circuitDetail',
  reducer: createReducer(
    initialCircuitDetailState,
    on(CircuitDetailPageActions.opened, (state, { circuitId, parts }): CircuitDetailState => {
      const wanted = parts ?? CIRCUIT_DETAIL_PARTS;
      const same =
        state.circuitId === circuitId &&
        state.parts.length === wanted.length &&
        wanted.every((p) => state.parts.includes(p));
      const base: CircuitDetailState = same
        ? state
        : {
            ...initialCircuitDetailState,
            performanceRange: lastHours(24),
            availabilityRange: monthToDate(),
          };
      return loadingAll({ ...base, open: true, circuitId, parts: [...wanted] });
    }),
    on(CircuitDetailPageActions.closed, (state): CircuitDetailState => ({ ...state, open: false })),
    on(CircuitDetailPageActions.refreshRequested, LiveEventsActions.resync, (state) =>
      state.open ? loadingAll(state) : state,
    ),
    on(
      CircuitDetailPageActions.performanceRangeChanged,
      (state, { range }): CircuitDetailState => ({
        ...state,
        performanceRange: range,
        performance: loading(state.performance),
      }),
    ),
    on(
      CircuitDetailPageActions.availabilityRangeChanged,
      (state, { range }): CircuitDetailState => ({
        ...state,
        availabilityRange: range,
        availability: loading(state.availability),
      }),
    ),
    on(CircuitDetailApiActions.detailLoaded, (state, { circuitId, detail }) =>
      circuitId === state.circuitId ? { ...state, detail: loaded(detail) } : state,
    ),
    on(CircuitDetailApiActions.topologyLoaded, (state, { circuitId, topology }) =>
      circuitId === state.circuitId ? { ...state, topology: loaded(topology) } : state,
    ),
    on(CircuitDetailApiActions.performanceLoaded, (state, { circuitId, series }) =>
      circuitId === state.circuitId ? { ...state, performance: loaded(series) } : state,
    ),
    on(CircuitDetailApiActions.availabilityLoaded, (state, { circuitId, availability }) =>
      circuitId === state.circuitId ? { ...state, availability: loaded(availability) } : state,
    ),
    on(CircuitDetailApiActions.alarmsLoaded, (state, { circuitId, alarms }) =>
      circuitId === state.circuitId ? { ...state, alarms: loaded(alarms) } : state,
    ),
    on(CircuitDetailApiActions.maintenanceLoaded, (state, { circuitId, maintenance }) =>
      circuitId === state.circuitId ? { ...state, maintenance: loaded(maintenance) } : state,
    ),
    on(CircuitDetailApiActions.loadFailed, (state, { circuitId, part, error }) =>
      circuitId === state.circuitId
        ? { ...state, [part]: failed<unknown>(state[part], error) }
        : state,
    ),
  ),
  extraSelectors: ({ selectTopology, selectPerformance, selectDetail }) => ({
    selectFault: createSelector(selectTopology, (t) => t.data?.fault ?? null),
    /** Live status from the route (the stored state lags by up to a few seconds). */
    selectLiveStatus: createSelector(
      selectTopology,
      selectDetail,
      (t, d) => t.data?.status ?? d.data?.state ?? null,
    ),
    selectPerformanceSummary: createSelector(selectPerformance, (p) =>
      p.data ? summarise(p.data.points, p.data.bandwidthBps) : null,
    ),
  }),
});
