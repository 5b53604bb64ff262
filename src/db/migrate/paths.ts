// Where the migration runner finds things. Everything is resolved against the repository root (derived
// from this file's location), not process.cwd(), so the CLI, the server and jest agree whatever directory
// they are started from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseFile, findProjectRoot, isPostgresUrl, resolveDatabaseUrl } from '../../config.ts';

export const repoRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The SQLite migrations (Prisma's default folder). */
export const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
/** The PostgreSQL migrations, generated from the same model (prisma/postgresql/schema.prisma is made from it). */
export const postgresMigrationsDir = path.join(repoRoot, 'prisma', 'postgresql', 'migrations');

/** The migrations folder for the store a DATABASE_URL names. */
export function migrationsDirFor(databaseUrl: string): string {
  return isPostgresUrl(databaseUrl) ? postgresMigrationsDir : migrationsDir;
}

/** The Prisma schema to migrate towards: env PRISMA_SCHEMA (relative to the repo root) or prisma/schema.prisma. */
export function schemaPath(): string {
  return path.resolve(repoRoot, process.env.PRISMA_SCHEMA ?? 'prisma/schema.prisma');
}

/** env DATABASE_URL, else the default, with its file made absolute. */
export const databaseUrlFromEnv = (): string => resolveDatabaseUrl();

/** The SQLite file a `file:` URL points at, as an absolute path (see src/config.ts). */
export const sqliteFilePath = databaseFile;
