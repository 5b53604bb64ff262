// The driver adapter handed to the wasm schema engine: Prisma's better-sqlite3 adapter with an in-memory
// shadow database, whose shadow connections get a multi-statement fallback, and which keeps hold of the
// connections it opens so they can be closed (and queried) by us.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { errorMessage } from './errors.ts';

export interface TrackedAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /**
   * The engine's connection to the database itself, once it has opened one. Our own queries between engine
   * commands must go through it: the engine sets `locking_mode=EXCLUSIVE`, which locks out other connections.
   */
  primary(): SqlDriverAdapter | undefined;
  /** Closes every connection the engine opened, so the SQLite file is released when we are done. */
  disposeAll(): Promise<void>;
}

/** `filePath` is absolute (or ':memory:'); the adapter would otherwise resolve it against process.cwd(). */
export function createAdapterFactory(filePath: string): TrackedAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: filePath }, { shadowDatabaseUrl: ':memory:' });
  const open = new Set<SqlDriverAdapter>();
  let primary: SqlDriverAdapter | undefined;
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    open.add(adapter);
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = track(await inner.connect());
      primary ??= adapter;
      return adapter;
    },
    connectToShadowDb: async () => track(withScriptFallback(await inner.connectToShadowDb())),
    primary: () => primary,
    async disposeAll() {
      const adapters = [...open];
      open.clear();
      // better-sqlite3's close() is idempotent, so connections the engine already disposed are harmless.
      await Promise.all(adapters.map((adapter) => adapter.dispose()));
    },
  };
}

/**
 * When the engine replays the migrations folder into the shadow database it sends each migration file,
 * several statements at once, through `executeRaw`; better-sqlite3 prepares exactly one statement and
 * throws "contains more than one statement" (surfacing as P3006). Such scripts carry no parameters, so
 * they can go through `exec` (`executeScript`) on the same connection instead.
 */
function withScriptFallback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = (run: (query: SqlQuery) => Promise<number>) => async (query: SqlQuery) => {
    try {
      return await run(query);
    } catch (error) {
      if (query.args.length > 0 || !isMultiStatementError(error)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  // Delegating object rather than a subclass or prototype trick: the adapter keeps private (#) fields,
  // so its methods must always run with the original instance as `this`.
  const wrapped: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: executeRaw((query) => adapter.executeRaw(query)),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: async (isolationLevel) => {
      const tx = await adapter.startTransaction(isolationLevel);
      return withTransactionFallback(tx, executeRaw((query) => tx.executeRaw(query)));
    },
    dispose: () => adapter.dispose(),
  };
  if (adapter.getConnectionInfo) wrapped.getConnectionInfo = adapter.getConnectionInfo.bind(adapter);
  return wrapped;
}

/** Same fallback inside a transaction: `exec` on the shared connection runs within it. */
function withTransactionFallback(tx: Transaction, executeRaw: Transaction['executeRaw']): Transaction {
  const wrapped: Transaction = {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw,
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
  };
  if (tx.createSavepoint) wrapped.createSavepoint = tx.createSavepoint.bind(tx);
  if (tx.rollbackToSavepoint) wrapped.rollbackToSavepoint = tx.rollbackToSavepoint.bind(tx);
  if (tx.releaseSavepoint) wrapped.releaseSavepoint = tx.releaseSavepoint.bind(tx);
  return wrapped;
}

function isMultiStatementError(error: unknown): boolean {
  return errorMessage(error).includes('more than one statement');
}
