import { InjectionToken } from '@angular/core';

/**
 * Where the app keeps the refresh token between page loads. The web app uses the tab's
 * sessionStorage (a reload or a deep link keeps the session, closing the tab ends it);
 * the mobile app its own secure store. The access token is never persisted: it lives in
 * memory and is renewed from the refresh token.
 */
export interface SessionStore {
  load(): string | null;
  save(refreshToken: string | null): void;
}

/** Keeps nothing across loads: the default, and what tests use. */
export function memorySessionStore(): SessionStore {
  let token: string | null = null;
  return {
    load: () => token,
    save: (value) => {
      token = value;
    },
  };
}

/** A store on a Web Storage area (`sessionStorage`, `localStorage`) under one key. */
export function webStorageSessionStore(storage: Storage, key = 'cc.session'): SessionStore {
  return {
    load: () => {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    save: (value) => {
      try {
        if (value === null) storage.removeItem(key);
        else storage.setItem(key, value);
      } catch {
        // Storage disabled (private mode, quota): the session then lasts as long as the page.
      }
    },
  };
}

export const SESSION_STORE = new InjectionToken<SessionStore>('SESSION_STORE', {
  providedIn: 'root',
  factory: memorySessionStore,
});
