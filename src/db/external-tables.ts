/**
 * Tables that are not Prisma models: on SQLite the FTS5 index over documents (created by a hand-written
 * migration) and the shadow tables FTS5 keeps for it; on PostgreSQL its counterpart "DocumentSearch"
 * (a tsvector per document). prisma.config.ts and the migration runner both declare them external, so the
 * schema engine neither reports them as drift nor drops them.
 */
export const externalTables = [
  'DocumentFts',
  'DocumentFts_config',
  'DocumentFts_content',
  'DocumentFts_data',
  'DocumentFts_docsize',
  'DocumentFts_idx',
] as const;

/** The same on PostgreSQL, where the engine wants them schema-qualified: the migrations create them in public. */
export const postgresExternalTables = ['public.DocumentSearch'] as const;
