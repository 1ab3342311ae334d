import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  CustomersPageActions,
  OpenTicketsPageActions,
  initialAuthState,
  initialOpenTicketsState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { AccountManagerPage } from './account-manager.page';

// The first render compiles the Material components: slow on a loaded 2-core box.
jest.setTimeout(30_000);

describe('AccountManagerPage', () => {
  it('shows each assigned customer’s health and its open tickets, and leads to its reports', async () => {
    TestBed.configureTestingModule({
      imports: [AccountManagerPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: {
            auth: {
              ...initialAuthState,
              status: 'signed-in',
              user: {
                role: 'account-manager',
                displayName: '张经理',
                assignedCustomerIds: ['bank-a'],
              },
            },
            customers: {
              ids: loaded(['bank-a']),
              health: {
                'bank-a': loaded({
                  customerName: '江汉银行',
                  summary: { circuits: { up: 280, degraded: 1, down: 1, unknown: 0 } },
                }),
              },
              availability: {
                'bank-a': loaded({ aggregate: { meanAvailability: 0.99951 }, items: [] }),
              },
            },
            openTickets: {
              ...initialOpenTicketsState,
              viewers: 1,
              tickets: loaded({
                items: [
                  {
                    id: 'TT-1',
                    customerId: 'bank-a',
                    name: 'TT-1 专线中断',
                    priority: 'P1',
                    status: 'inProgress',
                    restoreBreached: true,
                    restoreDueAt: new Date(Date.now() - 30 * 60_000).toISOString(),
                    lastUpdate: '2026-12-03T00:00:00Z',
                  },
                ],
                page: 1,
                pageSize: 50,
                total: 1,
              }),
            },
          },
        }),
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), 'zh-CN');
    const store = TestBed.inject(MockStore);
    const dispatched: { type: string }[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(AccountManagerPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(dispatched).toContainEqual(CustomersPageActions.opened());
    expect(dispatched).toContainEqual(OpenTicketsPageActions.opened());
    const card = el.querySelector('[data-testid=customer-card][data-customer=bank-a]')!;
    expect(card.querySelector('h2')?.textContent).toContain('江汉银行');
    expect(card.textContent).toContain('282');
    expect(card.textContent).toContain('未结工单：1');
    expect(card.textContent).toContain('1 张已超修复时限');
    expect(card.textContent).toMatch(/已超时 (29|30|31) 分钟/);
    expect(card.querySelector('a[href="/tickets/TT-1"]')).not.toBeNull();
    expect(card.querySelector('[data-testid=customer-reports]')?.getAttribute('href')).toBe(
      '/reports?customer=bank-a',
    );
  });
});
