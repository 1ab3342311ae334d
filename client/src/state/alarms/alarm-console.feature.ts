import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { AlarmDetailDto } from '../../generated/models/alarm-detail-dto';
import type { AlarmDto } from '../../generated/models/alarm-dto';
import type { AlarmPageDto } from '../../generated/models/alarm-page-dto';
import type { ImpactDto } from '../../generated/models/impact-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import {
  AlarmConsolePageActions,
  type AlarmQuery,
  DEFAULT_ALARM_QUERY,
} from './alarm-console-page.actions';
import { AlarmsApiActions } from './alarms-api.actions';

export interface AlarmConsoleState {
  open: boolean;
  query: AlarmQuery;
  alarms: Loadable<AlarmPageDto>;
  selectedId: string | null;
  detail: Loadable<AlarmDetailDto>;
  /** What the alarmed element carries (operator staff). */
  impact: Loadable<ImpactDto>;
  busy: boolean;
  commandError: Failure | null;
}

export const initialAlarmConsoleState: AlarmConsoleState = {
  open: false,
  query: DEFAULT_ALARM_QUERY,
  alarms: idle(),
  selectedId: null,
  detail: idle(),
  impact: idle(),
  busy: false,
  commandError: null,
};

const SEVERITY_RANK: Record<AlarmDto['perceivedSeverity'], number> = {
  critical: 0,
  major: 1,
  minor: 2,
  warning: 3,
  indeterminate: 4,
  cleared: 5,
};

/** Console order: raised before cleared, most severe first, then newest. */
export function byAlarmUrgency(a: AlarmDto, b: AlarmDto): number {
  if (a.state !== b.state) return a.state === 'raised' ? -1 : 1;
  return (
    SEVERITY_RANK[a.perceivedSeverity] - SEVERITY_RANK[b.perceivedSeverity] ||
    b.alarmRaisedTime.localeCompare(a.alarmRaisedTime)
  );
}

/** The element an alarm is on (`deviceId` of `deviceId:ifIndex`). */
export function elementIdOf(alarm: Pick<AlarmDto, 'alarmedObject'>): string {
  return alarm.alarmedObject.id.split(':')[0] ?? alarm.alarmedObject.id;
}

/** A changed alarm replaces its row in the page shown (ack state, comments). */
function patchRow(page: AlarmPageDto | null, alarm: AlarmDetailDto): AlarmPageDto | null {
  if (!page) return page;
  return {
    ...page,
    items: page.items.map((row) =>
      row.id === alarm.id
        ? {
            ...row,
            ackState: alarm.ackState,
            state: alarm.state,
            alarmChangedTime: alarm.alarmChangedTime,
          }
        : row,
    ),
  };
}

export const alarmConsoleFeature = createFeature({
  name: 'alarmConsole',
  reducer: createReducer(
    initialAlarmConsoleState,
    on(AlarmConsolePageActions.queryChanged, (state, { query }): AlarmConsoleState => ({
      ...state,
      open: true,
      query,
      alarms: loading(state.alarms),
    })),
    on(AlarmConsolePageActions.closed, (state): AlarmConsoleState => ({ ...state, open: false })),
    on(AlarmConsolePageActions.refreshRequested, LiveEventsActions.resync, (state) =>
      state.open ? { ...state, alarms: loading(state.alarms) } : state,
    ),
    on(AlarmConsolePageActions.alarmSelected, (state, { alarmId }): AlarmConsoleState => ({
      ...state,
      selectedId: alarmId,
      detail: alarmId ? loading(state.selectedId === alarmId ? state.detail : idle()) : idle(),
      impact: alarmId && state.selectedId === alarmId ? state.impact : idle(),
      commandError: null,
    })),
    on(
      AlarmConsolePageActions.acknowledgeRequested,
      AlarmConsolePageActions.unacknowledgeRequested,
      AlarmConsolePageActions.commentSubmitted,
      (state): AlarmConsoleState => ({ ...state, busy: true, commandError: null }),
    ),
    on(AlarmsApiActions.listLoaded, (state, { page }): AlarmConsoleState => ({
      ...state,
      alarms: loaded(page),
    })),
    on(AlarmsApiActions.listFailed, (state, { error }): AlarmConsoleState => ({
      ...state,
      alarms: failed(state.alarms, error),
    })),
    on(AlarmsApiActions.detailLoaded, (state, { alarm }) =>
      alarm.id === state.selectedId ? { ...state, detail: loaded(alarm) } : state,
    ),
    on(AlarmsApiActions.detailFailed, (state, { alarmId, error }) =>
      alarmId === state.selectedId ? { ...state, detail: failed(state.detail, error) } : state,
    ),
    on(AlarmsApiActions.impactLoaded, (state, { alarmId, impact }) =>
      alarmId === state.selectedId ? { ...state, impact: loaded(impact) } : state,
    ),
    on(AlarmsApiActions.impactFailed, (state, { alarmId, error }) =>
      alarmId === state.selectedId ? { ...state, impact: failed(state.impact, error) } : state,
    ),
    on(AlarmsApiActions.commandSucceeded, (state, { alarm }): AlarmConsoleState => ({
      ...state,
      busy: false,
      detail: alarm.id === state.selectedId ? loaded(alarm) : state.detail,
      alarms: { ...state.alarms, data: patchRow(state.alarms.data, alarm) },
    })),
    on(AlarmsApiActions.commandFailed, (state, { error }): AlarmConsoleState => ({
      ...state,
      busy: false,
      commandError: error,
    })),
    on(LiveEventsActions.stopped, (): AlarmConsoleState => initialAlarmConsoleState),
  ),
  extraSelectors: ({ selectAlarms }) => ({
    selectRows: createSelector(selectAlarms, (a) =>
      [...(a.data?.items ?? [])].sort(byAlarmUrgency),
    ),
  }),
});
