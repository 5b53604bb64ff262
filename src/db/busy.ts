/**
 * Waiting for SQLite's write lock without blocking the event loop, and recognising a wait that ran out.
 *
 * better-sqlite3 waits for a lock inside SQLite's busy handler, which sleeps on the calling thread: with
 * the main connection on the one JS thread, a write queued behind another process's transaction froze
 * every request (/healthz included) for up to the busy timeout. The main connection is therefore opened
 * with no busy timeout, and this wrapper retries a statement that found the database locked on a timer,
 * with the busy handler's own back-off, until the timeout: the wait costs nothing but that statement's
 * latency.
 *
 * Retrying one statement is safe: a statement that returns SQLITE_BUSY has changed nothing (SQLite rolls
 * back the statement, not the transaction). SQLITE_BUSY_SNAPSHOT is not retried (the transaction read a
 * snapshot a newer commit invalidated; only a new transaction helps) — write transactions avoid it by
 * taking the lock first (`takeWriteLock`).
 */
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/** SQLite's own busy-handler delays (sqliteDefaultBusyCallback), in ms; the last repeats. */
const DELAYS = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

/** The adapter's mapped error for a locked database: DriverAdapterError { cause: { kind: 'SocketTimeout', originalCode } }. */
function isRetryableBusy(error: unknown): boolean {
  const cause = (error as { name?: string; cause?: { kind?: string; originalCode?: string } } | null)?.cause;
  if ((error as { name?: string } | null)?.name !== 'DriverAdapterError' || cause?.kind !== 'SocketTimeout') return false;
  return cause.originalCode !== 'SQLITE_BUSY_SNAPSHOT';
}

async function untilNotBusy<T>(timeoutMs: number, run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const delay = DELAYS[Math.min(attempt, DELAYS.length - 1)]!;
      if (!isRetryableBusy(e) || Date.now() + delay > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

class BusyWaitingTransaction implements Transaction {
  readonly provider;
  readonly adapterName;
  readonly options;
  constructor(private readonly tx: Transaction, private readonly timeoutMs: number) {
    this.provider = tx.provider;
    this.adapterName = tx.adapterName;
    this.options = tx.options;
  }
  queryRaw(query: SqlQuery) { return untilNotBusy(this.timeoutMs, () => this.tx.queryRaw(query)); }
  executeRaw(query: SqlQuery) { return untilNotBusy(this.timeoutMs, () => this.tx.executeRaw(query)); }
  commit() { return this.tx.commit(); }
  rollback() { return this.tx.rollback(); }
  async createSavepoint(name: string) { await untilNotBusy(this.timeoutMs, () => this.tx.createSavepoint!(name)); }
  async rollbackToSavepoint(name: string) { await untilNotBusy(this.timeoutMs, () => this.tx.rollbackToSavepoint!(name)); }
  async releaseSavepoint(name: string) { await untilNotBusy(this.timeoutMs, () => this.tx.releaseSavepoint!(name)); }
}

class BusyWaitingAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  constructor(private readonly inner: SqlDriverAdapter, private readonly timeoutMs: number) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo!();
  }
  getConnectionInfo?: SqlDriverAdapter['getConnectionInfo'];
  queryRaw(query: SqlQuery) { return untilNotBusy(this.timeoutMs, () => this.inner.queryRaw(query)); }
  executeRaw(query: SqlQuery) { return untilNotBusy(this.timeoutMs, () => this.inner.executeRaw(query)); }
  // A script may have run part-way when it meets a lock: not retried.
  executeScript(script: string) { return this.inner.executeScript(script); }
  async startTransaction(isolationLevel?: IsolationLevel) {
    return new BusyWaitingTransaction(await this.inner.startTransaction(isolationLevel), this.timeoutMs);
  }
  dispose() { return this.inner.dispose(); }
}

/**
 * Wraps a factory whose connections have no busy timeout of their own so that a locked database is
 * waited for on a timer, up to `timeoutMs`; then the statement fails with the driver's busy error
 * (reported to clients as SERVICE_BUSY, see `isBusyError`).
 */
export function withAsyncBusyWait(factory: SqlDriverAdapterFactory, timeoutMs: number): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new BusyWaitingAdapter(await factory.connect(), timeoutMs),
  };
}

/**
 * Whether an error a Prisma call threw means "the database stayed locked by other writers": the busy
 * wait ran out (P1008, or P2010 for a raw statement, carrying the driver's SocketTimeout), a transaction could not even start in time (P2028
 * "Unable to start a transaction"), or a raw driver error says so. Retrying later can succeed.
 * Recognised by shape, not class: errors can cross realms (jest's vm modules, worker threads).
 */
export function isBusyError(error: unknown): boolean {
  type Cause = { kind?: unknown };
  const e = error as { code?: unknown; message?: unknown; cause?: Cause; meta?: { driverAdapterError?: { cause?: Cause } } } | null;
  if (!e || typeof e !== 'object') return false;
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.code === 'P1008') return true;
  if (e.code === 'P2028' && /Unable to start a transaction in the given time/i.test(message)) return true;
  if (typeof e.code === 'string' && /^SQLITE_BUSY/.test(e.code)) return true;
  // Raw statements (P2010) carry the driver's error in meta.
  return e.cause?.kind === 'SocketTimeout' || e.meta?.driverAdapterError?.cause?.kind === 'SocketTimeout';
}
