import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { UserDto } from '../../generated/models/user-dto';
import { AuthApiActions } from './auth-api.actions';
import type { LoginError } from './login-error.model';
import { LoginPageActions } from './login-page.actions';
import { capabilitiesOf } from './roles.model';
import { SessionActions } from './session.actions';

export type AuthStatus =
  /** Before the app asked whether a session survives (page load). */
  | 'unknown'
  | 'restoring'
  | 'signed-out'
  | 'signing-in'
  /** The password was right; the second factor is asked for. */
  | 'second-factor'
  | 'verifying-code'
  | 'signed-in';

export interface AuthState {
  status: AuthStatus;
  user: UserDto | null;
  error: LoginError | null;
  /** The username of a sign-in in progress (shown on the second-factor step). */
  pendingUsername: string | null;
  /** When the second step's token expires (ISO). */
  secondStepExpiresAt: string | null;
  /** The last session ended by itself (expired, revoked): the login page says so. */
  sessionExpired: boolean;
  /**
   * Signed in from the kept session while the API was unreachable: the user is the last
   * known profile, read from the API at `profileSavedAt` (ISO), until a renewal succeeds.
   */
  offline: boolean;
  profileSavedAt: string | null;
}

export const initialAuthState: AuthState = {
  status: 'unknown',
  user: null,
  error: null,
  pendingUsername: null,
  secondStepExpiresAt: null,
  sessionExpired: false,
  offline: false,
  profileSavedAt: null,
};

const signedIn = (state: AuthState, { user }: { user: UserDto }): AuthState => ({
  ...initialAuthState,
  status: 'signed-in',
  user,
});

export const authFeature = createFeature({
  name: 'auth',
  reducer: createReducer(
    initialAuthState,
    on(SessionActions.restoreRequested, (state): AuthState => ({ ...state, status: 'restoring' })),
    on(LoginPageActions.passwordSubmitted, (state, { username }): AuthState => ({
      ...state,
      status: 'signing-in',
      error: null,
      pendingUsername: username,
      sessionExpired: false,
    })),
    on(AuthApiActions.secondFactorRequired, (state, { username, expiresAt }): AuthState => ({
      ...state,
      status: 'second-factor',
      error: null,
      pendingUsername: username,
      secondStepExpiresAt: expiresAt,
    })),
    on(LoginPageActions.codeSubmitted, (state): AuthState => ({
      ...state,
      status: 'verifying-code',
      error: null,
    })),
    on(LoginPageActions.secondStepCancelled, (): AuthState => ({
      ...initialAuthState,
      status: 'signed-out',
    })),
    on(AuthApiActions.signedIn, signedIn),
    on(AuthApiActions.sessionRestored, signedIn),
    on(AuthApiActions.sessionKeptOffline, (state, { user, profileSavedAt }): AuthState => ({
      ...initialAuthState,
      status: 'signed-in',
      user,
      offline: true,
      profileSavedAt,
    })),
    on(AuthApiActions.signInFailed, (state, { error }): AuthState => {
      // A wrong code keeps the second step open; anything else after it starts again.
      const staysOnCode =
        (state.status === 'verifying-code' || state.status === 'second-factor') &&
        error.kind === 'bad-code';
      return {
        ...state,
        status: staysOnCode ? 'second-factor' : 'signed-out',
        error,
        secondStepExpiresAt: staysOnCode ? state.secondStepExpiresAt : null,
      };
    }),
    on(AuthApiActions.noSession, (): AuthState => ({ ...initialAuthState, status: 'signed-out' })),
    on(AuthApiActions.signedOut, (): AuthState => ({ ...initialAuthState, status: 'signed-out' })),
    on(AuthApiActions.sessionExpired, (state): AuthState => ({
      ...initialAuthState,
      status: 'signed-out',
      // Only a session that was live can expire; a failed restore at load is silent.
      sessionExpired: state.status === 'signed-in',
    })),
  ),
  extraSelectors: ({ selectUser, selectStatus }) => {
    const selectRole = createSelector(selectUser, (user) => user?.role ?? null);
    return {
      selectRole,
      selectIsSignedIn: createSelector(selectStatus, (status) => status === 'signed-in'),
      /** The session question is answered (restored or not): guards may decide. */
      selectIsSettled: createSelector(
        selectStatus,
        (status) => status !== 'unknown' && status !== 'restoring',
      ),
      selectCapabilities: createSelector(selectRole, capabilitiesOf),
      /** The customer of a customer user (null for operator staff and account managers). */
      selectOwnCustomerId: createSelector(selectUser, (user) => user?.customerId ?? null),
      selectIsBusy: createSelector(
        selectStatus,
        (status) => status === 'signing-in' || status === 'verifying-code',
      ),
    };
  },
});
