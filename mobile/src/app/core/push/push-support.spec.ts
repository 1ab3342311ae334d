import { pushSupportOf } from './push-support';

const ok = {
  serviceWorker: true,
  pushManager: true,
  permission: 'default' as NotificationPermission,
  serverEnabled: true,
};

describe('push support', () => {
  it('is available with a service worker, the Push API, no block and a server key', () => {
    expect(pushSupportOf(ok)).toBe('available');
    expect(pushSupportOf({ ...ok, permission: 'granted', serverEnabled: null })).toBe('available');
  });

  it('says why not, the browser first, then the user, then the server', () => {
    expect(pushSupportOf({ ...ok, pushManager: false })).toBe('unsupported');
    expect(pushSupportOf({ ...ok, permission: null })).toBe('unsupported');
    expect(pushSupportOf({ ...ok, serviceWorker: false })).toBe('no-service-worker');
    expect(pushSupportOf({ ...ok, permission: 'denied', serverEnabled: false })).toBe('denied');
    expect(pushSupportOf({ ...ok, serverEnabled: false })).toBe('server-off');
  });
});
