import { InjectionToken, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import {
  type MonoTypeOperatorFunction,
  type Observable,
  concat,
  filter,
  map,
  of,
  switchMap,
} from 'rxjs';

import { type ChangeStreamItem, changeEvents } from '../../change-events';
import { ApiConfiguration } from '../../generated/api-configuration';
import { EventsService } from '../../generated/services/events.service';
import { AuthApiActions } from '../auth/auth-api.actions';
import { LiveEventsActions } from './live-events.actions';

/** The stream source, replaceable in tests (defaults to the client's changeEvents). */
export const CHANGE_STREAM = new InjectionToken<() => Observable<ChangeStreamItem>>(
  'CHANGE_STREAM',
  {
    providedIn: 'root',
    factory: () => {
      const rootUrl = inject(ApiConfiguration).rootUrl;
      const events = inject(EventsService);
      return () => changeEvents({ rootUrl, ticket: () => events.eventsTicket() });
    },
  },
);

/** One stream per signed-in session: opened at sign-in, closed at sign-out or expiry. */
export const liveEvents = createEffect(
  (actions$ = inject(Actions), stream = inject(CHANGE_STREAM)) =>
    actions$.pipe(
      ofType(
        AuthApiActions.signedIn,
        AuthApiActions.sessionRestored,
        AuthApiActions.signedOut,
        AuthApiActions.sessionExpired,
      ),
      map(
        (action) =>
          action.type === AuthApiActions.signedIn.type ||
          action.type === AuthApiActions.sessionRestored.type,
      ),
      switchMap((on) =>
        on
          ? concat(
              of(LiveEventsActions.connecting()),
              stream().pipe(
                map((item) => {
                  switch (item.type) {
                    case 'change':
                      return LiveEventsActions.changeReceived({
                        name: item.name,
                        message: item.message,
                      });
                    case 'ready':
                      return LiveEventsActions.ready();
                    case 'resync':
                      return LiveEventsActions.resync();
                  }
                }),
              ),
            )
          : of(LiveEventsActions.stopped()),
      ),
    ),
  { functional: true },
);

/** Keeps the change events of these kinds (`alarm`, `circuit`, `ticket`): `ofType(changeReceived)` first. */
export function ofChangeKind(
  ...kinds: ('alarm' | 'circuit' | 'ticket')[]
): MonoTypeOperatorFunction<ReturnType<typeof LiveEventsActions.changeReceived>> {
  return filter(({ message }) => kinds.includes(message.kind));
}

export const liveEventsEffects = { liveEvents };
