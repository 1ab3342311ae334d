/** Whether this phone can receive web push, and if not, why (the "me" page explains it). */
export type PushSupport =
  /** Push can be turned on here. */
  | 'available'
  /** No service worker running (a development build, or a browser without one). */
  | 'no-service-worker'
  /** The browser has no Push API (iOS Safari outside an installed home-screen app, …). */
  | 'unsupported'
  /** The user blocked notifications for this site: only the browser's settings undo that. */
  | 'denied'
  /** The server has no VAPID keys: web push is off for everyone. */
  | 'server-off';

export interface PushEnvironment {
  serviceWorker: boolean;
  pushManager: boolean;
  /** Notification.permission, or null without the Notifications API. */
  permission: NotificationPermission | null;
  /** The API answered GET /push/vapid-public-key with a key (null: not asked yet). */
  serverEnabled: boolean | null;
}

export function pushSupportOf(env: PushEnvironment): PushSupport {
  if (!env.pushManager || env.permission === null) return 'unsupported';
  if (!env.serviceWorker) return 'no-service-worker';
  if (env.permission === 'denied') return 'denied';
  if (env.serverEnabled === false) return 'server-off';
  return 'available';
}
