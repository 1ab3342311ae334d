import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  NotificationPreferencesPageActions,
  type NotificationPreferencesState,
  initialNotificationPreferencesState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { NotificationSettingsPage } from './notification-settings.page';

const known = {
  email: 'ops@bank-a.example',
  phone: null,
  emailEnabled: true,
  webhookUrl: null,
  webhookEnabled: false,
  webhookSecretSet: false,
  events: { status: true, notes: true, field: true, sla: true, circuitFaults: true },
};

describe('NotificationSettingsPage', () => {
  const copies: string[] = [];

  async function render(role: string, over: Partial<NotificationPreferencesState> = {}) {
    copies.length = 0;
    TestBed.configureTestingModule({
      imports: [NotificationSettingsPage],
      providers: [
        provideMockStore({
          initialState: {
            auth: { user: { id: 'u1', role, displayName: 'A' } },
            notificationPreferences: {
              ...initialNotificationPreferencesState,
              preferences: loaded(known),
              ...over,
            },
          },
        }),
        { provide: Clipboard, useValue: { copy: (t: string) => (copies.push(t), true) } },
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), 'zh-CN');
    const store = TestBed.inject(MockStore);
    const dispatched: { type: string }[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(NotificationSettingsPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = <T extends Element = HTMLElement>(id: string) =>
      el.querySelector<T>(`[data-testid="${id}"]`);
    return { fixture, el, q, store, dispatched };
  }

  const type = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('shows a customer its settings with circuit faults (not SLA) and saves the change', async () => {
    const { fixture, q, dispatched } = await render('customer-admin');
    expect(dispatched).toContainEqual(NotificationPreferencesPageActions.opened());
    expect(q<HTMLInputElement>('ns-email')!.value).toBe('ops@bank-a.example');
    expect(q('ns-event-circuitFaults')?.textContent).toContain('我的电路中断或劣化');
    expect(q('ns-event-sla')).toBeNull();
    expect(q('ns-secret-state')?.textContent).toContain('尚无签名密钥');

    q('ns-event-circuitFaults')!.querySelector('button')!.click();
    type(q<HTMLInputElement>('ns-webhook-url')!, ' https://hooks.bank-a.example/cc ');
    await fixture.whenStable();
    q('ns-save')!.click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(
      NotificationPreferencesPageActions.saveRequested({
        changes: {
          email: 'ops@bank-a.example',
          emailEnabled: true,
          webhookUrl: 'https://hooks.bank-a.example/cc',
          webhookEnabled: false,
          events: { status: true, notes: true, field: true, sla: true, circuitFaults: false },
        },
      }),
    );
  });

  it("shows the API's message beside the webhook URL", async () => {
    const { fixture, q } = await render('noc-operator', {
      saveError: { status: 400, title: 'Bad Request', detail: 'The request is not valid.' },
      fieldErrors: { webhookUrl: ['webhookUrl must be an http(s) URL'] },
    });
    await fixture.whenStable();
    expect(q('ns-event-sla')).not.toBeNull();
    expect(q('ns-event-circuitFaults')).toBeNull();
    expect(q('ns-webhook-url-error')?.textContent?.trim()).toBe(
      'webhookUrl must be an http(s) URL',
    );
    expect(q('ns-webhook-url')!.getAttribute('aria-invalid')).toBe('true');
    expect(q('ns-save-error')?.textContent).toContain('保存失败');
  });

  it('asks for a new secret, shows it once to copy, and forgets it when done', async () => {
    const { fixture, q, store, dispatched } = await render('customer-admin', {
      preferences: loaded({ ...known, webhookUrl: 'https://h.example/x', webhookSecretSet: true }),
    });
    q('ns-rotate-secret')!.click();
    expect(dispatched.at(-1)).toMatchObject({
      type: NotificationPreferencesPageActions.saveRequested.type,
      changes: { rotateWebhookSecret: true, webhookUrl: 'https://h.example/x' },
    });
    store.setState({
      auth: { user: { id: 'u1', role: 'customer-admin' } },
      notificationPreferences: {
        ...initialNotificationPreferencesState,
        preferences: loaded({ ...known, webhookSecretSet: true }),
        newSecret: 'S3cr3t-once',
      },
    });
    await fixture.whenStable();
    expect(q('ns-secret-value')?.textContent).toBe('S3cr3t-once');
    q('ns-copy-secret')!.click();
    await fixture.whenStable();
    expect(copies).toEqual(['S3cr3t-once']);
    expect(q('ns-copy-secret')?.textContent).toContain('已复制');
    q('ns-secret-done')!.click();
    expect(dispatched.at(-1)).toEqual(NotificationPreferencesPageActions.secretDismissed());
  });
});
