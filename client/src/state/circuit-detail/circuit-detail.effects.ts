import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  type Observable,
  catchError,
  debounceTime,
  filter,
  map,
  merge,
  mergeMap,
  of,
  switchMap,
} from 'rxjs';

import { AlarmsService } from '../../generated/services/alarms.service';
import { AvailabilityService } from '../../generated/services/availability.service';
import { CircuitsService } from '../../generated/services/circuits.service';
import { MaintenanceService } from '../../generated/services/maintenance.service';
import { TopologyService } from '../../generated/services/topology.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { failureOf } from '../shared/loadable.model';
import { CircuitDetailApiActions, type CircuitDetailPart } from './circuit-detail-api.actions';
import { CircuitDetailPageActions } from './circuit-detail-page.actions';
import { type CircuitDetailState, circuitDetailFeature } from './circuit-detail.feature';

type Result = ReturnType<(typeof CircuitDetailApiActions)[keyof typeof CircuitDetailApiActions]>;

/** A burst of changes settles this long before the circuit's parts are read once. */
export const LIVE_DETAIL_WINDOW_MS = 1000;

function reader() {
  const circuits = inject(CircuitsService);
  const topology = inject(TopologyService);
  const availability = inject(AvailabilityService);
  const alarms = inject(AlarmsService);
  const maintenance = inject(MaintenanceService);
  return (state: CircuitDetailState, part: CircuitDetailPart): Observable<Result> => {
    const circuitId = state.circuitId ?? '';
    const fail = (e: unknown) =>
      of(CircuitDetailApiActions.loadFailed({ circuitId, part, error: failureOf(e) }));
    const read = (): Observable<Result> => {
      switch (part) {
        case 'detail':
          return circuits
            .circuitsDetail({ id: circuitId })
            .pipe(map((detail) => CircuitDetailApiActions.detailLoaded({ circuitId, detail })));
        case 'topology':
          return topology
            .topologyCircuit({ id: circuitId })
            .pipe(map((t) => CircuitDetailApiActions.topologyLoaded({ circuitId, topology: t })));
        case 'performance':
          return circuits
            .performanceSeries({ id: circuitId, ...state.performanceRange })
            .pipe(
              map((series) => CircuitDetailApiActions.performanceLoaded({ circuitId, series })),
            );
        case 'availability':
          return availability
            .availabilityCircuit({ id: circuitId, ...state.availabilityRange })
            .pipe(
              map((a) =>
                CircuitDetailApiActions.availabilityLoaded({ circuitId, availability: a }),
              ),
            );
        case 'alarms':
          return alarms
            .alarmsList({ circuitId, pageSize: 50, sort: '-alarmRaisedTime' })
            .pipe(map((page) => CircuitDetailApiActions.alarmsLoaded({ circuitId, alarms: page })));
        case 'maintenance':
          return maintenance
            .maintenanceList({ circuitId, pageSize: 20 })
            .pipe(
              map((page) =>
                CircuitDetailApiActions.maintenanceLoaded({ circuitId, maintenance: page }),
              ),
            );
      }
    };
    return read().pipe(catchError(fail));
  };
}

export const loadCircuitDetail = createEffect(
  (actions$ = inject(Actions), store = inject(Store), read = reader()) =>
    actions$.pipe(
      ofType(
        CircuitDetailPageActions.opened,
        CircuitDetailPageActions.refreshRequested,
        LiveEventsActions.resync,
      ),
      concatLatestFrom(() => store.select(circuitDetailFeature.selectCircuitDetailState)),
      filter(([, state]) => state.open && state.circuitId !== null),
      switchMap(([, state]) => merge(...state.parts.map((part) => read(state, part)))),
    ),
  { functional: true },
);

export const loadPerformance = createEffect(
  (actions$ = inject(Actions), store = inject(Store), read = reader()) =>
    actions$.pipe(
      ofType(CircuitDetailPageActions.performanceRangeChanged),
      concatLatestFrom(() => store.select(circuitDetailFeature.selectCircuitDetailState)),
      filter(([, state]) => state.parts.includes('performance')),
      switchMap(([, state]) => read(state, 'performance')),
    ),
  { functional: true },
);

export const loadAvailability = createEffect(
  (actions$ = inject(Actions), store = inject(Store), read = reader()) =>
    actions$.pipe(
      ofType(CircuitDetailPageActions.availabilityRangeChanged),
      concatLatestFrom(() => store.select(circuitDetailFeature.selectCircuitDetailState)),
      filter(([, state]) => state.parts.includes('availability')),
      switchMap(([, state]) => read(state, 'availability')),
    ),
  { functional: true },
);

interface AlarmEventData {
  circuitIds?: string[];
}

/**
 * The circuit's own state changed, or an alarm touching it: its route, fault, state and
 * alarms are read again (once per burst).
 */
export const liveCircuitDetail = createEffect(
  (actions$ = inject(Actions), store = inject(Store), read = reader()) =>
    actions$.pipe(
      ofType(LiveEventsActions.changeReceived),
      concatLatestFrom(() => store.select(circuitDetailFeature.selectCircuitDetailState)),
      filter(([{ message }, state]) => {
        if (!state.open || !state.circuitId) return false;
        if (message.kind === 'circuit') return message.id === state.circuitId;
        if (message.kind === 'alarm') {
          return ((message.data as AlarmEventData).circuitIds ?? []).includes(state.circuitId);
        }
        return false;
      }),
      debounceTime(LIVE_DETAIL_WINDOW_MS),
      concatLatestFrom(() => store.select(circuitDetailFeature.selectCircuitDetailState)),
      mergeMap(([, state]) =>
        merge(
          ...(['detail', 'topology', 'alarms'] as const)
            .filter((p) => state.parts.includes(p))
            .map((p) => read(state, p)),
        ),
      ),
    ),
  { functional: true },
);

export const circuitDetailEffects = {
  loadCircuitDetail,
  loadPerformance,
  loadAvailability,
  liveCircuitDetail,
};
