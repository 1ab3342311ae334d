import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  type Observable,
  catchError,
  concatMap,
  debounceTime,
  filter,
  map,
  merge,
  of,
  switchMap,
} from 'rxjs';

import type { AlarmDetailDto } from '../../generated/models/alarm-detail-dto';
import { AlarmsService } from '../../generated/services/alarms.service';
import { TopologyService } from '../../generated/services/topology.service';
import { authFeature } from '../auth/auth.feature';
import { capabilitiesOf } from '../auth/roles.model';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { AlarmConsolePageActions } from './alarm-console-page.actions';
import { alarmConsoleFeature, elementIdOf } from './alarm-console.feature';
import { AlarmsApiActions } from './alarms-api.actions';

export const ALARM_PAGE_SIZE = 100;
/** A PE failing raises dozens of alarms at once: the list is read once per burst. */
export const ALARMS_LIVE_DEBOUNCE_MS = 1000;

export const loadAlarmList = createEffect(
  (actions$ = inject(Actions), store = inject(Store), alarms = inject(AlarmsService)) =>
    merge(
      actions$.pipe(
        ofType(AlarmConsolePageActions.queryChanged),
        map(({ query }) => query),
      ),
      merge(
        actions$.pipe(ofType(AlarmConsolePageActions.refreshRequested, LiveEventsActions.resync)),
        actions$.pipe(
          ofType(LiveEventsActions.changeReceived),
          ofChangeKind('alarm'),
          debounceTime(ALARMS_LIVE_DEBOUNCE_MS),
        ),
      ).pipe(
        concatLatestFrom(() => store.select(alarmConsoleFeature.selectAlarmConsoleState)),
        filter(([, s]) => s.open),
        map(([, s]) => s.query),
      ),
    ).pipe(
      switchMap((q) =>
        alarms
          .alarmsList({
            ...(q.state ? { state: q.state } : {}),
            ...(q.severity ? { severity: q.severity } : {}),
            ...(q.ackState ? { ackState: q.ackState } : {}),
            ...(q.circuitId ? { circuitId: q.circuitId } : {}),
            sort: '-alarmRaisedTime',
            page: q.page,
            pageSize: ALARM_PAGE_SIZE,
          })
          .pipe(
            map((page) => AlarmsApiActions.listLoaded({ page })),
            catchError((e: unknown) => of(AlarmsApiActions.listFailed({ error: failureOf(e) }))),
          ),
      ),
    ),
  { functional: true },
);

/** The selected alarm in full (comments, linked alarms), again when it changes live. */
export const loadAlarmDetail = createEffect(
  (actions$ = inject(Actions), store = inject(Store), alarms = inject(AlarmsService)) =>
    merge(
      actions$.pipe(
        ofType(AlarmConsolePageActions.alarmSelected),
        map(({ alarmId }) => alarmId),
      ),
      actions$.pipe(
        ofType(LiveEventsActions.changeReceived),
        ofChangeKind('alarm'),
        concatLatestFrom(() => store.select(alarmConsoleFeature.selectSelectedId)),
        filter(([{ message }, id]) => message.id === id),
        debounceTime(300),
        map(([{ message }]) => message.id),
      ),
    ).pipe(
      filter((id): id is string => id !== null),
      switchMap((alarmId) =>
        alarms.alarmsDetail({ id: alarmId }).pipe(
          map((alarm) => AlarmsApiActions.detailLoaded({ alarm })),
          catchError((e: unknown) =>
            of(AlarmsApiActions.detailFailed({ alarmId, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Operator staff: whom the alarmed element carries (the impact view). */
export const loadAlarmImpact = createEffect(
  (actions$ = inject(Actions), store = inject(Store), topology = inject(TopologyService)) =>
    actions$.pipe(
      ofType(AlarmsApiActions.detailLoaded),
      concatLatestFrom(() => [
        store.select(authFeature.selectRole),
        store.select(alarmConsoleFeature.selectImpact),
      ]),
      filter(([, role, impact]) => capabilitiesOf(role).seeImpact && impact.data === null),
      switchMap(([{ alarm }]) =>
        topology.topologyElementImpact({ id: elementIdOf(alarm), pageSize: 50 }).pipe(
          map((impact) => AlarmsApiActions.impactLoaded({ alarmId: alarm.id, impact })),
          catchError((e: unknown) =>
            of(AlarmsApiActions.impactFailed({ alarmId: alarm.id, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const alarmCommands = createEffect(
  (actions$ = inject(Actions), alarms = inject(AlarmsService)) =>
    actions$.pipe(
      ofType(
        AlarmConsolePageActions.acknowledgeRequested,
        AlarmConsolePageActions.unacknowledgeRequested,
        AlarmConsolePageActions.commentSubmitted,
      ),
      concatMap((action) => {
        const id = action.alarmId;
        let call: Observable<AlarmDetailDto>;
        switch (action.type) {
          case AlarmConsolePageActions.acknowledgeRequested.type:
            call = alarms.alarmsAcknowledge({ id });
            break;
          case AlarmConsolePageActions.unacknowledgeRequested.type:
            call = alarms.alarmsUnacknowledge({ id });
            break;
          case AlarmConsolePageActions.commentSubmitted.type:
            call = alarms.alarmsComment({ id, body: { comment: action.comment.trim() } });
            break;
        }
        return call.pipe(
          map((alarm) => AlarmsApiActions.commandSucceeded({ alarm })),
          catchError((e: unknown) =>
            of(AlarmsApiActions.commandFailed({ alarmId: id, error: failureOf(e) })),
          ),
        );
      }),
    ),
  { functional: true },
);

export const alarmConsoleEffects = {
  loadAlarmList,
  loadAlarmDetail,
  loadAlarmImpact,
  alarmCommands,
};
