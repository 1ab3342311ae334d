import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  DEFAULT_TICKET_QUERY,
  TicketListPageActions,
  initialAuthState,
  initialTicketListState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { TicketListPage } from './ticket-list.page';

describe('TicketListPage', () => {
  it('reads the query from the URL and lists the tickets with their restore clocks', async () => {
    TestBed.configureTestingModule({
      imports: [TicketListPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: {
            auth: { ...initialAuthState, status: 'signed-in', user: { role: 'customer-admin' } },
            ticketList: {
              ...initialTicketListState,
              open: true,
              tickets: loaded({
                page: 1,
                pageSize: 50,
                total: 1,
                items: [
                  {
                    id: 'TT-1',
                    name: 'BJ-SH 1 中断',
                    status: 'inProgress',
                    priority: 'P1',
                    circuitIds: ['c-1'],
                    restoreDueAt: new Date(Date.now() - 10 * 60_000).toISOString(),
                    restoreBreached: true,
                    teamId: 'team-bj',
                    engineerName: null,
                    lastUpdate: new Date().toISOString(),
                  } as never,
                ],
              }),
            },
          },
        }),
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), 'zh-CN');
    const store = TestBed.inject(MockStore);
    const dispatched: unknown[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(TicketListPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(dispatched).toContainEqual(
      TicketListPageActions.queryChanged({ query: DEFAULT_TICKET_QUERY }),
    );
    const row = el.querySelector('[data-testid=ticket-row]')!;
    expect(row.getAttribute('data-ticket-id')).toBe('TT-1');
    expect(row.textContent).toContain('处理中');
    expect(row.textContent).toContain('已超时');
    expect(el.querySelector('[data-testid=new-report]')).not.toBeNull();
  });
});
