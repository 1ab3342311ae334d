import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { catchError, debounceTime, filter, map, merge, of, switchMap } from 'rxjs';

import { TopologyService } from '../../generated/services/topology.service';
import { authFeature } from '../auth/auth.feature';
import { capabilitiesOf } from '../auth/roles.model';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { customerTopologyFeature } from './customer-topology.feature';
import { TopologyApiActions } from './topology-api.actions';
import { TopologyPageActions } from './topology-page.actions';

/** The picture is 370 kB: after a burst of changes it is read once, a moment later. */
export const LIVE_TOPOLOGY_DEBOUNCE_MS = 3000;

export const loadPicture = createEffect(
  (actions$ = inject(Actions), store = inject(Store), topology = inject(TopologyService)) =>
    merge(
      actions$.pipe(ofType(TopologyPageActions.opened)),
      actions$.pipe(
        ofType(LiveEventsActions.changeReceived),
        ofChangeKind('circuit', 'alarm'),
        debounceTime(LIVE_TOPOLOGY_DEBOUNCE_MS),
      ),
      actions$.pipe(ofType(LiveEventsActions.resync)),
    ).pipe(
      concatLatestFrom(() => store.select(customerTopologyFeature.selectCustomerTopologyState)),
      filter(([, state]) => state.open),
      switchMap(([, { customerId }]) =>
        topology
          .topologyCustomer({ ...(customerId ? { customerId } : {}), format: 'cytoscape' })
          .pipe(
            map((t) => TopologyApiActions.pictureLoaded({ customerId, topology: t })),
            catchError((e: unknown) =>
              of(TopologyApiActions.pictureFailed({ customerId, error: failureOf(e) })),
            ),
          ),
      ),
    ),
  { functional: true },
);

/** Operator staff: what else the selected element carries (GET /elements/{id}/impact). */
export const loadImpact = createEffect(
  (actions$ = inject(Actions), store = inject(Store), topology = inject(TopologyService)) =>
    actions$.pipe(
      ofType(TopologyPageActions.elementSelected),
      concatLatestFrom(() => store.select(authFeature.selectRole)),
      filter(([{ elementId }, role]) => elementId !== null && capabilitiesOf(role).seeImpact),
      switchMap(([{ elementId }]) => {
        const id = elementId ?? '';
        return topology.topologyElementImpact({ id, pageSize: 50 }).pipe(
          map((impact) => TopologyApiActions.impactLoaded({ elementId: id, impact })),
          catchError((e: unknown) =>
            of(TopologyApiActions.impactFailed({ elementId: id, error: failureOf(e) })),
          ),
        );
      }),
    ),
  { functional: true },
);

export const customerTopologyEffects = { loadPicture, loadImpact };
