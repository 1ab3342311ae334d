import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  catchError,
  debounceTime,
  exhaustMap,
  filter,
  from,
  map,
  mergeMap,
  of,
  switchMap,
} from 'rxjs';

import { CircuitsService } from '../../generated/services/circuits.service';
import { EmergencyPlansService } from '../../generated/services/emergency-plans.service';
import { failureOf } from '../shared/loadable.model';
import { EmergencyPlanPanelActions } from './emergency-plan-panel.actions';
import { EmergencyPlansApiActions } from './emergency-plans-api.actions';
import { EmergencyPlansPageActions } from './emergency-plans-page.actions';
import { emergencyPlansFeature } from './emergency-plans.feature';

/** A customer has a handful of plans; the API's largest page holds them all. */
export const PLAN_LIST_PAGE = 500;
export const PLAN_CIRCUIT_SEARCH_DEBOUNCE_MS = 250;
const CIRCUIT_SEARCH_PAGE = 20;

export const loadEmergencyPlans = createEffect(
  (actions$ = inject(Actions), plans = inject(EmergencyPlansService)) =>
    actions$.pipe(
      ofType(EmergencyPlansPageActions.opened),
      switchMap(({ customerId }) =>
        plans
          .emergencyPlansList({
            pageSize: PLAN_LIST_PAGE,
            ...(customerId === null ? {} : { customerId }),
          })
          .pipe(
            map((page) => EmergencyPlansApiActions.listLoaded({ customerId, plans: page.items })),
            catchError((e: unknown) =>
              of(EmergencyPlansApiActions.listFailed({ customerId, error: failureOf(e) })),
            ),
          ),
      ),
    ),
  { functional: true },
);

export const loadEmergencyPlanVersions = createEffect(
  (actions$ = inject(Actions), plans = inject(EmergencyPlansService)) =>
    actions$.pipe(
      ofType(EmergencyPlansPageActions.planSelected),
      switchMap(({ planId }) =>
        planId === null
          ? of()
          : plans.emergencyPlansVersions({ id: planId }).pipe(
              map((versions) => EmergencyPlansApiActions.versionsLoaded({ planId, versions })),
              catchError((e: unknown) =>
                of(EmergencyPlansApiActions.versionsFailed({ planId, error: failureOf(e) })),
              ),
            ),
      ),
    ),
  { functional: true },
);

/** One write at a time: a double click must not write two versions. */
export const saveEmergencyPlan = createEffect(
  (actions$ = inject(Actions), plans = inject(EmergencyPlansService)) =>
    actions$.pipe(
      ofType(EmergencyPlansPageActions.createRequested, EmergencyPlansPageActions.updateRequested),
      exhaustMap((action) => {
        const write =
          action.type === EmergencyPlansPageActions.createRequested.type
            ? plans
                .emergencyPlansCreate({ body: action.plan })
                .pipe(map((plan) => EmergencyPlansApiActions.saved({ plan, created: true })))
            : plans
                .emergencyPlansUpdate({
                  id: action.planId,
                  body: { ...action.plan, version: action.version },
                })
                .pipe(map((plan) => EmergencyPlansApiActions.saved({ plan, created: false })));
        return write.pipe(
          catchError((e: unknown) =>
            of(EmergencyPlansApiActions.saveFailed({ error: failureOf(e) })),
          ),
        );
      }),
    ),
  { functional: true },
);

/** The circuits a plan can name: the circuit search of the portal, narrowed to the customer. */
export const searchPlanCircuits = createEffect(
  (actions$ = inject(Actions), store = inject(Store), circuits = inject(CircuitsService)) =>
    actions$.pipe(
      ofType(EmergencyPlansPageActions.circuitSearched),
      debounceTime(PLAN_CIRCUIT_SEARCH_DEBOUNCE_MS),
      concatLatestFrom(() => store.select(emergencyPlansFeature.selectCustomerId)),
      switchMap(([{ q }, customerId]) =>
        circuits
          .circuitsList({
            ...(q.trim() ? { q: q.trim() } : {}),
            ...(customerId ? { customerId } : {}),
            pageSize: CIRCUIT_SEARCH_PAGE,
            sort: 'name',
          })
          .pipe(
            map((page) => EmergencyPlansApiActions.circuitsFound({ q, circuits: page.items })),
            catchError((e: unknown) =>
              of(EmergencyPlansApiActions.circuitsFailed({ q, error: failureOf(e) })),
            ),
          ),
      ),
    ),
  { functional: true },
);

export const loadCircuitPlans = createEffect(
  (actions$ = inject(Actions), plans = inject(EmergencyPlansService)) =>
    actions$.pipe(
      ofType(EmergencyPlanPanelActions.opened),
      mergeMap(({ circuitIds }) => from([...new Set(circuitIds)])),
      filter((id) => id.length > 0),
      mergeMap((circuitId) =>
        plans.emergencyPlansForCircuit({ id: circuitId }).pipe(
          map((list) => EmergencyPlansApiActions.circuitPlansLoaded({ circuitId, plans: list })),
          catchError((e: unknown) =>
            of(EmergencyPlansApiActions.circuitPlansFailed({ circuitId, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const emergencyPlansEffects = {
  loadEmergencyPlans,
  loadEmergencyPlanVersions,
  saveEmergencyPlan,
  searchPlanCircuits,
  loadCircuitPlans,
};
