/**
 * `npm run bench:pg-load -- --from <corpus.db> --to postgresql://…`: a benchmark corpus (SQLite, built by
 * `npm run bench:corpus`) copied into an empty PostgreSQL database, so dossier on SQLite, PostGraphile
 * (and dossier on PostgreSQL) answer over the same data.
 *
 * The schema is the project's PostgreSQL migration set (prisma/postgresql/migrations), applied in order,
 * each in a transaction, and recorded in `_prisma_migrations` as `migrate deploy` records them (checksum =
 * sha256 of migration.sql), so the project's own migrate command sees an up-to-date database. Then every
 * table both stores have is copied with COPY FROM STDIN, parents before children, one transaction per
 * table; the full-text side table is filled by its trigger as the documents arrive; a table the
 * migrations fill themselves (the one DataVersion row, whose epoch is the database's own) is kept as made. Then ANALYZE, and both
 * sides' row counts and total characters per text column are compared: any difference fails the load.
 */
import { randomUUID, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { pgKit, type PgClient } from './pg-kit.ts';

export const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'postgresql', 'migrations');

export interface LoadReport {
  ms: number;
  tables: { table: string; rows: number; ms: number }[];
  /** Tables the SQLite corpus has and the PostgreSQL schema does not (left out), with their row counts. */
  skippedTables: { table: string; rows: number }[];
  /** Columns the SQLite corpus has and PostgreSQL does not (left out). */
  skippedColumns: string[];
  /** Tables the migrations fill themselves (e.g. the one DataVersion row, with an epoch of its own): kept as made. */
  kept: { table: string; rows: number }[];
  /** Tables only PostgreSQL has (filled by the schema itself, e.g. the search index), with their row counts. */
  derived: { table: string; rows: number }[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The migration folders in order, or an error that says this checkout has none. */
function migrations(): { name: string; sql: string }[] {
  if (!fs.existsSync(MIGRATIONS)) {
    throw new Error('prisma/postgresql/migrations is missing: this checkout has no PostgreSQL migration set yet (it comes with the PostgreSQL port)');
  }
  return fs.readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(MIGRATIONS, d.name, 'migration.sql')))
    .map((d) => d.name).sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8') }));
}

async function migrate(pg: PgClient, steps: { name: string; sql: string }[]) {
  await pg.query(`CREATE TABLE "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  for (const m of steps) {
    await pg.query('BEGIN');
    try {
      await pg.query(m.sql);
      await pg.query(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count")
        VALUES ($1, $2, now(), $3, 1)`, [randomUUID(), createHash('sha256').update(m.sql).digest('hex'), m.name]);
      await pg.query('COMMIT');
    } catch (e) {
      await pg.query('ROLLBACK');
      throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
    }
  }
}

/** COPY's text format: backslash, tab, newline and carriage return escaped; NULL is \N. */
const escape = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** A SQLite value as PostgreSQL's COPY text for a column of `type` (booleans are 0/1, DateTimes ISO text or epoch ms). */
function cell(value: unknown, type: string): string {
  if (value === null || value === undefined) return '\\N';
  if (type === 'boolean') return value === 1 || value === 1n || value === true || value === '1' || value === 'true' ? 't' : 'f';
  if (type.startsWith('timestamp') && typeof value === 'number') return new Date(value).toISOString();
  if (Buffer.isBuffer(value)) return '\\\\x' + value.toString('hex');
  return escape(String(value));
}

/** Tables in an order where every table comes after the tables its foreign keys point at. */
async function parentsFirst(pg: PgClient, tables: string[]): Promise<string[]> {
  const { rows } = await pg.query<{ child: string; parent: string }>(`SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = current_schema()`);
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: string[]) => {
    if (seen.has(t)) return;
    if (path.includes(t)) throw new Error(`foreign keys form a cycle: ${[...path, t].join(' → ')}`);
    for (const r of rows) if (r.child === t && r.parent !== t && tables.includes(r.parent)) visit(r.parent, [...path, t]);
    seen.add(t);
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, []);
  return order;
}

async function copyTable(pg: PgClient, copyFrom: (sql: string) => Writable, db: Database.Database,
  table: string, columns: { name: string; type: string }[]) {
  const stream = pg.query(copyFrom(`COPY ${q(table)} (${columns.map((c) => q(c.name)).join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  const rows = db.prepare(`SELECT ${columns.map((c) => q(c.name)).join(', ')} FROM ${q(table)}`).raw().iterate() as Iterable<unknown[]>;
  let chunk = '';
  for (const row of rows) {
    chunk += row.map((v, i) => cell(v, columns[i]!.type)).join('\t') + '\n';
    if (chunk.length >= 1 << 16) {
      if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
}

export async function loadCorpus(from: string, to: string, log: (line: string) => void = console.log): Promise<LoadReport> {
  if (!fs.existsSync(from)) throw new Error(`--from ${from}: no such corpus file (build one with npm run bench:corpus)`);
  const steps = migrations();
  const { Client, copyFrom } = pgKit();
  const started = performance.now();
  const db = new Database(from, { readonly: true, fileMustExist: true });
  const pg = new Client({ connectionString: to });
  await pg.connect();
  try {
    const existing = await pg.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('Document', '_prisma_migrations')`);
    if (existing.rows.length) throw new Error('the target database already has a schema: load into an empty database');
    await migrate(pg, steps);

    const pgColumns = new Map<string, { name: string; type: string }[]>();
    for (const r of (await pg.query<{ table_name: string; column_name: string; data_type: string }>(`SELECT table_name, column_name, data_type
      FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`)).rows) {
      if (r.table_name === '_prisma_migrations') continue;
      pgColumns.set(r.table_name, [...(pgColumns.get(r.table_name) ?? []), { name: r.column_name, type: r.data_type }]);
    }
    const sqliteTables = (db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'
      AND "name" <> '_prisma_migrations' AND "sql" NOT LIKE 'CREATE VIRTUAL TABLE%' AND "name" NOT LIKE 'DocumentFts%'`).all() as { name: string }[]).map((r) => r.name);
    const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${q(t)}`).get() as { n: number }).n;
    const pgCount = async (t: string) => Number((await pg.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${q(t)}`)).rows[0]!.n);

    const report: LoadReport = { ms: 0, tables: [], skippedTables: [], skippedColumns: [], kept: [], derived: [] };
    const shared: string[] = [];
    for (const t of sqliteTables.filter((x) => pgColumns.has(x))) {
      const filled = await pgCount(t);
      if (filled) report.kept.push({ table: t, rows: filled });
      else shared.push(t);
    }
    for (const t of sqliteTables.filter((t) => !pgColumns.has(t))) report.skippedTables.push({ table: t, rows: count(t) });

    const copied = new Map<string, { name: string; type: string }[]>();
    for (const table of await parentsFirst(pg, shared)) {
      const sqliteCols = new Set((db.prepare(`SELECT "name" FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
      const columns = pgColumns.get(table)!.filter((c) => sqliteCols.has(c.name));
      for (const c of sqliteCols) if (!columns.some((x) => x.name === c)) report.skippedColumns.push(`${table}.${c}`);
      copied.set(table, columns);
      const t0 = performance.now();
      await pg.query('BEGIN');
      try {
        await copyTable(pg, copyFrom, db, table, columns);
        await pg.query('COMMIT');
      } catch (e) {
        await pg.query('ROLLBACK');
        throw new Error(`copying ${table} failed: ${(e as Error).message}`);
      }
      const rows = count(table);
      report.tables.push({ table, rows, ms: performance.now() - t0 });
      log(`  ${table}: ${rows} rows in ${(performance.now() - t0).toFixed(0)} ms`);
    }
    await pg.query('ANALYZE');

    // Equal row counts, and equal total characters in every text column (which catches a mangled escape).
    const mismatches: string[] = [];
    for (const t of report.tables) {
      const n = await pgCount(t.table);
      if (n !== t.rows) mismatches.push(`${t.table}: ${t.rows} rows in SQLite, ${n} in PostgreSQL`);
      const text = copied.get(t.table)!.filter((c) => c.type === 'text').map((c) => c.name);
      if (!text.length) continue;
      const sum = text.map((c) => `COALESCE(SUM(length(${q(c)})), 0)`).join(' + ');
      const a = Number((db.prepare(`SELECT ${sum} AS n FROM ${q(t.table)}`).get() as { n: number }).n);
      const b = Number((await pg.query<{ n: string }>(`SELECT ${sum} AS n FROM ${q(t.table)}`)).rows[0]!.n);
      if (a !== b) mismatches.push(`${t.table}: ${a} characters of text in SQLite, ${b} in PostgreSQL`);
    }
    if (mismatches.length) throw new Error(`row counts differ after the load:\n  ${mismatches.join('\n  ')}`);
    for (const t of pgColumns.keys()) if (!sqliteTables.includes(t)) report.derived.push({ table: t, rows: await pgCount(t) });
    report.ms = performance.now() - started;
    return report;
  } finally {
    await pg.end();
    db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? process.argv[i + 1] : undefined;
    if (!v) throw new Error(`usage: npm run bench:pg-load -- --from <corpus.db> --to postgresql://…  (--${name} is missing)`);
    return v;
  };
  const [from, to] = [arg('from'), arg('to')];
  console.log(`loading ${from} into ${to.replace(/\/\/[^@/]*@/, '//…@')} …`);
  const r = await loadCorpus(from, to);
  const total = r.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`loaded ${total} rows in ${r.tables.length} tables in ${(r.ms / 1000).toFixed(1)} s (migrations, COPY, ANALYZE); row counts and text lengths equal`);
  for (const d of r.derived) console.log(`  filled by the schema: ${d.table} (${d.rows} rows)`);
  for (const k of r.kept) console.log(`  kept as the migrations made it: ${k.table} (${k.rows} rows)`);
  if (r.skippedTables.length) console.log(`  not in the PostgreSQL schema, left out: ${r.skippedTables.map((t) => `${t.table} (${t.rows} rows)`).join(', ')}`);
  if (r.skippedColumns.length) console.log(`  columns not in the PostgreSQL schema, left out: ${r.skippedColumns.join(', ')}`);
}
