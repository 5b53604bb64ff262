/**
 * `npm run bench:postgraphile`: dossier against PostGraphile v4 over the same data, side by side in one run.
 *
 *   npm run bench:postgraphile -- [--sizes 10k] [--rounds 3] [--duration 2] [--only <operation>] [--json out.json]
 *
 * For each size: takes the benchmark corpus (built by `npm run bench:corpus` / `npm run bench` in the corpus
 * directory, BENCH_DIR, default the system temp directory; built here if missing), copies it, starts a
 * throwaway PostgreSQL cluster (bench/pg-cluster.ts) and loads the copy into it (bench/pg-load.ts), then
 * starts, each as a child process:
 *   - dossier on SQLite over the copy, compiled, as `npm start` runs it, response cache off;
 *   - dossier on PostgreSQL over the loaded database, the same way with `DATABASE_URL=postgresql://…`,
 *     when this checkout's server accepts that URL (it is started and dropped with the reason it gave if
 *     it refuses: the PostgreSQL port is a separate piece of work);
 *   - PostGraphile v4 over the loaded database (bench/postgraphile/server.mjs);
 *   - the floor (bench/servers.ts): the same answers from hand-written SQL over better-sqlite3.
 * It checks that every server returns the floor's `data` for every operation (PostGraphile's answer mapped
 * onto dossier's field names: same rows, same ids, same order), then measures in rounds, alternating the
 * servers, with the same measurements as `npm run bench`: throughput at 8 connections and p50/p99 at one
 * (autocannon and one-at-a-time requests), SQL statements per operation, resident memory.
 * Ratios between servers measured in one run are the figures to compare; absolute times are not.
 */
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { deployMigrations } from '../src/db/migrate/index.ts';
import { buildCorpus } from './corpus.ts';
import { OPERATIONS, type Params } from './operations.ts';
import { EDITOR, paramsOf } from './params.ts';
import { startCluster, type Cluster } from './pg-cluster.ts';
import { KIT_DIR, ensureKit, pgKit } from './pg-kit.ts';
import { MIGRATIONS, loadCorpus } from './pg-load.ts';
import { PG_OPERATIONS, type PgOperation } from './pg-operations.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('sizes', '10k').split(',').map((s) => s.trim()).filter(Boolean);
const ROUNDS = Number(arg('rounds', '3'));
const DURATION = Number(arg('duration', '2'));
const JSON_OUT = arg('json', '');
const ONLY = arg('only', '');
const OPS = PG_OPERATIONS.filter((o) => !ONLY || o.name.includes(ONLY));
const DIR = process.env.BENCH_DIR || path.join(os.tmpdir(), 'dossier-bench');

const docsOf = (size: string) => {
  if (size === 'seed') return 0;
  const m = /^(\d+)(k?)$/.exec(size);
  if (!m) throw new Error(`--sizes: "${size}" is not seed, N or Nk`);
  return Number(m[1]) * (m[2] ? 1000 : 1);
};

type Key = 'sqlite' | 'postgres' | 'postgraphile' | 'floor';
const LABEL: Record<Key, string> = { sqlite: 'dossier (SQLite)', postgres: 'dossier (PostgreSQL)', postgraphile: 'PostGraphile', floor: 'floor (SQLite)' };

interface Server {
  key: Key;
  url: string;
  startMs: number;
  /** The request body for one of the benchmark's operations. */
  body(op: PgOperation): string;
  stats(reset?: boolean): Promise<{ statements: number; rss: number; peakRss: number }>;
  stop(): Promise<void>;
}

const dossierOp = (op: PgOperation) => {
  const o = OPERATIONS.find((x) => x.name === op.name);
  if (!o) throw new Error(`bench/operations.ts has no operation "${op.name}"`);
  return o;
};
const operationName = (query: string) => /^(?:query|mutation) (\w+)/.exec(query)![1]!;
const dossierBody = (p: Params) => (op: PgOperation) => {
  const o = dossierOp(op);
  return JSON.stringify({ query: o.query, operationName: operationName(o.query), variables: o.variables(p, 0) });
};

const stopChild = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});

/** A child that speaks bench/servers.ts's IPC protocol (ready with its URL; stats and reset on request). */
async function startIpc(key: Key, child: ChildProcess, body: Server['body']): Promise<Server> {
  const started = performance.now();
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`${LABEL[key]} exited with ${code}`)));
  });
  return {
    key, url, body, startMs: performance.now() - started,
    stats: (reset = false) => new Promise((resolve) => {
      child.once('message', (m: { statements: number; rss: number; peakRss: number }) => resolve(m));
      child.send({ type: reset ? 'reset' : 'stats' });
    }),
    stop: () => stopChild(child),
  };
}

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const n = (s.address() as net.AddressInfo).port; s.close(() => resolve(n)); });
});

/**
 * dossier as `npm start` runs it (`node dist/src/main.js`), response cache off, over `databaseUrl`.
 * Resolves to the reason it gave instead when it exits before /healthz answers (a checkout whose server
 * does not take that URL): the caller reports it and goes on without this server.
 */
async function startDossier(key: Key, databaseUrl: string, p: Params): Promise<Server | { refused: string }> {
  const main = path.join(here, '..', 'dist', 'src', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    cwd: path.join(here, '..'),
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      SEED_IF_EMPTY: 'false', DOSSIER_TOKENS: `bench:editor:${EDITOR}`, RESPONSE_CACHE_MB: '0' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  // Kept until it is healthy (the reason it gives if it refuses to start), passed through after.
  let stderr = '';
  let healthy = false;
  child.stderr!.on('data', (c: Buffer) => { if (healthy) process.stderr.write(c); else stderr += c; });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) return { refused: stderr.trim().split('\n').slice(0, 3).join(' ') || `exited with ${child.exitCode}` };
    if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) {
      healthy = true;
      process.stderr.write(stderr);
      break;
    }
    if (performance.now() > deadline) {
      await stopChild(child);
      return { refused: 'no healthy /healthz within 120 s' };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const startMs = performance.now() - started;
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const statements = async () => Number(/^dossier_db_statement_duration_seconds_count (\d+)/m.exec(await (await fetch(`${origin}/metrics`)).text())?.[1] ?? 0);
  let base = await statements();
  return {
    key, url: `${origin}/graphql`, startMs, body: dossierBody(p),
    async stats(reset = false) {
      if (reset) {
        base = await statements();
        try { fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5'); } catch { /* not Linux: the peak stays since start */ }
      }
      return { statements: (await statements()) - base, rss: kb('VmRSS'), peakRss: kb('VmHWM') };
    },
    stop: () => stopChild(child),
  };
}

async function post(server: Server, op: PgOperation) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: server.body(op) });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (json.errors || res.status !== 200) throw new Error(`${LABEL[server.key]} failed ${op.name}: ${res.status} ${JSON.stringify(json.errors)}`);
  return json.data!;
}

/** Throughput with 8 requests in flight (autocannon), as `npm run bench` measures it. */
async function throughput(server: Server, op: PgOperation) {
  const result = await autocannon({
    url: server.url, connections: 8, duration: DURATION, method: 'POST',
    headers: { 'content-type': 'application/json' }, body: server.body(op),
  }) as { requests: { average: number }; non2xx: number; errors: number };
  if (result.non2xx || result.errors) throw new Error(`${LABEL[server.key]} ${op.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors under load`);
  return result.requests.average;
}

/** p50 and p99 of requests sent one at a time on a kept-alive connection for DURATION seconds. */
async function latency(server: Server, op: PgOperation) {
  const text = server.body(op);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () => new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const req = http.request(server.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${LABEL[server.key]} ${op.name}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(text);
  });
  const times: number[] = [];
  const until = performance.now() + DURATION * 1000;
  try {
    while (performance.now() < until || times.length < 5) times.push(await once());
  } finally {
    agent.destroy();
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number | undefined, d = 0) => (n === undefined ? '—' : n.toFixed(d));

interface Figures { rps: number; p50: number; p99: number; statements: number }
interface Row { op: string; figures: Partial<Record<Key, Figures>> }

async function benchSize(size: string, cluster: Cluster) {
  const documents = docsOf(size);
  fs.mkdirSync(DIR, { recursive: true });
  const corpus = path.join(DIR, `corpus-${documents}.db`);
  if (!fs.existsSync(corpus)) {
    console.log(`building the ${size} corpus (${documents} synthetic documents) in ${corpus} …`);
    await buildCorpus(corpus, documents, 1);
  }
  // Everything reads a copy (online backup: WAL-safe) brought up to this checkout's migrations; the
  // corpus file is only read.
  const work = path.join(DIR, `pg-run-${documents}.db`);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
  { const src = new Database(corpus, { readonly: true }); await src.backup(work); src.close(); }
  await deployMigrations(`file:${work}`);
  const p = paramsOf(work);

  const database = `bench_${documents}`;
  const admin = new (pgKit().Client)({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const pgUrl = cluster.url.replace(/\/[^/]*$/, `/${database}`);
  console.log(`loading the ${size} corpus into PostgreSQL ${cluster.version} …`);
  const load = await loadCorpus(work, pgUrl, () => {});
  const loadedRows = load.tables.reduce((n, t) => n + t.rows, 0);
  const slowest = [...load.tables].sort((a, b) => b.ms - a.ms).slice(0, 3).map((t) => `${t.table} ${fmt(t.ms / 1000, 1)} s`).join(', ');
  console.log(`loaded ${loadedRows} rows in ${load.tables.length} tables in ${fmt(load.ms / 1000, 1)} s (slowest: ${slowest}); row counts and text lengths equal`
    + `${load.skippedTables.length ? `; not in the PostgreSQL schema: ${load.skippedTables.map((t) => `${t.table} (${t.rows} rows)`).join(', ')}` : ''}`
    + `${load.kept.length ? `; kept as the migrations made them: ${load.kept.map((t) => t.table).join(', ')}` : ''}`);

  const servers: Server[] = [];
  try {
    const sqlite = await startDossier('sqlite', `file:${work}`, p);
    if ('refused' in sqlite) throw new Error(`dossier on SQLite did not start: ${sqlite.refused}`);
    servers.push(sqlite);
    // dossier on PostgreSQL: measured when this checkout's server takes a postgresql:// URL.
    const onPg = await startDossier('postgres', pgUrl, p);
    let pgNote = '';
    if ('refused' in onPg) pgNote = `dossier on PostgreSQL: not measured, this checkout's server refused the database URL: ${onPg.refused}`;
    else servers.push(onPg);
    servers.push(await startIpc('postgraphile', fork(path.join(KIT_DIR, 'server.mjs'), [pgUrl], { cwd: KIT_DIR, execArgv: ['--no-deprecation'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      (op) => JSON.stringify({ query: op.query, operationName: operationName(op.query), variables: op.variables(p) })));
    servers.push(await startIpc('floor', fork(path.join(here, 'servers.ts'), ['floor', work], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      dossierBody(p)));
    if (pgNote) console.log(pgNote);

    // Correctness first: every server must return the floor's data (PostGraphile's mapped onto dossier's shape).
    const floor = servers.find((s) => s.key === 'floor')!;
    for (const op of OPS) {
      const expected = await post(floor, op);
      for (const s of servers.filter((x) => x.key !== 'floor')) {
        const data = await post(s, op);
        assert.deepEqual(s.key === 'postgraphile' ? op.toDossier(data) : data, expected, `${LABEL[s.key]} and the floor disagree on ${op.name}`);
      }
    }
    console.log(`all ${servers.length} servers return the same data for the ${OPS.length} operations`);

    const keys = servers.map((s) => s.key);
    header(size, keys);
    const rows: Row[] = [];
    for (const op of OPS) {
      const runs = new Map<Key, { rps: number[]; p50: number[]; p99: number[] }>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const s of round % 2 ? [...servers].reverse() : servers) {
          const r = runs.get(s.key) ?? { rps: [], p50: [], p99: [] };
          runs.set(s.key, r);
          r.rps.push(await throughput(s, op));
          const lat = await latency(s, op);
          r.p50.push(lat.p50);
          r.p99.push(lat.p99);
        }
      }
      const row: Row = { op: op.name, figures: {} };
      for (const s of servers) {
        await s.stats(true);
        await post(s, op);
        const r = runs.get(s.key)!;
        row.figures[s.key] = { rps: median(r.rps), p50: median(r.p50), p99: median(r.p99), statements: (await s.stats()).statements };
      }
      rows.push(row);
      printRow(row, keys);
    }
    const memory: Partial<Record<Key, { rssMb: number; peakMb: number }>> = {};
    for (const s of servers) {
      const st = await s.stats();
      memory[s.key] = { rssMb: st.rss / 2 ** 20, peakMb: st.peakRss / 2 ** 20 };
    }
    console.log(`start-up: ${servers.map((s) => `${LABEL[s.key]} ${fmt(s.startMs)} ms`).join(', ')}`);
    console.log(`RSS peak (the server process; PostgreSQL's own processes not counted): ${servers.map((s) => `${LABEL[s.key]} ${fmt(memory[s.key]!.peakMb)} MB`).join(', ')}\n`);
    return { size, documents, load: { ms: load.ms, rows: loadedRows, tables: load.tables, skippedTables: load.skippedTables }, servers: keys, pgNote, rows, memory,
      startMs: Object.fromEntries(servers.map((s) => [s.key, s.startMs])) };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
  }
}

function header(size: string, keys: Key[]) {
  const ratios = keys.filter((k) => k === 'sqlite' || k === 'postgres');
  console.log(`\n## ${size}: ${ROUNDS} rounds × ${DURATION} s per measurement, servers alternated; medians`);
  console.log(`| operation | req/s @8: ${keys.map((k) => LABEL[k]).join(' / ')} | ${ratios.map((k) => `${LABEL[k]} ÷ PostGraphile`).join(' | ')} | `
    + `p50 ms @1 | p99 ms @1 | SQL statements |`);
  console.log(`|---|---:|${ratios.map(() => '---:|').join('')}---:|---:|---:|`);
}

function printRow(r: Row, keys: Key[]) {
  const f = r.figures;
  const pg = f.postgraphile!;
  const ratios = keys.filter((k) => k === 'sqlite' || k === 'postgres').map((k) => {
    const x = f[k]!.rps / pg.rps;
    return `${fmt(x, 2)}${x >= 1 ? ' ✓' : ' ✗'}`;
  });
  const col = (pick: (x: Figures) => string) => keys.map((k) => pick(f[k]!)).join(' / ');
  console.log(`| ${r.op} | ${col((x) => fmt(x.rps))} | ${ratios.join(' | ')} | ${col((x) => fmt(x.p50, 1))} | ${col((x) => fmt(x.p99, 1))} | ${col((x) => String(x.statements))} |`);
}

if (!fs.existsSync(MIGRATIONS)) {
  throw new Error('prisma/postgresql/migrations is missing: this checkout has no PostgreSQL migration set yet (it comes with the PostgreSQL port)');
}
ensureKit();
console.log(`dossier vs PostGraphile · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · ${new Date().toISOString()}`);
const cluster = await startCluster();
const results = [];
try {
  for (const size of SIZES) results.push(await benchSize(size, cluster));
} finally {
  cluster.stop();
}
console.log('target (issue 12): dossier ≥ PostGraphile on the nested request page and on documents(first: 20) — the ÷ PostGraphile columns, ✓ where met');
if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, date: new Date().toISOString(), results }, null, 2));
