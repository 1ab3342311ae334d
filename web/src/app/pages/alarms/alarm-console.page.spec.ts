import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  AlarmConsolePageActions,
  type AlarmDto,
  DEFAULT_ALARM_QUERY,
  initialAlarmConsoleState,
  initialAuthState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { AlarmConsolePage } from './alarm-console.page';

const alarm = (id: string, over: Partial<AlarmDto> = {}) =>
  ({
    id,
    state: 'raised',
    perceivedSeverity: 'major',
    ackState: 'unacknowledged',
    alarmRaisedTime: new Date().toISOString(),
    alarmChangedTime: '',
    alarmClearedTime: null,
    alarmedObject: { '@referredType': 'NetworkElement', id: 'pe-bj-1', name: 'PE-BJ-1' },
    affectedCircuits: ['c-1'],
    affectedService: [{ id: 'c-1', name: 'BJ-SH 1' }],
    probableCause: 'linkDown',
    specificProblem: 'Gi0/3 down',
    isRootCause: false,
    ...over,
  }) as AlarmDto;

describe('AlarmConsolePage', () => {
  async function render(role: string, selected = false) {
    const detail = { ...alarm('a2'), occurrences: 1, linkedAlarms: [], comment: [] };
    TestBed.configureTestingModule({
      imports: [AlarmConsolePage],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: {
            auth: { ...initialAuthState, status: 'signed-in', user: { role } },
            alarmConsole: {
              ...initialAlarmConsoleState,
              open: true,
              alarms: loaded({
                items: [alarm('a1'), alarm('a2', { perceivedSeverity: 'critical' })],
                page: 1,
                pageSize: 100,
                total: 2,
              }),
              ...(selected ? { selectedId: 'a2', detail: loaded(detail) } : {}),
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
    const fixture = TestBed.createComponent(AlarmConsolePage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, dispatched };
  }

  it('lists the raised alarms most severe first, with the severity in words', async () => {
    const { el, dispatched } = await render('customer-admin');
    expect(dispatched).toContainEqual(
      AlarmConsolePageActions.queryChanged({ query: DEFAULT_ALARM_QUERY }),
    );
    const rows = el.querySelectorAll('[data-testid=alarm-row]');
    expect([...rows].map((r) => r.getAttribute('data-alarm-id'))).toEqual(['a2', 'a1']);
    expect(rows[0]!.textContent).toContain('紧急');
  });

  it('lets the NOC acknowledge and comment the alarm opened', async () => {
    const { el, fixture, dispatched } = await render('noc-operator', true);
    el.querySelector<HTMLButtonElement>('[data-testid=alarm-ack]')!.click();
    const input = el.querySelector<HTMLInputElement>('[data-testid=alarm-comment]')!;
    input.value = '已通知现场';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=alarm-comment-submit]')!.click();
    expect(dispatched).toContainEqual(
      AlarmConsolePageActions.acknowledgeRequested({ alarmId: 'a2' }),
    );
    expect(dispatched).toContainEqual(
      AlarmConsolePageActions.commentSubmitted({ alarmId: 'a2', comment: '已通知现场' }),
    );
  });

  it('shows a customer the alarm but no NOC controls', async () => {
    const { el } = await render('customer-admin', true);
    expect(el.querySelector('[data-testid=alarm-detail]')!.textContent).toContain('BJ-SH 1');
    expect(el.querySelector('[data-testid=alarm-ack]')).toBeNull();
  });
});
