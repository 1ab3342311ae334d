import { createFeature, createReducer, on } from '@ngrx/store';

import { LiveEventsActions } from './live-events.actions';

export interface LiveEventsState {
  status: 'off' | 'connecting' | 'live';
  /** Time of the last change received (ISO), shown as "updated …". */
  lastChangeAt: string | null;
  received: number;
}

export const initialLiveEventsState: LiveEventsState = {
  status: 'off',
  lastChangeAt: null,
  received: 0,
};

export const liveEventsFeature = createFeature({
  name: 'liveEvents',
  reducer: createReducer(
    initialLiveEventsState,
    on(LiveEventsActions.connecting, (state): LiveEventsState => ({
      ...state,
      status: 'connecting',
    })),
    on(LiveEventsActions.ready, (state): LiveEventsState => ({ ...state, status: 'live' })),
    on(LiveEventsActions.changeReceived, (state, { message }): LiveEventsState => ({
      ...state,
      status: 'live',
      lastChangeAt: message.time,
      received: state.received + 1,
    })),
    on(LiveEventsActions.stopped, (): LiveEventsState => initialLiveEventsState),
  ),
});
