const shared = require('./jest.shared');

/** Unit tier: pure logic beside the code, no I/O, runs in seconds. */
module.exports = {
  ...shared,
  displayName: 'unit',
  testMatch: ['<rootDir>/{topology,collectors,api,demo}/src/**/*.spec.ts'],
  testPathIgnorePatterns: ['\\.integration\\.spec\\.ts$', '/node_modules/'],
};
