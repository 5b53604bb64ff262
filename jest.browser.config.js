// Browser tests (`npm run test:browser`): real headless Chromium, which needs Debian's chromium package
// (`.ci/install-chromium.sh`), so they are kept out of `npm test`.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
};
