import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom } from 'rxjs';

import type { NotificationPreferencesDto } from '../../generated/models/notification-preferences-dto';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { NotificationPreferencesApiActions } from './notification-preferences-api.actions';
import { NotificationPreferencesPageActions } from './notification-preferences-page.actions';
import {
  loadNotificationPreferences,
  saveNotificationPreferences,
} from './notification-preferences.effects';
import {
  initialNotificationPreferencesState,
  notificationEventsFor,
  notificationPreferencesFeature,
} from './notification-preferences.feature';

const prefs = (over: Partial<NotificationPreferencesDto> = {}): NotificationPreferencesDto => ({
  email: 'ops@bank-a.example',
  phone: null,
  emailEnabled: true,
  webhookUrl: null,
  webhookEnabled: false,
  webhookSecretSet: false,
  events: { status: true, notes: true, field: true, sla: true, circuitFaults: true },
  ...over,
});
const reduce = (...actions: Action[]) =>
  actions.reduce(notificationPreferencesFeature.reducer, initialNotificationPreferencesState);

describe('notification preferences feature', () => {
  it('keeps a generated secret out of the settings and shows it once', () => {
    let s = reduce(
      NotificationPreferencesPageActions.opened(),
      NotificationPreferencesApiActions.loaded({ preferences: prefs() }),
      NotificationPreferencesPageActions.saveRequested({ changes: { rotateWebhookSecret: true } }),
    );
    expect(s.saving).toBe(true);
    s = notificationPreferencesFeature.reducer(
      s,
      NotificationPreferencesApiActions.saved({
        preferences: prefs({
          webhookUrl: 'https://hooks.bank-a.example/cc',
          webhookEnabled: true,
          webhookSecretSet: true,
          webhookSecret: 'c2VjcmV0LXNob3duLW9uY2U',
        }),
      }),
    );
    expect(s.saving).toBe(false);
    expect(s.newSecret).toBe('c2VjcmV0LXNob3duLW9uY2U');
    expect(s.preferences.data).not.toHaveProperty('webhookSecret');
    expect(s.preferences.data?.webhookSecretSet).toBe(true);
    expect(s.savedAt).not.toBeNull();
    expect(
      notificationPreferencesFeature.reducer(
        s,
        NotificationPreferencesPageActions.secretDismissed(),
      ).newSecret,
    ).toBeNull();
    // Leaving the page forgets it too; a later save without rotation brings none.
    expect(
      notificationPreferencesFeature.reducer(s, NotificationPreferencesPageActions.closed())
        .newSecret,
    ).toBeNull();
    expect(
      notificationPreferencesFeature.reducer(
        s,
        NotificationPreferencesApiActions.saved({ preferences: prefs({ webhookSecretSet: true }) }),
      ).newSecret,
    ).toBeNull();
  });

  it('keeps what is shown when a save fails, with the messages by field', () => {
    const s = reduce(
      NotificationPreferencesApiActions.loaded({ preferences: prefs() }),
      NotificationPreferencesPageActions.saveRequested({ changes: { webhookUrl: 'ftp://x' } }),
      NotificationPreferencesApiActions.saveFailed({
        error: { status: 400, title: 'Bad Request', detail: 'The request is not valid.' },
        fieldErrors: { webhookUrl: ['webhookUrl must be an http(s) URL'] },
      }),
    );
    expect(s.saving).toBe(false);
    expect(s.preferences.data?.email).toBe('ops@bank-a.example');
    expect(s.fieldErrors).toEqual({ webhookUrl: ['webhookUrl must be an http(s) URL'] });
    // The next try starts clean.
    expect(
      notificationPreferencesFeature.reducer(
        s,
        NotificationPreferencesPageActions.saveRequested({ changes: {} }),
      ).fieldErrors,
    ).toEqual({});
  });

  it('asks customers about circuit faults and operator staff about SLA alerts', () => {
    expect(notificationEventsFor('customer-engineer')).toEqual([
      'status',
      'notes',
      'field',
      'circuitFaults',
    ]);
    expect(notificationEventsFor('noc-operator')).toEqual(['status', 'notes', 'field', 'sla']);
    expect(notificationEventsFor('field-engineer')).toContain('sla');
  });

  it('reads every category as on until the settings are known', () => {
    expect(
      notificationPreferencesFeature.selectEvents.projector(
        initialNotificationPreferencesState.preferences,
      ),
    ).toEqual({ status: true, notes: true, field: true, sla: true, circuitFaults: true });
  });
});

describe('notification preferences effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
  });

  it('reads the settings', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadNotificationPreferences()));
    actions$.next(NotificationPreferencesPageActions.opened());
    const req = http.expectOne('/api/v1/notifications/preferences');
    expect(req.request.method).toBe('GET');
    req.flush(prefs());
    expect(await out).toEqual(NotificationPreferencesApiActions.loaded({ preferences: prefs() }));
  });

  it("puts the changes once, and hands on the API's field messages", async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(saveNotificationPreferences()));
    const changes = { webhookUrl: 'http://10.0.0.1/hook', webhookEnabled: true };
    actions$.next(NotificationPreferencesPageActions.saveRequested({ changes }));
    actions$.next(NotificationPreferencesPageActions.saveRequested({ changes }));
    const puts = http.match('/api/v1/notifications/preferences');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.request.method).toBe('PUT');
    expect(puts[0]!.request.body).toEqual(changes);
    puts[0]!.flush(
      {
        type: 'urn:circuitcare:problem:validation',
        title: 'Bad Request',
        status: 400,
        detail: 'The request is not valid.',
        instance: '/api/v1/notifications/preferences',
        errors: [{ path: 'webhookUrl', message: 'webhookUrl must not point to a private address' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await out).toEqual(
      NotificationPreferencesApiActions.saveFailed({
        error: { status: 400, title: 'Bad Request', detail: 'The request is not valid.' },
        fieldErrors: { webhookUrl: ['webhookUrl must not point to a private address'] },
      }),
    );
  });
});
