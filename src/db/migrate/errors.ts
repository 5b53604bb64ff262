// Errors from the wasm engine arrive as plain Errors with a Prisma error `code` (P3005, P3006, P3009, ...)
// when there is one, and a message that may end in a Rust span trace. We keep the code, put it in front of
// the message as the CLI does, and shorten the trace to the migration it names.
//
// Errors are recognised by shape, not `instanceof Error`: under jest's vm modules, errors from better-sqlite3,
// node:fs or the wasm glue can come from another realm and fail instanceof.

export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    message: string,
    /** Prisma's error code, e.g. "P3009"; undefined for errors the engine gives no code. */
    readonly code?: string,
    options?: ErrorOptions,
  ) {
    super(code === undefined ? message : `${code}: ${message}`, options);
  }
}

export function toMigrationError(error: unknown): MigrationError {
  if (error instanceof MigrationError) return error;
  const code = errorCode(error);
  // Only the engine's own codes (P1xxx-P3xxx) belong in front of the message, not ENOENT and the like.
  const prismaCode = code !== undefined && /^P\d{4}$/.test(code) ? code : undefined;
  // The wasm engine cannot lock a file another process has open; its error names a Rust enum variant.
  if (/SocketTimeout|database is locked/.test(errorMessage(error))) {
    return new MigrationError('The database file is in use by another process (is the server running?); stop it and run this command again.', prismaCode, { cause: error });
  }
  return new MigrationError(withoutSpanTrace(errorMessage(error)), prismaCode, { cause: error });
}

export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/**
 * "table x already exists\n   0: sql_schema_connector::apply_migration::apply_script\n   with
 * migration_name=\"...\" ..." becomes "Migration `...` failed to apply: table x already exists".
 */
function withoutSpanTrace(message: string): string {
  const traceStart = message.search(/^\s+0: /m);
  if (traceStart === -1) return message.trim();
  const head = message.slice(0, traceStart).trim();
  const migration = /migration_name="([^"]+)"/.exec(message.slice(traceStart))?.[1];
  return migration === undefined || head.includes(migration) ? head : `Migration \`${migration}\` failed to apply: ${head}`;
}
