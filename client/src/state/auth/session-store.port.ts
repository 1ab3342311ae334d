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
  /**
   * The last profile read from the API (JSON with the time it was read), so that a reload
   * without a network still knows who is signed in; forgotten with the session.
   */
  loadProfile(): string | null;
  saveProfile(profile: string | null): void;
}

/** Keeps nothing across loads: the default, and what tests use. */
export function memorySessionStore(): SessionStore {
  let token: string | null = null;
  let profile: string | null = null;
  return {
    load: () => token,
    save: (value) => {
      token = value;
    },
    loadProfile: () => profile,
    saveProfile: (value) => {
      profile = value;
    },
  };
}

/** A store on a Web Storage area (`sessionStorage`, `localStorage`) under one key. */
export function webStorageSessionStore(storage: Storage, key = 'cc.session'): SessionStore {
  const read = (name: string): string | null => {
    try {
      return storage.getItem(name);
    } catch {
      return null;
    }
  };
  const write = (name: string, value: string | null): void => {
    try {
      if (value === null) storage.removeItem(name);
      else storage.setItem(name, value);
    } catch {
      // Storage disabled (private mode, quota): the session then lasts as long as the page.
    }
  };
  return {
    load: () => read(key),
    save: (value) => write(key, value),
    loadProfile: () => read(`${key}.profile`),
    saveProfile: (value) => write(`${key}.profile`, value),
  };
}

export const SESSION_STORE = new InjectionToken<SessionStore>('SESSION_STORE', {
  providedIn: 'root',
  factory: memorySessionStore,
});
