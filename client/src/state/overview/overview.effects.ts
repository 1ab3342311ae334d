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

import { AvailabilityService } from '../../generated/services/availability.service';
import { TopologyService } from '../../generated/services/topology.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { monthToDate } from '../shared/time-range.model';
import { OverviewApiActions, type OverviewPart } from './overview-api.actions';
import { OverviewPageActions } from './overview-page.actions';
import { overviewFeature } from './overview.feature';

/** How many of the worst circuits the overview lists. */
export const WORST_CIRCUITS = 10;
/** Changes arrive in bursts (a PE failing raises dozens of alarms): read once per burst. */
export const LIVE_REFRESH_DEBOUNCE_MS = 1500;

type Parts = readonly OverviewPart[];

function loadParts(
  customerId: string | null,
  parts: Parts,
  topology: TopologyService,
  availability: AvailabilityService,
): Observable<ReturnType<(typeof OverviewApiActions)[keyof typeof OverviewApiActions]>> {
  const scope = customerId === null ? {} : { customerId };
  const fail = (part: OverviewPart) => (e: unknown) =>
    of(OverviewApiActions.loadFailed({ customerId, part, error: failureOf(e) }));
  const reads = {
    summary: () =>
      topology
        .topologyCustomer({
          ...scope,
          format: 'circuit-rows',
          sort: 'status',
          pageSize: WORST_CIRCUITS,
        })
        .pipe(
          map((t) => OverviewApiActions.summaryLoaded({ customerId, topology: t })),
          catchError(fail('summary')),
        ),
    faults: () =>
      topology.topologyFaults({ ...scope, pageSize: 20 }).pipe(
        map((f) => OverviewApiActions.faultsLoaded({ customerId, faults: f })),
        catchError(fail('faults')),
      ),
    availability: () =>
      availability
        .availabilityCustomer({ ...scope, ...monthToDate(), pageSize: 5, sort: 'availability' })
        .pipe(
          map((a) => OverviewApiActions.availabilityLoaded({ customerId, availability: a })),
          catchError(fail('availability')),
        ),
    structure: () =>
      topology.topologyCustomer({ ...scope, format: 'structure' }).pipe(
        map((t) => OverviewApiActions.structureLoaded({ customerId, topology: t })),
        catchError(fail('structure')),
      ),
  } satisfies Record<OverviewPart, () => Observable<unknown>>;
  return merge(...parts.map((p) => reads[p]()));
}

const ALL: Parts = ['summary', 'faults', 'availability', 'structure'];
/** What a change of live state can move (availability is re-read on request). */
const LIVE: Parts = ['summary', 'faults', 'structure'];

export const loadOverview = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    topology = inject(TopologyService),
    availability = inject(AvailabilityService),
  ) =>
    merge(
      actions$.pipe(
        ofType(OverviewPageActions.opened),
        map(({ customerId }) => ({ customerId, parts: ALL })),
      ),
      actions$.pipe(
        ofType(OverviewPageActions.refreshRequested, LiveEventsActions.resync),
        concatLatestFrom(() => store.select(overviewFeature.selectOverviewState)),
        filter(([, s]) => s.open),
        map(([, s]) => ({ customerId: s.customerId, parts: ALL })),
      ),
    ).pipe(
      switchMap(({ customerId, parts }) => loadParts(customerId, parts, topology, availability)),
    ),
  { functional: true },
);

/** Circuit states and alarms changed: the counts, faults and map are read again. */
export const liveOverview = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    topology = inject(TopologyService),
    availability = inject(AvailabilityService),
  ) =>
    actions$.pipe(
      ofType(LiveEventsActions.changeReceived),
      ofChangeKind('circuit', 'alarm'),
      debounceTime(LIVE_REFRESH_DEBOUNCE_MS),
      concatLatestFrom(() => store.select(overviewFeature.selectOverviewState)),
      filter(([, s]) => s.open),
      mergeMap(([, s]) => loadParts(s.customerId, LIVE, topology, availability)),
    ),
  { functional: true },
);

export const overviewEffects = { loadOverview, liveOverview };
