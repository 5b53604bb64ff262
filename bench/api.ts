/**
 * `npm run bench`: latency and memory of the read API on the seeded corpus, over real HTTP.
 *
 * Builds a fresh seeded SQLite file, starts the server in-process, warms up, then runs each query
 * ROUNDS times with CONCURRENCY requests in flight and reports p50/p95/max and the server's RSS.
 * Exits 1 when a target below is missed. Targets are p95 latencies with 8 requests in flight (so they
 * include queueing behind the single SQLite connection) on the 2-core machines this project runs on;
 * they live here, not in the tests, so a loaded CI machine never fails a test on timing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrate/index.ts';
import { startServer } from '../src/server/index.ts';
import { createLogger } from '../src/server/logger.ts';
import { seedDatabase } from '../seed/lib/index.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

/** Name, operation, and the p95 latency (ms) it must stay under. */
const CASES: [string, string, number][] = [
  ['request detail', '{ request(slug: "allawi-2004-nato-assistance") { summary items { category excluded evidence { quote document { title } } } responses { stance responder { name } evidence { quote } } } }', 100],
  ['requests page, nested', '{ requests(first: 20) { edges { node { requesters { name } addressees { name } items { category evidence { quote } } responses { stance responder { name } } } } } }', 150],
  ['actor by alias', '{ actor(name: "de Hoop Scheffer") { name aliases roles { title of { name } } coMentions(first: 10) { edges { count node { name } } } } }', 100],
  ['timeline', '{ timeline(actor: "nato", from: "2004", to: "2018", first: 100) { edges { date node { __typename ... on Event { title } ... on Request { summary } ... on RequestResponse { stance } } } } }', 100],
  ['requests rolled up to Iraq', '{ requests(filter: { requester: "Iraq", addressee: "NATO" }) { totalCount edges { matchedVia { via actor { name } } node { summary responses { stance responder { name } } } } } }', 100],
  ['responses by NATO, roll-up', '{ responses(filter: { responder: "NATO", from: "2004", to: "2018" }, first: 50) { totalCount edges { matchedVia { via } node { stance request { summary } } } } }', 100],
  ['search', '{ search(query: "\\"training mission\\" Iraq", first: 10) { totalCount edges { score snippet node { title } } } }', 50],
  ['stats', '{ stats { actorsByKind { key count } byYear { year events requests responses } } }', 50],
];
// Most of it is fixed: Prisma's wasm query compiler, the wasm schema engine that ran the migrations, tsx.
const MAX_RSS_MB = 350;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
const url = `file:${path.join(dir, 'bench.db')}`;
await deployMigrations(url);
const db = await createDb(url);
await seedDatabase(db);
const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, databaseUrl: url };
const server = await startServer(config, db, createLogger('silent'));

async function run(query: string) {
  const started = performance.now();
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

let missed = 0;
try {
  for (const [, q] of CASES) for (let i = 0; i < 10; i++) await run(q); // warm-up
  console.log(`${ROUNDS} rounds each, ${CONCURRENCY} in flight\n`);
  console.log('query                      p50 ms   p95 ms   max ms   target p95');
  for (const [name, q, target] of CASES) {
    const times: number[] = [];
    for (let done = 0; done < ROUNDS; done += CONCURRENCY) {
      times.push(...(await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ROUNDS - done) }, () => run(q)))));
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const ok = p95 <= target;
    if (!ok) missed++;
    console.log(`${name.padEnd(25)} ${percentile(times, 50).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)}   ${String(target).padStart(6)} ${ok ? 'ok' : 'MISSED'}`);
  }
  const rss = process.memoryUsage().rss / 2 ** 20;
  if (rss > MAX_RSS_MB) missed++;
  console.log(`\nresident memory ${rss.toFixed(0)} MB (target ${MAX_RSS_MB} MB) ${rss > MAX_RSS_MB ? 'MISSED' : 'ok'}`);
} finally {
  await server.close();
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exitCode = missed ? 1 : 0;
