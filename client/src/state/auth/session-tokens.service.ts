import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Observable, Subject, defer, finalize, map, shareReplay, tap } from 'rxjs';

import type { SessionTokensDto } from '../../generated/models/session-tokens-dto';
import type { UserDto } from '../../generated/models/user-dto';
import { AuthService } from '../../generated/services/auth.service';
import { SESSION_STORE } from './session-store.port';

/**
 * The session's secrets, kept out of the NgRx store (which is serialisable and shown in
 * dev tools): the access token in memory, the refresh token in the SessionStore, the
 * short-lived mfaToken of a two-step sign-in. The HTTP interceptor and the auth effects
 * share this one place.
 */
/** The last profile the API returned, and when (ISO). */
export interface KnownProfile {
  user: UserDto;
  savedAt: string;
}

/**
 * The API said no to the session itself (401: spent, revoked, expired; 400: not a token
 * it could read). Anything else (no network, a gateway's 502/504, a 500) says nothing
 * about the session, which is then kept.
 */
export function sessionRefused(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 401 || error.status === 400);
}

@Injectable({ providedIn: 'root' })
export class SessionTokens {
  private readonly store = inject(SESSION_STORE);
  private readonly auth = inject(AuthService);

  private readonly access = signal<string | null>(null);
  private refreshToken: string | null = this.store.load();
  private mfa: string | null = null;
  private inFlight: Observable<string> | null = null;
  private readonly expiredSubject = new Subject<void>();

  /** The current access token (null before sign-in or after it ended). */
  readonly accessToken = this.access.asReadonly();
  /** The session could not be renewed (refresh token spent, revoked or expired). */
  readonly expired$ = this.expiredSubject.asObservable();

  canRefresh(): boolean {
    return this.refreshToken !== null;
  }

  start(tokens: SessionTokensDto): void {
    this.mfa = null;
    this.access.set(tokens.accessToken);
    this.refreshToken = tokens.refreshToken;
    this.store.save(tokens.refreshToken);
  }

  /** Forgets everything and returns the refresh token it held (for POST /auth/logout). */
  clear(): string | null {
    const refreshToken = this.refreshToken;
    this.access.set(null);
    this.refreshToken = null;
    this.mfa = null;
    this.inFlight = null;
    this.store.save(null);
    this.store.saveProfile(null);
    return refreshToken;
  }

  /** Keeps the profile the API just returned, for a later start without a network. */
  rememberProfile(user: UserDto, at = new Date()): void {
    const known: KnownProfile = { user, savedAt: at.toISOString() };
    this.store.saveProfile(JSON.stringify(known));
  }

  /** The profile kept by rememberProfile, if any and readable. */
  knownProfile(): KnownProfile | null {
    const text = this.store.loadProfile();
    if (!text) return null;
    try {
      const known = JSON.parse(text) as Partial<KnownProfile>;
      if (!known.user?.id || typeof known.savedAt !== 'string') return null;
      return { user: known.user, savedAt: known.savedAt };
    } catch {
      return null;
    }
  }

  holdMfaToken(token: string): void {
    this.mfa = token;
  }

  mfaToken(): string | null {
    return this.mfa;
  }

  /**
   * Renews the access token. Concurrent callers share one request: a refresh token is
   * single-use, and presenting it twice makes the API revoke the whole session. Only a
   * refusal of the token ends the session; a network failure keeps it for a later try.
   */
  refresh(): Observable<string> {
    if (this.inFlight) return this.inFlight;
    const refreshToken = this.refreshToken;
    if (!refreshToken) {
      return defer(() => {
        throw new Error('no session to refresh');
      });
    }
    const request = this.auth.authRefresh({ body: { refreshToken } }).pipe(
      tap({
        next: (tokens) => this.start(tokens),
        error: (error: unknown) => {
          if (!sessionRefused(error)) return;
          this.clear();
          this.expiredSubject.next();
        },
      }),
      map((tokens) => tokens.accessToken),
      finalize(() => {
        if (this.inFlight === request) this.inFlight = null;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    this.inFlight = request;
    return request;
  }
}
