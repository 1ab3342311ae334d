import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom, toArray, take } from 'rxjs';

import type { EmergencyPlanDto } from '../../generated/models/emergency-plan-dto';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { EmergencyPlanPanelActions } from './emergency-plan-panel.actions';
import { EmergencyPlansApiActions } from './emergency-plans-api.actions';
import { EmergencyPlansPageActions } from './emergency-plans-page.actions';
import {
  loadCircuitPlans,
  loadEmergencyPlans,
  saveEmergencyPlan,
  searchPlanCircuits,
} from './emergency-plans.effects';
import {
  canEditEmergencyPlans,
  contactTree,
  emergencyPlansFeature,
  hasMajorIncident,
  initialEmergencyPlansState,
  planChanges,
  plansForCircuits,
  telHref,
} from './emergency-plans.feature';

const plan = (over: Partial<EmergencyPlanDto> = {}): EmergencyPlanDto => ({
  id: 'ep-1',
  version: 1,
  customerId: 'bank-a',
  title: '核心链路中断应急预案',
  scenario: '专线中断超过 5 分钟',
  circuitIds: ['bank-a-MPLS-0053'],
  siteIds: [],
  contacts: [
    { level: 2, name: '李主任', role: '科技部主任', phone: '027-8888 0002', email: null },
    { level: 1, name: '王工', role: '网络值班', phone: '+86 138 0000 0001', email: 'w@a.example' },
  ],
  steps: [
    { order: 1, action: '确认网点业务影响', owner: '网点' },
    { order: 2, action: '启用 4G 备份', owner: '网络值班' },
  ],
  updatedBy: 'bank-a.admin',
  updatedAt: '2026-12-07T02:00:00.000Z',
  ...over,
});

const body = {
  title: 't',
  scenario: '',
  circuitIds: ['c1'],
  siteIds: [],
  contacts: [{ level: 1 as const, name: 'n', role: 'r', phone: null, email: null }],
  steps: [{ order: 1, action: 'a', owner: 'o' }],
};

describe('emergency plans feature', () => {
  const reduce = (actions: Action[], state = initialEmergencyPlansState) =>
    actions.reduce((s, a) => emergencyPlansFeature.reducer(s, a), state);

  it('keeps a saved version on top of the history and in the list', () => {
    const v1 = plan();
    let s = reduce([
      EmergencyPlansPageActions.opened({ customerId: null }),
      EmergencyPlansApiActions.listLoaded({ customerId: null, plans: [v1] }),
      EmergencyPlansPageActions.planSelected({ planId: 'ep-1' }),
      EmergencyPlansApiActions.versionsLoaded({ planId: 'ep-1', versions: [v1] }),
    ]);
    expect(s.versions.data).toHaveLength(1);
    const v2 = plan({ version: 2, title: '核心链路中断应急预案（修订）' });
    s = reduce(
      [
        EmergencyPlansPageActions.updateRequested({ planId: 'ep-1', version: 1, plan: body }),
        EmergencyPlansApiActions.saved({ plan: v2, created: false }),
      ],
      s,
    );
    expect(s.saving).toBe(false);
    expect(s.saved).toEqual({ id: 'ep-1', version: 2 });
    expect(s.versions.data?.map((v) => v.version)).toEqual([2, 1]);
    expect(s.list.data?.map((p) => [p.id, p.version])).toEqual([['ep-1', 2]]);
    expect(
      emergencyPlansFeature.selectSelected.projector('ep-1', s.versions, s.list)?.version,
    ).toBe(2);
    const history = emergencyPlansFeature.selectHistory.projector(s.versions);
    expect(history.map((h) => h.changes)).toEqual([['title'], []]);
  });

  it('ignores a list answer for another customer than the one now shown', () => {
    const s = reduce([
      EmergencyPlansPageActions.opened({ customerId: 'bank-a' }),
      EmergencyPlansPageActions.opened({ customerId: 'bank-b' }),
      EmergencyPlansApiActions.listLoaded({ customerId: 'bank-a', plans: [plan()] }),
    ]);
    expect(s.list.data).toBeNull();
    expect(s.list.loading).toBe(true);
  });

  it('keeps the save error for the editor and forgets everything on sign-out', () => {
    let s = reduce([
      EmergencyPlansPageActions.createRequested({ plan: body }),
      EmergencyPlansApiActions.saveFailed({
        error: { status: 409, title: 'Conflict', detail: 'stale' },
      }),
    ]);
    expect(s.saving).toBe(false);
    expect(s.saveError?.status).toBe(409);
    s = reduce([{ type: '[Live Events] Stopped' }], s);
    expect(s).toEqual(initialEmergencyPlansState);
  });

  it('gathers the plans of several circuits once each', () => {
    const a = plan({ id: 'a' });
    const b = plan({ id: 'b' });
    const s = reduce([
      EmergencyPlanPanelActions.opened({ circuitIds: ['c1', 'c2'] }),
      EmergencyPlansApiActions.circuitPlansLoaded({ circuitId: 'c1', plans: [a, b] }),
    ]);
    expect(plansForCircuits(s.byCircuit, ['c1', 'c2'])).toMatchObject({ loading: true });
    const done = reduce(
      [EmergencyPlansApiActions.circuitPlansLoaded({ circuitId: 'c2', plans: [b] })],
      s,
    );
    const out = plansForCircuits(done.byCircuit, ['c1', 'c2']);
    expect(out.loading).toBe(false);
    expect(out.plans.map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('emergency plan helpers', () => {
  it('lets only the customer admin write plans, as the API does', () => {
    expect(canEditEmergencyPlans('customer-admin')).toBe(true);
    for (const r of [
      'customer-engineer',
      'customer-viewer',
      'account-manager',
      'noc-operator',
      'platform-admin',
      'field-engineer',
      null,
    ] as const)
      expect(canEditEmergencyPlans(r)).toBe(false);
  });

  it('orders the contact tree by level and dials numbers as entered', () => {
    const tree = contactTree(plan().contacts);
    expect(tree.map((l) => [l.level, l.contacts.map((c) => c.name)])).toEqual([
      [1, ['王工']],
      [2, ['李主任']],
    ]);
    expect(telHref('+86 138 0000 0001')).toBe('tel:+8613800000001');
    expect(telHref('027-8888 0002')).toBe('tel:02788880002');
  });

  it('names what a version changed', () => {
    const v1 = plan();
    expect(planChanges(null, v1)).toEqual([]);
    expect(
      planChanges(
        v1,
        plan({
          version: 2,
          steps: [...v1.steps, { order: 3, action: '通知客户经理', owner: '科技部' }],
          circuitIds: [],
          siteIds: ['bank-a-S-001'],
        }),
      ),
    ).toEqual(['steps', 'circuits', 'sites']);
  });

  it('calls a located fault or a raised critical/major alarm a major incident', () => {
    expect(hasMajorIncident(null, [])).toBe(false);
    expect(hasMajorIncident({ severity: 'down' }, [])).toBe(true);
    expect(hasMajorIncident(null, [{ state: 'raised', perceivedSeverity: 'minor' }])).toBe(false);
    expect(hasMajorIncident(null, [{ state: 'cleared', perceivedSeverity: 'critical' }])).toBe(
      false,
    );
    expect(hasMajorIncident(null, [{ state: 'raised', perceivedSeverity: 'major' }])).toBe(true);
  });
});

describe('emergency plans effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
  });

  it('lists the chosen customer’s plans in one page', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadEmergencyPlans()));
    actions$.next(EmergencyPlansPageActions.opened({ customerId: 'bank-a' }));
    const req = http.expectOne((r) => r.url === '/api/v1/emergency-plans');
    expect(req.request.params.get('customerId')).toBe('bank-a');
    expect(req.request.params.get('pageSize')).toBe('500');
    req.flush({ items: [plan()], page: 1, pageSize: 500, total: 1 });
    expect(await out).toEqual(
      EmergencyPlansApiActions.listLoaded({ customerId: 'bank-a', plans: [plan()] }),
    );
  });

  it('writes the next version with the version it is based on, once however often asked', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(saveEmergencyPlan()));
    actions$.next(
      EmergencyPlansPageActions.updateRequested({ planId: 'ep-1', version: 3, plan: body }),
    );
    actions$.next(
      EmergencyPlansPageActions.updateRequested({ planId: 'ep-1', version: 3, plan: body }),
    );
    const puts = http.match((r) => r.url === '/api/v1/emergency-plans/ep-1');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.request.method).toBe('PUT');
    expect(puts[0]!.request.body).toEqual({ ...body, version: 3 });
    puts[0]!.flush(problemBody(409, 'Emergency plan ep-1 is at version 4'), {
      status: 409,
      statusText: 'Conflict',
    });
    expect(await out).toMatchObject({
      type: EmergencyPlansApiActions.saveFailed.type,
      error: { status: 409, detail: 'Emergency plan ep-1 is at version 4' },
    });
  });

  it('creates a plan with POST', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(saveEmergencyPlan()));
    actions$.next(EmergencyPlansPageActions.createRequested({ plan: body }));
    const req = http.expectOne((r) => r.url === '/api/v1/emergency-plans' && r.method === 'POST');
    expect(req.request.body).toEqual(body);
    req.flush(plan());
    expect(await out).toEqual(EmergencyPlansApiActions.saved({ plan: plan(), created: true }));
  });

  it('searches the circuits of the customer shown', async () => {
    jest.useFakeTimers();
    try {
      const http = setUpApiTestBed({
        actions$: () => actions$,
        state: { emergencyPlans: { ...initialEmergencyPlansState, customerId: 'bank-a' } },
      });
      const out = TestBed.runInInjectionContext(() => firstValueFrom(searchPlanCircuits()));
      actions$.next(EmergencyPlansPageActions.circuitSearched({ q: ' 金桥 ' }));
      jest.advanceTimersByTime(300);
      const req = http.expectOne((r) => r.url === '/api/v1/circuits');
      expect(req.request.params.get('q')).toBe('金桥');
      expect(req.request.params.get('customerId')).toBe('bank-a');
      req.flush({ items: [], page: 1, pageSize: 20, total: 0 });
      expect(await out).toEqual(
        EmergencyPlansApiActions.circuitsFound({ q: ' 金桥 ', circuits: [] }),
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('reads the plans of each circuit of the incident once', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() =>
      firstValueFrom(loadCircuitPlans().pipe(take(2), toArray())),
    );
    actions$.next(EmergencyPlanPanelActions.opened({ circuitIds: ['c1', 'c2', 'c1'] }));
    http.expectOne('/api/v1/circuits/c1/emergency-plans').flush([plan()]);
    http
      .expectOne('/api/v1/circuits/c2/emergency-plans')
      .flush(problemBody(404, 'Circuit c2 not found.'), { status: 404, statusText: 'Not Found' });
    http.verify();
    const got = await out;
    expect(got[0]).toEqual(
      EmergencyPlansApiActions.circuitPlansLoaded({ circuitId: 'c1', plans: [plan()] }),
    );
    expect(got[1]).toMatchObject({ circuitId: 'c2', error: { status: 404 } });
  });
});
