import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { catchError, filter, map, of, switchMap } from 'rxjs';

import { ReportsService } from '../../generated/services/reports.service';
import { failureOf } from '../shared/loadable.model';
import { StatisticsApiActions } from './statistics-api.actions';
import { StatisticsPageActions } from './statistics-page.actions';
import { statisticsFeature } from './statistics.feature';

/** Reads the figures for the customer and period on screen; a newer choice cancels an older read. */
export const loadStatistics = createEffect(
  (actions$ = inject(Actions), store = inject(Store), reports = inject(ReportsService)) =>
    actions$.pipe(
      ofType(
        StatisticsPageActions.opened,
        StatisticsPageActions.rangeChanged,
        StatisticsPageActions.customerChanged,
      ),
      concatLatestFrom(() => store.select(statisticsFeature.selectStatisticsState)),
      filter(([, s]) => s.open && s.range !== null),
      switchMap(([, { customerId, range }]) => {
        const r = range!;
        return reports
          .statisticsGet({ from: r.from, to: r.to, ...(customerId ? { customerId } : {}) })
          .pipe(
            map((statistics) => StatisticsApiActions.loaded({ customerId, range: r, statistics })),
            catchError((e: unknown) =>
              of(StatisticsApiActions.failed({ customerId, range: r, error: failureOf(e) })),
            ),
          );
      }),
    ),
  { functional: true },
);

export const statisticsEffects = { loadStatistics };
