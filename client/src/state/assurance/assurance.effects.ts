import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import {
  EMPTY,
  type Observable,
  catchError,
  debounceTime,
  exhaustMap,
  map,
  merge,
  mergeMap,
  of,
  switchMap,
  timer,
} from 'rxjs';

import type { AssuranceWindowDto } from '../../generated/models/assurance-window-dto';
import type { DecideAssuranceDto } from '../../generated/models/decide-assurance-dto';
import { AssuranceService } from '../../generated/services/assurance.service';
import { CircuitsService } from '../../generated/services/circuits.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { AssuranceApiActions } from './assurance-api.actions';
import { AssurancePageActions } from './assurance-page.actions';

export const ASSURANCE_CIRCUIT_SEARCH_DEBOUNCE_MS = 250;
/**
 * Utilisation comes from polls, which send no event: the dashboard is read again this
 * often (an assured device is polled every 10 s by default) …
 */
export const ASSURANCE_DASHBOARD_POLL_MS = 15_000;
/** … and a moment after a burst of alarm or circuit changes, which the event stream tells. */
export const ASSURANCE_DASHBOARD_LIVE_DEBOUNCE_MS = 1_500;

export const loadAssuranceWindows = createEffect(
  (actions$ = inject(Actions), assurance = inject(AssuranceService)) =>
    actions$.pipe(
      ofType(AssurancePageActions.opened),
      switchMap(({ customerId }) =>
        assurance.assuranceList({ pageSize: 100, ...(customerId ? { customerId } : {}) }).pipe(
          map((page) => AssuranceApiActions.listed({ customerId, page })),
          catchError((e: unknown) =>
            of(AssuranceApiActions.listFailed({ customerId, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** The request form's circuit picker: the customer's circuits matching the words typed. */
export const searchAssuranceCircuits = createEffect(
  (actions$ = inject(Actions), circuits = inject(CircuitsService)) =>
    actions$.pipe(
      ofType(AssurancePageActions.circuitsSearched),
      debounceTime(ASSURANCE_CIRCUIT_SEARCH_DEBOUNCE_MS),
      switchMap(({ customerId, q }) =>
        circuits
          .circuitsList({
            customerId,
            ...(q.trim() ? { q: q.trim() } : {}),
            pageSize: 50,
            sort: 'name',
          })
          .pipe(
            map((page) => AssuranceApiActions.circuitsFound({ q, circuits: page.items })),
            catchError((e: unknown) =>
              of(AssuranceApiActions.circuitsFailed({ q, error: failureOf(e) })),
            ),
          ),
      ),
    ),
  { functional: true },
);

/** One request at a time: a double click must not ask twice. */
export const requestAssuranceWindow = createEffect(
  (actions$ = inject(Actions), assurance = inject(AssuranceService)) =>
    actions$.pipe(
      ofType(AssurancePageActions.requestSubmitted),
      exhaustMap(({ request }) =>
        assurance.assuranceRequest({ body: request }).pipe(
          map((window) => AssuranceApiActions.requested({ window })),
          catchError((e: unknown) =>
            of(AssuranceApiActions.requestFailed({ error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Decisions on different windows go out side by side; the API's state machine arbitrates. */
export const decideAssuranceWindow = createEffect(
  (actions$ = inject(Actions), assurance = inject(AssuranceService)) =>
    actions$.pipe(
      ofType(AssurancePageActions.decisionRequested),
      mergeMap(({ id, decision, note, pollIntervalSec }) => {
        const body: DecideAssuranceDto = {
          ...(note?.trim() ? { note: note.trim() } : {}),
          ...(pollIntervalSec !== undefined ? { pollIntervalSec } : {}),
        };
        let call: Observable<AssuranceWindowDto>;
        switch (decision) {
          case 'approve':
            call = assurance.assuranceApprove({ id, body });
            break;
          case 'reject':
            call = assurance.assuranceReject({ id, body });
            break;
          case 'cancel':
            call = assurance.assuranceCancel({ id, body });
            break;
        }
        return call.pipe(
          map((window) => AssuranceApiActions.decided({ window })),
          catchError((e: unknown) =>
            of(AssuranceApiActions.decisionFailed({ id, error: failureOf(e) })),
          ),
        );
      }),
    ),
  { functional: true },
);

/**
 * The dashboard shown is read at once, every ASSURANCE_DASHBOARD_POLL_MS, shortly after
 * alarm or circuit changes and after a resync, until it is closed. A read still on its
 * way is not doubled by the next tick.
 */
export const followAssuranceDashboard = createEffect(
  (actions$ = inject(Actions), assurance = inject(AssuranceService)) =>
    actions$.pipe(
      ofType(AssurancePageActions.dashboardOpened, AssurancePageActions.dashboardClosed),
      switchMap((action) => {
        if (action.type === AssurancePageActions.dashboardClosed.type) return EMPTY;
        const { id } = action;
        return merge(
          timer(0, ASSURANCE_DASHBOARD_POLL_MS),
          actions$.pipe(
            ofType(LiveEventsActions.changeReceived),
            ofChangeKind('alarm', 'circuit', 'ticket'),
            debounceTime(ASSURANCE_DASHBOARD_LIVE_DEBOUNCE_MS),
          ),
          actions$.pipe(ofType(LiveEventsActions.resync)),
        ).pipe(
          exhaustMap(() =>
            assurance.assuranceDashboard({ id }).pipe(
              map((dashboard) => AssuranceApiActions.dashboardLoaded({ id, dashboard })),
              catchError((e: unknown) =>
                of(AssuranceApiActions.dashboardFailed({ id, error: failureOf(e) })),
              ),
            ),
          ),
        );
      }),
    ),
  { functional: true },
);

export const assuranceEffects = {
  loadAssuranceWindows,
  searchAssuranceCircuits,
  requestAssuranceWindow,
  decideAssuranceWindow,
  followAssuranceDashboard,
};
