import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom, take, toArray } from 'rxjs';

import type { UserDto } from '../../generated/models/user-dto';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { AdminApiActions } from './admin-api.actions';
import { AdminPageActions } from './admin-page.actions';
import { loadAudit, loadUsers, saveUser } from './admin.effects';
import { adminFeature, initialAdminState } from './admin.feature';

const user = (over: Partial<UserDto> = {}): UserDto => ({
  id: 'u1',
  username: 'bank-a.ops',
  displayName: 'Ops',
  role: 'customer-engineer',
  customerId: 'bank-a',
  orgUnitId: null,
  assignedCustomerIds: [],
  disabled: false,
  totpEnabled: false,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: null,
  ...over,
});

describe('admin feature', () => {
  it('keeps the answer of the current query only', () => {
    let s = adminFeature.reducer(
      initialAdminState,
      AdminPageActions.userQueryChanged({ query: { q: 'bank' } }),
    );
    s = adminFeature.reducer(s, AdminPageActions.userQueryChanged({ query: { q: 'bank-a' } }));
    s = adminFeature.reducer(
      s,
      AdminApiActions.usersLoaded({
        query: { q: 'bank' },
        page: { items: [user()], page: 1, pageSize: 50, total: 1 },
      }),
    );
    expect(s.users.data).toBeNull();
    s = adminFeature.reducer(
      s,
      AdminApiActions.usersLoaded({
        query: { q: 'bank-a' },
        page: { items: [user()], page: 1, pageSize: 50, total: 1 },
      }),
    );
    expect(s.users.data?.total).toBe(1);
  });

  it('puts a saved user in the list: a new one first, a changed one in place', () => {
    let s = adminFeature.reducer(
      initialAdminState,
      AdminApiActions.usersLoaded({
        query: {},
        page: { items: [user()], page: 1, pageSize: 50, total: 1 },
      }),
    );
    s = adminFeature.reducer(s, AdminApiActions.userSaved({ user: user({ disabled: true }) }));
    expect(s.users.data?.items).toEqual([user({ disabled: true })]);
    s = adminFeature.reducer(s, AdminApiActions.userSaved({ user: user({ id: 'u2' }) }));
    expect(s.users.data?.items.map((u) => u.id)).toEqual(['u2', 'u1']);
    expect(s.users.data?.total).toBe(2);
  });
});

describe('admin effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
  });

  it('sends only the filters that are set', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadUsers()));
    actions$.next(AdminPageActions.userQueryChanged({ query: { q: '', role: 'customer-admin' } }));
    const req = http.expectOne((r) => r.url === '/api/v1/users');
    expect(req.request.params.keys().sort()).toEqual(['pageSize', 'role']);
    req.flush({ items: [], page: 1, pageSize: 50, total: 0 });
    expect((await out).type).toBe(AdminApiActions.usersLoaded.type);
  });

  it('disables through its own route, and reports a refused creation with its detail', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() =>
      firstValueFrom(saveUser().pipe(take(2), toArray())),
    );
    actions$.next(AdminPageActions.userDisableToggled({ id: 'u1', disabled: true }));
    http
      .expectOne((r) => r.url === '/api/v1/users/u1/disable' && r.method === 'POST')
      .flush(user({ disabled: true }));
    actions$.next(
      AdminPageActions.userCreateRequested({
        user: { username: 'x', displayName: 'X', role: 'platform-admin', password: 'p' },
      }),
    );
    http
      .expectOne((r) => r.url === '/api/v1/users' && r.method === 'POST')
      .flush(problemBody(403, 'a customer admin grants customer roles only'), {
        status: 403,
        statusText: 'Forbidden',
      });
    const [saved, refused] = await out;
    expect(saved).toEqual(AdminApiActions.userSaved({ user: user({ disabled: true }) }));
    expect(refused).toMatchObject({
      type: AdminApiActions.userSaveFailed.type,
      error: { status: 403, detail: 'a customer admin grants customer roles only' },
    });
  });

  it('reads the audit log with the period and outcome asked for', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadAudit()));
    actions$.next(
      AdminPageActions.auditQueryChanged({ query: { outcome: 'failure', action: 'auth.login' } }),
    );
    const req = http.expectOne((r) => r.url === '/api/v1/audit');
    expect(req.request.params.get('outcome')).toBe('failure');
    expect(req.request.params.get('action')).toBe('auth.login');
    req.flush({ items: [], page: 1, pageSize: 50, total: 0 });
    expect(await out).toMatchObject({ type: AdminApiActions.auditLoaded.type });
  });
});
