import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideEffects } from '@ngrx/effects';
import { Store, provideStore } from '@ngrx/store';

import type { CircuitSummaryDto } from '../../generated/models/circuit-summary-dto';
import { provideCircuitCareApi } from '../../provide-circuit-care-api';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { CircuitListPageActions } from './circuit-list-page.actions';
import { circuitListEffects } from './circuit-list.effects';
import { circuitListFeature } from './circuit-list.feature';
import {
  CIRCUIT_PAGE_SIZE,
  emptyCircuitQuery,
  pagesFor,
  queryFromParams,
  queryToParams,
} from './circuit-query.model';

const circuit = (i: number, state: CircuitSummaryDto['state'] = 'up'): CircuitSummaryDto => ({
  id: `c-${i}`,
  name: `Circuit ${i}`,
  state,
  stateSince: '2030-01-01T00:00:00Z',
  product: 'mpls-vpn',
  slaClass: 'gold',
  bandwidthBps: 1e7,
  customerId: 'bank-a',
  orgUnitId: 'u',
  activeAlarmCount: 0,
  aEnd: { siteId: 'a', siteName: 'A' },
  zEnd: { siteId: 'z', siteName: 'Z' },
});

const page = (n: number, total: number) => ({
  items: Array.from(
    { length: Math.min(CIRCUIT_PAGE_SIZE, total - (n - 1) * CIRCUIT_PAGE_SIZE) },
    (_, i) => circuit((n - 1) * CIRCUIT_PAGE_SIZE + i),
  ),
  page: n,
  pageSize: CIRCUIT_PAGE_SIZE,
  total,
});

describe('circuit query', () => {
  it('round-trips through URL parameters and refuses unknown sort keys', () => {
    const query = {
      ...emptyCircuitQuery,
      q: 'wuhan',
      state: 'down' as const,
      hasAlarm: true,
      sort: '-bandwidthBps',
    };
    expect(queryFromParams(queryToParams(query))).toEqual(query);
    expect(queryFromParams({ sort: 'password', state: 'evil' })).toEqual(emptyCircuitQuery);
  });

  it('names the pages a row range needs, within the total', () => {
    expect(pagesFor(0, 20, null)).toEqual([1]);
    expect(pagesFor(95, 130, 1000)).toEqual([1, 2]);
    expect(pagesFor(950, 1200, 1000)).toEqual([10]);
    expect(pagesFor(0, 10, 0)).toEqual([]);
  });
});

describe('circuit list (store, effects and the generated client together)', () => {
  const setUp = () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideCircuitCareApi({ rootUrl: '' }),
        provideStore({ [circuitListFeature.name]: circuitListFeature.reducer }),
        provideEffects(circuitListEffects),
      ],
    });
    return { http: TestBed.inject(HttpTestingController), store: TestBed.inject(Store) };
  };

  it('reads the first page of a query, then only the pages scrolled to, once each', () => {
    const { http, store } = setUp();
    store.dispatch(
      CircuitListPageActions.queryChanged({
        query: { ...emptyCircuitQuery, state: 'down', q: ' pe ' },
      }),
    );
    const first = http.expectOne((r) => r.url === '/api/v1/circuits');
    expect(first.request.params.get('page')).toBe('1');
    expect(first.request.params.get('state')).toBe('down');
    expect(first.request.params.get('q')).toBe('pe');
    expect(first.request.params.get('sort')).toBe('state,name');
    first.flush(page(1, 250));

    const rows = store.selectSignal(circuitListFeature.selectRows);
    expect(rows()).toHaveLength(250);
    expect(rows()[0]?.id).toBe('c-0');
    expect(rows()[150]).toBeNull();

    store.dispatch(CircuitListPageActions.rangeViewed({ start: 120, end: 140 }));
    store.dispatch(CircuitListPageActions.rangeViewed({ start: 125, end: 145 }));
    const second = http.match((r) => r.url === '/api/v1/circuits');
    expect(second.map((r) => r.request.params.get('page'))).toEqual(['2']);
    second[0]!.flush(page(2, 250));
    expect(rows()[150]?.id).toBe('c-150');
    http.verify();
  });

  it('drops the answer of a query replaced meanwhile', () => {
    const { http, store } = setUp();
    store.dispatch(CircuitListPageActions.queryChanged({ query: emptyCircuitQuery }));
    const old = http.expectOne((r) => r.url === '/api/v1/circuits');
    store.dispatch(
      CircuitListPageActions.queryChanged({ query: { ...emptyCircuitQuery, q: 'x' } }),
    );
    const fresh = http.expectOne((r) => r.url === '/api/v1/circuits' && r.params.get('q') === 'x');
    fresh.flush(page(1, 3));
    old.flush(page(1, 250));
    expect(store.selectSignal(circuitListFeature.selectTotal)()).toBe(3);
  });

  it('shows a circuit’s new state at once from the event stream', () => {
    const { http, store } = setUp();
    store.dispatch(CircuitListPageActions.queryChanged({ query: emptyCircuitQuery }));
    http.expectOne((r) => r.url === '/api/v1/circuits').flush(page(1, 5));
    store.dispatch(
      LiveEventsActions.changeReceived({
        name: 'circuit.state',
        message: {
          kind: 'circuit',
          action: 'state',
          id: 'c-3',
          time: '2030-01-01T01:00:00Z',
          data: { state: 'down', stateSince: '2030-01-01T01:00:00Z', activeAlarmIds: ['a1', 'a2'] },
        },
      }),
    );
    expect(store.selectSignal(circuitListFeature.selectRows)()[3]).toMatchObject({
      state: 'down',
      activeAlarmCount: 2,
    });
  });
});
