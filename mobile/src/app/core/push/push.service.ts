import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { SwPush } from '@angular/service-worker';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';

import { NotificationsService, authFeature } from '@circuitcare/client';

import { type PushSupport, pushSupportOf } from './push-support';

/** Where the id of this browser's subscription is kept, per user (for DELETE on sign-out). */
const KEY = (userId: string) => `cc.push.${userId}`;

/**
 * Web push on this phone: the Angular service worker (SwPush) subscribes with the API's
 * VAPID key and the subscription is registered with the API, which then pushes ticket
 * changes and circuit faults by the user's preferences even when the app is closed; the
 * service worker shows them and opens the page on a tap (ngsw `onActionClick`).
 */
@Injectable({ providedIn: 'root' })
export class Push {
  private readonly swPush = inject(SwPush);
  private readonly api = inject(NotificationsService);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly user = inject(Store).selectSignal(authFeature.selectUser);

  private readonly serverEnabled = signal<boolean | null>(null);
  private readonly permission = signal<NotificationPermission | null>(
    this.window?.Notification?.permission ?? null,
  );
  /** This browser is subscribed and the API knows it (for the signed-in user). */
  readonly enabled = signal(false);
  readonly busy = signal(false);
  /** The last attempt failed (the push service refused, the API was unreachable). */
  readonly failed = signal(false);

  readonly support = computed<PushSupport>(() =>
    pushSupportOf({
      serviceWorker: this.swPush.isEnabled,
      pushManager: Boolean(this.window && 'PushManager' in this.window),
      permission: this.permission(),
      serverEnabled: this.serverEnabled(),
    }),
  );

  constructor() {
    effect(() => {
      const user = this.user();
      this.enabled.set(Boolean(user && this.storedId(user.id)));
    });
  }

  /** Asks the API whether push is on (the page shows why not when it is off). */
  async check(): Promise<void> {
    try {
      const key = await firstValueFrom(this.api.pushPublicKey());
      this.serverEnabled.set(key.enabled && key.publicKey !== null);
    } catch {
      // Offline: unknown; the toggle stays as it was.
    }
  }

  async enable(): Promise<boolean> {
    const user = this.user();
    if (!user || this.support() !== 'available') return false;
    this.busy.set(true);
    this.failed.set(false);
    try {
      const key = await firstValueFrom(this.api.pushPublicKey());
      this.serverEnabled.set(key.enabled && key.publicKey !== null);
      if (!key.publicKey) return false;
      // Asks for the notification permission (this runs from the user's tap).
      const subscription = await this.swPush.requestSubscription({
        serverPublicKey: key.publicKey,
      });
      this.permission.set(this.window?.Notification?.permission ?? null);
      const json = subscription.toJSON();
      const saved = await firstValueFrom(
        this.api.pushSubscribe({
          body: {
            endpoint: subscription.endpoint,
            expirationTime: json.expirationTime ?? null,
            keys: { p256dh: json.keys?.['p256dh'] ?? '', auth: json.keys?.['auth'] ?? '' },
          },
        }),
      );
      this.window?.localStorage.setItem(KEY(user.id), saved.id);
      this.enabled.set(true);
      return true;
    } catch {
      this.permission.set(this.window?.Notification?.permission ?? null);
      this.failed.set(true);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /** Stops push here: the API forgets the subscription, the browser drops it. */
  async disable(): Promise<void> {
    const user = this.user();
    if (!user) return;
    this.busy.set(true);
    const id = this.storedId(user.id);
    try {
      if (id) await firstValueFrom(this.api.pushUnsubscribe({ id })).catch(() => undefined);
      if (this.swPush.isEnabled) await this.swPush.unsubscribe().catch(() => undefined);
    } finally {
      this.window?.localStorage.removeItem(KEY(user.id));
      this.enabled.set(false);
      this.busy.set(false);
    }
  }

  private storedId(userId: string): string | null {
    try {
      return this.window?.localStorage.getItem(KEY(userId)) ?? null;
    } catch {
      return null;
    }
  }
}
