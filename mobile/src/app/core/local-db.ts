import { InjectionToken } from '@angular/core';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

import type { QueuedAction } from './outbox/queued-action.model';

/** One inbox line: a change to one of my tickets or a fault on one of my circuits. */
export interface InboxItem {
  /** `<userId>:<kind>:<object id>:<version or time>`: the same event is kept once. */
  id: string;
  userId: string;
  at: string;
  kind: 'ticket' | 'circuit' | 'delivery';
  /** Ticket or circuit id (the item links to it). */
  objectId: string;
  /** Translation key and parameters. */
  text: string;
  params: Record<string, string>;
  read: boolean;
}

interface CircuitCareDb extends DBSchema {
  outbox: { key: string; value: QueuedAction; indexes: { byUser: string } };
  inbox: { key: string; value: InboxItem; indexes: { byUser: string } };
}

export const DB_NAME = 'circuitcare-mobile';

export type LocalDb = IDBPDatabase<CircuitCareDb>;

/** Opens the app's IndexedDB: the offline queue and the inbox, each entry tagged with its user. */
export function openLocalDb(name = DB_NAME): Promise<LocalDb> {
  return openDB<CircuitCareDb>(name, 1, {
    upgrade(database) {
      database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byUser', 'userId');
      database.createObjectStore('inbox', { keyPath: 'id' }).createIndex('byUser', 'userId');
    },
  });
}

/** The database the app uses (opened once, on first use); tests provide their own. */
export const LOCAL_DB = new InjectionToken<Promise<LocalDb>>('LOCAL_DB', {
  providedIn: 'root',
  factory: () => openLocalDb(),
});
