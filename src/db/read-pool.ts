/**
 * Reads on worker threads. Every SQL statement used to run synchronously on the one JS thread, so one
 * slow read (a common-word search, a wide filter) froze every other client, /healthz included. This
 * driver adapter wraps the main one: a plain read outside a transaction goes to a small pool of worker
 * threads, each with its own read-only connection to the same WAL file (WAL readers never wait for the
 * writer, and a new read transaction sees every commit made before it started, so a read after a
 * mutation sees it); everything else — transactions, writes, PRAGMAs — stays on the main connection.
 *
 * Statement logging is unaffected: Prisma times and reports each statement around the adapter call,
 * wherever the adapter runs it.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import { READ_WORKER_SOURCE, type ReadReply, type ReadRequest, type ReadWorkerData } from './read-worker.ts';

const KEYWORD_WRITES = /\b(INSERT|UPDATE|DELETE|REPLACE|UPSERT|CREATE|DROP|ALTER|ATTACH|DETACH|PRAGMA|VACUUM|REINDEX|ANALYZE)\b/i;
/** Functions whose answer belongs to the calling connection. */
const CONNECTION_STATE = /\b(last_insert_rowid|changes|total_changes)\s*\(|\btemp\s*\.|sqlite_temp_/i;
const classified = new Map<string, boolean>();

/**
 * Whether a statement is a plain read a read-only connection may run instead of the main one: a
 * SELECT, or WITH … SELECT, with no write keyword and no connection-local state anywhere outside its
 * literals. Conservative on purpose: a read it refuses still runs (on the main connection), and a write
 * it wrongly accepted would fail on the read-only connection rather than write.
 */
export function isPlainRead(sql: string): boolean {
  const known = classified.get(sql);
  if (known !== undefined) return known;
  // Drop comments, string literals and quoted identifiers: only the statement's own words count.
  const words = sql
    .replace(/--[^\n]*|\/\*[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]/g, ' ')
    .trim();
  const read = /^(SELECT|WITH)\b/i.test(words)
    && !KEYWORD_WRITES.test(words)
    && !CONNECTION_STATE.test(words)
    // One statement only (a trailing semicolon is fine).
    && !/;\s*\S/.test(words);
  if (classified.size >= 5_000) classified.clear(); // Prisma's statements repeat; raw ones may not
  classified.set(sql, read);
  return read;
}

export interface ReadPoolOptions {
  /** The SQLite file (absolute path); it must exist and be in WAL mode. */
  file: string;
  /** Worker threads (each with its own connection). */
  size: number;
  /** How long a worker's connection waits for a lock (only WAL recovery or a checkpoint can hold readers). */
  busyTimeoutMs: number;
  /** Page cache of each worker's connection, in KiB (default: SQLite's). */
  cacheKib?: number;
  /** Runs a read while no worker is ready (start-up, every worker restarting). */
  fallback: (query: SqlQuery) => Promise<SqlResultSet>;
  /** Told when a worker stops unexpectedly (it is restarted). */
  onWorkerError?: (error: Error) => void;
}

interface Job {
  query: SqlQuery;
  resolve: (result: SqlResultSet) => void;
  reject: (error: Error) => void;
  /** Set once a worker stopped while running this statement: it has been given back to the queue. */
  retried?: boolean;
}

/**
 * A read that lost its worker twice (recognised by `isReadWorkerLost`, reported to clients as the
 * retryable SERVICE_BUSY). Nothing was written: only plain reads run on workers.
 */
export class ReadWorkerLostError extends Error {
  readonly code = 'READ_WORKER_LOST';
  constructor(cause: Error) {
    super(`a read worker stopped while running this statement, twice (${cause.message})`);
    this.name = 'ReadWorkerLostError';
  }
}

/** Whether an error (as thrown by the adapter or wrapped by Prisma) is a read that lost its worker. */
export function isReadWorkerLost(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | null, depth = 0; e && typeof e === 'object' && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === 'READ_WORKER_LOST') return true;
    if (typeof e.message === 'string' && e.message.includes('a read worker stopped while running this statement, twice')) return true;
  }
  return false;
}

interface Slot {
  worker: Worker | undefined;
  ready: boolean;
  job: Job | undefined;
  /** Consecutive failures before becoming ready: the restart back-off. */
  failures: number;
  lastError: Error | undefined;
}

export interface ReadPoolStats {
  size: number;
  ready: number;
  busy: number;
  queued: number;
  /** Statements answered by a worker since start. */
  served: number;
  /** Workers replaced after stopping unexpectedly. */
  restarts: number;
}

let adapterPath: string | undefined;

/**
 * Young generation of each read worker's V8 heap, in MB (semi-spaces of a third of it). A worker only
 * turns rows into messages, and what it allocates is garbage by the next statement; V8's default young
 * generation (up to 32 MB of semi-spaces) let each worker's heap grow from ~9 to 23–36 MB under the
 * benchmark, inside the server's RSS. At 6 MB each stays at ~10–15 MB, for about as much scavenging
 * time in all (more scavenges, each of less; bench/RESULTS.md, "Peak memory under the whole benchmark").
 */
export const READ_WORKER_YOUNG_GENERATION_MB = 6;

/** A fixed set of worker threads taking reads from one FIFO queue, each busy with one statement at a time. */
export class ReadPool {
  readonly #options: ReadPoolOptions;
  readonly #slots: Slot[];
  readonly #queue: Job[] = [];
  #closed = false;
  #started = false;
  /** Whether the workers have been spawned (on the first read after `start()`). */
  #spawned = false;
  /** From the first spawn until a worker is ready or one stops: reads wait for the workers rather than run on the main connection. */
  #warmingUp = false;
  #served = 0;
  #restarts = 0;

  constructor(options: ReadPoolOptions) {
    this.#options = options;
    // The worker loads the adapter by path: resolved here, where module resolution knows this package.
    adapterPath ??= createRequire(import.meta.url).resolve('@prisma/adapter-better-sqlite3');
    this.#slots = Array.from({ length: options.size }, () => ({ worker: undefined, ready: false, job: undefined, failures: 0, lastError: undefined }));
  }

  /**
   * Lets the pool take reads, once the file is known to be in WAL mode (a read-only connection to a file
   * in rollback-journal mode would block the writer while it reads). The workers themselves start on the
   * first read that comes: each is a V8 isolate with its own heap and SQLite connection (~8 MB resident),
   * which a server that is not asked for a list yet, or only for reads the main thread answers, does not
   * need (bench/RESULTS.md, "Memory after start and at peak"). That first read waits for them (a few tens
   * of milliseconds) instead of running on the main thread: it may be a slow one.
   */
  start(): void {
    if (this.#closed || this.#started) return;
    this.#started = true;
  }

  #spawnAll(): void {
    if (this.#spawned || this.#closed || !this.#started) return;
    this.#spawned = true;
    this.#warmingUp = true;
    for (const slot of this.#slots) this.#spawn(slot);
  }

  /** How many statements would start at once now: workers ready and free, less the reads already waiting. */
  get idle(): number {
    let free = 0;
    for (const slot of this.#slots) if (slot.ready && !slot.job) free++;
    return Math.max(0, free - this.#queue.length);
  }

  stats(): ReadPoolStats {
    return {
      size: this.#slots.length,
      ready: this.#slots.filter((s) => s.ready).length,
      busy: this.#slots.filter((s) => s.job).length,
      queued: this.#queue.length,
      served: this.#served,
      restarts: this.#restarts,
    };
  }

  /** The live worker threads, busy ones first (tests stop one mid-statement; operators' diagnostics). */
  workers(): { worker: Worker; busy: boolean; threadId: number }[] {
    return this.#slots
      .filter((s) => s.worker && s.ready)
      .map((s) => ({ worker: s.worker!, busy: s.job !== undefined, threadId: s.worker!.threadId }))
      .sort((a, b) => Number(b.busy) - Number(a.busy));
  }

  /** Starts the workers if no read has yet, and resolves once every one is ready (tests, benchmarks); the pool works before that too. */
  async whenReady(timeoutMs = 10_000): Promise<void> {
    this.#spawnAll();
    const deadline = Date.now() + timeoutMs;
    while (this.#slots.some((s) => !s.ready)) {
      if (!this.#started || this.#closed || Date.now() > deadline) throw new Error('read workers did not start in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  run(query: SqlQuery): Promise<SqlResultSet> {
    if (this.#closed || !this.#started) return this.#options.fallback(query);
    this.#spawnAll();
    if (!this.#warmingUp && !this.#slots.some((s) => s.ready)) return this.#options.fallback(query);
    return new Promise((resolve, reject) => {
      this.#queue.push({ query, resolve, reject });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('the database is closing'));
    await Promise.all(this.#slots.map(async (slot) => {
      const worker = slot.worker;
      slot.worker = undefined;
      slot.ready = false;
      if (!worker) return;
      // An idle worker is unref'd (see #spawn), and so is the handle that reports its exit: with nothing
      // else left (a server whose listener has closed), the process could end before terminate()
      // resolves, skipping whatever the caller does after close(). The likely cause of a drain seen on
      // CI under load that exited 0 without its "stopped" line.
      worker.ref();
      await worker.terminate();
    }));
  }

  #spawn(slot: Slot): void {
    const workerData: ReadWorkerData = { adapterPath: adapterPath!, file: this.#options.file, busyTimeoutMs: this.#options.busyTimeoutMs, cacheKib: this.#options.cacheKib };
    // A V8 flag given on the command line (`--max-semi-space-size`) takes precedence over this limit.
    const worker = new Worker(READ_WORKER_SOURCE, { eval: true, workerData, resourceLimits: { maxYoungGenerationSizeMb: READ_WORKER_YOUNG_GENERATION_MB } });
    // An idle worker must not keep the process alive (a script that forgot to disconnect); a busy one, or
    // one starting (reads may be waiting for it), does.
    slot.worker = worker;
    worker.on('message', (reply: ReadReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        slot.failures = 0;
        this.#warmingUp = false;
        worker.unref();
        this.#pump();
        return;
      }
      const job = slot.job;
      slot.job = undefined;
      worker.unref();
      if (job) {
        this.#served++;
        if ('result' in reply) job.resolve(reply.result as SqlResultSet);
        else if (reply.error.driver) job.reject(new DriverAdapterError(reply.error.driver as ConstructorParameters<typeof DriverAdapterError>[0]));
        else job.reject(new Error(reply.error.message));
      }
      this.#pump();
    });
    worker.on('error', (error) => {
      slot.lastError = error;
    });
    worker.on('exit', (code) => this.#exited(slot, worker, code));
  }

  #exited(slot: Slot, worker: Worker, code: number): void {
    if (slot.worker !== worker) return; // closed, or already replaced
    // A worker that stops before any is ready ends the wait: reads queued for it go to the main connection below.
    this.#warmingUp = false;
    const error = slot.lastError ?? new Error(`read worker exited with code ${code}`);
    const wasReady = slot.ready;
    slot.worker = undefined;
    slot.ready = false;
    slot.lastError = undefined;
    const job = slot.job;
    slot.job = undefined;
    if (this.#closed) {
      job?.reject(new Error('the database is closing'));
      return;
    }
    this.#options.onWorkerError?.(error);
    if (!wasReady) slot.failures++;
    this.#restarts++;
    // The statement it was running is never dropped. A worker can stop for reasons of its own (killed,
    // a fault in native code, another statement's memory): the read is run once more, on the next
    // worker free, since a plain read changes nothing. A statement that stops a second worker is likely
    // the cause (it ran out of the worker's memory): it fails, as a retryable error, rather than take
    // down worker after worker.
    if (job && !job.retried) {
      job.retried = true;
      this.#queue.unshift(job);
      // Given up if no worker takes it within the busy timeout (workers that cannot start).
      setTimeout(() => {
        const at = this.#queue.indexOf(job);
        if (at >= 0) this.#queue.splice(at, 1)[0]!.reject(new ReadWorkerLostError(error));
      }, this.#options.busyTimeoutMs).unref();
    } else {
      job?.reject(new ReadWorkerLostError(error));
    }
    // Reads queued for the pool go to the main connection while no worker is left to take them (the
    // server keeps answering, with the stalls the workers exist to avoid, until a worker is back) —
    // except a read that was running on the worker that stopped: it may be what stopped it, and must not
    // take the main thread down with it; it waits for the replacement.
    if (!this.#slots.some((s) => s.ready)) {
      for (const queued of this.#queue.filter((q) => !q.retried)) {
        this.#queue.splice(this.#queue.indexOf(queued), 1);
        this.#options.fallback(queued.query).then(queued.resolve, queued.reject);
      }
    }
    // A worker that cannot even start (a missing file) is retried with back-off, up to 30 s apart.
    const delay = slot.failures === 0 ? 0 : Math.min(30_000, 100 * 2 ** slot.failures);
    setTimeout(() => {
      if (!this.#closed) this.#spawn(slot);
    }, delay).unref();
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (!slot.ready || slot.job || !slot.worker) continue;
      const job = this.#queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      const request: ReadRequest = { query: job.query as ReadRequest['query'] };
      slot.worker.postMessage(request);
    }
  }
}

class ReadPoolAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  getConnectionInfo?: SqlDriverAdapter['getConnectionInfo'];

  constructor(private readonly main: SqlDriverAdapter, readonly pool: ReadPool) {
    this.provider = main.provider;
    this.adapterName = main.adapterName;
    if (main.getConnectionInfo) this.getConnectionInfo = () => main.getConnectionInfo!();
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return isPlainRead(query.sql) ? this.pool.run(query) : this.main.queryRaw(query);
  }
  executeRaw(query: SqlQuery) { return this.main.executeRaw(query); }
  executeScript(script: string) { return this.main.executeScript(script); }
  // A transaction's statements all stay on the main connection: they must see its own uncommitted writes.
  startTransaction(isolationLevel?: IsolationLevel) { return this.main.startTransaction(isolationLevel); }
  async dispose() {
    await this.pool.close();
    await this.main.dispose();
  }
}

export interface ReadPoolFactoryOptions extends Omit<ReadPoolOptions, 'fallback'> {
  /** Given the pool once the adapter connects (metrics, tests). */
  onPool?: (pool: ReadPool) => void;
}

/** Wraps a SQLite adapter factory so that plain reads run on `size` worker threads (see above). */
export function withReadPool(factory: SqlDriverAdapterFactory, options: ReadPoolFactoryOptions): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const main = await factory.connect();
      const pool = new ReadPool({ ...options, fallback: (query) => main.queryRaw(query) });
      options.onPool?.(pool);
      return new ReadPoolAdapter(main, pool);
    },
  };
}
