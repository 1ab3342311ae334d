import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom } from 'rxjs';

import type { AlarmDto } from '../../generated/models/alarm-dto';
import { initialAuthState } from '../auth/auth.feature';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { setUpApiTestBed } from '../testing/api-test-bed';
import {
  AlarmConsolePageActions,
  DEFAULT_ALARM_QUERY,
  alarmQueryFromParams,
  alarmQueryToParams,
} from './alarm-console-page.actions';
import {
  ALARMS_LIVE_DEBOUNCE_MS,
  alarmCommands,
  loadAlarmImpact,
  loadAlarmList,
} from './alarm-console.effects';
import {
  alarmConsoleFeature,
  byAlarmUrgency,
  elementIdOf,
  initialAlarmConsoleState,
} from './alarm-console.feature';
import { AlarmsApiActions } from './alarms-api.actions';

const alarm = (id: string, over: Partial<AlarmDto> = {}): AlarmDto =>
  ({
    id,
    state: 'raised',
    perceivedSeverity: 'major',
    ackState: 'unacknowledged',
    alarmRaisedTime: '2030-01-01T00:00:00Z',
    alarmChangedTime: '2030-01-01T00:00:00Z',
    alarmedObject: { '@referredType': 'NetworkInterface', id: 'pe-bj-1:3', name: 'PE-BJ-1 Gi0/3' },
    ...over,
  }) as AlarmDto;

describe('alarm console feature', () => {
  it('orders raised before cleared, critical first, then newest', () => {
    const rows = [
      alarm('cleared', { state: 'cleared', perceivedSeverity: 'cleared' }),
      alarm('minor', { perceivedSeverity: 'minor' }),
      alarm('old-critical', { perceivedSeverity: 'critical' }),
      alarm('new-critical', {
        perceivedSeverity: 'critical',
        alarmRaisedTime: '2030-01-02T00:00:00Z',
      }),
    ].sort(byAlarmUrgency);
    expect(rows.map((a) => a.id)).toEqual(['new-critical', 'old-critical', 'minor', 'cleared']);
    expect(elementIdOf(alarm('x'))).toBe('pe-bj-1');
  });

  it('puts an acknowledgement into the row shown', () => {
    const page = { items: [alarm('a1'), alarm('a2')], page: 1, pageSize: 100, total: 2 };
    const state = [
      AlarmConsolePageActions.queryChanged({ query: DEFAULT_ALARM_QUERY }),
      AlarmsApiActions.listLoaded({ page }),
      AlarmConsolePageActions.alarmSelected({ alarmId: 'a2' }),
      AlarmConsolePageActions.acknowledgeRequested({ alarmId: 'a2' }),
      AlarmsApiActions.commandSucceeded({
        alarm: { ...alarm('a2'), ackState: 'acknowledged' } as never,
      }),
    ].reduce(alarmConsoleFeature.reducer, initialAlarmConsoleState);
    expect(state.busy).toBe(false);
    expect(state.alarms.data?.items.map((a) => a.ackState)).toEqual([
      'unacknowledged',
      'acknowledged',
    ]);
    expect(state.detail.data?.ackState).toBe('acknowledged');
  });

  it('round-trips its query through the URL', () => {
    const q = {
      ...DEFAULT_ALARM_QUERY,
      state: null,
      severity: 'critical' as const,
      ackState: 'unacknowledged' as const,
    };
    expect(alarmQueryToParams(q)).toEqual({
      state: 'all',
      severity: 'critical',
      ack: 'unacknowledged',
    });
    expect(alarmQueryFromParams(alarmQueryToParams(q))).toEqual(q);
    expect(alarmQueryFromParams({})).toEqual(DEFAULT_ALARM_QUERY);
  });
});

describe('alarm console effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => (actions$ = new ReplaySubject<Action>()));

  it('reads the alarms of the query, and once per burst of alarm events', () => {
    jest.useFakeTimers();
    try {
      const http = setUpApiTestBed({
        actions$: () => actions$,
        state: { alarmConsole: { ...initialAlarmConsoleState, open: true } },
      });
      TestBed.runInInjectionContext(() => loadAlarmList().subscribe());
      actions$.next(
        AlarmConsolePageActions.queryChanged({
          query: { ...DEFAULT_ALARM_QUERY, severity: 'critical' },
        }),
      );
      const first = http.expectOne((r) => r.url === '/api/v1/alarms');
      expect(first.request.params.get('state')).toBe('raised');
      expect(first.request.params.get('severity')).toBe('critical');
      first.flush({ items: [], page: 1, pageSize: 100, total: 0 });
      for (let i = 0; i < 5; i++)
        actions$.next(
          LiveEventsActions.changeReceived({
            name: 'alarm.raised',
            message: { kind: 'alarm', action: 'raised', id: `a${i}`, time: '', data: {} },
          }),
        );
      jest.advanceTimersByTime(ALARMS_LIVE_DEBOUNCE_MS + 10);
      expect(http.match((r) => r.url === '/api/v1/alarms')).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('acknowledges and comments through the API', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(alarmCommands()));
    actions$.next(
      AlarmConsolePageActions.commentSubmitted({ alarmId: 'a1', comment: ' 已通知现场 ' }),
    );
    const req = http.expectOne('/api/v1/alarms/a1/comments');
    expect(req.request.body).toEqual({ comment: '已通知现场' });
    req.flush(alarm('a1'));
    expect((await out).type).toBe(AlarmsApiActions.commandSucceeded.type);
  });

  it('reads the impact of the alarmed element for the NOC only', () => {
    const http = setUpApiTestBed({
      actions$: () => actions$,
      state: {
        auth: { ...initialAuthState, user: { role: 'noc-operator' } },
        alarmConsole: initialAlarmConsoleState,
      },
    });
    TestBed.runInInjectionContext(() => loadAlarmImpact().subscribe());
    actions$.next(AlarmsApiActions.detailLoaded({ alarm: alarm('a1') as never }));
    http.expectOne('/api/v1/elements/pe-bj-1/impact?pageSize=50');
  });
});
