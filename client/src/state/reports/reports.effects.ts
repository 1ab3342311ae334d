import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  type Observable,
  catchError,
  filter,
  map,
  merge,
  mergeMap,
  of,
  retry,
  switchMap,
  throwError,
  timer,
} from 'rxjs';

import type { ReportScheduleDto } from '../../generated/models/report-schedule-dto';
import { ReportsService } from '../../generated/services/reports.service';
import { failureOf } from '../shared/loadable.model';
import { ReportsApiActions } from './reports-api.actions';
import { ReportsPageActions } from './reports-page.actions';
import { isRunning, reportsFeature } from './reports.feature';

/** How often a running job is read again: bull reports progress per stage, a second is plenty. */
export const REPORT_POLL_MS = 1000;
/** Transient failures in a row before the page says the job could not be followed. */
export const REPORT_POLL_RETRIES = 30;

/** No answer, or a gateway that got none in time: worth asking again. */
function isTransient(e: unknown): boolean {
  return (
    e instanceof HttpErrorResponse &&
    (e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504)
  );
}

export const loadReports = createEffect(
  (actions$ = inject(Actions), reports = inject(ReportsService)) =>
    actions$.pipe(
      ofType(ReportsPageActions.opened),
      switchMap(({ customerId }) => {
        const scope = customerId === null ? {} : { customerId };
        return merge(
          reports.reportsList({ ...scope, pageSize: 50 }).pipe(
            map((page) => ReportsApiActions.listLoaded({ customerId, page })),
            catchError((e: unknown) =>
              of(ReportsApiActions.listFailed({ customerId, error: failureOf(e) })),
            ),
          ),
          reports.reportsListSchedules({ ...scope, pageSize: 50 }).pipe(
            map((page) => ReportsApiActions.schedulesLoaded({ customerId, page })),
            catchError((e: unknown) =>
              of(ReportsApiActions.schedulesFailed({ customerId, error: failureOf(e) })),
            ),
          ),
        );
      }),
    ),
  { functional: true },
);

export const requestReport = createEffect(
  (actions$ = inject(Actions), reports = inject(ReportsService)) =>
    actions$.pipe(
      ofType(ReportsPageActions.reportRequested),
      switchMap(({ request }) =>
        reports.reportsCreate({ body: request }).pipe(
          map((report) => ReportsApiActions.reportProgressed({ report })),
          catchError((e: unknown) =>
            of(ReportsApiActions.reportFailed({ id: null, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const openReport = createEffect(
  (actions$ = inject(Actions), reports = inject(ReportsService)) =>
    actions$.pipe(
      ofType(ReportsPageActions.reportOpened),
      switchMap(({ id }) =>
        reports.reportsDetail({ id }).pipe(
          map((report) => ReportsApiActions.reportProgressed({ report })),
          catchError((e: unknown) =>
            of(ReportsApiActions.reportFailed({ id, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** The job shown is read again until it is done or failed, while the page shows it. */
export const followReport = createEffect(
  (actions$ = inject(Actions), store = inject(Store), reports = inject(ReportsService)) =>
    actions$.pipe(
      ofType(ReportsApiActions.reportProgressed),
      filter(({ report }) => isRunning(report)),
      switchMap(({ report }) =>
        timer(REPORT_POLL_MS).pipe(
          concatLatestFrom(() => store.select(reportsFeature.selectReportsState)),
          filter(([, s]) => s.open && s.currentId === report.id),
          mergeMap(() =>
            reports.reportsDetail({ id: report.id }).pipe(
              // A replica laying out a PDF answers slowly for seconds (docs/operations.md):
              // a gateway error or a lost connection is asked again, not shown as a failure.
              retry({
                count: REPORT_POLL_RETRIES,
                delay: (e: unknown) =>
                  isTransient(e) ? timer(REPORT_POLL_MS) : throwError(() => e),
              }),
              map((next) => ReportsApiActions.reportProgressed({ report: next })),
              catchError((e: unknown) =>
                of(ReportsApiActions.reportFailed({ id: report.id, error: failureOf(e) })),
              ),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const saveSchedule = createEffect(
  (actions$ = inject(Actions), reports = inject(ReportsService)) => {
    const saved = (call: Observable<ReportScheduleDto>) =>
      call.pipe(
        map((schedule) => ReportsApiActions.scheduleSaved({ schedule })),
        catchError((e: unknown) => of(ReportsApiActions.scheduleFailed({ error: failureOf(e) }))),
      );
    return merge(
      actions$.pipe(
        ofType(ReportsPageActions.scheduleRequested),
        mergeMap(({ schedule }) => saved(reports.reportsCreateSchedule({ body: schedule }))),
      ),
      actions$.pipe(
        ofType(ReportsPageActions.scheduleToggled),
        mergeMap(({ id, enabled }) =>
          saved(reports.reportsUpdateSchedule({ id, body: { enabled } })),
        ),
      ),
    );
  },
  { functional: true },
);

export const reportsEffects = {
  loadReports,
  requestReport,
  openReport,
  followReport,
  saveSchedule,
};
