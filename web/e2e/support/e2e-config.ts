import { join } from 'node:path';

import { findRepoRoot, type WebStackOptions } from '../../../bench/support/web-stack';

/** Where the end-to-end run keeps what it leaves behind (git-ignored). */
export const ARTIFACTS = join(findRepoRoot(__dirname), 'artifacts', 'e2e');

/**
 * The journey's fault: bank-a's CPE 0044 (武汉金桥支行) goes down — a single-site fault,
 * located on the customer side, on the circuits bank-a-MPLS-0053 and bank-a-VPDN-0019.
 * It and its neighbours (WH-ACC-03, WH-LAC-01: they report it) are polled fast so that
 * its silence shows in seconds; the rest of the network slowly, which leaves the two CI
 * cores to Chromium.
 */
export const JOURNEY_FAULT = { kind: 'element-down', elementId: 'bank-a-CPE-0044' } as const;
export const JOURNEY_CIRCUIT = 'bank-a-MPLS-0053';
/** The operator team of the Wuhan sites (demo/src/seed/seed-teams.ts). */
export const JOURNEY_TEAM = 'team-wuhan';

export const E2E_PASSWORD = 'E2e#Demo2026';

export const E2E_STACK: WebStackOptions = {
  db: 'cc_web_e2e',
  ports: { api: 27100, web: 27200, snmp: 27161, simulatorControl: 27181, trap: 27162 },
  password: E2E_PASSWORD,
  logDir: join(ARTIFACTS, 'logs'),
  pollIntervalSec: 600,
  fastElements: ['bank-a-CPE-0044', 'WH-ACC-03', 'WH-LAC-01'],
  fastPollSec: 5,
  // The journey files the customer's own report; the proactive ticket the API opens for
  // an unreported outage (after 120 s by default) must not beat a slow CI box to it.
  env: { TICKET_PROACTIVE_GRACE_SEC: '900' },
};

export const WEB_URL = `http://127.0.0.1:${E2E_STACK.ports.web}`;
export const API_URL = `http://127.0.0.1:${E2E_STACK.ports.api}/api/v1`;
export const CONTROL_URL = `http://127.0.0.1:${E2E_STACK.ports.simulatorControl}`;
