import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type EnvironmentProviders, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideMockActions } from '@ngrx/effects/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { type Observable } from 'rxjs';

import { provideCircuitCareApi } from '../../provide-circuit-care-api';
import { authInterceptor } from '../auth/auth.interceptor';

/**
 * Effects under test call the real generated client through Angular's HttpClient; the
 * testing backend answers, and the test checks the exact requests that went out.
 */
export function setUpApiTestBed(options: {
  actions$?: () => Observable<unknown>;
  state?: object;
  providers?: (Provider | EnvironmentProviders)[];
}): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideCircuitCareApi({ rootUrl: '' }),
      ...(options.actions$ ? [provideMockActions(options.actions$)] : []),
      provideMockStore({ initialState: options.state ?? {} }),
      ...(options.providers ?? []),
    ],
  });
  return TestBed.inject(HttpTestingController);
}

export const problemBody = (status: number, detail: string) => ({
  type: 'urn:circuitcare:problem:x',
  title: 'x',
  status,
  detail,
  instance: '/api/v1',
});
