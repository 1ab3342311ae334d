import type { CapacitorConfig } from '@capacitor/cli';

/**
 * Native packaging (Android/iOS), ready though no store build is made here:
 * `npx ng build mobile -c native && npx cap add android && npx cap sync` from mobile/.
 * The native build talks to the API by its absolute origin (core/api-origin.native.ts).
 */
const config: CapacitorConfig = {
  appId: 'cn.circuitcare.mobile',
  appName: '电路管家',
  webDir: 'dist/browser',
  android: { allowMixedContent: false },
  server: { androidScheme: 'https' },
};

export default config;
