import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  AssurancePageActions,
  type AssuranceWindowDto,
  type CircuitSummaryDto,
  type Role,
  initialAssuranceState,
  initialAuthState,
  initialCustomersState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { AssuranceDashboardPage } from './assurance-dashboard.page';
import { AssurancePage } from './assurance.page';
import { fromLocalInput, toLocalInput } from './datetime-local';

const win = (id: string, over: Partial<AssuranceWindowDto> = {}): AssuranceWindowDto => ({
  id,
  customerId: 'bank-a',
  title: `年终决算 ${id}`,
  reason: '年终决算期间核心业务',
  circuitIds: ['bank-a-MPLS-0001', 'bank-a-MPLS-0002'],
  start: '2030-12-30T16:00:00Z',
  end: '2031-01-02T16:00:00Z',
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
  requestedAt: '2030-12-01T00:00:00Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  notices: 0,
  reportId: null,
  ...over,
});

const circuit = (id: string, name: string): CircuitSummaryDto =>
  ({ id, name, state: 'up', customerId: 'bank-a' }) as CircuitSummaryDto;

// The first render compiles the Material components: slow on a loaded 2-core box.
jest.setTimeout(30_000);

async function render<T>(
  component: Type<T>,
  role: Role,
  assurance: object,
  lang: 'zh-CN' | 'en' = 'en',
  inputs: Record<string, unknown> = {},
) {
  TestBed.configureTestingModule({
    imports: [component],
    providers: [
      provideRouter([]),
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'signed-in',
            user: {
              role,
              username: role === 'noc-operator' ? 'noc.li' : 'bank-a.admin',
              customerId: role.startsWith('customer') ? 'bank-a' : null,
              displayName: 'X',
            },
          },
          customers: initialCustomersState,
          assurance: { ...initialAssuranceState, open: true, ...assurance },
        },
      }),
      ...provideTestTranslations(),
    ],
  });
  await useLanguage(TestBed.inject(TranslateService), lang);
  const store = TestBed.inject(MockStore);
  const dispatched: { type: string }[] = [];
  store.scannedActions$.subscribe((a) => dispatched.push(a));
  const fixture = TestBed.createComponent(component);
  for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement, dispatched };
}

describe('AssurancePage', () => {
  it('lets a customer admin pick circuits and request a window for its own customer', async () => {
    const { el, fixture, dispatched } = await render(AssurancePage, 'customer-admin', {
      customerId: 'bank-a',
      windows: loaded([]),
      circuits: loaded([circuit('c1', '武汉分行 MPLS'), circuit('c2', '宜昌分行 MPLS')]),
    });
    expect(dispatched).toContainEqual(AssurancePageActions.opened({ customerId: 'bank-a' }));
    // No approval queue for a customer.
    expect(el.querySelector('[data-testid=assurance-pending]')).toBeNull();

    // The form opens on demand.
    expect(el.querySelector('[data-testid=assurance-form]')).toBeNull();
    (el.querySelector('[data-testid=assurance-request-open]') as HTMLButtonElement).click();
    await fixture.whenStable();
    // Sending without a title or circuits says what is missing, and sends nothing.
    (el.querySelector('[data-testid=assurance-submit]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(el.querySelector('.problems')?.textContent).toContain('Choose at least one circuit.');
    expect(dispatched.some((a) => a.type === AssurancePageActions.requestSubmitted.type)).toBe(
      false,
    );

    const title = el.querySelector('[data-testid=assurance-title]') as HTMLInputElement;
    title.value = '年终决算保障';
    title.dispatchEvent(new Event('input'));
    const option = el.querySelector(
      '[data-testid=assurance-circuit-option][data-circuit-id=c2] input',
    ) as HTMLInputElement;
    option.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=assurance-chosen]')?.textContent).toContain('1 chosen');
    (el.querySelector('[data-testid=assurance-submit]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const sent = dispatched.find((a) => a.type === AssurancePageActions.requestSubmitted.type) as
      ReturnType<typeof AssurancePageActions.requestSubmitted> | undefined;
    expect(sent?.request).toMatchObject({
      customerId: 'bank-a',
      title: '年终决算保障',
      circuitIds: ['c2'],
    });
    expect(Date.parse(sent!.request.end) - Date.parse(sent!.request.start)).toBe(72 * 3_600_000);
  });

  it('shows the NOC the requests waiting and approves one with the poll interval', async () => {
    const { el, fixture, dispatched } = await render(
      AssurancePage,
      'noc-operator',
      {
        windows: loaded([
          win('w1'),
          win('w2', { status: 'approved', phase: 'running', decidedBy: 'noc.li' }),
        ]),
      },
      'zh-CN',
    );
    // Operator staff see every customer's windows; they do not request.
    expect(dispatched).toContainEqual(AssurancePageActions.opened({ customerId: null }));
    expect(el.querySelector('[data-testid=assurance-request-open]')).toBeNull();
    const requests = el.querySelectorAll('[data-testid=assurance-request]');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.textContent).toContain('2 条电路');
    const stages = Array.from(el.querySelectorAll('[data-testid=assurance-stage]')).map((s) =>
      s.textContent?.trim(),
    );
    expect(stages).toEqual(['保障中', '待审批']);

    (el.querySelector('[data-testid=assurance-approve]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(
      AssurancePageActions.decisionRequested({
        id: 'w1',
        decision: 'approve',
        pollIntervalSec: 10,
      }),
    );
  });
});

describe('AssuranceDashboardPage', () => {
  it('shows each circuit against the tighter threshold and links the report of an ended window', async () => {
    const w = win('w9', {
      status: 'approved',
      phase: 'ended',
      notices: 3,
      reportId: 'rep-1',
    });
    const { el, dispatched } = await render(
      AssuranceDashboardPage,
      'customer-admin',
      {
        dashboardId: 'w9',
        dashboard: loaded(
          {
            window: w,
            at: '2031-01-02T16:00:00Z',
            up: 1,
            degraded: 0,
            down: 1,
            circuits: [
              {
                circuitId: 'bank-a-MPLS-0002',
                name: '宜昌分行 MPLS',
                state: 'down',
                stateSince: '2031-01-02T15:00:00Z',
                activeAlarms: 2,
                lastPolledAt: '2031-01-02T15:59:50Z',
                utilisation: null,
              },
              {
                circuitId: 'bank-a-MPLS-0001',
                name: '武汉分行 MPLS',
                state: 'up',
                stateSince: '2031-01-01T00:00:00Z',
                activeAlarms: 0,
                lastPolledAt: '2031-01-02T15:59:50Z',
                utilisation: 0.82,
              },
            ],
          },
          '2031-01-02T16:00:00Z',
        ),
      },
      'en',
      { id: 'w9' },
    );
    expect(dispatched).toContainEqual(AssurancePageActions.dashboardOpened({ id: 'w9' }));
    const rows = Array.from(el.querySelectorAll('[data-testid=assurance-circuit]'));
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['down', 'up']);
    expect(rows[0]?.textContent).toContain('2 alarms');
    const meter = rows[1]?.querySelector('[role=meter]');
    expect(meter?.getAttribute('aria-valuenow')).toBe('82');
    // 82 % is over the window's 70 % congestion threshold.
    expect(meter?.classList.contains('over')).toBe(true);
    expect(el.querySelector('[data-testid=assurance-notices]')?.textContent?.trim()).toBe('3');
    expect(el.querySelector('[data-testid=assurance-priority]')?.textContent?.trim()).toBe('P1');
    const report = el.querySelector('[data-testid=assurance-dashboard-report]');
    expect(report?.getAttribute('href')).toBe('/reports?report=rep-1&customer=bank-a');
  });
});

describe('datetime-local', () => {
  it('round-trips local wall time and refuses what is not a time', () => {
    const at = new Date(2030, 11, 31, 8, 30);
    expect(toLocalInput(at)).toBe('2030-12-31T08:30');
    expect(fromLocalInput(toLocalInput(at))).toBe(at.toISOString());
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });
});
