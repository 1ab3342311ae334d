import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  DispatchBoardPageActions,
  type TeamDto,
  type TicketSummaryDto,
  initialDispatchBoardState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { DispatchBoardPage } from './dispatch-board.page';

const ticket = (id: string, over: Partial<TicketSummaryDto> = {}) =>
  ({
    id,
    name: `${id} 中断`,
    status: 'acknowledged',
    priority: 'P1',
    customerId: 'bank-a',
    teamId: null,
    engineerName: null,
    escalationLevel: 0,
    restoreBreached: false,
    restoreDueAt: new Date(Date.now() + 20 * 60_000).toISOString(),
    lastUpdate: '',
    version: 2,
    ...over,
  }) as TicketSummaryDto;

const teams = [
  { id: 'team-bj', name: '北京班组', nameEn: 'Beijing', memberUserIds: ['u-wang'] },
] as unknown as TeamDto[];

describe('DispatchBoardPage', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [DispatchBoardPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: {
            dispatchBoard: {
              ...initialDispatchBoardState,
              open: true,
              total: 2,
              tickets: loaded([
                ticket('TT-1'),
                ticket('TT-2', { teamId: 'team-bj', status: 'inProgress', escalationLevel: 1 }),
              ]),
              teams: loaded(teams),
              engineerNames: { 'u-wang': '王工' },
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
    const fixture = TestBed.createComponent(DispatchBoardPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, dispatched };
  }

  const card = (el: HTMLElement, id: string) =>
    el.querySelector<HTMLElement>(`[data-testid=dispatch-card][data-ticket-id="${id}"]`)!;

  it('queues undispatched tickets first, each team’s in its column, escalations above', async () => {
    const { el, dispatched } = await render();
    expect(dispatched).toContainEqual(DispatchBoardPageActions.opened());
    const columns = el.querySelectorAll('[data-testid=dispatch-column]');
    expect([...columns].map((c) => c.getAttribute('data-team-id'))).toEqual(['none', 'team-bj']);
    expect(columns[0]!.textContent).toContain('TT-1');
    expect(columns[1]!.textContent).toContain('北京班组');
    expect(card(el, 'TT-1').textContent).toContain('剩余');
    expect(el.querySelector('[data-testid=dispatch-escalations]')!.textContent).toContain('TT-2');
  });

  it('dispatches to a team and engineer from the card’s form', async () => {
    const { el, fixture, dispatched } = await render();
    card(el, 'TT-1').querySelector<HTMLButtonElement>('[data-testid=dispatch-open]')!.click();
    await fixture.whenStable();
    const engineer = el.querySelector<HTMLSelectElement>('[data-testid=dispatch-engineer]')!;
    expect(engineer.textContent).toContain('王工');
    engineer.value = 'u-wang';
    engineer.dispatchEvent(new Event('change'));
    el.querySelector<HTMLButtonElement>('[data-testid=dispatch-confirm]')!.click();
    expect(dispatched).toContainEqual(
      DispatchBoardPageActions.dispatchRequested({
        ticketId: 'TT-1',
        teamId: 'team-bj',
        engineerUserId: 'u-wang',
      }),
    );
  });

  it('resolves only with a resolution written', async () => {
    const { el, fixture, dispatched } = await render();
    card(el, 'TT-2').querySelector<HTMLButtonElement>('[data-testid=dispatch-resolve]')!.click();
    await fixture.whenStable();
    const confirm = el.querySelector<HTMLButtonElement>('[data-testid=dispatch-resolve-confirm]')!;
    expect(confirm.disabled).toBe(true);
    const reason = el.querySelector<HTMLInputElement>('[data-testid=dispatch-resolve-reason]')!;
    reason.value = '更换光模块后恢复';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    confirm.click();
    expect(dispatched).toContainEqual(
      DispatchBoardPageActions.transitionRequested({
        ticketId: 'TT-2',
        status: 'resolved',
        reason: '更换光模块后恢复',
      }),
    );
  });

  it('dispatches a card dropped on a team’s column, never onto the undispatched one', async () => {
    const { fixture, dispatched } = await render();
    const page = fixture.componentInstance as unknown as {
      dropped(e: unknown): void;
      acceptsDrop(d: unknown, l: { data: string | null }): boolean;
    };
    page.dropped({ container: { data: 'team-bj' }, item: { data: ticket('TT-1') } });
    expect(dispatched).toContainEqual(
      DispatchBoardPageActions.dispatchRequested({
        ticketId: 'TT-1',
        teamId: 'team-bj',
        engineerUserId: null,
      }),
    );
    expect(page.acceptsDrop({}, { data: null })).toBe(false);
  });
});
