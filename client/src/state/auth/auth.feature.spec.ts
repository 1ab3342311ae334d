import type { UserDto } from '../../generated/models/user-dto';
import { AuthApiActions } from './auth-api.actions';
import { type AuthState, authFeature, initialAuthState } from './auth.feature';
import { LoginPageActions } from './login-page.actions';
import { SessionActions } from './session.actions';

const user: UserDto = {
  id: 'u1',
  username: 'bank-a.admin',
  displayName: 'Bank A admin',
  role: 'customer-admin',
  customerId: 'bank-a',
  orgUnitId: 'bank-a-HO',
  assignedCustomerIds: [],
  disabled: false,
  totpEnabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: null,
};

const reduce = (state: AuthState, ...actions: Parameters<typeof authFeature.reducer>[1][]) =>
  actions.reduce((s, a) => authFeature.reducer(s, a), state);

describe('auth feature', () => {
  it('goes from password to signed in and exposes the role and its capabilities', () => {
    const state = reduce(
      initialAuthState,
      LoginPageActions.passwordSubmitted({ username: 'bank-a.admin', password: 'x' }),
    );
    expect(state.status).toBe('signing-in');
    expect(authFeature.selectIsBusy.projector(state.status)).toBe(true);

    const signedIn = reduce(state, AuthApiActions.signedIn({ user }));
    expect(signedIn).toMatchObject({ status: 'signed-in', user, error: null });
    const role = authFeature.selectRole.projector(signedIn.user);
    expect(role).toBe('customer-admin');
    expect(authFeature.selectCapabilities.projector(role)).toMatchObject({
      singleCustomer: true,
      manageUsers: true,
      operateAlarms: false,
    });
  });

  it('keeps the second step open after a wrong code, and starts again after it expired', () => {
    const second = reduce(
      initialAuthState,
      LoginPageActions.passwordSubmitted({ username: 'noc.li', password: 'x' }),
      AuthApiActions.secondFactorRequired({
        username: 'noc.li',
        expiresAt: '2030-01-01T00:05:00Z',
      }),
      LoginPageActions.codeSubmitted({ code: '123456' }),
    );
    expect(second.status).toBe('verifying-code');

    const wrong = reduce(second, AuthApiActions.signInFailed({ error: { kind: 'bad-code' } }));
    expect(wrong).toMatchObject({
      status: 'second-factor',
      error: { kind: 'bad-code' },
      pendingUsername: 'noc.li',
      secondStepExpiresAt: '2030-01-01T00:05:00Z',
    });

    const expired = reduce(wrong, AuthApiActions.signInFailed({ error: { kind: 'mfa-expired' } }));
    expect(expired).toMatchObject({ status: 'signed-out', secondStepExpiresAt: null });
  });

  it('reports a lockout with its end time', () => {
    const locked = reduce(
      initialAuthState,
      LoginPageActions.passwordSubmitted({ username: 'x', password: 'y' }),
      AuthApiActions.signInFailed({ error: { kind: 'locked', until: '2030-01-01T00:15:00Z' } }),
    );
    expect(locked).toMatchObject({
      status: 'signed-out',
      error: { kind: 'locked', until: '2030-01-01T00:15:00Z' },
    });
  });

  it('says the session expired only when it was live, not when a restore at load fails', () => {
    const live = reduce(
      initialAuthState,
      AuthApiActions.signedIn({ user }),
      AuthApiActions.sessionExpired(),
    );
    expect(live).toMatchObject({ status: 'signed-out', user: null, sessionExpired: true });

    const atLoad = reduce(
      initialAuthState,
      SessionActions.restoreRequested(),
      AuthApiActions.sessionExpired(),
      AuthApiActions.noSession(),
    );
    expect(atLoad).toMatchObject({ status: 'signed-out', sessionExpired: false });
    expect(authFeature.selectIsSettled.projector(atLoad.status)).toBe(true);
    expect(authFeature.selectIsSettled.projector('restoring')).toBe(false);
  });

  it('forgets the user on sign-out', () => {
    const out = reduce(
      initialAuthState,
      AuthApiActions.signedIn({ user }),
      AuthApiActions.signedOut(),
    );
    expect(out).toEqual({ ...initialAuthState, status: 'signed-out' });
  });

  it('opens signed in but offline from the kept profile, and online again once renewed', () => {
    const kept = reduce(
      initialAuthState,
      SessionActions.restoreRequested(),
      AuthApiActions.sessionKeptOffline({ user, profileSavedAt: '2026-12-07T08:00:00.000Z' }),
    );
    expect(kept).toMatchObject({
      status: 'signed-in',
      user,
      offline: true,
      profileSavedAt: '2026-12-07T08:00:00.000Z',
    });
    expect(authFeature.selectIsSignedIn.projector(kept.status)).toBe(true);
    const renewed = reduce(kept, AuthApiActions.sessionRestored({ user }));
    expect(renewed).toMatchObject({ status: 'signed-in', offline: false, profileSavedAt: null });
    // A session kept offline that is refused later did live: the login page says it expired.
    expect(reduce(kept, AuthApiActions.sessionExpired())).toMatchObject({ sessionExpired: true });
  });
});
