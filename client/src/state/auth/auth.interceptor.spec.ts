import { HttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { CircuitsService } from '../../generated/services/circuits.service';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { SESSION_STORE, memorySessionStore } from './session-store.port';
import { SessionTokens } from './session-tokens.service';

const tokens = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `rt_${n}`,
  expiresIn: 900,
  refreshExpiresIn: 604800,
  tokenType: 'Bearer' as const,
});

describe('authInterceptor', () => {
  const setUp = () => {
    const http = setUpApiTestBed({
      providers: [{ provide: SESSION_STORE, useValue: memorySessionStore() }],
    });
    const session = TestBed.inject(SessionTokens);
    session.start(tokens(1));
    return { http, session, circuits: TestBed.inject(CircuitsService) };
  };

  afterEach(() => TestBed.inject(SessionTokens).clear());

  it('renews an expired token once for concurrent calls and repeats each call with the new one', async () => {
    const { http, circuits } = setUp();
    const a = firstValueFrom(circuits.circuitsList({ pageSize: 1 }));
    const b = firstValueFrom(circuits.circuitsDetail({ id: 'c-1' }));

    const [first, second] = [
      http.expectOne((r) => r.url === '/api/v1/circuits'),
      http.expectOne('/api/v1/circuits/c-1'),
    ];
    expect(first.request.headers.get('authorization')).toBe('Bearer access-1');
    first.flush(problemBody(401, 'expired'), { status: 401, statusText: 'Unauthorized' });
    second.flush(problemBody(401, 'expired'), { status: 401, statusText: 'Unauthorized' });

    // One refresh only: a refresh token is single-use.
    const refresh = http.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'rt_1' });
    refresh.flush(tokens(2));

    const retriedA = http.expectOne((r) => r.url === '/api/v1/circuits');
    const retriedB = http.expectOne('/api/v1/circuits/c-1');
    expect(retriedA.request.headers.get('authorization')).toBe('Bearer access-2');
    expect(retriedB.request.headers.get('authorization')).toBe('Bearer access-2');
    retriedA.flush({ items: [], page: 1, pageSize: 1, total: 0 });
    retriedB.flush({ id: 'c-1' });
    await expect(a).resolves.toMatchObject({ total: 0 });
    await expect(b).resolves.toMatchObject({ id: 'c-1' });
    http.verify();
  });

  it('ends the session when the renewal is refused', async () => {
    const { http, session, circuits } = setUp();
    let expired = 0;
    session.expired$.subscribe(() => expired++);
    const call = firstValueFrom(circuits.circuitsList({}));
    http
      .expectOne((r) => r.url === '/api/v1/circuits')
      .flush(problemBody(401, 'x'), { status: 401, statusText: 'Unauthorized' });
    http
      .expectOne('/api/v1/auth/refresh')
      .flush(problemBody(401, 'revoked'), { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toBeTruthy();
    expect(expired).toBe(1);
    expect(session.canRefresh()).toBe(false);
    expect(session.accessToken()).toBeNull();
  });

  it('leaves calls outside the API and the public auth routes alone', () => {
    const { http } = setUp();
    const client = TestBed.inject(HttpClient);
    client.get('/i18n/en.json').subscribe();
    client.post('/api/v1/auth/login', {}).subscribe();
    expect(http.expectOne('/i18n/en.json').request.headers.has('authorization')).toBe(false);
    expect(http.expectOne('/api/v1/auth/login').request.headers.has('authorization')).toBe(false);
  });
});
