const shared = require('./jest.shared');

/**
 * Integration tier: real Kafka, FerretDB, Redis and SNMP peers. The global setup
 * starts the local stack once (scripts/services.sh up) and the teardown stops
 * whatever it started.
 */
module.exports = {
  ...shared,
  displayName: 'integration',
  testMatch: ['<rootDir>/{topology,collectors,api,demo}/test/**/*.integration.spec.ts'],
  globalSetup: '<rootDir>/scripts/test/global-setup.js',
  globalTeardown: '<rootDir>/scripts/test/global-teardown.js',
  testTimeout: 120000,
};
