/**
 * Which shipped migrations a database has finished, read from Prisma's `_prisma_migrations` table. Used
 * by /readyz, and at start-up to skip loading the schema engine (wasm, the slowest part of a start) when
 * the database is already up to date; anything else (pending, half-applied, no table) goes to the engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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

/** True when the SQLite file exists and has finished every shipped migration (read-only look). */
export function isUpToDate(file: string, shipped = shippedMigrations()): boolean {
  if (file === ':memory:' || !fs.existsSync(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return migrationProblems(db.prepare(MIGRATION_ROWS_SQL).all() as MigrationRow[], shipped).length === 0;
  } catch {
    return false; // no migrations table yet, or unreadable: let the engine decide and explain
  } finally {
    db?.close();
  }
}
