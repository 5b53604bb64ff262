import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { cacheStatements } from './statement-cache.ts';

let dir: string;
let db: Database.Database;
let prepared: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statement-cache-'));
  db = new Database(path.join(dir, 'x.db'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  prepared = [];
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => { prepared.push(sql); return prepare(sql); };
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// What the Prisma adapter does with a statement: prepare(sql).bind(args), then run() or columns() + raw().all().
type Adapted = { reader: boolean; bind(args: unknown[]): { reader: boolean; run(): Database.RunResult; columns(): Database.ColumnDefinition[]; raw(): { all(): unknown[][] } } };
const prepare = (sql: string) => db.prepare(sql) as unknown as Adapted;

it('prepares each SQL text once and binds fresh arguments on every use', () => {
  cacheStatements(db);
  const insert = 'INSERT INTO t (id, name) VALUES (?, ?)';
  for (const [id, name] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) prepare(insert).bind([id, name]).run();
  const select = 'SELECT id, name FROM t WHERE id >= ? ORDER BY id';
  const s = prepare(select).bind([2]);
  expect(s.reader).toBe(true);
  expect(s.columns().map((c) => c.name)).toEqual(['id', 'name']);
  expect(s.raw().all()).toEqual([[2, 'b'], [3, 'c']]);
  expect(prepare(select).bind([3]).raw().all()).toEqual([[3, 'c']]);
  // Each text was prepared once; the adapter's unbound use (BEGIN/COMMIT) works on a cached one too.
  expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
  expect(prepared.filter((sql) => sql === select)).toHaveLength(1);
  (db.prepare('BEGIN') as unknown as { run(): void }).run();
  (db.prepare('COMMIT') as unknown as { run(): void }).run();
  (db.prepare('BEGIN') as unknown as { run(): void }).run();
  (db.prepare('COMMIT') as unknown as { run(): void }).run();
  expect(prepared.filter((sql) => sql === 'BEGIN')).toHaveLength(1);
});

it('keeps at most `size` statements, dropping the least recently used', () => {
  cacheStatements(db, 2);
  const q = (n: number) => prepare(`SELECT ${n} AS n`).bind([]).raw().all();
  expect(q(1)).toEqual([[1]]);
  q(2);
  q(1); // 1 is now the most recent
  q(3); // evicts 2
  q(1);
  q(2); // prepared again
  expect(prepared.filter((sql) => sql === 'SELECT 1 AS n')).toHaveLength(1);
  expect(prepared.filter((sql) => sql === 'SELECT 2 AS n')).toHaveLength(2);
});

it('surfaces SQLite errors at prepare and at run, and stays usable after one', () => {
  cacheStatements(db);
  expect(() => prepare('SELECT nope FROM t')).toThrow(/no such column/);
  db.exec('CREATE UNIQUE INDEX t_name ON t (name)');
  const insert = 'INSERT INTO t (id, name) VALUES (?, ?)';
  prepare(insert).bind([1, 'a']).run();
  expect(() => prepare(insert).bind([2, 'a']).run()).toThrow(/UNIQUE/);
  prepare(insert).bind([2, 'b']).run();
  expect(prepare('SELECT name FROM t ORDER BY id').bind([]).raw().all()).toEqual([['a'], ['b']]);
});
