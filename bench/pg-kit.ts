/**
 * The PostgreSQL side of the benchmark lives in a package of its own, bench/postgraphile (PostGraphile v4,
 * the `pg` driver, pg-copy-streams): PostGraphile v4 needs graphql 15 where the project pins graphql 16,
 * and none of it is needed to run, test or build dossier, so `npm install` of the project stays lean.
 * `ensureKit()` installs that package on first use (from its lockfile); the loader takes its driver from
 * there through `createRequire`, so the project's type check does not depend on it being installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const KIT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'postgraphile');

export function ensureKit(): void {
  if (fs.existsSync(path.join(KIT_DIR, 'node_modules', 'postgraphile', 'package.json'))) return;
  console.log('installing the PostgreSQL benchmark kit (bench/postgraphile: PostGraphile v4, pg, pg-copy-streams) …');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: KIT_DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm install in bench/postgraphile failed (${r.status})`);
}

/** The few parts of `pg` the loader uses. */
export interface PgClient {
  connect(): Promise<void>;
  query<S extends Writable>(stream: S): S;
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
  end(): Promise<void>;
}

export function pgKit(): { Client: new (options: { connectionString: string }) => PgClient; copyFrom: (sql: string) => Writable } {
  ensureKit();
  const require = createRequire(path.join(KIT_DIR, 'package.json'));
  const pg = require('pg') as { Client: new (options: { connectionString: string }) => PgClient };
  const copy = require('pg-copy-streams') as { from: (sql: string) => Writable };
  return { Client: pg.Client, copyFrom: copy.from };
}
