const shared = require('./jest.shared');

/**
 * Integration tier: real Kafka, FerretDB, Redis and SNMP peers. The global setup
 * starts the local stack once (scripts/services.sh up) and the teardown stops
 * whatever it started.
 */
module.exports = {
  ...shared,
  displayName: 'integration',
  testMatch: ['<rootDir>/{topology,client,collectors,api,demo}/test/**/*.integration.spec.ts'],
  globalSetup: '<rootDir>/scripts/test/global-setup.js',
  globalTeardown: '<rootDir>/scripts/test/global-teardown.js',
  testTimeout: 120000,
  // A kafkajs client left connected after a broker restart can keep the worker alive for
  // ever; every test stops what it starts, so a lingering socket must not hang CI.
  forceExit: true,
};
