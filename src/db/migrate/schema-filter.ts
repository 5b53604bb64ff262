// Tables the engine must leave alone: the FTS5 index over documents and its shadow tables, created by a
// hand-written migration (the same list prisma.config.ts gives the CLI).
import type { SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { externalTables } from '../external-tables.ts';

export async function loadSchemaFilter(): Promise<SchemaFilter> {
  return { externalTables: [...externalTables], externalEnums: [] };
}
