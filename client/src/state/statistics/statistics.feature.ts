import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { CustomerStatisticsDto } from '../../generated/models/customer-statistics-dto';
import type { StatisticsDto } from '../../generated/models/statistics-dto';
import { type Loadable, failed, idle, loaded, loading } from '../shared/loadable.model';
import type { TimeRange } from '../shared/time-range.model';
import { StatisticsApiActions } from './statistics-api.actions';
import { StatisticsPageActions } from './statistics-page.actions';

export interface StatisticsState {
  open: boolean;
  customerId: string | null;
  range: TimeRange | null;
  statistics: Loadable<StatisticsDto>;
}

export const initialStatisticsState: StatisticsState = {
  open: false,
  customerId: null,
  range: null,
  statistics: idle(),
};

const sameRange = (a: TimeRange | null, b: TimeRange) => a?.from === b.from && a.to === b.to;

/** One count per key, largest first: tickets by status, incidents by cause… */
export function rankedCounts(counts: Record<string, number>): { key: string; count: number }[] {
  return Object.entries(counts)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export const statisticsFeature = createFeature({
  name: 'statistics',
  reducer: createReducer(
    initialStatisticsState,
    on(StatisticsPageActions.opened, (state, { customerId, range }): StatisticsState => ({
      ...state,
      open: true,
      customerId,
      range,
      statistics:
        state.customerId === customerId && sameRange(state.range, range)
          ? loading(state.statistics)
          : loading(idle()),
    })),
    on(StatisticsPageActions.rangeChanged, (state, { range }): StatisticsState => ({
      ...state,
      range,
      statistics: loading(state.statistics),
    })),
    on(StatisticsPageActions.customerChanged, (state, { customerId }): StatisticsState => ({
      ...state,
      customerId,
      // Figures of another customer are never shown under this one's name.
      statistics: loading(idle()),
    })),
    on(StatisticsPageActions.closed, (state): StatisticsState => ({ ...state, open: false })),
    on(StatisticsApiActions.loaded, (state, { customerId, range, statistics }) =>
      customerId === state.customerId && sameRange(state.range, range)
        ? { ...state, statistics: loaded(statistics) }
        : state,
    ),
    on(StatisticsApiActions.failed, (state, { customerId, range, error }) =>
      customerId === state.customerId && sameRange(state.range, range)
        ? { ...state, statistics: failed(state.statistics, error) }
        : state,
    ),
  ),
  extraSelectors: ({ selectStatistics }) => ({
    selectTotal: createSelector(
      selectStatistics,
      (s): CustomerStatisticsDto | null => s.data?.total ?? null,
    ),
    selectCustomerRows: createSelector(selectStatistics, (s) =>
      [...(s.data?.customers ?? [])].sort(
        (a, b) => b.incidents - a.incidents || b.tickets - a.tickets,
      ),
    ),
    selectTicketsByStatus: createSelector(selectStatistics, (s) =>
      rankedCounts(s.data?.total.ticketsByStatus ?? {}),
    ),
    selectIncidentsByCause: createSelector(selectStatistics, (s) =>
      rankedCounts(s.data?.total.incidentsByCause ?? {}),
    ),
    selectAlarmsBySeverity: createSelector(selectStatistics, (s) =>
      rankedCounts(s.data?.total.alarmsBySeverity ?? {}),
    ),
  }),
});
