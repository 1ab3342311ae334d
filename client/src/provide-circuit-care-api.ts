import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';

import { provideApiConfiguration } from './generated/api-configuration';

export interface CircuitCareApiOptions {
  /**
   * Origin of the API, without `/api/v1`: the generated paths carry the prefix. `''` for
   * the same origin (the web app behind the API's reverse proxy); an absolute URL for the
   * mobile app.
   */
  rootUrl: string;
}

/**
 * The client's providers for `bootstrapApplication`. The app adds `provideHttpClient(...)`
 * itself, with its own interceptors (bearer token, refresh), which differ between web and
 * mobile.
 */
export function provideCircuitCareApi(options: CircuitCareApiOptions): EnvironmentProviders {
  return makeEnvironmentProviders([provideApiConfiguration(options.rootUrl)]);
}
