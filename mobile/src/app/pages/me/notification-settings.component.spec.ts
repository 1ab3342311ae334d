import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideIonicAngular } from '@ionic/angular/standalone';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateModule } from '@ngx-translate/core';

import {
  NotificationPreferencesPageActions,
  type NotificationPreferencesState,
  initialNotificationPreferencesState,
  loaded,
} from '@circuitcare/client';

import { Connectivity } from '../../core/connectivity.service';
import { NotificationSettingsComponent } from './notification-settings.component';

const known = {
  email: 'wuhan@bank-a.example',
  phone: null,
  emailEnabled: true,
  webhookUrl: null,
  webhookEnabled: false,
  webhookSecretSet: false,
  events: { status: true, notes: true, field: true, sla: false, circuitFaults: true },
};

async function render(
  role: string,
  over: Partial<NotificationPreferencesState> = {},
  online = true,
) {
  TestBed.configureTestingModule({
    imports: [NotificationSettingsComponent, TranslateModule.forRoot()],
    providers: [
      provideIonicAngular(),
      { provide: Connectivity, useValue: { online: signal(online) } },
      provideMockStore({
        initialState: {
          auth: { user: { id: 'u1', role } },
          notificationPreferences: {
            ...initialNotificationPreferencesState,
            preferences: loaded(known),
            ...over,
          },
        },
      }),
    ],
  });
  const store = TestBed.inject(MockStore);
  const dispatched: unknown[] = [];
  store.scannedActions$.subscribe((a) => dispatched.push(a));
  const fixture = TestBed.createComponent(NotificationSettingsComponent);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
  return { fixture, el, q, dispatched };
}

describe('NotificationSettingsComponent', () => {
  it('asks a customer about circuit faults (not SLA) and saves what it chose, keeping the rest', async () => {
    const { fixture, q, dispatched } = await render('customer-engineer');
    expect(dispatched).toContainEqual(NotificationPreferencesPageActions.opened());
    expect(q('notify-event-circuitFaults')).not.toBeNull();
    expect(q('notify-event-field')).not.toBeNull();
    expect(q('notify-event-sla')).toBeNull();
    const form = fixture.componentInstance['form'];
    expect(form.getRawValue()).toMatchObject({
      email: 'wuhan@bank-a.example',
      circuitFaults: true,
    });
    expect(form.enabled).toBe(true);

    form.patchValue({ email: '  duty@bank-a.example ', circuitFaults: false, notes: false });
    form.markAsDirty();
    q('notify-settings')!.dispatchEvent(new Event('submit'));
    expect(dispatched).toContainEqual(
      NotificationPreferencesPageActions.saveRequested({
        changes: {
          email: 'duty@bank-a.example',
          emailEnabled: true,
          // sla is not asked of a customer: sent as it was.
          events: { status: true, notes: false, field: true, sla: false, circuitFaults: false },
        },
      }),
    );
  });

  it('asks operator staff about SLA alerts and shows the API’s message beside the e-mail', async () => {
    const { q } = await render('field-engineer', {
      fieldErrors: { email: ['email must be an e-mail address'] },
      saveError: { status: 400, title: 'Bad Request', detail: 'The request is not valid.' },
    });
    expect(q('notify-event-sla')).not.toBeNull();
    expect(q('notify-event-circuitFaults')).toBeNull();
    expect(q('notify-email-error')?.textContent?.trim()).toBe('email must be an e-mail address');
    expect(q('notify-save-error')?.textContent).toContain('The request is not valid.');
  });

  it('shows the last-known settings offline, not editable, and sends nothing', async () => {
    const { fixture, q, dispatched } = await render('customer-admin', {}, false);
    expect(q('notify-offline')).not.toBeNull();
    const form = fixture.componentInstance['form'];
    expect(form.disabled).toBe(true);
    expect(form.getRawValue().email).toBe('wuhan@bank-a.example');
    expect(
      q('notify-save')?.hasAttribute('disabled') ||
        (q('notify-save') as { disabled?: boolean }).disabled,
    ).toBe(true);
    q('notify-settings')!.dispatchEvent(new Event('submit'));
    expect(
      dispatched.some(
        (a) =>
          (a as { type: string }).type === NotificationPreferencesPageActions.saveRequested.type,
      ),
    ).toBe(false);
  });
});
