// Prisma's schema engine compiled to WebAssembly, driven through our better-sqlite3 adapter. The package
// is built for bundlers (its entry imports the .wasm as an ES module), so we instantiate the wasm from its
// `_bg` glue by hand, once per process and only when a migration command first runs.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createAdapterFactory } from './adapter.ts';
import { toMigrationError } from './errors.ts';
import { engineClosed, engineOpened, withTrackedTimers } from './wasm-timers.ts';

type EngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

// The slice of the WebAssembly global we use. Declared here because the project compiles without the DOM
// lib and @types/node 20 does not declare it; at run time this is Node's global.
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, object>): Promise<{ exports: Record<string, unknown> }>;
};

let engineModule: Promise<EngineModule> | undefined;

export function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= instantiate().catch((error: unknown) => {
    engineModule = undefined; // let a later call retry rather than cache the failure
    throw error;
  });
  return engineModule;
}

async function instantiate(): Promise<EngineModule> {
  // Resolved through the package's exports map rather than a node_modules path; the .wasm file sits next
  // to the glue but is not exported, hence the sibling path.
  const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const [bg, bytes] = await Promise.all([
    import('@prisma/schema-engine-wasm/schema_engine_bg'),
    readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm')),
  ]);
  const module = await WebAssembly.compile(bytes);
  // The glue's exports are exactly the import object wasm-bindgen generated for it.
  const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': withTrackedTimers({ ...bg }) });
  bg.__wbg_set_wasm(instance.exports);
  // wasm exports are untyped; wasm-bindgen always emits this start function.
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Runs a read query on the engine's own database connection (between engine commands only). */
  query(sql: string): Promise<unknown[][]>;
  /** Frees the engine and closes the SQLite connections it opened. */
  close(): Promise<void>;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Opens the engine on the SQLite file at `filePath` (absolute), with `schema` as its datamodel. Engine log
 * lines go to stderr when DEBUG is set.
 */
export async function openEngine(filePath: string, schema: SchemaFile): Promise<OpenEngine> {
  const bg = await loadEngineModule();
  const factory = createAdapterFactory(filePath);
  let engine: SchemaEngine;
  try {
    engine = await bg.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      logToStderr,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
  } catch (error) {
    await factory.disposeAll();
    throw toMigrationError(error);
  }
  engineOpened();
  let closed = false;
  return {
    engine,
    async query(sql) {
      const connection = factory.primary();
      if (connection === undefined) throw new Error('The schema engine has not connected to the database yet');
      return (await connection.queryRaw({ sql, args: [], argTypes: [] })).rows;
    },
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      engineClosed();
      await factory.disposeAll();
    },
  };
}

function logToStderr(line: unknown): void {
  if (process.env.DEBUG) process.stderr.write(`[schema-engine] ${String(line).trimEnd()}\n`);
}
