import type { Action, ActionReducer } from '@ngrx/store';

import { AuthApiActions, type Loadable } from '@circuitcare/client';

/**
 * The pages' last-known data, kept on the phone so that a start without a network (the
 * session kept offline, shared `auth` state) still shows what was last read, with its age.
 * Per feature, the Loadables worth keeping (the home's map structure is too big to keep).
 */
export const SNAPSHOT_PARTS: Readonly<Record<string, readonly string[]>> = {
  overview: ['summary', 'faults', 'availability'],
  openTickets: ['tickets'],
  ticketDetail: ['ticket'],
  circuitDetail: ['detail', 'topology', 'performance', 'alarms'],
};

/** Other keys of a feature that say what its Loadables are about (which ticket, which circuit). */
const IDENTITY_KEYS = ['ticketId', 'circuitId', 'customerId'];

export interface OfflineSnapshot {
  userId: string;
  savedAt: string;
  features: Record<string, Record<string, unknown>>;
}

export const snapshotKey = (userId: string): string => `cc.snapshot.${userId}`;

function isLoadable(value: unknown): value is Loadable<unknown> {
  return typeof value === 'object' && value !== null && 'data' in value && 'loadedAt' in value;
}

/** What of `state` is worth keeping: the listed Loadables that hold data, and whose they are. */
export function snapshotOf(
  state: Record<string, unknown>,
  userId: string,
  now: Date,
): OfflineSnapshot {
  const features: OfflineSnapshot['features'] = {};
  for (const [feature, parts] of Object.entries(SNAPSHOT_PARTS)) {
    const slice = state[feature] as Record<string, unknown> | undefined;
    if (!slice) continue;
    const kept: Record<string, unknown> = {};
    for (const part of parts) {
      const value = slice[part];
      if (isLoadable(value) && value.data !== null && value.loadedAt !== null) {
        kept[part] = { data: value.data, loading: false, error: null, loadedAt: value.loadedAt };
      }
    }
    if (Object.keys(kept).length === 0) continue;
    for (const key of IDENTITY_KEYS) if (key in slice) kept[key] = slice[key];
    features[feature] = kept;
  }
  return { userId, savedAt: now.toISOString(), features };
}

/**
 * The state with the snapshot's data where the state has none yet (a cold start): the
 * pages then show it, and `ccm-data-age` its age, until a read succeeds.
 */
export function restoreSnapshot<S extends Record<string, unknown>>(
  state: S,
  snapshot: OfflineSnapshot,
): S {
  const next: Record<string, unknown> = { ...state };
  for (const [feature, kept] of Object.entries(snapshot.features)) {
    const slice = state[feature] as Record<string, unknown> | undefined;
    if (!slice || !SNAPSHOT_PARTS[feature]) continue;
    const merged: Record<string, unknown> = { ...slice };
    let changed = false;
    for (const part of SNAPSHOT_PARTS[feature]) {
      const current = slice[part];
      const saved = kept[part];
      if (isLoadable(current) && current.data === null && isLoadable(saved)) {
        merged[part] = { ...saved, loading: current.loading };
        changed = true;
      }
    }
    if (!changed) continue;
    // Whose data it is comes with it, unless the page already opened something else.
    for (const key of IDENTITY_KEYS) {
      if (key in kept && (slice[key] === null || slice[key] === undefined)) merged[key] = kept[key];
    }
    next[feature] = merged;
  }
  return next as S;
}

export interface SnapshotStorage {
  load(userId: string): OfflineSnapshot | null;
  save(snapshot: OfflineSnapshot): void;
  remove(userId: string): void;
}

export function webStorageSnapshots(storage: () => Storage | null): SnapshotStorage {
  return {
    load: (userId) => {
      try {
        const text = storage()?.getItem(snapshotKey(userId));
        const parsed = text ? (JSON.parse(text) as OfflineSnapshot) : null;
        return parsed && parsed.userId === userId ? parsed : null;
      } catch {
        return null;
      }
    },
    save: (snapshot) => {
      try {
        storage()?.setItem(snapshotKey(snapshot.userId), JSON.stringify(snapshot));
      } catch {
        // Quota or private mode: the app then starts offline without last-known data.
      }
    },
    remove: (userId) => {
      try {
        storage()?.removeItem(snapshotKey(userId));
      } catch {
        // nothing kept, nothing to remove
      }
    },
  };
}

/** When the session is kept offline at start, the user's snapshot fills the empty pages. */
export function offlineSnapshotMetaReducer(snapshots: SnapshotStorage) {
  return <S extends Record<string, unknown>>(reducer: ActionReducer<S>): ActionReducer<S> =>
    (state: S | undefined, action: Action): S => {
      const next = reducer(state, action);
      if (action.type !== AuthApiActions.sessionKeptOffline.type) return next;
      const { user } = action as ReturnType<typeof AuthApiActions.sessionKeptOffline>;
      const snapshot = snapshots.load(user.id);
      return snapshot ? restoreSnapshot(next, snapshot) : next;
    };
}
