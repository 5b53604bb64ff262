/**
 * The code each read worker thread runs: the same better-sqlite3 driver adapter the main connection
 * uses, over its own read-only connection to the same WAL file, answering one `queryRaw` at a time (the pool sends the next only after the answer).
 * Results come back exactly as the adapter shapes them (column names, column types, rows of plain
 * values; 64-bit integers are already numbers or strings), so Prisma types them as it would on the
 * main connection.
 *
 * Why a source string and not a module path: Node 20 cannot load TypeScript in a worker thread (the
 * tsx loader does not reach workers), and a path next to this file would break once the server is
 * bundled. A plain CommonJS script given as source works the same under tsx, jest, compiled dist/ and a
 * bundle; the one module it needs is resolved by the main thread (read-pool.ts) and passed in.
 */

/** main → worker */
export interface ReadRequest {
  query: { sql: string; args: unknown[]; argTypes: unknown[] };
}

/** worker → main */
export type ReadReply =
  | { ready: true }
  | { result: { columnNames: string[]; columnTypes: number[]; rows: unknown[][] } }
  /** A driver error carries the adapter's mapped error (`cause` of a DriverAdapterError), so the main thread can rethrow it as Prisma expects. */
  | { error: { message: string; driver?: Record<string, unknown> } };

export interface ReadWorkerData {
  /** Absolute path of @prisma/adapter-better-sqlite3's CommonJS entry. */
  adapterPath: string;
  file: string;
  busyTimeoutMs: number;
  /** Page cache of the worker's connection, in KiB (undefined: SQLite's default). */
  cacheKib?: number;
}

export const READ_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { PrismaBetterSqlite3 } = require(workerData.adapterPath);

// readonly: a statement wrongly routed here fails ("attempt to write a readonly database") instead of writing.
new PrismaBetterSqlite3({ url: workerData.file, readonly: true, fileMustExist: true, timeout: workerData.busyTimeoutMs })
  .connect()
  .then(async (adapter) => {
    if (workerData.cacheKib !== undefined) await adapter.executeScript('PRAGMA cache_size = -' + Math.trunc(workerData.cacheKib));
    parentPort.on('message', async ({ query }) => {
      try {
        const result = await adapter.queryRaw(query);
        parentPort.postMessage({ result });
      } catch (e) {
        const driver = e && e.name === 'DriverAdapterError' && e.cause && typeof e.cause === 'object' ? e.cause : undefined;
        parentPort.postMessage({ error: { message: e && e.message ? String(e.message) : String(e), driver } });
      }
    });
    parentPort.postMessage({ ready: true });
  });
`;
