import { TestBed } from '@angular/core/testing';
import { provideIonicAngular } from '@ionic/angular/standalone';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateModule } from '@ngx-translate/core';

import {
  TicketDetailPageActions,
  type TicketDto,
  initialTicketDetailState,
  loaded,
} from '@circuitcare/client';

import { TicketDetailPage } from './ticket-detail.page';

const resolved = {
  id: 'TT-7',
  version: 5,
  name: 'Outlet down',
  priority: 'P2',
  status: 'resolved',
  allowedTransitions: ['closed', 'reopened'],
  satisfaction: null,
  attachment: [],
  assignment: { engineerName: 'Wang', engineerUserId: 'u1', teamId: 't', dispatchedAt: null },
  fieldReport: { arrivedAt: null, causeCode: null, fixCode: null, progress: [] },
  sla: {
    escalationLevel: 0,
    restore: { dueAt: null, breachedAt: null },
    response: { dueAt: null, breachedAt: null },
  },
  timeline: [
    {
      seq: 1,
      at: '2026-12-03T10:00:00Z',
      type: 'status',
      visibility: 'public',
      actor: 'system',
      summary: 'Fault reported online',
    },
    {
      seq: 2,
      at: '2026-12-03T11:00:00Z',
      type: 'status',
      visibility: 'public',
      actor: 'operator',
      summary: 'Resolved: spliced',
    },
  ],
} as unknown as TicketDto;

describe('TicketDetailPage', () => {
  it('shows the timeline newest first and confirms the resolution', async () => {
    TestBed.configureTestingModule({
      imports: [TicketDetailPage, TranslateModule.forRoot()],
      providers: [
        provideIonicAngular(),
        provideMockStore({
          initialState: {
            ticketDetail: {
              ...initialTicketDetailState,
              open: true,
              ticketId: 'TT-7',
              ticket: loaded(resolved),
            },
          },
        }),
      ],
    });
    const store = TestBed.inject(MockStore);
    const dispatched: unknown[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(TicketDetailPage);
    fixture.componentRef.setInput('id', 'TT-7');
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    const entries = [...el.querySelectorAll('[data-testid="timeline"] h3')].map((h) =>
      h.textContent?.trim(),
    );
    expect(entries).toEqual(['Resolved: spliced', 'Fault reported online']);
    expect(el.querySelector('[data-testid="reopen"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="rating"]')).not.toBeNull();

    (el.querySelector('[data-testid="confirm"]') as HTMLElement).click();
    expect(dispatched).toContainEqual(TicketDetailPageActions.opened({ ticketId: 'TT-7' }));
    expect(dispatched).toContainEqual(
      TicketDetailPageActions.transitionRequested({ status: 'closed', reason: null }),
    );
  });
});
