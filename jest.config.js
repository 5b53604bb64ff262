// Jest in ESM mode (the Prisma 7 client loads its wasm query compiler with dynamic import()).
// Run through `npm test`, which sets NODE_OPTIONS=--experimental-vm-modules.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.test.ts', '<rootDir>/seed/**/*.test.ts'],
  // Browser tests need Debian's chromium: `npm run test:browser` (jest.browser.config.js) runs them.
  // PostgreSQL-only suites need the cluster `npm run test:postgres` starts (jest.postgres.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/dist/', '<rootDir>/test/postgres/'],
  testTimeout: 60_000,
  // Integration suites each build their own SQLite files; two workers fit the 2-core machines.
  maxWorkers: 2,
};
