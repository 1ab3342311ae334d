// Shared jest settings: TypeScript through SWC (with decorator metadata for NestJS),
// workspace packages resolved to their sources so tests never need a build.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@circuitcare/topology$': '<rootDir>/topology/src/index.ts',
    '^@circuitcare/topology/testing$': '<rootDir>/topology/src/test/index.ts',
    '^@circuitcare/collectors/contracts$': '<rootDir>/collectors/src/contracts/index.ts',
    '^@circuitcare/collectors$': '<rootDir>/collectors/src/index.ts',
    '^@circuitcare/demo/network$': '<rootDir>/demo/src/network/demo-network.generator.ts',
    '^@circuitcare/demo/seed$': '<rootDir>/demo/src/seed/seed-inventory.ts',
    '^@circuitcare/demo/simulator$': '<rootDir>/demo/src/simulator/simulator.runtime.ts',
  },
  rootDir: __dirname,
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.local/'],
};
