/**
 * The API's origin for the native (Capacitor) build, where the page's origin is the app
 * itself (https://localhost): replaces api-origin.ts in the `native` configuration.
 */
export const API_ORIGIN = 'https://circuitcare.example.cn';
