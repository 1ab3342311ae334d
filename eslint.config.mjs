// Lint, including the module boundaries that the layout promises:
// topology imports nothing of ours, collectors never import the API or the demo,
// the API sees only the collectors' Kafka contracts, web and mobile never import server code.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const ours = (except) =>
  ['@circuitcare/topology', '@circuitcare/client', '@circuitcare/collectors', '@circuitcare/api', '@circuitcare/demo']
    .filter((p) => !except.includes(p))
    .flatMap((p) => [p, `${p}/*`]);

const boundary = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          Array.isArray(forbidden) ? { group: forbidden, message } : { ...forbidden, message },
          // `../../<workspace>/src/…`; not `../../../src/…`, which is a deeper file of the same workspace.
          { regex: '^(\\.\\./){2,3}(?!\\.\\.)[^/]+/src/', message: 'Import other workspaces by package name, never by relative path.' },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.local/**', 'artifacts/**', 'coverage/**', 'client/src/generated/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.spec.json', './client/tsconfig.spec.json', './web/tsconfig.spec.json', './web/tsconfig.e2e.json', './mobile/tsconfig.spec.json', './mobile/tsconfig.e2e.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through the typed config module of the package.' }],
    },
  },
  boundary(['topology/**/*.ts'], [...ours([]), 'node:*', 'fs', 'net', 'dgram', 'http', 'kafkajs', 'mongodb', 'ioredis', 'bull', 'snmp-native', 'net-snmp', '@nestjs/*'], 'topology/ is a pure library: no I/O, no framework, nothing of ours.'),
  boundary(['collectors/**/*.ts'], ours(['@circuitcare/topology']), 'collectors/ may use only @circuitcare/topology.'),
  boundary(['api/**/*.ts'], { regex: '^@circuitcare/(api|demo)(/.*)?$|^@circuitcare/collectors(?!/contracts$)(/.*)?$' }, 'api/ may use @circuitcare/topology and the Kafka contracts of @circuitcare/collectors/contracts only.'),
  boundary(['demo/**/*.ts'], ['@circuitcare/api', '@circuitcare/api/*'], 'demo/ drives the product from outside: never import the API.'),
  // The client runs in the browser and on phones: no server code, nothing of ours but itself.
  // (web/ and mobile/ will import @circuitcare/client and @circuitcare/topology only.)
  boundary(['client/src/**/*.ts'], { regex: '^(@circuitcare/.*|node:.*|(fs|net|dgram|http|https|child_process|kafkajs|mongodb|ioredis|@nestjs/[^/]+)(/.*)?)$' }, 'client/ is browser code: it may use Angular and rxjs, never server code (api, collectors, demo, ingest) or node.'),
  // The web app is browser code: the shared client (and the pure topology library), nothing else of ours.
  boundary(['web/src/**/*.ts'], { regex: '^(@circuitcare/(?!client$|topology$).*|node:.*|(fs|net|dgram|http|https|child_process|kafkajs|mongodb|ioredis|@nestjs/[^/]+)(/.*)?)$' }, 'web/ is browser code: it may use @circuitcare/client and @circuitcare/topology, never server code or node.'),
  boundary(['mobile/src/**/*.ts'], { regex: '^(@circuitcare/(?!client$|topology$).*|node:.*|(fs|net|dgram|http|https|child_process|kafkajs|mongodb|ioredis|@nestjs/[^/]+)(/.*)?)$' }, 'mobile/ is browser code: it may use @circuitcare/client and @circuitcare/topology, never server code or node.'),
  {
    // Angular's Validators.required & co. are static functions made to be passed around.
    files: ['web/src/**/*.ts', 'mobile/src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Configuration modules and test/bench harnesses are where the environment is read.
    files: ['**/config/*.ts', '**/*.config.ts', '**/test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
