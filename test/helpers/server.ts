/**
 * A real server over HTTP for integration tests: a fresh migrated and seeded SQLite file, Apollo over
 * node:http on a free loopback port, and a client that speaks GraphQL over fetch.
 */
import { loadConfig, type Config } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { seededDb, type TestDb } from './db.ts';
import type { DbOptions } from '../../src/db/client.ts';

export interface GqlResult<T = any> {
  status: number;
  /** The response's HTTP headers. */
  headers?: Headers;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  /** scheme://host:port (no base path). */
  origin: string;
  server: RunningServer;
  t: TestDb;
  /** SQL statements run since the last reset (every statement Prisma sends). */
  queries: string[];
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Where log lines go (every level), instead of stdout/stderr. */
  log?: NodeJS.WritableStream;
  /** Database options (read workers, busy timeout); statement logging is always on. */
  db?: Omit<DbOptions, 'onQuery'>;
}

export async function startTestServer(overrides: Partial<Config> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const queries: string[] = [];
  const metrics = createMetrics();
  const t = await seededDb({ ...options.db, onQuery: (sql, ms) => { queries.push(sql); metrics.observeStatement(ms); } });
  // The response cache is off unless a suite turns it on (test/integration/response-cache.test.ts): the
  // other suites count the statements each operation runs and assert that refused ones run none.
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1', databaseUrl: t.url, responseCacheMb: 0, ...overrides };
  const logger = options.log ? createLogger(config.logLevel, options.log, options.log) : createLogger(config.logLevel);
  const server: RunningServer = await startServer(config, t.db, logger, metrics);
  // Migrating and seeding block the event loop for seconds. Keep-alive timers of servers and clients
  // already running in this process expire meanwhile but only fire in the next timers phase: let them
  // fire now, or the caller's next request may reuse a socket the other side is about to close (ECONNRESET).
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    url: server.url,
    origin: server.origin,
    server,
    t,
    queries,
    async gql(query, variables, headers = {}) {
      const send = () => fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      // A pooled keep-alive socket the server closed while this process was busy (a test dumping every
      // table on a loaded machine) fails with ECONNRESET before the request reaches the server, so sending
      // it again is safe; the pool may hold a few such sockets.
      let res: Response | undefined;
      for (let attempt = 1; !res; attempt++) {
        try {
          res = await send();
        } catch (e) {
          if ((e as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET' || attempt === 4) throw e;
        }
      }
      const body = (await res.json()) as GqlResult;
      return { ...body, status: res.status, headers: res.headers };
    },
    async close() {
      await server.close();
      await t.close();
    },
  };
}

/** The error codes of a result, in order. */
export const codes = (r: GqlResult) => (r.errors ?? []).map((e) => e.extensions?.code);

/** The data of a result that must have no errors (jest shows the errors when it has some). */
export function ok<T = any>(r: GqlResult<T>): T {
  expect(r.errors).toBeUndefined();
  expect(r.status).toBe(200);
  expect(r.data).toBeDefined();
  return r.data as T;
}

/** Asserts a result was refused with exactly one error, of this code, and returns that error. */
export function refused(r: GqlResult, code: string) {
  expect(codes(r)).toEqual([code]);
  return r.errors![0]!;
}
