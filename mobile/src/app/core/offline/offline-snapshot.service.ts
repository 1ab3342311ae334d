import { Injectable, inject } from '@angular/core';
import { Actions, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { debounceTime, filter } from 'rxjs';

import { AuthApiActions, type AuthState, authFeature } from '@circuitcare/client';

import { type SnapshotStorage, snapshotOf } from './offline-snapshot';

/** How long the state settles before it is written (a burst of loads is one write). */
const WRITE_AFTER_MS = 2000;

/**
 * Writes the signed-in user's snapshot of the pages' last-known data to the phone while
 * it is online; forgets it when the session ends (the next user of the phone sees none).
 */
@Injectable({ providedIn: 'root' })
export class OfflineSnapshots {
  private readonly store = inject(Store);
  private readonly actions$ = inject(Actions);
  private userId: string | null = null;

  start(snapshots: SnapshotStorage): void {
    this.store
      .select((s: Record<string, unknown>) => s)
      .pipe(debounceTime(WRITE_AFTER_MS))
      .pipe(
        // Written from what was read online only: a start offline keeps the earlier one.
        filter((state) => {
          const auth = state[authFeature.name] as AuthState | undefined;
          return auth?.status === 'signed-in' && auth.user !== null && !auth.offline;
        }),
      )
      .subscribe((state) => {
        const user = (state[authFeature.name] as AuthState).user!;
        this.userId = user.id;
        snapshots.save(snapshotOf(state, user.id, new Date()));
      });
    this.actions$
      .pipe(
        ofType(
          AuthApiActions.sessionKeptOffline,
          AuthApiActions.signedOut,
          AuthApiActions.sessionExpired,
        ),
      )
      .subscribe((action) => {
        if (action.type === AuthApiActions.sessionKeptOffline.type) {
          this.userId = action.user.id;
          return;
        }
        if (this.userId) snapshots.remove(this.userId);
        this.userId = null;
      });
  }
}
