import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  type ElementNodeDto,
  type ImpactDto,
  MaintenancePageActions,
  type MaintenanceWindowDto,
  initialAuthState,
  initialCustomersState,
  initialMaintenanceState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { MaintenancePage } from './maintenance.page';

const element = (id: string, role: ElementNodeDto['role'], name: string): ElementNodeDto => ({
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

const mw = (over: Partial<MaintenanceWindowDto> = {}): MaintenanceWindowDto => ({
  id: 'mw-1',
  title: '宜昌 PE 升级',
  description: '',
  elementIds: ['YC-PE-01'],
  linkIds: [],
  start: '2030-12-20T16:00:00Z',
  end: '2030-12-20T20:00:00Z',
  status: 'planned',
  circuits: [
    { id: 'bank-a-MPLS-0001', name: '宜昌分行 MPLS', customerId: 'bank-a' },
    { id: 'bank-b-MPLS-0001', name: '宜昌支行 MPLS', customerId: 'bank-b' },
  ],
  customerIds: ['bank-a', 'bank-b'],
  circuitCount: 2,
  createdBy: 'noc.li',
  createdAt: '2030-12-07T00:00:00Z',
  approvedBy: null,
  approvedAt: null,
  cancelledBy: null,
  cancelledAt: null,
  ...over,
});

jest.setTimeout(30_000);

async function render(username: string, maintenance: object, lang: 'zh-CN' | 'en' = 'en') {
  TestBed.configureTestingModule({
    imports: [MaintenancePage],
    providers: [
      provideRouter([]),
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'signed-in',
            user: { role: 'noc-operator', username, customerId: null, displayName: username },
          },
          customers: { ...initialCustomersState, ids: loaded(['bank-a', 'bank-b']) },
          maintenance: { ...initialMaintenanceState, open: true, ...maintenance },
        },
      }),
      ...provideTestTranslations(),
    ],
  });
  await useLanguage(TestBed.inject(TranslateService), lang);
  const store = TestBed.inject(MockStore);
  const dispatched: { type: string }[] = [];
  store.scannedActions$.subscribe((a) => dispatched.push(a));
  const fixture = TestBed.createComponent(MaintenancePage);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement, dispatched, store };
}

describe('MaintenancePage', () => {
  it('picks an element, shows what it carries and plans a window on it', async () => {
    const impact = {
      circuitCount: 14,
      customerCount: 2,
      customers: [
        { customerId: 'bank-a', customerName: '江汉银行', circuitCount: 9 },
        { customerId: 'bank-b', customerName: '楚天商业银行', circuitCount: 5 },
      ],
    } as ImpactDto;
    const { el, fixture, dispatched } = await render('noc.li', {
      windows: loaded([]),
      elementsCustomerId: 'bank-a',
      elements: loaded([
        element('WH-CPE-0001', 'cpe', '武汉 CPE'),
        element('YC-PE-01', 'pe', '宜昌 PE 1'),
      ]),
      impacts: { 'YC-PE-01': loaded(impact) },
    });
    expect(dispatched).toContainEqual(MaintenancePageActions.opened());
    expect(dispatched).toContainEqual(
      MaintenancePageActions.elementsRequested({ customerId: 'bank-a' }),
    );
    (el.querySelector('[data-testid=maintenance-plan-open]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const options = el.querySelectorAll('[data-testid=maintenance-element-option]');
    // Operator elements first.
    expect(options[0]?.getAttribute('data-element-id')).toBe('YC-PE-01');
    (options[0] as HTMLButtonElement).click();
    await fixture.whenStable();
    const picked = el.querySelector('[data-testid=maintenance-impact][data-element-id=YC-PE-01]');
    expect(picked?.textContent).toContain('Carries 14 circuits of 2 customers');
    expect(picked?.textContent).toContain('楚天商业银行 (5)');
    // Its name is a first title.
    expect((el.querySelector('[data-testid=maintenance-title]') as HTMLInputElement).value).toBe(
      '宜昌 PE 1',
    );
    (el.querySelector('[data-testid=maintenance-submit]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const plan = dispatched.find((a) => a.type === MaintenancePageActions.planSubmitted.type) as
      ReturnType<typeof MaintenancePageActions.planSubmitted> | undefined;
    expect(plan?.window).toMatchObject({ title: '宜昌 PE 1', elementIds: ['YC-PE-01'] });
    expect(Date.parse(plan!.window.end) - Date.parse(plan!.window.start)).toBe(4 * 3_600_000);
  });

  it('does not let the planner approve its own window, but another operator', async () => {
    const own = await render('noc.li', { windows: loaded([mw()]), selectedId: 'mw-1' }, 'zh-CN');
    const approve = own.el.querySelector('[data-testid=maintenance-approve]') as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    expect(own.el.querySelector('[data-testid=maintenance-detail]')?.textContent).toContain(
      '须由计划人以外的人员审批。',
    );
    expect(
      Array.from(own.el.querySelectorAll('[data-testid=maintenance-customers] li')).map((li) =>
        li.getAttribute('data-customer-id'),
      ),
    ).toEqual(['bank-a', 'bank-b']);
    TestBed.resetTestingModule();

    const other = await render('admin', { windows: loaded([mw()]), selectedId: 'mw-1' });
    (other.el.querySelector('[data-testid=maintenance-approve]') as HTMLButtonElement).click();
    await other.fixture.whenStable();
    expect(other.dispatched).toContainEqual(
      MaintenancePageActions.actionRequested({ id: 'mw-1', action: 'approve' }),
    );
  });

  it('announces an approved window once and then shows the announcement', async () => {
    const { el, fixture, dispatched, store } = await render('noc.li', {
      windows: loaded([mw({ status: 'approved', approvedBy: 'admin' })]),
      selectedId: 'mw-1',
    });
    (el.querySelector('[data-testid=maintenance-announce]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(
      MaintenancePageActions.actionRequested({ id: 'mw-1', action: 'announce' }),
    );
    store.setState({
      ...(store as unknown as { lastState: object }).lastState,
      auth: {
        ...initialAuthState,
        status: 'signed-in',
        user: { role: 'noc-operator', username: 'noc.li', customerId: null, displayName: 'n' },
      },
      customers: initialCustomersState,
      maintenance: {
        ...initialMaintenanceState,
        open: true,
        windows: loaded([mw({ status: 'approved', approvedBy: 'admin' })]),
        selectedId: 'mw-1',
        announcements: {
          'mw-1': {
            id: 'ann-mw-1',
            kind: 'maintenance',
            title: '计划维护通知 / Planned maintenance: 宜昌 PE 升级',
            notifiedCount: 4,
          },
        },
      },
    });
    await fixture.whenStable();
    expect(
      (el.querySelector('[data-testid=maintenance-announce]') as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(el.querySelector('[data-testid=maintenance-announcement]')?.textContent).toContain(
      '4 notified',
    );
  });
});
