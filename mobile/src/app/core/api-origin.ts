/**
 * Origin of the API, without `/api/v1`. The PWA is served behind the web server that
 * proxies `/api` (same origin: ''); a native build replaces this file (angular.json
 * configuration `native`) with the operator's API origin.
 */
export const API_ORIGIN = '';
