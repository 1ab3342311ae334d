const shared = require('./jest.shared');
const { createCjsPreset } = require('jest-preset-angular/presets');

/**
 * Unit tier: pure logic beside the code, no I/O, runs in seconds. Two projects: the
 * server-side packages through SWC, and the Angular code (the shared NgRx state in
 * client/src/state, the web app's components) through jest-preset-angular in jsdom.
 */
const angular = createCjsPreset({ tsconfig: '<rootDir>/web/tsconfig.jest.json' });
const mobile = createCjsPreset({ tsconfig: '<rootDir>/mobile/tsconfig.jest.json' });

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{topology,client,collectors,api,demo}/src/**/*.spec.ts'],
      testPathIgnorePatterns: [
        '\\.integration\\.spec\\.ts$',
        '/node_modules/',
        '<rootDir>/client/src/state/',
      ],
    },
    {
      ...angular,
      displayName: 'unit-angular',
      rootDir: __dirname,
      testMatch: ['<rootDir>/client/src/state/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/web/src/test-setup.ts'],
      moduleNameMapper: { '^@circuitcare/client$': '<rootDir>/client/src/index.ts' },
      modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.local/'],
    },
    {
      // The mobile app's pages and offline queue (zone.js, Ionic's ES modules transpiled).
      ...mobile,
      displayName: 'unit-mobile',
      rootDir: __dirname,
      testMatch: ['<rootDir>/mobile/src/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/mobile/src/test-setup.ts'],
      moduleNameMapper: {
        '^@circuitcare/client$': '<rootDir>/client/src/index.ts',
        // Exported for `import` only: jest resolves with `require`.
        '^ionicons/components/(.*)$': '<rootDir>/node_modules/ionicons/components/$1',
      },
      transformIgnorePatterns: ['node_modules/(?!(@ionic|@stencil|ionicons|idb|.*\\.mjs$))'],
      modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.local/'],
    },
  ],
};
