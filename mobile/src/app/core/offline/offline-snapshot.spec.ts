import type { Action } from '@ngrx/store';

import { AuthApiActions, type UserDto } from '@circuitcare/client';

import {
  type OfflineSnapshot,
  offlineSnapshotMetaReducer,
  restoreSnapshot,
  snapshotOf,
  webStorageSnapshots,
} from './offline-snapshot';

const at = '2026-12-07T08:00:00.000Z';
const loadable = (data: unknown, loadedAt: string | null = at) => ({
  data,
  loading: false,
  error: null,
  loadedAt,
});
const empty = () => ({ data: null, loading: false, error: null, loadedAt: null });
const user = { id: 'u-wang', username: 'field.wang', role: 'field-engineer' } as UserDto;

describe('offline snapshot of the pages', () => {
  const online = {
    auth: { status: 'signed-in' },
    openTickets: { viewers: 1, tickets: loadable({ items: [{ id: 'TT-1' }], total: 1 }) },
    ticketDetail: { ticketId: 'TT-1', ticket: loadable({ id: 'TT-1' }), commands: {} },
    overview: {
      open: true,
      customerId: null,
      summary: empty(),
      faults: loadable({ items: [] }),
      structure: loadable({ huge: true }),
    },
  };

  it('keeps the listed Loadables that hold data, with whose they are, and nothing else', () => {
    const s = snapshotOf(online, 'u-wang', new Date(at));
    expect(s).toEqual({
      userId: 'u-wang',
      savedAt: at,
      features: {
        openTickets: { tickets: online.openTickets.tickets },
        ticketDetail: { ticket: online.ticketDetail.ticket, ticketId: 'TT-1' },
        overview: { faults: online.overview.faults, customerId: null },
      },
    });
  });

  it('fills the empty pages of a cold start, keeps what is already there', () => {
    const snapshot = snapshotOf(online, 'u-wang', new Date(at));
    const cold = {
      auth: { status: 'signed-in' },
      openTickets: { viewers: 1, tickets: { ...empty(), loading: true } },
      ticketDetail: { ticketId: null, ticket: empty(), commands: {} },
      overview: { open: false, customerId: null, summary: empty(), faults: loadable({ fresh: 1 }) },
    };
    const restored = restoreSnapshot(cold, snapshot);
    expect(restored.openTickets.tickets).toEqual({ ...online.openTickets.tickets, loading: true });
    expect(restored.ticketDetail).toMatchObject({
      ticketId: 'TT-1',
      ticket: { data: { id: 'TT-1' } },
    });
    // Read since the snapshot: left alone.
    expect(restored.overview.faults.data).toEqual({ fresh: 1 });
    expect(restored.overview.summary.data).toBeNull();
  });

  it('restores when the session is kept offline, for that user only', () => {
    const saved: OfflineSnapshot = snapshotOf(online, 'u-wang', new Date(at));
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    } as unknown as Storage;
    const snapshots = webStorageSnapshots(() => storage);
    snapshots.save(saved);
    const base = (state: Record<string, unknown> | undefined, _action: Action) =>
      state ?? {
        openTickets: { viewers: 0, tickets: empty() },
      };
    const reducer = offlineSnapshotMetaReducer(snapshots)(base);
    const kept = reducer(
      undefined,
      AuthApiActions.sessionKeptOffline({ user, profileSavedAt: at }),
    );
    expect((kept.openTickets as { tickets: { data: unknown } }).tickets.data).toEqual({
      items: [{ id: 'TT-1' }],
      total: 1,
    });
    const other = reducer(
      undefined,
      AuthApiActions.sessionKeptOffline({ user: { ...user, id: 'u-other' }, profileSavedAt: at }),
    );
    expect((other.openTickets as { tickets: { data: unknown } }).tickets.data).toBeNull();
    // Any other action passes through untouched.
    expect(reducer(undefined, AuthApiActions.noSession())).toEqual(base(undefined, { type: 'x' }));
    snapshots.remove('u-wang');
    expect(snapshots.load('u-wang')).toBeNull();
  });
});
