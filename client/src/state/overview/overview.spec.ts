import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { MockStore } from '@ngrx/store/testing';
import { ReplaySubject, firstValueFrom, take, toArray } from 'rxjs';

import type { OrgUnitNodeDto } from '../../generated/models/org-unit-node-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { OverviewApiActions } from './overview-api.actions';
import { OverviewPageActions } from './overview-page.actions';
import { LIVE_REFRESH_DEBOUNCE_MS, liveOverview, loadOverview } from './overview.effects';
import { initialOverviewState, orgTreeOf, overviewFeature } from './overview.feature';

const unit = (id: string, parentId: string | null, down = 0, degraded = 0): OrgUnitNodeDto => ({
  id,
  parentId,
  name: id,
  nameEn: id,
  level: 'city',
  path: [],
  circuitIds: [],
  siteIds: [],
  subtreeStatus: { up: 1, degraded, down, unknown: 0 },
});

describe('overview feature', () => {
  it('drops another customer’s data when the page opens for a new one, and keeps it on a refresh', () => {
    const forA = overviewFeature.reducer(
      overviewFeature.reducer(
        initialOverviewState,
        OverviewPageActions.opened({ customerId: 'bank-a' }),
      ),
      OverviewApiActions.faultsLoaded({
        customerId: 'bank-a',
        faults: { items: [], page: 1, pageSize: 20, total: 3, live: {} as never },
      }),
    );
    expect(forA.faults.data?.total).toBe(3);
    const refreshed = overviewFeature.reducer(forA, OverviewPageActions.refreshRequested());
    expect(refreshed.faults).toMatchObject({ loading: true, data: { total: 3 } });
    const forB = overviewFeature.reducer(
      forA,
      OverviewPageActions.opened({ customerId: 'bank-b' }),
    );
    expect(forB.faults.data).toBeNull();
  });

  it('ignores an answer for a customer no longer shown', () => {
    const state = overviewFeature.reducer(
      overviewFeature.reducer(
        initialOverviewState,
        OverviewPageActions.opened({ customerId: 'bank-b' }),
      ),
      OverviewApiActions.faultsLoaded({
        customerId: 'bank-a',
        faults: { items: [], page: 1, pageSize: 20, total: 9, live: {} as never },
      }),
    );
    expect(state.faults.data).toBeNull();
  });

  it('builds the org tree from the visible root, worst subtrees first', () => {
    const tree = orgTreeOf(
      [
        unit('root', null),
        unit('b', 'root'),
        unit('a', 'root', 0, 2),
        unit('c', 'root', 1),
        unit('c1', 'c', 1),
      ],
      'root',
    );
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children.map((n) => n.unit.id)).toEqual(['c', 'a', 'b']);
    expect(tree[0]!.children[0]!.children[0]).toMatchObject({ depth: 2, unit: { id: 'c1' } });
    // A subtree user sees its unit as the root even though its parent is not visible.
    expect(orgTreeOf([unit('c', 'root'), unit('c1', 'c')], 'c')[0]!.unit.id).toBe('c');
  });
});

describe('overview effects', () => {
  let actions$: ReplaySubject<Action>;

  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
  });

  it('reads the four parts for the customer asked for', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() =>
      firstValueFrom(loadOverview().pipe(take(4), toArray())),
    );
    actions$.next(OverviewPageActions.opened({ customerId: 'bank-a' }));

    const topo = http.match((r) => r.url === '/api/v1/topology');
    expect(topo.map((r) => r.request.params.get('format')).sort()).toEqual([
      'circuit-rows',
      'structure',
    ]);
    for (const r of topo) expect(r.request.params.get('customerId')).toBe('bank-a');
    const rows = topo.find((r) => r.request.params.get('format') === 'circuit-rows')!;
    expect(rows.request.params.get('sort')).toBe('status');
    const availability = http.expectOne((r) => r.url === '/api/v1/availability');
    const from = Date.parse(availability.request.params.get('from')!);
    expect(new Date(from).getDate()).toBe(1); // this month so far
    const faults = http.expectOne((r) => r.url === '/api/v1/faults');

    faults.flush({ items: [], page: 1, pageSize: 20, total: 0, live: {} });
    availability.flush({ aggregate: { circuits: 0 }, items: [] });
    for (const r of topo) r.flush({ format: r.request.params.get('format'), summary: {} });
    const types = (await out).map((a) => a.type).sort();
    expect(types).toEqual(
      [
        OverviewApiActions.availabilityLoaded.type,
        OverviewApiActions.faultsLoaded.type,
        OverviewApiActions.structureLoaded.type,
        OverviewApiActions.summaryLoaded.type,
      ].sort(),
    );
  });

  it('reads the live parts once per burst of changes while the page is open', () => {
    jest.useFakeTimers();
    try {
      const http = setUpApiTestBed({
        actions$: () => actions$,
        state: { overview: { ...initialOverviewState, open: true, customerId: null } },
      });
      TestBed.inject(MockStore);
      const seen: Action[] = [];
      TestBed.runInInjectionContext(() => liveOverview().subscribe((a) => seen.push(a)));
      const change = (id: string) =>
        LiveEventsActions.changeReceived({
          name: 'circuit.state',
          message: {
            kind: 'circuit',
            action: 'state',
            id,
            time: new Date().toISOString(),
            data: {},
          },
        });
      for (let i = 0; i < 5; i++) actions$.next(change(`c-${i}`));
      // A ticket event does not move the overview.
      actions$.next(
        LiveEventsActions.changeReceived({
          name: 'ticket.changed',
          message: { kind: 'ticket', action: 'changed', id: 't', time: '', data: {} },
        }),
      );
      jest.advanceTimersByTime(LIVE_REFRESH_DEBOUNCE_MS + 10);
      const topo = http.match((r) => r.url === '/api/v1/topology');
      expect(topo).toHaveLength(2);
      expect(topo.every((r) => !r.request.params.has('customerId'))).toBe(true);
      expect(http.match((r) => r.url === '/api/v1/faults')).toHaveLength(1);
      expect(http.match((r) => r.url === '/api/v1/availability')).toHaveLength(0);
      expect(seen).toHaveLength(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
