import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, type Subject } from 'rxjs';

import type { AnnouncementDto } from '../../generated/models/announcement-dto';
import type { ElementNodeDto } from '../../generated/models/element-node-dto';
import type { MaintenanceWindowDto } from '../../generated/models/maintenance-window-dto';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { MaintenanceApiActions } from './maintenance-api.actions';
import { MaintenancePageActions } from './maintenance-page.actions';
import {
  actOnMaintenance,
  loadMaintenanceElements,
  loadMaintenanceWindows,
  planMaintenance,
} from './maintenance.effects';
import {
  initialMaintenanceState,
  maintenanceActions,
  maintenanceFeature,
  matchElements,
} from './maintenance.feature';

const mw = (id: string, over: Partial<MaintenanceWindowDto> = {}): MaintenanceWindowDto => ({
  id,
  title: id,
  description: '',
  elementIds: ['YC-PE-01'],
  linkIds: [],
  start: '2026-12-20T16:00:00Z',
  end: '2026-12-20T20:00:00Z',
  status: 'planned',
  circuits: [{ id: 'bank-a-MPLS-0001', name: 'MPLS 1', customerId: 'bank-a' }],
  customerIds: ['bank-a'],
  circuitCount: 1,
  createdBy: 'noc.li',
  createdAt: '2026-12-07T00:00:00Z',
  approvedBy: null,
  approvedAt: null,
  cancelledBy: null,
  cancelledAt: null,
  ...over,
});

const el = (id: string, role: ElementNodeDto['role'], name = id): ElementNodeDto => ({
  id,
  name,
  role,
  segment: role === 'cpe' ? 'customer-side' : role,
  shared: role !== 'cpe',
  model: 'NE40E',
  vendor: 'Huawei',
  siteId: 's',
  status: 'up',
  silent: false,
  alarmIds: [],
  circuitIds: [],
});

const announcement = (id: string, windowId: string | null): AnnouncementDto => ({
  id,
  kind: windowId ? 'maintenance' : 'platform',
  title: id,
  body: '',
  audience: 'customers',
  customerIds: ['bank-a'],
  maintenanceWindowId: windowId,
  publishAt: '2026-12-07T00:00:00Z',
  expiresAt: '2026-12-21T00:00:00Z',
  createdAt: '2026-12-07T00:00:00Z',
  notifiedCount: 2,
});

describe('maintenance feature', () => {
  it('lists planned windows first, soonest first, and remembers which were announced', () => {
    let s = maintenanceFeature.reducer(
      initialMaintenanceState,
      MaintenanceApiActions.listed({
        page: {
          items: [
            mw('done', { status: 'completed' }),
            mw('late', { start: '2026-12-28T00:00:00Z' }),
            mw('approved', { status: 'approved' }),
            mw('soon', { start: '2026-12-10T00:00:00Z' }),
          ],
          page: 1,
          pageSize: 100,
          total: 4,
        },
      }),
    );
    expect(maintenanceFeature.selectSorted.projector(s.windows).map((w) => w.id)).toEqual([
      'soon',
      'late',
      'approved',
      'done',
    ]);
    s = maintenanceFeature.reducer(
      s,
      MaintenanceApiActions.announcementsListed({
        announcements: [announcement('ann-approved', 'approved')],
      }),
    );
    expect(Object.keys(s.announcements)).toEqual(['approved']);
  });

  it('selects a window just planned and replaces it when it moves on', () => {
    let s = maintenanceFeature.reducer(
      initialMaintenanceState,
      MaintenancePageActions.planSubmitted({ window: {} as never }),
    );
    expect(s.planning).toBe(true);
    s = maintenanceFeature.reducer(s, MaintenanceApiActions.planned({ window: mw('m1') }));
    expect(s).toMatchObject({ planning: false, selectedId: 'm1' });
    expect(maintenanceFeature.selectSelected.projector(s.windows, s.selectedId)?.id).toBe('m1');
    s = maintenanceFeature.reducer(
      s,
      MaintenancePageActions.actionRequested({ id: 'm1', action: 'approve' }),
    );
    expect(s.acting).toEqual(['m1']);
    s = maintenanceFeature.reducer(
      s,
      MaintenanceApiActions.transitioned({ window: mw('m1', { status: 'approved' }) }),
    );
    expect(s.acting).toEqual([]);
    expect(s.windows.data).toHaveLength(1);
    expect(s.windows.data?.[0]?.status).toBe('approved');
    s = maintenanceFeature.reducer(
      s,
      MaintenanceApiActions.announced({
        windowId: 'm1',
        announcement: announcement('ann-m1', 'm1'),
      }),
    );
    expect(s.announcements['m1']?.id).toBe('ann-m1');
  });

  it('lets only another operator approve, and announces an approved window once', () => {
    const allowed = (w: MaintenanceWindowDto, user: string, announced = false) =>
      maintenanceActions(w, user, announced).map(
        (a) => `${a.action}:${a.allowed ? 'yes' : a.reason}`,
      );
    expect(allowed(mw('m'), 'noc.li')).toEqual(['approve:own', 'cancel:yes']);
    expect(allowed(mw('m'), 'admin')).toEqual(['approve:yes', 'cancel:yes']);
    const approved = mw('m', { status: 'approved' });
    expect(allowed(approved, 'noc.li')).toEqual(['announce:yes', 'complete:yes', 'cancel:yes']);
    expect(allowed(approved, 'noc.li', true)[0]).toBe('announce:announced');
    expect(allowed(mw('m', { status: 'approved', customerIds: [] }), 'noc.li')[0]).toBe(
      'announce:noCustomers',
    );
    expect(allowed(mw('m', { status: 'completed' }), 'noc.li')).toEqual([]);
  });

  it('finds elements by every word typed, operator elements before CPEs', () => {
    const elements = [
      el('WH-CPE-0001', 'cpe', '武汉 CPE 1'),
      el('YC-PE-01', 'pe', '宜昌 PE 1'),
      el('HB-CORE-01', 'core', '湖北核心 1'),
      el('YC-ACC-01', 'access', '宜昌接入 1'),
    ];
    expect(matchElements(elements, '').map((e) => e.id)).toEqual([
      'HB-CORE-01',
      'YC-PE-01',
      'YC-ACC-01',
      'WH-CPE-0001',
    ]);
    expect(matchElements(elements, 'yc').map((e) => e.id)).toEqual(['YC-PE-01', 'YC-ACC-01']);
    expect(matchElements(elements, '宜昌 pe').map((e) => e.id)).toEqual(['YC-PE-01']);
    expect(matchElements(elements, 'huawei', 2)).toHaveLength(2);
  });
});

describe('maintenance effects', () => {
  let actions$: Subject<Action>;
  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
  });

  it('reads the windows and the maintenance announcements when the page opens', () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out: Action[] = [];
    TestBed.runInInjectionContext(() => loadMaintenanceWindows().subscribe((a) => out.push(a)));
    actions$.next(MaintenancePageActions.opened());
    const list = http.expectOne((r) => r.url === '/api/v1/maintenance-windows');
    expect(list.request.params.get('sort')).toBe('-start');
    const anns = http.expectOne((r) => r.url === '/api/v1/announcements');
    expect(anns.request.params.get('all')).toBe('true');
    list.flush({ items: [mw('m1')], page: 1, pageSize: 100, total: 1 });
    anns.flush({
      items: [announcement('p', null), announcement('ann-m1', 'm1')],
      page: 1,
      pageSize: 500,
      total: 2,
    });
    expect(out[0]).toMatchObject({ type: MaintenanceApiActions.listed.type });
    expect(out[1]).toEqual(
      MaintenanceApiActions.announcementsListed({ announcements: [announcement('ann-m1', 'm1')] }),
    );
  });

  it('reads a customer’s elements from its topology structure', () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out: Action[] = [];
    TestBed.runInInjectionContext(() => loadMaintenanceElements().subscribe((a) => out.push(a)));
    actions$.next(MaintenancePageActions.elementsRequested({ customerId: 'bank-b' }));
    const req = http.expectOne((r) => r.url === '/api/v1/topology');
    expect(req.request.params.get('customerId')).toBe('bank-b');
    expect(req.request.params.get('format')).toBe('structure');
    req.flush({ structure: { elements: [el('YC-PE-01', 'pe')] } });
    expect(out[0]).toMatchObject({
      type: MaintenanceApiActions.elementsLoaded.type,
      customerId: 'bank-b',
      elements: [{ id: 'YC-PE-01' }],
    });
  });

  it('plans once however often it is submitted while the first is on its way', () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    TestBed.runInInjectionContext(() => planMaintenance().subscribe());
    const window = {
      title: 'YC-PE-01 升级',
      elementIds: ['YC-PE-01'],
      start: '2026-12-20T16:00:00.000Z',
      end: '2026-12-20T20:00:00.000Z',
    };
    actions$.next(MaintenancePageActions.planSubmitted({ window }));
    actions$.next(MaintenancePageActions.planSubmitted({ window }));
    const posts = http.match((r) => r.url === '/api/v1/maintenance-windows' && r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.request.body).toEqual(window);
  });

  it('sends each command to its route and says why one was refused', () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out: Action[] = [];
    TestBed.runInInjectionContext(() => actOnMaintenance().subscribe((a) => out.push(a)));
    actions$.next(MaintenancePageActions.actionRequested({ id: 'm1', action: 'approve' }));
    actions$.next(MaintenancePageActions.actionRequested({ id: 'm2', action: 'announce' }));
    actions$.next(MaintenancePageActions.actionRequested({ id: 'm3', action: 'complete' }));
    actions$.next(MaintenancePageActions.actionRequested({ id: 'm4', action: 'cancel' }));
    http
      .expectOne('/api/v1/maintenance-windows/m1/approve')
      .flush(problemBody(403, 'must be approved by someone other than its creator'), {
        status: 403,
        statusText: 'Forbidden',
      });
    http
      .expectOne('/api/v1/maintenance-windows/m2/announce')
      .flush(announcement('ann-m2', 'm2'), { status: 201, statusText: 'Created' });
    http
      .expectOne('/api/v1/maintenance-windows/m3/complete')
      .flush(mw('m3', { status: 'completed' }));
    http
      .expectOne('/api/v1/maintenance-windows/m4/cancel')
      .flush(mw('m4', { status: 'cancelled' }));
    expect(out.map((a) => a.type)).toEqual([
      MaintenanceApiActions.actionFailed.type,
      MaintenanceApiActions.announced.type,
      MaintenanceApiActions.transitioned.type,
      MaintenanceApiActions.transitioned.type,
    ]);
    expect(out[0]).toMatchObject({ id: 'm1', error: { status: 403 } });
    expect(out[1]).toMatchObject({ windowId: 'm2', announcement: { id: 'ann-m2' } });
  });
});
