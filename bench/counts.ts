/**
 * `npm run bench:counts -- <corpus file> [--runs 15]`: what every root list's `totalCount` costs in SQL.
 *
 * Starts the API in-process on a copy of the corpus (online backup; the corpus is not written), asks each
 * root list for `{ totalCount }` alone, with and without each filter, captures the statements the API
 * issues (createDb's onQuery), and times each on better-sqlite3 (warm, median of `runs`). Beside it, the
 * form Prisma's `count()` emits for the same list (`SELECT COUNT(*) FROM (SELECT id … LIMIT -1)`), where
 * that applies. Target (issue 8): under 5 ms at 100k documents for every list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrate/index.ts';
import { startServer } from '../src/server/index.ts';
import { createLogger } from '../src/server/logger.ts';

const source = process.argv[2];
if (!source || !fs.existsSync(source)) throw new Error('usage: npm run bench:counts -- <corpus file> [--runs 15]');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 15;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-counts-'));
const file = path.join(dir, 'corpus.db');
{ const src = new Database(source, { readonly: true }); await src.backup(file); src.close(); }
const url = `file:${file}`;
await deployMigrations(url);
const captured: { sql: string; params: string }[] = [];
const db = await createDb(url, { onQuery: (sql, _ms, params) => captured.push({ sql, params }) });
const raw = new Database(file, { readonly: true });
const server = await startServer({ ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, databaseUrl: url, responseCacheMb: 0 }, db, createLogger('silent'));

const one = <T>(sql: string) => raw.prepare(sql).get() as T;
const busiest = (side: string) => one<{ slug: string }>(`SELECT a."slug" FROM "RequestParty" p JOIN "Actor" a ON a."id" = p."actorId" WHERE p."side" = '${side}' GROUP BY a."id" ORDER BY COUNT(*) DESC LIMIT 1`).slug;
const responder = one<{ slug: string }>(`SELECT a."slug" FROM "RequestResponse" r JOIN "Actor" a ON a."id" = r."responderId" GROUP BY a."id" ORDER BY COUNT(*) DESC LIMIT 1`).slug;
const participant = one<{ slug: string }>(`SELECT a."slug" FROM "EventParticipant" p JOIN "Actor" a ON a."id" = p."actorId" GROUP BY a."id" ORDER BY COUNT(*) DESC LIMIT 1`).slug;
const documents = one<{ n: number }>('SELECT COUNT(*) AS n FROM "Document"').n;

const cases: [string, string][] = [
  ['documents', ''], ['documents', 'filter: { from: "2010", to: "2012-06" }'], ['documents', 'filter: { language: "en" }'],
  ['actors', ''], ['actors', 'filter: { kind: [STATE] }'], ['actors', 'filter: { country: "IRQ" }'],
  ['events', ''], ['events', `filter: { actor: "${participant}" }`], ['events', 'filter: { status: [PLANNED] }'], ['events', 'filter: { from: "2010", to: "2012-06" }'],
  ['requests', ''], ['requests', `filter: { requester: "${busiest('REQUESTER')}" }`], ['requests', `filter: { addressee: "${busiest('ADDRESSEE')}" }`],
  ['requests', 'filter: { category: [TRAINING] }'], ['requests', 'filter: { status: [FULFILLED] }'], ['requests', 'filter: { from: "2010", to: "2012-06" }'],
  ['responses', ''], ['responses', `filter: { responder: "${responder}" }`], ['responses', 'filter: { stance: [DECLINES] }'], ['responses', 'filter: { from: "2010", to: "2012-06" }'],
];

const params = (json: string) => (JSON.parse(json || '[]') as unknown[]).map((v) => (typeof v === 'boolean' ? Number(v) : v)) as never[];
const time = (sql: string, p: never[]) => {
  const stmt = raw.prepare(sql);
  stmt.all(...p);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    stmt.all(...p);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
};
const PRISMA_TABLE: Record<string, string> = { documents: 'Document', actors: 'Actor' };

console.log(`totalCount at ${documents} documents: SQL time per list (median of ${RUNS}, warm), target < 5 ms at 100k`);
console.log('| list | filter | totalCount | statements | SQL ms | Prisma count() form ms |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [list, args] of cases) {
  captured.length = 0;
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${list}${args ? `(${args})` : ''} { totalCount } }` }) });
  const body = (await res.json()) as { data?: Record<string, { totalCount: number }>; errors?: unknown };
  if (body.errors) throw new Error(`${list} ${args}: ${JSON.stringify(body.errors)}`);
  const statements = captured.filter((s) => !/^(PRAGMA|BEGIN|COMMIT)/.test(s.sql));
  const ms = statements.reduce((sum, s) => sum + time(s.sql, params(s.params)), 0);
  // Prisma's count() of an unfiltered list, for comparison (its filtered forms differ only in WHERE).
  const prisma = PRISMA_TABLE[list] && !args ? time(`SELECT COUNT(*) FROM (SELECT "id" FROM "${PRISMA_TABLE[list]}" WHERE 1=1 LIMIT -1 OFFSET 0) AS "sub"`, []) : null;
  console.log(`| ${list} | ${args || '—'} | ${body.data![list]!.totalCount} | ${statements.length} | ${ms.toFixed(2)} | ${prisma === null ? '—' : prisma.toFixed(2)} |`);
}
await server.close();
await db.$disconnect();
raw.close();
fs.rmSync(dir, { recursive: true, force: true });
