import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { Actions, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { TranslateService } from '@ngx-translate/core';

import {
  LiveEventsActions,
  NotificationPreferencesPageActions,
  authFeature,
  notificationPreferencesFeature,
} from '@circuitcare/client';

import { type InboxItem, LOCAL_DB } from '../local-db';
import { Push } from '../push/push.service';
import { alerts, inboxLineOf } from './inbox-rules';

/** An inbox keeps the latest this many lines per user. */
export const INBOX_LIMIT = 200;

/**
 * The in-app inbox: every change to my tickets and fault on my circuits as they arrive on
 * the live stream, kept in IndexedDB (read offline, after a restart) — always, whatever the
 * notification preferences. A line arriving while the app is in the background is also
 * shown as a system notification where the user allowed them (the service worker's
 * showNotification) when its category is on in my preferences (the shared
 * `notificationPreferences` state, the same choice push and e-mail follow), unless web push
 * is on here: the API then pushes the same change (core/push).
 */
@Injectable({ providedIn: 'root' })
export class Inbox {
  private readonly db = inject(LOCAL_DB);
  private readonly store = inject(Store);
  private readonly translate = inject(TranslateService);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly user = this.store.selectSignal(authFeature.selectUser);
  private readonly push = inject(Push);

  readonly items = signal<InboxItem[]>([]);
  readonly unread = computed(() => this.items().filter((i) => !i.read).length);
  /** Every category on until read (offline: rather alert once too often than miss a fault). */
  private readonly prefs = this.store.selectSignal(notificationPreferencesFeature.selectEvents);

  constructor() {
    effect(() => {
      const user = this.user();
      if (user) void this.start();
      else this.items.set([]);
    });
    inject(Actions)
      .pipe(ofType(LiveEventsActions.changeReceived))
      .subscribe(({ message }) => void this.receive(message));
  }

  async markAllRead(): Promise<void> {
    const db = await this.db;
    const unread = this.items().filter((i) => !i.read);
    for (const item of unread) await db.put('inbox', { ...item, read: true });
    await this.reload();
  }

  /** Asks for system notifications (a user gesture); true when granted. */
  async enableSystemNotifications(): Promise<boolean> {
    const N = this.window?.Notification;
    if (!N) return false;
    return (await N.requestPermission()) === 'granted';
  }

  systemNotificationsState(): 'unsupported' | NotificationPermission {
    const N = this.window?.Notification;
    return N ? N.permission : 'unsupported';
  }

  private async start(): Promise<void> {
    await this.reload();
    this.store.dispatch(NotificationPreferencesPageActions.opened());
  }

  private async receive(message: Parameters<typeof inboxLineOf>[0]): Promise<void> {
    const user = this.user();
    if (!user) return;
    const line = inboxLineOf(message);
    if (!line) return;
    const db = await this.db;
    const id = `${user.id}:${line.key}`;
    if (await db.get('inbox', id)) return;
    const item: InboxItem = {
      id,
      userId: user.id,
      at: message.time,
      kind: line.kind,
      objectId: line.objectId,
      text: line.text,
      params: line.params,
      read: false,
    };
    await db.put('inbox', item);
    await this.trim(user.id);
    await this.reload();
    if (alerts(line, this.prefs())) void this.notifySystem(item);
  }

  private async notifySystem(item: InboxItem): Promise<void> {
    const doc = this.window?.document;
    if (!doc || doc.visibilityState === 'visible' || this.push.enabled()) return;
    if (this.systemNotificationsState() !== 'granted') return;
    const registration = await this.window?.navigator.serviceWorker?.getRegistration();
    const title = this.translate.instant('app.name') as string;
    const body = this.translate.instant(item.text, item.params) as string;
    await registration?.showNotification(title, { body, tag: item.id, icon: 'icons/icon-192.png' });
  }

  private async trim(userId: string): Promise<void> {
    const db = await this.db;
    const all = await db.getAllFromIndex('inbox', 'byUser', userId);
    const old = all.sort((a, b) => b.at.localeCompare(a.at)).slice(INBOX_LIMIT);
    for (const item of old) await db.delete('inbox', item.id);
  }

  private async reload(): Promise<void> {
    const userId = this.user()?.id;
    if (!userId) return;
    const all = await (await this.db).getAllFromIndex('inbox', 'byUser', userId);
    this.items.set(all.sort((a, b) => b.at.localeCompare(a.at)));
  }
}
