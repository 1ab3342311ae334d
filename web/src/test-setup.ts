import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

// Zoneless like the app itself (provideZonelessChangeDetection).
setupZonelessTestEnv();
