import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom } from 'rxjs';

import type { StatisticsDto } from '../../generated/models/statistics-dto';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { StatisticsApiActions } from './statistics-api.actions';
import { StatisticsPageActions } from './statistics-page.actions';
import { loadStatistics } from './statistics.effects';
import { initialStatisticsState, rankedCounts, statisticsFeature } from './statistics.feature';

const november = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
const october = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };
const stats = (tickets: number) =>
  ({
    from: november.from,
    to: november.to,
    customers: [],
    mttrTrend: [],
    topTalkers: [],
    total: { tickets, ticketsByStatus: { resolved: 2, closed: 5, pending: 2 } },
  }) as unknown as StatisticsDto;

describe('statistics feature', () => {
  it('ignores the answer to a period no longer chosen', () => {
    let s = statisticsFeature.reducer(
      initialStatisticsState,
      StatisticsPageActions.opened({ customerId: null, range: october }),
    );
    s = statisticsFeature.reducer(s, StatisticsPageActions.rangeChanged({ range: november }));
    s = statisticsFeature.reducer(
      s,
      StatisticsApiActions.loaded({ customerId: null, range: october, statistics: stats(1) }),
    );
    expect(s.statistics.data).toBeNull();
    s = statisticsFeature.reducer(
      s,
      StatisticsApiActions.loaded({ customerId: null, range: november, statistics: stats(9) }),
    );
    expect(statisticsFeature.selectTotal.projector(s.statistics)?.tickets).toBe(9);
    expect(statisticsFeature.selectTicketsByStatus.projector(s.statistics)).toEqual([
      { key: 'closed', count: 5 },
      { key: 'pending', count: 2 },
      { key: 'resolved', count: 2 },
    ]);
  });

  it('blanks the figures when another customer is chosen', () => {
    let s = statisticsFeature.reducer(
      initialStatisticsState,
      StatisticsPageActions.opened({ customerId: null, range: november }),
    );
    s = statisticsFeature.reducer(
      s,
      StatisticsApiActions.loaded({ customerId: null, range: november, statistics: stats(9) }),
    );
    s = statisticsFeature.reducer(
      s,
      StatisticsPageActions.customerChanged({ customerId: 'bank-b' }),
    );
    expect(s.statistics).toMatchObject({ data: null, loading: true });
  });

  it('ranks counts largest first, ties by key', () => {
    expect(rankedCounts({ b: 1, a: 1, c: 3 })).toEqual([
      { key: 'c', count: 3 },
      { key: 'a', count: 1 },
      { key: 'b', count: 1 },
    ]);
  });
});

describe('statistics effects', () => {
  it('asks for the period and customer on screen', async () => {
    const actions$ = new ReplaySubject<Action>();
    const state = {
      statistics: { ...initialStatisticsState, open: true, customerId: 'bank-a', range: november },
    };
    const http = setUpApiTestBed({ actions$: () => actions$, state });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadStatistics()));
    actions$.next(StatisticsPageActions.rangeChanged({ range: november }));
    const req = http.expectOne((r) => r.url === '/api/v1/statistics');
    expect(req.request.params.get('from')).toBe(november.from);
    expect(req.request.params.get('to')).toBe(november.to);
    expect(req.request.params.get('customerId')).toBe('bank-a');
    req.flush(stats(3));
    expect(await out).toMatchObject({
      type: StatisticsApiActions.loaded.type,
      customerId: 'bank-a',
      range: november,
    });
  });
});
