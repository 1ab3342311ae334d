import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, type Subject, firstValueFrom } from 'rxjs';

import type { AssuranceDashboardDto } from '../../generated/models/assurance-dashboard-dto';
import type { AssuranceWindowDto } from '../../generated/models/assurance-window-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { AssuranceApiActions } from './assurance-api.actions';
import { AssurancePageActions } from './assurance-page.actions';
import {
  ASSURANCE_CIRCUIT_SEARCH_DEBOUNCE_MS,
  ASSURANCE_DASHBOARD_LIVE_DEBOUNCE_MS,
  ASSURANCE_DASHBOARD_POLL_MS,
  decideAssuranceWindow,
  followAssuranceDashboard,
  requestAssuranceWindow,
  searchAssuranceCircuits,
} from './assurance.effects';
import { assuranceActions, assuranceFeature, initialAssuranceState } from './assurance.feature';

const win = (id: string, over: Partial<AssuranceWindowDto> = {}): AssuranceWindowDto => ({
  id,
  customerId: 'bank-a',
  title: id,
  reason: '',
  circuitIds: ['bank-a-MPLS-0001'],
  start: '2026-12-30T16:00:00Z',
  end: '2027-01-02T16:00:00Z',
  status: 'requested',
  phase: 'not-approved',
  pollIntervalSec: 10,
  thresholds: {
    congestionRaise: 0.7,
    congestionClear: 0.6,
    errorsPerSecRaise: 0.2,
    errorRatioRaise: 0.0002,
  },
  priority: 'P1',
  contacts: [],
  requestedBy: 'bank-a.admin',
  requestedAt: '2026-12-01T00:00:00Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  notices: 0,
  reportId: null,
  ...over,
});

const dashboard = (w: AssuranceWindowDto, at: string): AssuranceDashboardDto => ({
  window: w,
  at,
  up: 1,
  degraded: 0,
  down: 0,
  circuits: [
    {
      circuitId: 'bank-a-MPLS-0001',
      name: 'MPLS 1',
      state: 'up',
      stateSince: '2026-12-01T00:00:00Z',
      activeAlarms: 0,
      lastPolledAt: at,
      utilisation: 0.42,
    },
  ],
});

const page = (items: AssuranceWindowDto[]) => ({
  items,
  page: 1,
  pageSize: 100,
  total: items.length,
});

describe('assurance feature', () => {
  it('sorts running windows first, then requests, and keeps the pending queue oldest first', () => {
    const s = assuranceFeature.reducer(
      { ...initialAssuranceState, customerId: null },
      AssuranceApiActions.listed({
        customerId: null,
        page: page([
          win('ended', { status: 'approved', phase: 'ended', start: '2026-11-01T00:00:00Z' }),
          win('req-late', { requestedAt: '2026-12-02T00:00:00Z', start: '2026-12-20T00:00:00Z' }),
          win('running', { status: 'approved', phase: 'running' }),
          win('req-early', { requestedAt: '2026-12-01T00:00:00Z', start: '2026-12-25T00:00:00Z' }),
          win('rejected', { status: 'rejected' }),
        ]),
      }),
    );
    expect(assuranceFeature.selectSorted.projector(s.windows).map((w) => w.id)).toEqual([
      'running',
      'req-late',
      'req-early',
      'ended',
      'rejected',
    ]);
    expect(assuranceFeature.selectPending.projector(s.windows).map((w) => w.id)).toEqual([
      'req-early',
      'req-late',
    ]);
  });

  it('ignores a list answered for another customer than the one shown now', () => {
    let s = assuranceFeature.reducer(
      initialAssuranceState,
      AssurancePageActions.opened({ customerId: 'bank-b' }),
    );
    s = assuranceFeature.reducer(
      s,
      AssuranceApiActions.listed({ customerId: 'bank-a', page: page([win('a')]) }),
    );
    expect(s.windows.data).toBeNull();
    expect(s.windows.loading).toBe(true);
  });

  it('puts a requested window first and a decided one in place, also on the dashboard', () => {
    let s = assuranceFeature.reducer(
      initialAssuranceState,
      AssuranceApiActions.listed({ customerId: null, page: page([win('w1'), win('w2')]) }),
    );
    s = assuranceFeature.reducer(
      s,
      AssurancePageActions.requestSubmitted({ request: {} as never }),
    );
    expect(s.requesting).toBe(true);
    s = assuranceFeature.reducer(s, AssuranceApiActions.requested({ window: win('w3') }));
    expect(s.windows.data?.map((w) => w.id)).toEqual(['w3', 'w1', 'w2']);
    expect(s).toMatchObject({ requesting: false, requestedId: 'w3' });

    s = assuranceFeature.reducer(s, AssurancePageActions.dashboardOpened({ id: 'w1' }));
    s = assuranceFeature.reducer(
      s,
      AssuranceApiActions.dashboardLoaded({
        id: 'w1',
        dashboard: dashboard(win('w1'), '2026-12-31T00:00:00Z'),
      }),
    );
    expect(s.dashboard.loadedAt).toBe('2026-12-31T00:00:00Z');
    s = assuranceFeature.reducer(
      s,
      AssurancePageActions.decisionRequested({ id: 'w1', decision: 'approve' }),
    );
    expect(s.deciding).toEqual(['w1']);
    const approved = win('w1', { status: 'approved', phase: 'upcoming', decidedBy: 'noc.li' });
    s = assuranceFeature.reducer(s, AssuranceApiActions.decided({ window: approved }));
    expect(s.deciding).toEqual([]);
    expect(s.windows.data?.find((w) => w.id === 'w1')?.status).toBe('approved');
    expect(s.dashboard.data?.window.status).toBe('approved');
  });

  it('offers each role only what the API allows it', () => {
    const requested = { status: 'requested' as const, phase: 'not-approved' as const };
    const upcoming = { status: 'approved' as const, phase: 'upcoming' as const };
    const running = { status: 'approved' as const, phase: 'running' as const };
    const ended = { status: 'approved' as const, phase: 'ended' as const };
    expect(assuranceActions(requested, 'noc-operator')).toEqual(['approve', 'reject', 'cancel']);
    expect(assuranceActions(requested, 'customer-admin')).toEqual(['cancel']);
    expect(assuranceActions(requested, 'customer-viewer')).toEqual([]);
    expect(assuranceActions(upcoming, 'account-manager')).toEqual(['cancel']);
    expect(assuranceActions(running, 'account-manager')).toEqual([]);
    expect(assuranceActions(running, 'platform-admin')).toEqual(['cancel']);
    expect(assuranceActions(ended, 'noc-operator')).toEqual([]);
    expect(assuranceActions({ status: 'rejected', phase: 'not-approved' }, 'noc-operator')).toEqual(
      [],
    );
  });
});

describe('assurance effects', () => {
  let actions$: Subject<Action>;
  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('searches the chosen customer’s circuits once the typing pauses', async () => {
    jest.useFakeTimers();
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(searchAssuranceCircuits()));
    actions$.next(AssurancePageActions.circuitsSearched({ customerId: 'bank-a', q: 'w' }));
    actions$.next(AssurancePageActions.circuitsSearched({ customerId: 'bank-a', q: ' wuhan ' }));
    jest.advanceTimersByTime(ASSURANCE_CIRCUIT_SEARCH_DEBOUNCE_MS);
    const req = http.expectOne((r) => r.url === '/api/v1/circuits');
    expect(req.request.params.get('customerId')).toBe('bank-a');
    expect(req.request.params.get('q')).toBe('wuhan');
    req.flush({ items: [], page: 1, pageSize: 50, total: 0 });
    expect(await out).toEqual(AssuranceApiActions.circuitsFound({ q: ' wuhan ', circuits: [] }));
  });

  it('sends a request once however often it is submitted while the first is on its way', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(requestAssuranceWindow()));
    const request = {
      customerId: 'bank-a',
      title: '年终决算保障',
      circuitIds: ['bank-a-MPLS-0001'],
      start: '2026-12-30T16:00:00.000Z',
      end: '2027-01-02T16:00:00.000Z',
    };
    actions$.next(AssurancePageActions.requestSubmitted({ request }));
    actions$.next(AssurancePageActions.requestSubmitted({ request }));
    const posts = http.match((r) => r.url === '/api/v1/assurance-windows' && r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.request.body).toEqual(request);
    posts[0]!.flush(win('w1'), { status: 201, statusText: 'Created' });
    expect(await out).toEqual(AssuranceApiActions.requested({ window: win('w1') }));
  });

  it('approves with the poll interval and says why a decision was refused', () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out: Action[] = [];
    TestBed.runInInjectionContext(() => decideAssuranceWindow().subscribe((a) => out.push(a)));
    actions$.next(
      AssurancePageActions.decisionRequested({
        id: 'w1',
        decision: 'approve',
        note: '  ok ',
        pollIntervalSec: 10,
      }),
    );
    actions$.next(AssurancePageActions.decisionRequested({ id: 'w2', decision: 'reject' }));
    const approve = http.expectOne('/api/v1/assurance-windows/w1/approve');
    expect(approve.request.body).toEqual({ note: 'ok', pollIntervalSec: 10 });
    const reject = http.expectOne('/api/v1/assurance-windows/w2/reject');
    expect(reject.request.body).toEqual({});
    reject.flush(problemBody(409, 'Assurance window w2 is approved'), {
      status: 409,
      statusText: 'Conflict',
    });
    approve.flush(win('w1', { status: 'approved', phase: 'upcoming' }));
    expect(out[0]).toMatchObject({
      type: AssuranceApiActions.decisionFailed.type,
      id: 'w2',
      error: { status: 409, detail: 'Assurance window w2 is approved' },
    });
    expect(out[1]).toMatchObject({ type: AssuranceApiActions.decided.type });
  });

  it('reads the dashboard at once, on every poll tick and after live changes, until closed', () => {
    jest.useFakeTimers();
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out: Action[] = [];
    TestBed.runInInjectionContext(() => followAssuranceDashboard().subscribe((a) => out.push(a)));
    const url = '/api/v1/assurance-windows/w1/dashboard';

    actions$.next(AssurancePageActions.dashboardOpened({ id: 'w1' }));
    jest.advanceTimersByTime(0);
    http.expectOne(url).flush(dashboard(win('w1'), '2026-12-31T00:00:00Z'));
    expect(out[0]).toMatchObject({ type: AssuranceApiActions.dashboardLoaded.type, id: 'w1' });

    jest.advanceTimersByTime(ASSURANCE_DASHBOARD_POLL_MS);
    http.expectOne(url).flush(dashboard(win('w1'), '2026-12-31T00:00:15Z'));

    const change = LiveEventsActions.changeReceived({
      name: 'alarm.raised',
      message: {
        kind: 'alarm',
        id: 'a1',
        action: 'raised',
        time: '2026-12-31T00:00:16Z',
        data: {},
      },
    });
    actions$.next(change);
    actions$.next(change);
    jest.advanceTimersByTime(ASSURANCE_DASHBOARD_LIVE_DEBOUNCE_MS);
    http.expectOne(url).flush(dashboard(win('w1'), '2026-12-31T00:00:17Z'));
    expect(out).toHaveLength(3);

    actions$.next(AssurancePageActions.dashboardClosed());
    jest.advanceTimersByTime(ASSURANCE_DASHBOARD_POLL_MS * 3);
    http.expectNone(url);
    http.verify();
  });
});
