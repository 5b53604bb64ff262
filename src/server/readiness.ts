/**
 * What /readyz checks besides draining: the database answers, and every migration in prisma/migrations
 * is recorded as finished (none pending, none half-applied), read from Prisma's own `_prisma_migrations`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.ts';
import { migrationsDir } from '../db/migrate/paths.ts';

/** Migration folders shipped with this build (read once: they do not change under a running server). */
export function shippedMigrations(dir = migrationsDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name).sort();
}

/** Problems that make this server not ready, or [] when it is. */
export async function readinessProblems(db: Db, shipped: string[]): Promise<string[]> {
  let rows: { migration_name: string; finished_at: unknown; rolled_back_at: unknown }[];
  try {
    rows = await db.$queryRawUnsafe('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations');
  } catch (e) {
    return [`database: ${(e as Error).message.split('\n')[0]}`];
  }
  const finished = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const problems: string[] = [];
  const pending = shipped.filter((m) => !finished.has(m));
  if (pending.length) problems.push(`migrations not applied: ${pending.join(', ')}`);
  const unfinished = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  if (unfinished.length) problems.push(`migrations started and not finished: ${unfinished.join(', ')}`);
  return problems;
}
