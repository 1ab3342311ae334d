import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  CustomersPageActions,
  type CustomersState,
  type EmergencyPlanDto,
  EmergencyPlansPageActions,
  type EmergencyPlansState,
  initialAuthState,
  initialCustomersState,
  initialEmergencyPlansState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { testPlan } from './emergency-plan.testing';
import { EmergencyPlansPage } from './emergency-plans.page';

// The first render compiles the Material components: slow on a loaded 2-core box.
jest.setTimeout(30_000);

const v3 = testPlan();
const v2 = testPlan({
  version: 2,
  updatedBy: 'bank-a.admin',
  updatedAt: '2026-12-06T02:00:00.000Z',
  steps: [{ order: 1, action: '确认网点业务影响', owner: '网点' }],
});
const v1 = testPlan({
  ...v2,
  version: 1,
  title: '专线中断预案',
  updatedAt: '2026-12-05T02:00:00.000Z',
});

describe('EmergencyPlansPage', () => {
  async function render(
    role: string,
    over: Partial<EmergencyPlansState> = {},
    customers: CustomersState = initialCustomersState,
  ) {
    const initialState = {
      auth: {
        ...initialAuthState,
        status: 'signed-in',
        user: {
          role,
          customerId: role.startsWith('customer-') ? 'bank-a' : null,
          displayName: 'A',
        },
      },
      customers,
      emergencyPlans: {
        ...initialEmergencyPlansState,
        open: true,
        customerId: 'bank-a',
        list: loaded<EmergencyPlanDto[]>([v3]),
        selectedId: 'ep-1',
        versions: loaded([v3, v2, v1]),
        ...over,
      },
    };
    TestBed.configureTestingModule({
      imports: [EmergencyPlansPage],
      providers: [
        provideRouter([]),
        provideMockStore({ initialState }),
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), 'en');
    const store = TestBed.inject(MockStore);
    const dispatched: { type: string }[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(EmergencyPlansPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const click = async (testId: string) => {
      el.querySelector<HTMLElement>(`[data-testid=${testId}]`)!.click();
      await fixture.whenStable();
    };
    return { fixture, el, dispatched, store, click, initialState };
  }

  it('lists the customer’s plans and shows the selected one', async () => {
    const { el, dispatched } = await render('customer-viewer');
    expect(dispatched).toContainEqual(EmergencyPlansPageActions.opened({ customerId: 'bank-a' }));
    expect(el.querySelectorAll('[data-testid=plan-item]')).toHaveLength(1);
    expect(el.querySelector('[data-testid=plan-item]')!.textContent).toContain(
      '2 contacts · 2 steps · 1 circuits · 0 sites',
    );
    expect(el.querySelector('[data-testid=plan-title]')!.textContent).toBe(v3.title);
    expect(el.querySelector('[data-testid=plan-version]')!.textContent).toContain('Version 3');
    expect(el.querySelector('[data-testid=plan-circuit]')!.getAttribute('href')).toBe(
      '/circuits/bank-a-MPLS-0053',
    );
    // Read-only for everyone but the customer admin, as the API allows.
    expect(el.querySelector('[data-testid=plan-new]')).toBeNull();
    expect(el.querySelector('[data-testid=plan-edit]')).toBeNull();
  });

  it('shows who changed what, when, and reads an old version', async () => {
    const { el, fixture } = await render('customer-admin');
    el.querySelector<HTMLElement>('[data-testid=plan-tab-history] button')!.click();
    await fixture.whenStable();
    const rows = [...el.querySelectorAll('[data-testid=plan-version-row]')];
    expect(rows.map((r) => r.getAttribute('data-version'))).toEqual(['3', '2', '1']);
    expect(rows[0]!.textContent).toContain('Steps');
    expect(rows[0]!.textContent).toContain('bank-a.admin');
    expect(rows[1]!.textContent).toContain('Title');
    expect(rows[2]!.textContent).toContain('Created');
    rows[2]!.querySelector<HTMLButtonElement>('[data-testid=plan-version-view]')!.click();
    await new Promise((r) => setTimeout(r));
    expect(el.querySelector('[data-testid=plan-title]')!.textContent).toBe('专线中断预案');
    expect(el.querySelector('[data-testid=plan-old-version]')!.textContent).toContain(
      'You are reading version 1; the current one is version 3.',
    );
  });

  it('writes the next version of the plan from the editor, based on the version shown', async () => {
    const { el, fixture, click, dispatched } = await render('customer-admin');
    await click('plan-edit');
    const title = el.querySelector<HTMLInputElement>('[data-testid=plan-title-input]')!;
    expect(title.value).toBe(v3.title);
    expect(el.querySelectorAll('[data-testid=plan-contact-row]')).toHaveLength(2);
    await click('plan-step-add');
    const actions = el.querySelectorAll<HTMLInputElement>('[data-testid=plan-step-action]');
    const owners = el.querySelectorAll<HTMLInputElement>('[data-testid=plan-step-owner]');
    actions[2]!.value = '通知客户经理';
    actions[2]!.dispatchEvent(new Event('input'));
    owners[2]!.value = '科技部';
    owners[2]!.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await click('plan-save');
    const update = dispatched.find(
      (a) => a.type === EmergencyPlansPageActions.updateRequested.type,
    ) as ReturnType<typeof EmergencyPlansPageActions.updateRequested> | undefined;
    expect(update).toMatchObject({ planId: 'ep-1', version: 3 });
    expect(update!.plan.steps).toEqual([
      { order: 1, action: '确认网点业务影响', owner: '网点' },
      { order: 2, action: '启用 4G 备份线路', owner: '网络值班' },
      { order: 3, action: '通知客户经理', owner: '科技部' },
    ]);
    expect(update!.plan.contacts[1]).toEqual({
      level: 2,
      name: '李主任',
      role: '科技部主任',
      phone: '027-8888 0002',
      email: 'li@a.example',
    });
    expect(update!.plan.circuitIds).toEqual(['bank-a-MPLS-0053']);
  });

  it('does not send a new plan with missing fields or a bad phone number', async () => {
    const { el, fixture, click, dispatched } = await render('customer-admin', {
      list: loaded([]),
      selectedId: null,
      versions: loaded([]),
    });
    expect(el.querySelector('[data-testid=plan-detail] .cc-empty')!.textContent).toContain(
      'No plan yet',
    );
    await click('plan-new');
    const phone = el.querySelector<HTMLInputElement>('[data-testid=plan-contact-phone]')!;
    phone.value = 'call me';
    phone.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await click('plan-save');
    expect(dispatched.some((a) => a.type === EmergencyPlansPageActions.createRequested.type)).toBe(
      false,
    );
    expect(el.querySelector('[data-testid=plan-invalid]')).not.toBeNull();
    expect(el.textContent).toContain('Digits, spaces, dashes, an optional leading +');
  });

  it('links circuits and their end sites found by the circuit search to a new plan', async () => {
    const { el, fixture, click, dispatched, store, initialState } = await render('customer-admin', {
      list: loaded([]),
      selectedId: null,
      versions: loaded([]),
    });
    await click('plan-new');
    expect(dispatched).toContainEqual(EmergencyPlansPageActions.circuitSearched({ q: '' }));
    store.setState({
      ...initialState,
      emergencyPlans: {
        ...initialState.emergencyPlans,
        circuits: loaded([
          {
            id: 'bank-a-MPLS-0053',
            name: '武汉金桥支行 MPLS',
            customerId: 'bank-a',
            orgUnitId: 'bank-a-HB-WH',
            product: 'mpls-vpn',
            slaClass: 'gold',
            state: 'down',
            stateSince: '2026-12-07T01:00:00Z',
            bandwidthBps: 10_000_000,
            activeAlarmCount: 2,
            aEnd: { siteId: 'bank-a-S-0044', siteName: '金桥支行' },
            zEnd: { siteId: 'bank-a-S-HB', siteName: '湖北分行' },
          },
        ]),
      },
    });
    await fixture.whenStable();
    await click('plan-circuit-add');
    await click('plan-site-add-a');
    expect(el.querySelector('[data-testid=plan-linked-circuit]')!.textContent.trim()).toContain(
      '武汉金桥支行 MPLS',
    );
    const set = (testId: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid=${testId}]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('plan-title-input', '金桥支行专线中断应急预案');
    set('plan-contact-name', '王工');
    set('plan-contact-role', '网络值班');
    set('plan-contact-phone', '+86 138 0000 0001');
    set('plan-step-action', '启用 4G 备份线路');
    set('plan-step-owner', '网络值班');
    await fixture.whenStable();
    await click('plan-save');
    const create = dispatched.find(
      (a) => a.type === EmergencyPlansPageActions.createRequested.type,
    ) as ReturnType<typeof EmergencyPlansPageActions.createRequested> | undefined;
    expect(create?.plan).toEqual({
      title: '金桥支行专线中断应急预案',
      scenario: '',
      circuitIds: ['bank-a-MPLS-0053'],
      siteIds: ['bank-a-S-0044'],
      contacts: [
        { level: 1, name: '王工', role: '网络值班', phone: '+86 138 0000 0001', email: null },
      ],
      steps: [{ order: 1, action: '启用 4G 备份线路', owner: '网络值班' }],
    });
  });

  it('gives the NOC a customer picker and the plans of the customer chosen, read only', async () => {
    const { el, dispatched } = await render(
      'noc-operator',
      {},
      {
        ...initialCustomersState,
        ids: loaded(['bank-a', 'bank-b']),
        health: {
          'bank-a': loaded({ customerName: '江汉银行' } as never),
          'bank-b': loaded({ customerName: '楚天商业银行' } as never),
        },
      },
    );
    expect(dispatched).toContainEqual(CustomersPageActions.opened());
    expect(dispatched).toContainEqual(EmergencyPlansPageActions.opened({ customerId: 'bank-a' }));
    expect(el.querySelector('[data-testid=plans-customer]')).not.toBeNull();
    expect(el.querySelector('[data-testid=plan-item]')!.textContent).toContain('江汉银行');
    expect(el.querySelector('[data-testid=plan-new]')).toBeNull();
    expect(el.querySelector('[data-testid=plan-edit]')).toBeNull();
  });
});
