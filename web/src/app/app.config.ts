import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { Store, provideStore } from '@ngrx/store';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import { filter, firstValueFrom } from 'rxjs';

import {
  SESSION_STORE,
  SessionActions,
  authEffects,
  authFeature,
  authInterceptor,
  liveEventsEffects,
  liveEventsFeature,
  provideCircuitCareApi,
  webStorageSessionStore,
} from '@circuitcare/client';

import { routes } from './app.routes';
import { BundledTranslationsLoader } from './core/bundled-translations.loader';
import { navigationEffects } from './core/navigation.effects';
import { Preferences } from './core/preferences.service';

/** Before the first render: the texts of the chosen language, and a session kept from before. */
async function initialise(): Promise<void> {
  const store = inject(Store);
  const prefs = inject(Preferences);
  store.dispatch(SessionActions.restoreRequested());
  await Promise.all([
    prefs.init(),
    firstValueFrom(store.select(authFeature.selectIsSettled).pipe(filter(Boolean))),
  ]);
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // No zone.js: change detection follows signals and the async pipe (ADR 0015).
    provideZonelessChangeDetection(),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    // The web app is served from the API's origin (the web server proxies /api).
    provideCircuitCareApi({ rootUrl: '' }),
    // The tab keeps the refresh token: a reload or deep link stays signed in, closing the tab ends it.
    { provide: SESSION_STORE, useFactory: () => webStorageSessionStore(sessionStorage) },
    provideStore(
      {
        [authFeature.name]: authFeature.reducer,
        [liveEventsFeature.name]: liveEventsFeature.reducer,
      },
      {
        runtimeChecks: {
          strictStateImmutability: true,
          strictActionImmutability: true,
          strictStateSerializability: true,
          strictActionSerializability: true,
        },
      },
    ),
    provideEffects(authEffects, liveEventsEffects, navigationEffects),
    provideTranslateService({
      loader: provideTranslateLoader(BundledTranslationsLoader),
      fallbackLang: 'zh-CN',
      lang: 'zh-CN',
    }),
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline' } },
    provideAppInitializer(initialise),
  ],
};
