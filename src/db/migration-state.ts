/**
 * Which shipped migrations a database has finished, read from Prisma's `_prisma_migrations` table through
 * the server's own connection: what /readyz reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrationsDir } from './migrate/paths.ts';

export interface MigrationRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export const MIGRATION_ROWS_SQL = 'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations';

/** Migration folders shipped with this build (they do not change under a running server). */
export function shippedMigrations(dir = migrationsDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name).sort();
}

/** What keeps the database from matching the shipped migrations, or [] when it does. */
export function migrationProblems(rows: MigrationRow[], shipped: string[]): string[] {
  const finished = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const problems: string[] = [];
  const pending = shipped.filter((m) => !finished.has(m));
  if (pending.length) problems.push(`migrations not applied: ${pending.join(', ')}`);
  const unfinished = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  if (unfinished.length) problems.push(`migrations started and not finished: ${unfinished.join(', ')}`);
  return problems;
}
