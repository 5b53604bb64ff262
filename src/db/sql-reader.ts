/**
 * The hand-written read SQL's way to the database, behind one interface:
 *
 * - on SQLite, a read-only better-sqlite3 connection on the main thread with one prepared statement per
 *   SQL text. Profiled: Prisma's `$queryRaw` costs 0.2–0.4 ms of CPU per statement (argument and
 *   result (de)serialisation through its query engine, tracing hooks, promises) and a read worker's
 *   message hop more than a cheap statement itself; the same statement here costs ~0.05 ms. Only for
 *   bounded statements (a page's relations by key, a data version): a read that may run long belongs
 *   on the read workers (read-pool.ts), where it stalls no one.
 * - on PostgreSQL, `pg` directly on the client's pool (pg-reader.ts);
 * - in an in-memory SQLite database (a second connection would see another database), Prisma's `$queryRaw`.
 *
 * Rows come back as `$queryRaw` gives them (the tests compare both on every table this is used for):
 * columns declared DATETIME as Date, BOOLEAN as boolean, BIGINT as bigint, the rest as SQLite stores
 * them. Each statement is reported to the client's `onQuery` like Prisma's own, so the statement counts
 * (N+1 tests, metrics, the benchmark) see it. WAL mode and autocommit: every statement reads the latest
 * commit of any connection, in this process or another.
 */
import Database from 'better-sqlite3';
import { ColumnTypeEnum, type SqlResultSet } from '@prisma/driver-adapter-utils';
import type { Prisma } from '../generated/prisma/client.ts';
import type { ReadPool } from './read-pool.ts';
import { compileRowBuilder, type Decode, type RowBuilder } from './row-builder.ts';

export interface SqlReader {
  /** The rows of one read-only statement, decoded as `$queryRaw` decodes them. */
  rows<T>(query: Prisma.Sql): Promise<T[]>;
  /**
   * How many statements it would start at once right now (its idle read workers); absent: it runs one
   * at a time, and a caller has nothing to gain from splitting a statement.
   */
  readonly idle?: number;
}

/** What `$queryRaw` needs of a client (the client or a transaction's). */
interface RawClient {
  $queryRaw<T>(query: Prisma.Sql): Promise<T>;
}

/** The portable reader: Prisma's `$queryRaw`. */
export function prismaReader(db: RawClient): SqlReader {
  return { rows: <T>(query: Prisma.Sql) => db.$queryRaw<T[]>(query) };
}

/** Declared types Prisma's SQLite adapter knows and passes on as stored (numbers, text, bytes). */
const AS_STORED = new Set([
  'DECIMAL', 'FLOAT', 'DOUBLE', 'DOUBLE PRECISION', 'NUMERIC', 'REAL', 'TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'INTEGER',
  'SERIAL', 'INT2', 'TIME', 'TEXT', 'CLOB', 'CHARACTER', 'VARCHAR', 'VARYING CHARACTER', 'NCHAR', 'NATIVE CHARACTER', 'NVARCHAR', 'BLOB', 'JSONB',
]);

/** Per declared column type, what Prisma's raw path turns SQLite's value into (null: as stored). */
function decoderOf(declared: string | null): Decode {
  const type = declared?.toUpperCase() ?? '';
  switch (type) {
    case 'DATETIME':
    case 'TIMESTAMP':
    case 'DATE':
      return (v) => (v === null ? null : new Date(v as string | number));
    case 'BOOLEAN':
      return (v) => (v === null ? null : typeof v === 'boolean' ? v : Number(v) !== 0);
    case 'BIGINT':
    case 'UNSIGNED BIG INT':
    case 'INT8':
      return (v) => (v === null ? null : BigInt(v as number));
    default:
      // An expression (COUNT(*), a literal) or a type the adapter does not know: Prisma infers it from
      // the value, and an integer comes back as a bigint.
      return AS_STORED.has(type) ? null : unknownNumber;
  }
}

interface Prepared {
  statement: Database.Statement<unknown[], unknown[]>;
  /** Builds a row object from better-sqlite3's raw array, decoding where the column type says so. */
  build: RowBuilder;
}

/** Distinct SQL texts kept (the IN lists of a page vary in length); least recently used out. */
const STATEMENTS = 500;

export interface SqliteReaderOptions {
  /** Told of every statement, as Prisma's query event would be. */
  onQuery?: (sql: string, durationMs: number, params: string) => void;
  /** SQLite page cache of this connection, in KiB (default: SQLite's build default, 16 MB here). */
  cacheKib?: number;
}

export class SqliteReader implements SqlReader {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Prepared>();
  readonly #onQuery: SqliteReaderOptions['onQuery'];

  constructor(file: string, options: SqliteReaderOptions = {}) {
    // Read-only: a write sent here fails instead of writing. No busy timeout: a WAL reader waits only
    // for WAL recovery, and SQLite would sleep on the JS thread; the caller falls back instead.
    this.#db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
    if (options.cacheKib !== undefined) this.#db.pragma(`cache_size = -${options.cacheKib}`);
    this.#onQuery = options.onQuery;
  }

  #prepare(sql: string): Prepared {
    let prepared = this.#statements.get(sql);
    if (prepared) {
      this.#statements.delete(sql); // re-inserted below: most recently used
    } else {
      const statement = this.#db.prepare<unknown[], unknown[]>(sql).raw(true);
      const columns = statement.columns();
      prepared = { statement, build: compileRowBuilder(columns.map((c) => c.name), columns.map((c) => decoderOf(c.type))) };
      if (this.#statements.size >= STATEMENTS) this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(sql, prepared);
    return prepared;
  }

  /** Synchronous: for the callers that cannot afford even a microtask (the response cache's version). */
  rowsNow<T>(sql: string, values: readonly unknown[] = []): T[] {
    const started = this.#onQuery ? performance.now() : 0;
    const { statement, build } = this.#prepare(sql);
    const raw = statement.all(...values.map(bindable));
    const rows = new Array<Record<string, unknown>>(raw.length);
    for (let i = 0; i < raw.length; i++) rows[i] = build(raw[i]!);
    this.#onQuery?.(sql, performance.now() - started, JSON.stringify(values));
    return rows as T[];
  }

  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    return this.rowsNow<T>(query.sql, query.values);
  }

  close(): void {
    this.#statements.clear();
    if (this.#db.open) this.#db.close();
  }
}

/** Arguments as Prisma's SQLite adapter binds them (dates as ISO text with +00:00, booleans as 0/1). */
function bindable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** An integer of an expression column (COUNT(*), a literal): Prisma's raw path gives a bigint. */
const unknownNumber = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v);

/** Per column type the adapter reported, what Prisma's raw path turns its value into (null: as is). */
function decoderOfColumnType(type: number): Decode {
  switch (type) {
    case ColumnTypeEnum.DateTime:
    case ColumnTypeEnum.Date:
      return (v) => (v === null ? null : new Date(v as string | number));
    case ColumnTypeEnum.Boolean:
      return (v) => (v === null ? null : typeof v === 'boolean' ? v : Number(v) !== 0);
    case ColumnTypeEnum.Int64:
      return (v) => (v === null ? null : BigInt(v as number | string));
    case ColumnTypeEnum.UnknownNumber:
      return unknownNumber;
    default:
      return null;
  }
}

/** Row builders for the workers' results, by column names and types; least recently used out. */
const pooledBuilders = new Map<string, RowBuilder>();

/**
 * The compiled builder (row-builder.ts) for a result's columns: one object shape per statement, rather
 * than an object filled key by key, as the main thread's reader builds them.
 */
function pooledBuilder(names: readonly string[], types: readonly number[]): RowBuilder {
  const key = `${names.join('\u0000')}\u0001${types.join(',')}`;
  let build = pooledBuilders.get(key);
  if (build) {
    pooledBuilders.delete(key); // re-inserted below: most recently used
  } else {
    build = compileRowBuilder(names, types.map(decoderOfColumnType));
    if (pooledBuilders.size >= STATEMENTS) pooledBuilders.delete(pooledBuilders.keys().next().value!);
  }
  pooledBuilders.set(key, build);
  return build;
}

/**
 * The same reads on the read workers (read-pool.ts), without Prisma's query pipeline: for statements
 * that may run long (a root list's page, a count), which must not hold up the main thread. The worker
 * runs the driver adapter's `queryRaw` as it does for Prisma; the rows are decoded here as Prisma would.
 */
export class PooledReader implements SqlReader {
  constructor(private readonly pool: ReadPool, private readonly onQuery?: SqliteReaderOptions['onQuery']) {}

  get idle(): number {
    return this.pool.idle;
  }

  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    const started = performance.now();
    const args = query.values.map(bindable);
    const result: SqlResultSet = await this.pool.run({
      sql: query.sql, args, argTypes: args.map(() => ({ scalarType: 'unknown', arity: 'scalar' })),
    } as Parameters<ReadPool['run']>[0]);
    this.onQuery?.(query.sql, performance.now() - started, JSON.stringify(query.values));
    const { columnNames, columnTypes, rows } = result;
    const build = pooledBuilder(columnNames, columnTypes);
    const out: Record<string, unknown>[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = build(rows[r]!);
    return out as T[];
  }
}
