const shared = require('./jest.shared');

/**
 * End-to-end tier (web/e2e): Debian's headless Chromium driven by playwright-core
 * against the demo stack — production web build, API, poller, trap receiver, device
 * simulator — started once by the global setup on ports and a database of its own and
 * stopped by the teardown. Run by `npm run test:e2e` (which builds first) and by the
 * e2e phase of scripts/test.sh. Screenshots and axe reports go to artifacts/e2e/.
 */
module.exports = {
  ...shared,
  displayName: 'e2e',
  testMatch: ['<rootDir>/web/e2e/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/web/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/web/e2e/support/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
