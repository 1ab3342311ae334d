import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom, take, toArray } from 'rxjs';

import type { ReportDto } from '../../generated/models/report-dto';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { ReportsApiActions } from './reports-api.actions';
import { ReportsPageActions } from './reports-page.actions';
import { REPORT_POLL_MS, followReport, loadReports, requestReport } from './reports.effects';
import {
  type ReportsState,
  initialReportsState,
  isRunning,
  reportsFeature,
} from './reports.feature';

const report = (over: Partial<ReportDto> = {}): ReportDto => ({
  id: 'r1',
  assuranceWindowId: null,
  createdAt: '2026-12-01T00:00:00Z',
  customerId: 'bank-a',
  delivery: null,
  error: null,
  finishedAt: null,
  from: '2026-10-31T16:00:00Z',
  to: '2026-11-30T16:00:00Z',
  inspection: null,
  kind: 'vip',
  language: 'zh-CN',
  pdfAvailable: false,
  pdfBytes: null,
  progress: 0,
  requestedBy: 'am.zhang',
  scheduleId: null,
  stage: 'queued',
  state: 'queued',
  vip: null,
  ...over,
});

const reduce = (state: ReportsState, ...actions: Action[]) =>
  actions.reduce((s, a) => reportsFeature.reducer(s, a), state);

describe('reports feature', () => {
  it('shows the job it requested, follows its progress and keeps the list without figures', () => {
    const opened = reduce(
      initialReportsState,
      ReportsPageActions.opened({ customerId: 'bank-a' }),
      ReportsApiActions.listLoaded({
        customerId: 'bank-a',
        page: { items: [], page: 1, pageSize: 50, total: 0 },
      }),
      ReportsPageActions.reportRequested({
        request: { customerId: 'bank-a', kind: 'vip', from: 'a', to: 'b' },
      }),
    );
    expect(opened).toMatchObject({ requesting: true, currentId: null });

    const running = reduce(
      opened,
      ReportsApiActions.reportProgressed({
        report: report({ state: 'running', progress: 40, stage: 'utilisation' }),
      }),
    );
    expect(running).toMatchObject({ requesting: false, currentId: 'r1' });
    expect(reportsFeature.selectCurrentRunning.projector(running.current)).toBe(true);
    expect(running.list.data?.map((r) => r.id)).toEqual(['r1']);

    const vip = { summary: { incidents: 2 } } as unknown as NonNullable<ReportDto['vip']>;
    const done = reduce(
      running,
      ReportsApiActions.reportProgressed({
        report: report({ state: 'done', progress: 100, stage: 'done', pdfAvailable: true, vip }),
      }),
    );
    expect(reportsFeature.selectCurrentVip.projector(done.current)).toBe(vip);
    expect(done.list.data).toHaveLength(1);
    expect(done.list.data?.[0]).toMatchObject({ state: 'done', vip: null });
  });

  it('does not put another report’s progress on screen', () => {
    const state = reduce(
      initialReportsState,
      ReportsPageActions.opened({ customerId: 'bank-a' }),
      ReportsPageActions.reportOpened({ id: 'r2' }),
      ReportsApiActions.reportProgressed({ report: report({ id: 'r1', state: 'running' }) }),
    );
    expect(state.currentId).toBe('r2');
    expect(state.current).toBeNull();
  });

  it('drops another customer’s reports when the page opens for a new one', () => {
    const forA = reduce(
      initialReportsState,
      ReportsPageActions.opened({ customerId: 'bank-a' }),
      ReportsApiActions.listLoaded({
        customerId: 'bank-a',
        page: { items: [report()], page: 1, pageSize: 50, total: 1 },
      }),
    );
    const forB = reduce(forA, ReportsPageActions.opened({ customerId: 'bank-b' }));
    expect(forB.list.data).toBeNull();
    // A late answer for bank-a is ignored.
    const late = reduce(
      forB,
      ReportsApiActions.listLoaded({
        customerId: 'bank-a',
        page: { items: [report()], page: 1, pageSize: 50, total: 1 },
      }),
    );
    expect(late.list.data).toBeNull();
  });

  it('knows which states still move', () => {
    expect(isRunning({ state: 'queued' })).toBe(true);
    expect(isRunning({ state: 'running' })).toBe(true);
    expect(isRunning({ state: 'done' })).toBe(false);
    expect(isRunning({ state: 'failed' })).toBe(false);
    expect(isRunning(null)).toBe(false);
  });
});

describe('reports effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
  });
  afterEach(() => jest.useRealTimers());

  it('reads the list and the schedules of the customer; a refused schedule list is a failure, not an error', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() =>
      firstValueFrom(loadReports().pipe(take(2), toArray())),
    );
    actions$.next(ReportsPageActions.opened({ customerId: 'bank-a' }));
    const list = http.expectOne((r) => r.url === '/api/v1/reports');
    expect(list.request.params.get('customerId')).toBe('bank-a');
    const schedules = http.expectOne((r) => r.url === '/api/v1/report-schedules');
    list.flush({ items: [report()], page: 1, pageSize: 50, total: 1 });
    schedules.flush(problemBody(403, 'account managers and operators only'), {
      status: 403,
      statusText: 'Forbidden',
    });
    const types = (await out).map((a) => a.type).sort();
    expect(types).toEqual(
      [ReportsApiActions.listLoaded.type, ReportsApiActions.schedulesFailed.type].sort(),
    );
  });

  it('posts the request as the API takes it and reports the accepted job', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(requestReport()));
    const request = {
      customerId: 'bank-a',
      kind: 'vip' as const,
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      language: 'en' as const,
    };
    actions$.next(ReportsPageActions.reportRequested({ request }));
    const post = http.expectOne((r) => r.url === '/api/v1/reports' && r.method === 'POST');
    expect(post.request.body).toEqual(request);
    post.flush(report(), { status: 202, statusText: 'Accepted' });
    expect(await out).toEqual(ReportsApiActions.reportProgressed({ report: report() }));
  });

  it('reads a running job again after a second while the page shows it, and stops when it is done', async () => {
    jest.useFakeTimers();
    const state = {
      reports: { ...initialReportsState, open: true, customerId: 'bank-a', currentId: 'r1' },
    };
    const http = setUpApiTestBed({ actions$: () => actions$, state });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(followReport()));
    actions$.next(ReportsApiActions.reportProgressed({ report: report({ state: 'running' }) }));
    http.expectNone('/api/v1/reports/r1');
    jest.advanceTimersByTime(REPORT_POLL_MS);
    const get = http.expectOne('/api/v1/reports/r1');
    get.flush(report({ state: 'done', progress: 100 }));
    expect(await out).toMatchObject({ report: { state: 'done' } });

    // A finished job is not read again.
    actions$.next(ReportsApiActions.reportProgressed({ report: report({ state: 'done' }) }));
    jest.advanceTimersByTime(REPORT_POLL_MS * 3);
    http.expectNone('/api/v1/reports/r1');
  });

  it('asks again when the gateway had no answer in time (a replica laying out a PDF)', async () => {
    jest.useFakeTimers();
    const state = {
      reports: { ...initialReportsState, open: true, customerId: 'bank-a', currentId: 'r1' },
    };
    const http = setUpApiTestBed({ actions$: () => actions$, state });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(followReport()));
    actions$.next(ReportsApiActions.reportProgressed({ report: report({ state: 'running' }) }));
    jest.advanceTimersByTime(REPORT_POLL_MS);
    http
      .expectOne('/api/v1/reports/r1')
      .flush(problemBody(502, 'bad gateway'), { status: 502, statusText: 'Bad Gateway' });
    jest.advanceTimersByTime(REPORT_POLL_MS);
    http.expectOne('/api/v1/reports/r1').flush(report({ state: 'done', progress: 100 }));
    expect(await out).toMatchObject({
      type: ReportsApiActions.reportProgressed.type,
      report: { state: 'done' },
    });
  });

  it('stops following when the page no longer shows the job', () => {
    jest.useFakeTimers();
    const state = { reports: { ...initialReportsState, open: false, currentId: 'r1' } };
    const http = setUpApiTestBed({ actions$: () => actions$, state });
    TestBed.runInInjectionContext(() => followReport().subscribe());
    actions$.next(ReportsApiActions.reportProgressed({ report: report({ state: 'running' }) }));
    jest.advanceTimersByTime(REPORT_POLL_MS * 2);
    http.expectNone('/api/v1/reports/r1');
  });
});
