import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { NotificationEventsDto } from '../../generated/models/notification-events-dto';
import type { NotificationPreferencesDto } from '../../generated/models/notification-preferences-dto';
import { CUSTOMER_ROLES, type Role } from '../auth/roles.model';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { NotificationPreferencesApiActions } from './notification-preferences-api.actions';
import { NotificationPreferencesPageActions } from './notification-preferences-page.actions';

/** The settings as kept: never with a signing secret in them (that is `newSecret`, once). */
export type StoredNotificationPreferences = Omit<NotificationPreferencesDto, 'webhookSecret'>;

export interface NotificationPreferencesState {
  preferences: Loadable<StoredNotificationPreferences>;
  saving: boolean;
  saveError: Failure | null;
  /** The API's validation messages of the last save by field path (`webhookUrl`, `email`…). */
  fieldErrors: Record<string, string[]>;
  /** The signing secret the last save generated: shown once, until dismissed or the page closes. */
  newSecret: string | null;
  /** When the last save went through (ISO), for a "saved" line. */
  savedAt: string | null;
}

export const initialNotificationPreferencesState: NotificationPreferencesState = {
  preferences: idle(),
  saving: false,
  saveError: null,
  fieldErrors: {},
  newSecret: null,
  savedAt: null,
};

/**
 * Which change categories a role is asked about: SLA alerts go to operator staff only,
 * circuit-fault pushes to customer users only (the API sends nothing else either way).
 */
export function notificationEventsFor(
  role: Role | null | undefined,
): (keyof NotificationEventsDto)[] {
  const customer = role !== null && role !== undefined && CUSTOMER_ROLES.includes(role);
  return ['status', 'notes', 'field', customer ? 'circuitFaults' : 'sla'];
}

function stored(p: NotificationPreferencesDto): StoredNotificationPreferences {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { webhookSecret, ...rest } = p;
  return rest;
}

export const notificationPreferencesFeature = createFeature({
  name: 'notificationPreferences',
  reducer: createReducer(
    initialNotificationPreferencesState,
    on(NotificationPreferencesPageActions.opened, (state): NotificationPreferencesState => ({
      ...state,
      preferences: loading(state.preferences),
      saveError: null,
      fieldErrors: {},
      newSecret: null,
      savedAt: null,
    })),
    on(
      NotificationPreferencesApiActions.loaded,
      (state, { preferences }): NotificationPreferencesState => ({
        ...state,
        preferences: loaded(stored(preferences)),
      }),
    ),
    on(
      NotificationPreferencesApiActions.loadFailed,
      (state, { error }): NotificationPreferencesState => ({
        ...state,
        preferences: failed(state.preferences, error),
      }),
    ),
    on(NotificationPreferencesPageActions.saveRequested, (state): NotificationPreferencesState => ({
      ...state,
      saving: true,
      saveError: null,
      fieldErrors: {},
    })),
    on(
      NotificationPreferencesApiActions.saved,
      (state, { preferences }): NotificationPreferencesState => ({
        ...state,
        saving: false,
        preferences: loaded(stored(preferences)),
        newSecret: preferences.webhookSecret ?? null,
        savedAt: new Date().toISOString(),
      }),
    ),
    on(
      NotificationPreferencesApiActions.saveFailed,
      (state, { error, fieldErrors }): NotificationPreferencesState => ({
        ...state,
        saving: false,
        saveError: error,
        fieldErrors,
      }),
    ),
    on(
      NotificationPreferencesPageActions.secretDismissed,
      (state): NotificationPreferencesState => ({ ...state, newSecret: null }),
    ),
    on(NotificationPreferencesPageActions.closed, (state): NotificationPreferencesState => ({
      ...state,
      newSecret: null,
      saveError: null,
      fieldErrors: {},
      savedAt: null,
    })),
  ),
  extraSelectors: ({ selectPreferences }) => ({
    /** The categories as chosen; every one on until the settings are read. */
    selectEvents: createSelector(
      selectPreferences,
      (p): NotificationEventsDto =>
        p.data?.events ?? {
          status: true,
          notes: true,
          field: true,
          sla: true,
          circuitFaults: true,
        },
    ),
  }),
});
