/**
 * The hand-written read SQL's way to PostgreSQL without Prisma (the PostgreSQL side of sql-reader.ts):
 * `pg` directly, on the pool the Prisma client's adapter uses too (so a process holds DATABASE_POOL_SIZE
 * connections in all, not two pools' worth).
 *
 * Why: through `$queryRaw` each statement pays Prisma's query pipeline (argument serialisation, the query
 * compiler's plan, tracing hooks, result (de)serialisation: 0.2–0.4 ms of CPU profiled) before it reaches
 * the wire. Here a statement is one `pg` query: named (prepared once per connection, so PostgreSQL parses it
 * once), rows as arrays turned into objects by a builder compiled per statement.
 *
 * Rows come back exactly as `$queryRaw` gives them on PostgreSQL with Prisma's `pg` adapter (test/postgres/
 * pg-reader.test.ts compares both on every column of every table): TIMESTAMP and DATE as Date (read as
 * UTC), INT8 and COUNT(*) as bigint, NUMERIC as Prisma's Decimal, booleans as boolean, INT2/INT4/FLOAT as
 * number, enums and text as string. A column of a type outside that set fails the statement with a clear
 * error rather than coming back in another shape than Prisma's. Arguments are bound as Prisma binds them
 * (a Date as UTC text without a zone). Each statement is reported to `onQuery` like Prisma's own, so the
 * statement counts (N+1 tests, metrics, the benchmark) see it.
 */
import pg from 'pg';
import { Prisma } from '../generated/prisma/client.ts';
import type { SqlReader } from './sql-reader.ts';
import { compileRowBuilder, sameColumns, type RowBuilder } from './row-builder.ts';

type Parse = (text: string) => unknown;

/** OIDs of PostgreSQL's built-in types this reader decodes (pg_type). */
const OID = {
  BOOL: 16, INT8: 20, INT2: 21, INT4: 23, TEXT: 25, OID: 26, NAME: 19, BPCHAR: 1042, VARCHAR: 1043,
  FLOAT4: 700, FLOAT8: 701, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184,
} as const;
/** Types created in the database (enums, domains) have OIDs from here on; Prisma's adapter reads them as text. */
const FIRST_USER_OID = 16384;

const asText: Parse = (v) => v;
/** The adapter appends +00:00 to a TIMESTAMP's text (it has no zone) and Prisma makes a Date of it. */
const timestamp: Parse = (v) => new Date(`${v.replace(' ', 'T')}+00:00`);
/** A TIMESTAMPTZ's offset is replaced by +00:00 by the adapter (the session's zone is UTC for Prisma too). */
const timestamptz: Parse = (v) => new Date(v.replace(' ', 'T').replace(/[+-]\d{2}(:\d{2})?$/, '+00:00'));

/** Per column type, the text-format parser that gives Prisma's value; undefined: not supported here. */
function parserOf(oid: number): Parse | undefined {
  switch (oid) {
    case OID.BOOL: return (v) => v === 't';
    case OID.INT8:
    case OID.OID: return (v) => BigInt(v);
    case OID.INT2:
    case OID.INT4: return (v) => Number.parseInt(v, 10);
    case OID.FLOAT4:
    case OID.FLOAT8: return (v) => Number.parseFloat(v);
    case OID.NUMERIC: return (v) => new Prisma.Decimal(v);
    case OID.DATE: return (v) => new Date(v);
    case OID.TIMESTAMP: return timestamp;
    case OID.TIMESTAMPTZ: return timestamptz;
    case OID.TEXT:
    case OID.VARCHAR:
    case OID.BPCHAR:
    case OID.NAME: return asText;
    default: return oid >= FIRST_USER_OID ? asText : undefined;
  }
}

/** Handed to `pg` for every statement: values arrive parsed as above; an unsupported type fails loudly. */
const types = {
  getTypeParser(oid: number, format?: string): Parse {
    const parse = format === 'binary' ? undefined : parserOf(oid);
    if (!parse) {
      return () => {
        throw new Error(`the PostgreSQL reader does not decode column type ${oid}; read it through $queryRaw`);
      };
    }
    return parse;
  },
} as unknown as pg.CustomTypesConfig;

/** Prisma's adapter sends a Date as UTC text without a zone (TIMESTAMP columns have none). */
function bindable(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
    const ms = value.getUTCMilliseconds();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms ? iso.slice(19, 23) : ''}`;
  }
  if (Array.isArray(value)) return value.map(bindable);
  return value;
}

/** PostgreSQL's "cached plan must not change result type" (feature_not_supported) for a prepared statement. */
const isStalePlan = (error: unknown) =>
  (error as { code?: unknown }).code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message));

interface Statement {
  /** The prepared statement's name on every connection, or undefined past the limit (sent unnamed). */
  name: string | undefined;
  build?: RowBuilder;
  /** The column names `build` was compiled for: a retried (unnamed) statement may return another shape. */
  columns?: string[];
}

/**
 * Distinct SQL texts given a name: PostgreSQL keeps a named statement on each connection for as long as
 * the connection lives (`pg` never deallocates them), so their number is bounded; texts past it are sent
 * unnamed (parsed each time). The loaders send their keys as one array parameter, so their texts do not
 * vary with the number of keys and stay far below this.
 */
const NAMED_STATEMENTS = 500;

export interface PgReaderOptions {
  /** Told of every statement, as Prisma's query event would be. */
  onQuery?: (sql: string, durationMs: number, params: string) => void;
  /**
   * Opens a connection in `pg`'s pipeline mode (`pipeline: true`, not yet connected) for this reader's
   * own use, instead of a pool checkout per statement: for bounded statements only (see below).
   */
  pipelined?: () => pg.Client;
}

/** What `run` needs of a `pg` pool or client. */
type Queryable = Pick<pg.Pool, 'query'>;

/**
 * One connection in pipeline mode: every statement is written at once, behind those still running, and
 * answered in order. Measured on the title list at 10k (paired runs, 8 connections): 0.09–0.11 ms less
 * server CPU per request and ~0.07 ms less PostgreSQL CPU than a pool checkout per statement on up to 8
 * connections, and the nested page no slower: one backend reads the queued statements back to back, and
 * the answers of several arrive in one read. The price is that a statement waits for those ahead of it on
 * the connection, so only statements whose cost a page bounds go here (the client's `bounded` reader);
 * a list's filtered page or count, which may run long, keeps the pool. A connection that fails or ends
 * (a server restart, `pg_terminate_backend`) fails the statements in flight on it, as a pool connection's
 * would, and the next statement opens a new one.
 */
class Pipeline {
  #client: Promise<pg.Client> | undefined;
  #closed = false;

  constructor(private readonly open: () => pg.Client) {}

  connection(): Promise<pg.Client> {
    // As the pool does once ended: a reader of a disconnected client opens nothing.
    if (this.#closed) return Promise.reject(new Error('the PostgreSQL reader was closed with its client'));
    if (this.#client) return this.#client;
    const client = this.open();
    const drop = () => { if (this.#client === opening) this.#client = undefined; };
    // Without a listener an idle connection's error would end the process.
    client.on('error', drop);
    client.on('end', drop);
    const opening: Promise<pg.Client> = client.connect().then(() => client, (error: unknown) => { drop(); throw error; });
    this.#client = opening;
    return opening;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const opening = this.#client;
    this.#client = undefined;
    const client = await opening?.catch(() => undefined);
    await client?.end().catch(() => {});
  }
}

export class PgReader implements SqlReader {
  readonly #pool: pg.Pool;
  readonly #onQuery: PgReaderOptions['onQuery'];
  readonly #statements = new Map<string, Statement>();
  readonly #pipeline: Pipeline | undefined;

  constructor(pool: pg.Pool, options: PgReaderOptions = {}) {
    this.#pool = pool;
    this.#onQuery = options.onQuery;
    this.#pipeline = options.pipelined ? new Pipeline(options.pipelined) : undefined;
  }

  /** Ends the pipelined connection, if one is open (the pool is the client's to end). */
  close(): Promise<void> {
    return this.#pipeline?.close() ?? Promise.resolve();
  }

  #statement(sql: string): Statement {
    let s = this.#statements.get(sql);
    if (!s) {
      s = { name: this.#statements.size < NAMED_STATEMENTS ? `dossier_read_${this.#statements.size + 1}` : undefined };
      if (s.name) this.#statements.set(sql, s);
    }
    return s;
  }

  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    const started = performance.now();
    // `text` numbers the placeholders as PostgreSQL does ($1, $2…); `sql` has SQLite's `?`.
    const sql = query.text;
    const statement = this.#statement(sql);
    const values = query.values.map(bindable);
    // Named statements are per connection: each reader's names are used on its own connections only (the
    // pipelined one, or the pool's, which Prisma's adapter uses with unnamed statements).
    const on: Queryable = this.#pipeline ? await this.#pipeline.connection() : this.#pool;
    const run = () => on.query<unknown[]>({ name: statement.name, text: sql, values, rowMode: 'array', types });
    let result: pg.QueryResult<unknown[]>;
    try {
      result = await run();
    } catch (error) {
      // A migration changed a table a prepared `t.*` statement reads (another process deployed a new
      // version): PostgreSQL refuses the old plan on each connection that prepared it. Send this text
      // unnamed from now on (parsed each time) rather than fail until every connection is renewed.
      if (!statement.name || !isStalePlan(error)) throw error;
      statement.name = undefined;
      result = await run();
    }
    this.#onQuery?.(sql, performance.now() - started, JSON.stringify(query.values, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
    if (!statement.columns || !sameColumns(statement.columns, result.fields)) {
      statement.columns = result.fields.map((f) => f.name);
      statement.build = compileRowBuilder(statement.columns);
    }
    const build = statement.build!;
    const raw = result.rows;
    const rows = new Array<Record<string, unknown>>(raw.length);
    for (let i = 0; i < raw.length; i++) rows[i] = build(raw[i]!);
    return rows as T[];
  }
}
