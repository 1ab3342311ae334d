import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  type Observable,
  catchError,
  expand,
  EMPTY,
  map,
  merge,
  mergeMap,
  of,
  reduce,
  switchMap,
} from 'rxjs';

import type { UserDto } from '../../generated/models/user-dto';
import { AvailabilityService } from '../../generated/services/availability.service';
import { CircuitsService } from '../../generated/services/circuits.service';
import { TopologyService } from '../../generated/services/topology.service';
import { authFeature } from '../auth/auth.feature';
import { failureOf } from '../shared/loadable.model';
import { monthToDate } from '../shared/time-range.model';
import { CustomersApiActions } from './customers-api.actions';
import { CustomersPageActions } from './customers-page.actions';

const SCAN_PAGE = 500;

/**
 * The customers the caller works on. Customer users: their own; account managers: their
 * assigned ones; operator staff: every customer that has circuits, read from the circuit
 * list (the API has no customer list yet — see docs/web.md).
 */
export function customerIdsOf(
  user: UserDto | null,
  circuits: CircuitsService,
): Observable<string[]> {
  if (!user) return of([]);
  if (user.role === 'account-manager') return of([...user.assignedCustomerIds]);
  if (user.customerId) return of([user.customerId]);
  if (user.role !== 'noc-operator' && user.role !== 'platform-admin') return of([]);
  const read = (page: number) =>
    circuits
      .circuitsList({ page, pageSize: SCAN_PAGE, sort: 'customerId' })
      .pipe(map((p) => ({ page, p })));
  return read(1).pipe(
    expand(({ page, p }) => (page * SCAN_PAGE < p.total ? read(page + 1) : EMPTY)),
    reduce((ids, { p }) => {
      for (const c of p.items) ids.add(c.customerId);
      return ids;
    }, new Set<string>()),
    map((ids) => [...ids].sort()),
  );
}

export const loadCustomerIds = createEffect(
  (actions$ = inject(Actions), store = inject(Store), circuits = inject(CircuitsService)) =>
    actions$.pipe(
      ofType(CustomersPageActions.opened, CustomersPageActions.refreshRequested),
      concatLatestFrom(() => store.select(authFeature.selectUser)),
      switchMap(([, user]) =>
        customerIdsOf(user, circuits).pipe(
          map((customerIds) => CustomersApiActions.idsLoaded({ customerIds })),
          catchError((e: unknown) => of(CustomersApiActions.idsFailed({ error: failureOf(e) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadCustomerHealth = createEffect(
  (
    actions$ = inject(Actions),
    topology = inject(TopologyService),
    availability = inject(AvailabilityService),
  ) =>
    actions$.pipe(
      ofType(CustomersApiActions.idsLoaded),
      switchMap(({ customerIds }) =>
        of(...customerIds).pipe(
          mergeMap(
            (customerId) =>
              merge(
                topology
                  .topologyCustomer({
                    customerId,
                    format: 'circuit-rows',
                    sort: 'status',
                    pageSize: 5,
                  })
                  .pipe(map((t) => CustomersApiActions.healthLoaded({ customerId, topology: t }))),
                availability
                  .availabilityCustomer({ customerId, ...monthToDate(), pageSize: 1 })
                  .pipe(
                    map((a) =>
                      CustomersApiActions.availabilityLoaded({ customerId, availability: a }),
                    ),
                  ),
              ).pipe(
                catchError((e: unknown) =>
                  of(CustomersApiActions.customerFailed({ customerId, error: failureOf(e) })),
                ),
              ),
            3,
          ),
        ),
      ),
    ),
  { functional: true },
);

export const customersEffects = { loadCustomerIds, loadCustomerHealth };
