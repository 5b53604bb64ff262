/**
 * The per-request context: the database, a fresh set of loaders (their caches live for one request
 * only), and who is asking (authenticated by src/server/http.ts).
 */
import { readPoolOf, readersOf, setReaders, type Db } from './db/client.ts';
import type { SqlReader } from './db/sql-reader.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';
import { createGate } from './loaders/batch.ts';
import type { Principal } from './domain/auth.ts';

export interface Context {
  db: Db;
  loaders: Loaders;
  /** Correlates log lines of one HTTP request. */
  requestId: string;
  /** Who is asking: the bearer token's name and role, or null when anonymous. */
  viewer: Principal | null;
  /** What the GraphQL layer reports back to the HTTP layer's log line and metrics. */
  report: OperationReport;
}

export interface OperationReport {
  operation: string | null;
  /** query or mutation (null when the document did not resolve to an operation). */
  type: string | null;
  /** extensions.code of each error in the response, as the client sees it. */
  codes: string[];
}

export const emptyReport = (): OperationReport => ({ operation: null, type: null, codes: [] });

export function createContext(db: Db, requestId: string, viewer: Principal | null = null, report = emptyReport()): Context {
  const gate = createGate();
  // With reads on worker threads, answers arrive out of band: the loaders' batches wait while any
  // statement of this request runs, so each level is one batch (see src/loaders/batch.ts).
  const requestDb = readPoolOf(db)
    ? (db.$extends({ query: { $allOperations: ({ args, query }) => gate.track(query(args)) } }) as unknown as Db)
    : db;
  // The hand-written statements go through the client's readers (src/db/sql-reader.ts), tracked like
  // the request's Prisma statements.
  const { bounded, lists } = readersOf(db);
  const tracked = (reader: SqlReader): SqlReader => ({ rows: (query) => gate.track(reader.rows(query)) });
  if (requestDb !== db) setReaders(requestDb, { bounded: tracked(bounded), lists: tracked(lists) });
  return { db: requestDb, loaders: createLoaders(requestDb, gate, bounded), requestId, viewer, report };
}
