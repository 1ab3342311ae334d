const shared = require('../../jest.shared');

/**
 * The mobile app end to end (mobile/e2e): Debian's headless Chromium with a phone's
 * viewport and touch, driven by playwright-core against the demo stack and the mobile
 * production build, started by the global setup on ports and a database of their own.
 * Run by the e2e phase of scripts/test.sh after the web's. Screenshots: artifacts/mobile-e2e/.
 */
module.exports = {
  ...shared,
  rootDir: require('node:path').join(__dirname, '..', '..'),
  displayName: 'mobile-e2e',
  testMatch: ['<rootDir>/mobile/e2e/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/mobile/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/mobile/e2e/support/global-teardown.ts',
  testTimeout: 300000,
  maxWorkers: 1,
};
