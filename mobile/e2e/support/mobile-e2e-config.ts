import { join } from 'node:path';

import { type WebStackOptions, findRepoRoot } from '../../../bench/support/web-stack';

const root = findRepoRoot(__dirname);

/** Where the run keeps screenshots and logs (git-ignored); the main screens go to docs. */
export const ARTIFACTS = join(root, 'artifacts', 'mobile-e2e');
export const DOC_SCREENSHOTS = join(root, 'docs', 'screenshots', 'mobile');

export const PASSWORD = 'E2e#Mobile2026';

/**
 * The journey's fault: the CPE at bank-a's Wuhan branch (A end of bank-a-MPLS-0002,
 * org unit bank-a-HB-WH, which bank-a.wuhan sees) goes dark. It is polled every few
 * seconds so its silence shows quickly; the rest of the network slowly.
 */
export const JOURNEY_CIRCUIT = 'bank-a-MPLS-0002';
export const JOURNEY_FAULT = { kind: 'element-down', elementId: 'bank-a-CPE-0005' } as const;

/** Ports and a database of its own: runs beside the web e2e, the integration tests, a demo. */
export const MOBILE_STACK: WebStackOptions = {
  db: 'cc_mobile_e2e',
  ports: { api: 27300, web: 27400, snmp: 27361, simulatorControl: 27381, trap: 27362 },
  password: PASSWORD,
  logDir: join(ARTIFACTS, 'logs'),
  pollIntervalSec: 600,
  fastElements: [JOURNEY_FAULT.elementId],
  fastPollSec: 5,
};

export const MOBILE_PORT = 27500;
export const MOBILE_URL = `http://127.0.0.1:${MOBILE_PORT}`;
export const API_URL = `http://127.0.0.1:${MOBILE_STACK.ports.api}/api/v1`;
export const CONTROL_URL = `http://127.0.0.1:${MOBILE_STACK.ports.simulatorControl}`;
