import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { Observable, ReplaySubject, Subject } from 'rxjs';

import type { ChangeStreamItem } from '../../change-events';
import type { UserDto } from '../../generated/models/user-dto';
import { AuthApiActions } from '../auth/auth-api.actions';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { LiveEventsActions } from './live-events.actions';
import { CHANGE_STREAM, liveEvents } from './live-events.effects';
import { initialLiveEventsState, liveEventsFeature } from './live-events.feature';

describe('live events', () => {
  it('opens the stream at sign-in, passes its items on as actions, and closes it at sign-out', () => {
    const actions$ = new ReplaySubject<Action>();
    const stream = new Subject<ChangeStreamItem>();
    let subscribed = 0;
    let unsubscribed = 0;
    const source = () =>
      new Observable<ChangeStreamItem>((subscriber) => {
        subscribed++;
        const inner = stream.subscribe(subscriber);
        return () => {
          unsubscribed++;
          inner.unsubscribe();
        };
      });
    setUpApiTestBed({
      actions$: () => actions$,
      providers: [{ provide: CHANGE_STREAM, useValue: source }],
    });
    const out: Action[] = [];
    TestBed.runInInjectionContext(() => liveEvents().subscribe((a) => out.push(a)));

    actions$.next(AuthApiActions.signedIn({ user: { id: 'u' } as UserDto }));
    expect(subscribed).toBe(1);
    stream.next({ type: 'ready' });
    const message = {
      kind: 'alarm' as const,
      action: 'raised',
      id: 'alm-1',
      time: '2030-01-01T00:00:00Z',
      data: {},
    };
    stream.next({ type: 'change', name: 'alarm.raised', message });
    stream.next({ type: 'resync' });
    actions$.next(AuthApiActions.signedOut());
    expect(unsubscribed).toBe(1);
    expect(out).toEqual([
      LiveEventsActions.connecting(),
      LiveEventsActions.ready(),
      LiveEventsActions.changeReceived({ name: 'alarm.raised', message }),
      LiveEventsActions.resync(),
      LiveEventsActions.stopped(),
    ]);
  });

  it('counts what arrived and when', () => {
    const state = [
      LiveEventsActions.connecting(),
      LiveEventsActions.ready(),
      LiveEventsActions.changeReceived({
        name: 'circuit.state',
        message: {
          kind: 'circuit',
          action: 'state',
          id: 'c',
          time: '2030-01-01T00:00:01Z',
          data: {},
        },
      }),
    ].reduce(liveEventsFeature.reducer, initialLiveEventsState);
    expect(state).toEqual({ status: 'live', lastChangeAt: '2030-01-01T00:00:01Z', received: 1 });
    expect(liveEventsFeature.reducer(state, LiveEventsActions.stopped())).toEqual(
      initialLiveEventsState,
    );
  });
});
