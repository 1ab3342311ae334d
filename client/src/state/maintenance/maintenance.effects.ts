import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { EMPTY, catchError, exhaustMap, map, merge, mergeMap, of, switchMap } from 'rxjs';

import type { MaintenanceWindowDto } from '../../generated/models/maintenance-window-dto';
import { AnnouncementsService } from '../../generated/services/announcements.service';
import { MaintenanceService } from '../../generated/services/maintenance.service';
import { TopologyService } from '../../generated/services/topology.service';
import { failureOf } from '../shared/loadable.model';
import { MaintenanceApiActions } from './maintenance-api.actions';
import { MaintenancePageActions } from './maintenance-page.actions';

/** The windows (latest start first) and which of them were announced already. */
export const loadMaintenanceWindows = createEffect(
  (
    actions$ = inject(Actions),
    maintenance = inject(MaintenanceService),
    announcements = inject(AnnouncementsService),
  ) =>
    actions$.pipe(
      ofType(MaintenancePageActions.opened),
      switchMap(() =>
        merge(
          maintenance.maintenanceList({ pageSize: 100, sort: '-start' }).pipe(
            map((page) => MaintenanceApiActions.listed({ page })),
            catchError((e: unknown) =>
              of(MaintenanceApiActions.listFailed({ error: failureOf(e) })),
            ),
          ),
          announcements.announcementsList({ all: 'true', pageSize: 500 }).pipe(
            map((page) =>
              MaintenanceApiActions.announcementsListed({
                announcements: page.items.filter((a) => a.kind === 'maintenance'),
              }),
            ),
            // Without it the page still works: announcing again returns the same announcement.
            catchError(() => EMPTY),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** The elements on a customer's circuits (its topology's structure), for the picker. */
export const loadMaintenanceElements = createEffect(
  (actions$ = inject(Actions), topology = inject(TopologyService)) =>
    actions$.pipe(
      ofType(MaintenancePageActions.elementsRequested),
      switchMap(({ customerId }) =>
        topology.topologyCustomer({ customerId, format: 'structure' }).pipe(
          map((t) =>
            MaintenanceApiActions.elementsLoaded({
              customerId,
              elements: t.structure?.elements ?? [],
            }),
          ),
          catchError((e: unknown) =>
            of(MaintenanceApiActions.elementsFailed({ customerId, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Every circuit and customer an element carries, across customers (operator staff). */
export const loadElementImpact = createEffect(
  (actions$ = inject(Actions), topology = inject(TopologyService)) =>
    actions$.pipe(
      ofType(MaintenancePageActions.impactRequested),
      mergeMap(({ elementId }) =>
        topology.topologyElementImpact({ id: elementId, pageSize: 1 }).pipe(
          map((impact) => MaintenanceApiActions.impactLoaded({ elementId, impact })),
          catchError((e: unknown) =>
            of(MaintenanceApiActions.impactFailed({ elementId, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** One plan at a time: a double click must not plan the work twice. */
export const planMaintenance = createEffect(
  (actions$ = inject(Actions), maintenance = inject(MaintenanceService)) =>
    actions$.pipe(
      ofType(MaintenancePageActions.planSubmitted),
      exhaustMap(({ window }) =>
        maintenance.maintenanceCreate({ body: window }).pipe(
          map((w) => MaintenanceApiActions.planned({ window: w })),
          catchError((e: unknown) => of(MaintenanceApiActions.planFailed({ error: failureOf(e) }))),
        ),
      ),
    ),
  { functional: true },
);

export const actOnMaintenance = createEffect(
  (
    actions$ = inject(Actions),
    maintenance = inject(MaintenanceService),
    announcements = inject(AnnouncementsService),
  ) =>
    actions$.pipe(
      ofType(MaintenancePageActions.actionRequested),
      mergeMap(({ id, action }) => {
        const failedWith = (e: unknown) =>
          of(MaintenanceApiActions.actionFailed({ id, error: failureOf(e) }));
        if (action === 'announce') {
          return announcements.announcementsAnnounce({ id }).pipe(
            map((announcement) => MaintenanceApiActions.announced({ windowId: id, announcement })),
            catchError(failedWith),
          );
        }
        const transitioned = (w: MaintenanceWindowDto) =>
          MaintenanceApiActions.transitioned({ window: w });
        switch (action) {
          case 'approve':
            return maintenance
              .maintenanceApprove({ id })
              .pipe(map(transitioned), catchError(failedWith));
          case 'cancel':
            return maintenance
              .maintenanceCancel({ id })
              .pipe(map(transitioned), catchError(failedWith));
          case 'complete':
            return maintenance
              .maintenanceComplete({ id })
              .pipe(map(transitioned), catchError(failedWith));
        }
      }),
    ),
  { functional: true },
);

export const maintenanceEffects = {
  loadMaintenanceWindows,
  loadMaintenanceElements,
  loadElementImpact,
  planMaintenance,
  actOnMaintenance,
};
