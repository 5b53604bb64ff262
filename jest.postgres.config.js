// `npm run test:postgres` (scripts/test-postgres.sh, which starts a PostgreSQL cluster and sets
// TEST_POSTGRES_URL): the suites that test the API over a database, run against PostgreSQL, plus the
// PostgreSQL-only suites in test/postgres. The rest of `npm test` is about SQLite itself or about no
// database at all.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: [
    '<rootDir>/test/integration/**/*.test.ts',
    '<rootDir>/test/write/**/*.test.ts',
    '<rootDir>/test/sdk/**/*.test.ts',
    '<rootDir>/test/seed.test.ts',
    '<rootDir>/test/seed-curation.test.ts',
    '<rootDir>/test/postgres/**/*.test.ts',
  ],
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns.filter((p) => !p.includes('test/postgres')),
    // SQLite's own behaviour, with no PostgreSQL counterpart to test: its file lock (better-sqlite3 held
    // open beside the server) and recovery of its WAL after kill -9.
    '<rootDir>/test/write/write-lock.test.ts',
    '<rootDir>/test/write/crash.test.ts',
    // SQLite's query planner (EXPLAIN QUERY PLAN).
    '<rootDir>/test/integration/affiliation-plans.test.ts',
    // The main-thread SQLite reader (better-sqlite3 beside Prisma); its PostgreSQL counterpart (pg beside
    // Prisma) is tested in test/postgres/pg-reader.test.ts.
    '<rootDir>/test/integration/sqlite-reader.test.ts',
    // SQLite's read worker threads (PostgreSQL runs reads concurrently on its own pool).
    '<rootDir>/test/integration/read-workers.test.ts',
    '<rootDir>/test/integration/read-worker-crash.test.ts',
    // Which events pages the main thread's SQLite reader serves rather than a read worker.
    '<rootDir>/test/integration/event-page-reader.test.ts',
    // The FTS5 ranking strategy's internals (search-sqlite.ts); PostgreSQL's ranking is checked against
    // an exhaustive one-statement ranking in test/postgres/search-ranking.test.ts.
    '<rootDir>/test/integration/search-ranking.test.ts',
    // The FTS5 ranking shared out between SQLite's read workers.
    '<rootDir>/test/integration/search-shared-ranking.test.ts',
    // SQLite's file backup and restore (npm run db:restore); PostgreSQL uses pg_dump/pg_restore.
    '<rootDir>/test/integration/response-cache-restore.test.ts',
  ],
};
