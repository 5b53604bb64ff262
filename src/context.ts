/**
 * The per-request context: the database, a fresh set of loaders (their caches live for one request
 * only), and who is asking (authenticated by src/server/http.ts).
 */
import { readPoolOf, readersOf, setReaders, type Db } from './db/client.ts';
import type { SqlReader } from './db/sql-reader.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';
import { createGate, type BatchGate } from './loaders/batch.ts';
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

/**
 * The request's client when reads run on worker threads: answers arrive out of band, so the loaders'
 * batches wait while any statement of this request runs and each level is one batch (see
 * src/loaders/batch.ts). Prisma's statements are tracked through a derived client (`$extends`), which is
 * made on the first use that needs it: deriving one cost ~3.5 % of a title list's CPU (profiled), and
 * most operations send no statement through Prisma at all (their reads go through the readers, tracked
 * below). Until then the proxy answers only the provider name (src/db/dialect.ts) from the base client.
 */
function trackedOnUse(db: Db, gate: BatchGate): Db {
  let derived: Db | undefined;
  const client = () => (derived ??= db.$extends({ query: { $allOperations: ({ args, query }) => gate.track(query(args)) } }) as unknown as Db);
  return new Proxy(db, {
    get(target, key) {
      if (key === '_activeProvider') return Reflect.get(target, key);
      const c = client();
      const value = Reflect.get(c, key) as unknown;
      return typeof value === 'function' ? value.bind(c) : value;
    },
  });
}

export function createContext(db: Db, requestId: string, viewer: Principal | null = null, report = emptyReport()): Context {
  const gate = createGate();
  const requestDb = readPoolOf(db) ? trackedOnUse(db, gate) : db;
  // The hand-written statements go through the client's readers (src/db/sql-reader.ts), tracked like
  // the request's Prisma statements.
  const { bounded, lists } = readersOf(db);
  const tracked = (reader: SqlReader): SqlReader => ({
    rows: (query) => gate.track(reader.rows(query)),
    get idle() {
      return reader.idle;
    },
  });
  if (requestDb !== db) setReaders(requestDb, { bounded: tracked(bounded), lists: tracked(lists) });
  return new RequestContext(requestDb, requestId, viewer, report, gate, bounded);
}

/**
 * A request's context, whose loader set (~55 DataLoaders) is built on first use: a title list, the root
 * counts and any other operation answered by one statement never touch it (building it was ~3 % of a
 * title list's CPU, profiled). The getter lives on the prototype and the built set on the instance,
 * because Apollo runs each operation on a shallow copy of the context (`Object.assign` onto an object
 * of the same prototype): an own getter would be called, and the set built, by that copy.
 */
class RequestContext implements Context {
  db: Db;
  requestId: string;
  viewer: Principal | null;
  report: OperationReport;
  // Plain fields, not #private ones: the copy has no private slots, and these must be copied to it.
  gate: BatchGate;
  reader: SqlReader;
  built: Loaders | undefined = undefined;

  constructor(db: Db, requestId: string, viewer: Principal | null, report: OperationReport, gate: BatchGate, reader: SqlReader) {
    this.db = db;
    this.requestId = requestId;
    this.viewer = viewer;
    this.report = report;
    this.gate = gate;
    this.reader = reader;
  }

  get loaders(): Loaders {
    return (this.built ??= createLoaders(this.db, this.gate, this.reader));
  }
}
