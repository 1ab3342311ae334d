import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  EmergencyPlanPanelActions,
  type EmergencyPlanDto,
  type Loadable,
  failed,
  idle,
  initialAuthState,
  initialEmergencyPlansState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { EmergencyPlanPanelComponent } from './emergency-plan-panel.component';
import { testPlan } from './emergency-plan.testing';

jest.setTimeout(30_000);

describe('EmergencyPlanPanelComponent', () => {
  async function render(
    byCircuit: Record<string, Loadable<EmergencyPlanDto[]>>,
    role = 'customer-engineer',
    lang: 'zh-CN' | 'en' = 'zh-CN',
  ) {
    TestBed.configureTestingModule({
      imports: [EmergencyPlanPanelComponent],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: {
            auth: { ...initialAuthState, status: 'signed-in', user: { role } },
            emergencyPlans: { ...initialEmergencyPlansState, byCircuit },
          },
        }),
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), lang);
    const store = TestBed.inject(MockStore);
    const dispatched: { type: string }[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(EmergencyPlanPanelComponent);
    fixture.componentRef.setInput('circuitIds', ['bank-a-MPLS-0053']);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, dispatched };
  }

  it('asks for the circuit’s plans and shows contact tree, steps and version', async () => {
    const { el, fixture, dispatched } = await render({
      'bank-a-MPLS-0053': loaded([testPlan()]),
    });
    expect(dispatched).toContainEqual(
      EmergencyPlanPanelActions.opened({ circuitIds: ['bank-a-MPLS-0053'] }),
    );
    const panel = el.querySelector('[data-testid=emergency-plan-panel]')!;
    expect(panel.querySelector('h2')!.textContent).toContain('应急预案');
    expect(panel.querySelector('h3')!.textContent).toBe('金桥支行专线中断应急预案');
    expect(el.querySelector('[data-testid=emergency-plan-version]')!.textContent).toContain(
      '第 3 版',
    );
    expect(panel.textContent).toContain('bank-a.admin');
    const calls = [...el.querySelectorAll<HTMLAnchorElement>('[data-testid=plan-contact-call]')];
    expect(calls.map((a) => a.getAttribute('href'))).toEqual([
      'tel:+8613800000001',
      'tel:02788880002',
    ]);
    expect(calls[0]!.getAttribute('aria-label')).toBe('拨打 王工 +86 138 0000 0001');
    expect(el.querySelectorAll('.level')[0]!.textContent).toContain('一级');
    // The steps are a checklist, ticked off while working through the incident.
    expect(el.querySelector('[data-testid=plan-steps-done]')!.textContent).toContain('0/2');
    el.querySelector<HTMLInputElement>('[data-testid=plan-step] input')!.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=plan-steps-done]')!.textContent).toContain('1/2');
  });

  it('says when no plan is linked, and offers the customer admin to write one', async () => {
    const { el } = await render({ 'bank-a-MPLS-0053': loaded([]) }, 'customer-admin', 'en');
    expect(el.querySelector('[data-testid=emergency-plan-none]')!.textContent).toContain(
      'No emergency plan is linked to this circuit or its sites.',
    );
    expect(el.querySelector('[data-testid=emergency-plan-none] a')!.textContent).toContain(
      'Create one',
    );
  });

  it('stays out of the way of a caller the API does not let read the plans', async () => {
    const { el } = await render({
      'bank-a-MPLS-0053': failed(idle<EmergencyPlanDto[]>(), {
        status: 404,
        title: 'Not Found',
        detail: 'Circuit not found.',
      }),
    });
    expect(el.querySelector('[data-testid=emergency-plan-panel]')).toBeNull();
  });
});
