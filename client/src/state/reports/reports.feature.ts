import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { ReportDto } from '../../generated/models/report-dto';
import type { ReportScheduleDto } from '../../generated/models/report-schedule-dto';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { ReportsApiActions } from './reports-api.actions';
import { ReportsPageActions } from './reports-page.actions';

export interface ReportsState {
  open: boolean;
  customerId: string | null;
  /** The reports already made (lists carry no figures). */
  list: Loadable<ReportDto[]>;
  schedules: Loadable<ReportScheduleDto[]>;
  /** The report shown: its job's state and progress, then its figures. */
  currentId: string | null;
  current: ReportDto | null;
  /** A request on its way to the API (before the job exists). */
  requesting: boolean;
  error: Failure | null;
  scheduleError: Failure | null;
}

export const initialReportsState: ReportsState = {
  open: false,
  customerId: null,
  list: idle(),
  schedules: idle(),
  currentId: null,
  current: null,
  requesting: false,
  error: null,
  scheduleError: null,
};

/** A job still moving: the effects keep reading it. */
export function isRunning(report: Pick<ReportDto, 'state'> | null): boolean {
  return report !== null && (report.state === 'queued' || report.state === 'running');
}

/** The list with one report put in (new first) or replaced, figures dropped as in a list. */
function upsert(list: ReportDto[], report: ReportDto): ReportDto[] {
  const slim = { ...report, vip: null, inspection: null };
  const at = list.findIndex((r) => r.id === report.id);
  if (at < 0) return [slim, ...list];
  const next = list.slice();
  next[at] = slim;
  return next;
}

export const reportsFeature = createFeature({
  name: 'reports',
  reducer: createReducer(
    initialReportsState,
    on(ReportsPageActions.opened, (state, { customerId }): ReportsState => {
      const base = state.customerId === customerId ? state : initialReportsState;
      return {
        ...base,
        open: true,
        customerId,
        list: loading(base.list),
        schedules: loading(base.schedules),
      };
    }),
    on(ReportsPageActions.closed, (state): ReportsState => ({ ...state, open: false })),
    on(ReportsPageActions.reportRequested, (state): ReportsState => ({
      ...state,
      requesting: true,
      error: null,
      currentId: null,
      current: null,
    })),
    on(ReportsPageActions.reportOpened, (state, { id }): ReportsState => ({
      ...state,
      currentId: id,
      current: state.current?.id === id ? state.current : null,
      error: null,
    })),
    on(ReportsApiActions.listLoaded, (state, { customerId, page }) =>
      customerId === state.customerId ? { ...state, list: loaded(page.items) } : state,
    ),
    on(ReportsApiActions.listFailed, (state, { customerId, error }) =>
      customerId === state.customerId ? { ...state, list: failed(state.list, error) } : state,
    ),
    on(ReportsApiActions.schedulesLoaded, (state, { customerId, page }) =>
      customerId === state.customerId ? { ...state, schedules: loaded(page.items) } : state,
    ),
    on(ReportsApiActions.schedulesFailed, (state, { customerId, error }) =>
      customerId === state.customerId
        ? { ...state, schedules: failed(state.schedules, error) }
        : state,
    ),
    on(ReportsApiActions.reportProgressed, (state, { report }): ReportsState => {
      const justRequested = state.requesting && state.currentId === null;
      const shown = justRequested || state.currentId === report.id;
      return {
        ...state,
        requesting: justRequested ? false : state.requesting,
        currentId: shown ? report.id : state.currentId,
        current: shown ? report : state.current,
        list: state.list.data
          ? { ...state.list, data: upsert(state.list.data, report) }
          : state.list,
      };
    }),
    on(ReportsApiActions.reportFailed, (state, { error }): ReportsState => ({
      ...state,
      requesting: false,
      error,
    })),
    on(ReportsApiActions.scheduleSaved, (state, { schedule }): ReportsState => {
      const items = state.schedules.data ?? [];
      const at = items.findIndex((s) => s.id === schedule.id);
      const next = at < 0 ? [schedule, ...items] : items.map((s, i) => (i === at ? schedule : s));
      return { ...state, schedules: loaded(next), scheduleError: null };
    }),
    on(ReportsApiActions.scheduleFailed, (state, { error }): ReportsState => ({
      ...state,
      scheduleError: error,
    })),
  ),
  extraSelectors: ({ selectCurrent }) => ({
    selectCurrentRunning: createSelector(selectCurrent, (r) => isRunning(r)),
    selectCurrentVip: createSelector(selectCurrent, (r) => (r?.state === 'done' ? r.vip : null)),
    selectCurrentInspection: createSelector(selectCurrent, (r) =>
      r?.state === 'done' ? r.inspection : null,
    ),
  }),
});
