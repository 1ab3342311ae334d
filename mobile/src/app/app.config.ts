import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZoneChangeDetection,
} from '@angular/core';
import { RouteReuseStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { IonicRouteStrategy, provideIonicAngular } from '@ionic/angular/standalone';
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
  circuitDetailEffects,
  circuitDetailFeature,
  circuitListEffects,
  circuitListFeature,
  liveEventsEffects,
  liveEventsFeature,
  notificationPreferencesEffects,
  notificationPreferencesFeature,
  openTicketsEffects,
  openTicketsFeature,
  overviewEffects,
  overviewFeature,
  provideCircuitCareApi,
  ticketDetailEffects,
  ticketDetailFeature,
  webStorageSessionStore,
} from '@circuitcare/client';

import { routes } from './app.routes';
import { API_ORIGIN } from './core/api-origin';
import { BundledTranslationsLoader } from './core/bundled-translations.loader';
import { navigationEffects } from './core/navigation.effects';
import { offlineSnapshotMetaReducer, webStorageSnapshots } from './core/offline/offline-snapshot';
import { OfflineSnapshots } from './core/offline/offline-snapshot.service';
import { Preferences } from './core/preferences.service';

/** The pages' last-known data on this phone, for a start without a network. */
const snapshots = webStorageSnapshots(() =>
  typeof localStorage === 'undefined' ? null : localStorage,
);

/** Before the first render: the texts of the chosen language, and a session kept from before. */
async function initialise(): Promise<void> {
  const store = inject(Store);
  const prefs = inject(Preferences);
  inject(OfflineSnapshots).start(snapshots);
  store.dispatch(SessionActions.restoreRequested());
  await Promise.all([
    prefs.init(),
    firstValueFrom(store.select(authFeature.selectIsSettled).pipe(filter(Boolean))),
  ]);
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Ionic 8's overlays and gestures expect zone.js change detection (docs/mobile.md).
    provideZoneChangeDetection({ eventCoalescing: true }),
    provideIonicAngular({ mode: 'md' }),
    { provide: RouteReuseStrategy, useClass: IonicRouteStrategy },
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    // '' when served behind the web server's /api proxy (the PWA); the API's origin in a
    // native (Capacitor) build, where the page's origin is the app itself.
    provideCircuitCareApi({ rootUrl: API_ORIGIN }),
    // A phone stays signed in across restarts (the refresh token, never the access token).
    { provide: SESSION_STORE, useFactory: () => webStorageSessionStore(localStorage) },
    provideStore(
      {
        [authFeature.name]: authFeature.reducer,
        [liveEventsFeature.name]: liveEventsFeature.reducer,
        [overviewFeature.name]: overviewFeature.reducer,
        [openTicketsFeature.name]: openTicketsFeature.reducer,
        [circuitListFeature.name]: circuitListFeature.reducer,
        [circuitDetailFeature.name]: circuitDetailFeature.reducer,
        [ticketDetailFeature.name]: ticketDetailFeature.reducer,
        [notificationPreferencesFeature.name]: notificationPreferencesFeature.reducer,
      },
      {
        metaReducers: [offlineSnapshotMetaReducer(snapshots)],
        runtimeChecks: {
          strictStateImmutability: true,
          strictActionImmutability: true,
          strictStateSerializability: true,
          strictActionSerializability: true,
        },
      },
    ),
    provideEffects(
      authEffects,
      liveEventsEffects,
      overviewEffects,
      openTicketsEffects,
      circuitListEffects,
      circuitDetailEffects,
      ticketDetailEffects,
      notificationPreferencesEffects,
      navigationEffects,
    ),
    provideTranslateService({
      loader: provideTranslateLoader(BundledTranslationsLoader),
      fallbackLang: 'zh-CN',
      lang: 'zh-CN',
    }),
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      // Registered once the app is stable, so it never competes with the first render.
      registrationStrategy: 'registerWhenStable:5000',
    }),
    provideAppInitializer(initialise),
  ],
};
