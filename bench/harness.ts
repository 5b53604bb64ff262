/**
 * What the benchmark runners share (`npm run bench`: bench/run.ts, `npm run bench:postgraphile`:
 * bench/pg-run.ts): their command-line options, the corpus and its working copy, loading that copy into
 * PostgreSQL, starting the servers as child processes (dossier compiled, as `npm start` runs it; the floor
 * and PostGraphile over IPC), and the measurements — throughput at N connections with the server's CPU per
 * request, p50/p99 one request at a time, medians.
 */
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
import { pgKit } from './pg-kit.ts';
import { loadCorpus } from './pg-load.ts';
import { EDITOR } from './params.ts';

export const BENCH_HERE = path.dirname(fileURLToPath(import.meta.url));
/** Where corpora are built and reused: BENCH_DIR, default the system temp directory. */
export const BENCH_DIR = process.env.BENCH_DIR || path.join(os.tmpdir(), 'dossier-bench');

/** `--name value` from the command line, or the fallback. */
export const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
export const sizesArg = (fallback: string) => arg('sizes', fallback).split(',').map((s) => s.trim()).filter(Boolean);

/** Documents in a corpus size: seed (0: the seed texts only), N or Nk. */
export const docsOf = (size: string) => {
  if (size === 'seed') return 0;
  const m = /^(\d+)(k?)$/.exec(size);
  if (!m) throw new Error(`--sizes: "${size}" is not seed, N or Nk`);
  return Number(m[1]) * (m[2] ? 1000 : 1);
};

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const fmt = (n: number | undefined, d = 0) => (n === undefined ? '—' : n.toFixed(d));
export const operationName = (query: string) => /^(?:query|mutation) (\w+)/.exec(query)![1]!;
export const machineLine = (title: string) => `${title} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · ${new Date().toISOString()}`;
export const writeJson = (file: string, results: unknown) => fs.writeFileSync(file, JSON.stringify({
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, date: new Date().toISOString(), results,
}, null, 2));

/** A database URL with its password, if any, replaced, for headers and logs. */
export const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * The corpus of `size` (built if missing) and a working copy the servers use, so the corpus stays as built
 * (online backup: WAL-safe); the copy is deleted by `remove()`. `migrate: 'corpus'` brings the corpus
 * itself up to this checkout's migrations before copying (once, not every run: `npm run bench`);
 * `'copy'` leaves the corpus untouched and migrates the copy.
 */
export async function workCopy(size: string, prefix: string, migrate: 'corpus' | 'copy') {
  const documents = docsOf(size);
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const corpus = path.join(BENCH_DIR, `corpus-${documents}.db`);
  if (!fs.existsSync(corpus)) {
    console.log(`building the ${size} corpus (${documents} synthetic documents) in ${corpus} …`);
    await buildCorpus(corpus, documents, 1);
  }
  if (migrate === 'corpus') await deployMigrations(`file:${corpus}`);
  const work = path.join(BENCH_DIR, `${prefix}-${documents}.db`);
  const remove = () => { for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true }); };
  remove();
  { const src = new Database(corpus, { readonly: migrate === 'copy' }); await src.backup(work); src.close(); }
  if (migrate === 'copy') await deployMigrations(`file:${work}`);
  return { documents, corpus, work, remove };
}

/**
 * A fresh database `database` on the PostgreSQL server of `serverUrl` (dropped first if it exists) with
 * the SQLite file `from` loaded into it (bench/pg-load.ts: the PostgreSQL migration set, COPY per table,
 * ANALYZE, row counts and text lengths compared). Prints one line about the load; returns its URL.
 */
export async function loadIntoPostgres(from: string, serverUrl: string, database: string, label: string) {
  const admin = new (pgKit().Client)({ connectionString: serverUrl });
  await admin.connect();
  let version = '';
  try {
    version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '';
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  const url = u.toString();
  console.log(`loading the ${label} corpus into PostgreSQL ${version} (database ${database}) …`);
  const load = await loadCorpus(from, url, () => {});
  const rows = load.tables.reduce((n, t) => n + t.rows, 0);
  const slowest = [...load.tables].sort((a, b) => b.ms - a.ms).slice(0, 3).map((t) => `${t.table} ${fmt(t.ms / 1000, 1)} s`).join(', ');
  console.log(`loaded ${rows} rows in ${load.tables.length} tables in ${fmt(load.ms / 1000, 1)} s (slowest: ${slowest}); row counts and text lengths equal`
    + `${load.skippedTables.length ? `; not in the PostgreSQL schema: ${load.skippedTables.map((t) => `${t.table} (${t.rows} rows)`).join(', ')}` : ''}`
    + `${load.kept.length ? `; kept as the migrations made them: ${load.kept.map((t) => t.table).join(', ')}` : ''}`);
  return { url, version, load: { ms: load.ms, rows, tables: load.tables, skippedTables: load.skippedTables } };
}

export interface Stats { statements: number; rss: number; peakRss: number }

export interface Server {
  name: string;
  /** The GraphQL endpoint. */
  url: string;
  child: ChildProcess;
  /** Start-up time: to a healthy /healthz (dossier), to listening (IPC servers). */
  startMs: number;
  /** SQL statements since the last reset, resident memory now and at peak (since start or the last reset). */
  stats(reset?: boolean): Promise<Stats>;
  stop(): Promise<void>;
}

export const freePort = () => new Promise<number>((resolve, reject) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const n = (s.address() as net.AddressInfo).port; s.close(() => resolve(n)); });
  s.on('error', reject);
});

export const stopChild = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});

/**
 * A child that speaks bench/servers.ts's IPC protocol: sends `{ url }` when listening, and its statement
 * count and memory when sent `stats` or `reset` (the floor; PostGraphile's bench/postgraphile/server.mjs).
 */
export async function startIpc(name: string, child: ChildProcess): Promise<Server> {
  const started = performance.now();
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return {
    name, url, child, startMs: performance.now() - started,
    stats: (reset = false) => new Promise((resolve) => {
      child.once('message', (m: Stats) => resolve(m));
      child.send({ type: reset ? 'reset' : 'stats' });
    }),
    stop: () => stopChild(child),
  };
}

/** The floor (bench/servers.ts) over a SQLite file, as a child process. */
export const startFloor = (name: string, file: string) =>
  startIpc(name, fork(path.join(BENCH_HERE, 'servers.ts'), ['floor', file], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));

/**
 * dossier exactly as `npm start` runs it: `node dist/src/main.js` (the bundle `npm run build` makes), over
 * `databaseUrl`, silent, with the benchmark's editor token and `env` on top. Ready when /healthz answers
 * (that time is the start-up figure). Statements are counted from its /metrics (the statement histogram's
 * count), memory read from /proc (VmRSS now, VmHWM the peak, reset by writing 5 to clear_refs).
 * Resolves to the reason it gave instead when it exits before /healthz answers (a checkout whose server
 * does not take that URL): the caller decides whether that is fatal.
 */
export async function startDossier(name: string, databaseUrl: string, env: Record<string, string> = {},
  main = path.join(BENCH_HERE, '..', 'dist', 'src', 'main.js')): Promise<Server | { refused: string }> {
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    cwd: path.join(BENCH_HERE, '..'),
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      SEED_IF_EMPTY: 'false', DOSSIER_TOKENS: `bench:editor:${EDITOR}`, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', ...env },
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
    name, url: `${origin}/graphql`, child, startMs,
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

/** startDossier, failing when the server refuses to start. */
export async function mustStartDossier(name: string, databaseUrl: string, env: Record<string, string> = {}, main?: string): Promise<Server> {
  const s = await startDossier(name, databaseUrl, env, main);
  if ('refused' in s) throw new Error(`${name} did not start: ${s.refused}`);
  return s;
}

/** What one measurement sends: the i-th request body (writes need a fresh one each) and the headers. */
export interface Load {
  body(i: number): string;
  headers: Record<string, string>;
}

/** POSTs the load's first body; the response's `data`, or an error naming the server and what failed. */
export async function post(server: Server, load: Load, what: string): Promise<Record<string, unknown>> {
  const res = await fetch(server.url, { method: 'POST', headers: load.headers, body: load.body(0) });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (json.errors || res.status !== 200) throw new Error(`${server.name} failed ${what}: ${res.status} ${JSON.stringify(json.errors)}`);
  return json.data!;
}

/**
 * CPU time (user + system, ms) a server process has used so far, from /proc where there is one. CPU per
 * request is the figure that survives a shared machine: other processes' load lowers every server's
 * throughput unevenly, but not the CPU each request costs.
 */
export function cpuMsOf(server: Server): number {
  try {
    const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return NaN;
  }
}

/** Throughput with `connections` in flight for `duration` s (autocannon), and the server's CPU per request meanwhile. */
export async function throughput(server: Server, load: Load, what: string, connections: number, duration: number) {
  let i = 0;
  const cpuBefore = cpuMsOf(server);
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    method: 'POST',
    headers: load.headers,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: load.body(i++) }) }],
  }) as { requests: { average: number; total: number }; non2xx: number; errors: number };
  if (result.non2xx || result.errors) throw new Error(`${server.name} ${what}: ${result.non2xx} non-2xx responses, ${result.errors} errors under load`);
  const measured = { rps: result.requests.average, requests: Math.max(1, result.requests.total), cpu: (cpuMsOf(server) - cpuBefore) / Math.max(1, result.requests.total) };
  await settle(server);
  return measured;
}

/**
 * Waits until the server has finished the requests a load left in flight. autocannon stops at the end
 * of its duration without waiting for the responses it still expects, and a server goes on answering
 * them: up to `connections` slow requests (8 common-word searches: ~1.5 s on a one-thread server). The
 * next measurement — this server's latency at one connection, or the other server's throughput on the
 * same cores — would start behind that backlog: the common-word search's "p99" at one connection was the
 * first request, queued behind the eight (0.8–1.7 s for every server). Quiet: under 5 ms of CPU in 50 ms
 * (a tenth of a core), within 15 s.
 */
export async function settle(server: Server): Promise<void> {
  const until = performance.now() + 15_000;
  let last = cpuMsOf(server);
  while (performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = cpuMsOf(server);
    if (!(now - last >= 5)) return; // (NaN: the process is gone; nothing to wait for)
    last = now;
  }
}

/**
 * Seconds of load at 8 connections sent to each server on each operation before it is measured, and not
 * counted (`--warm <s>`, default 1; 0 turns it off). A server's first second on an operation is cold: V8
 * compiles the hot paths on background threads, which the process's CPU counts, so without it the first
 * round of every operation measured the compiler as much as the server (the title list: 2.2 ms of CPU per
 * request in a one-round run, ~0.75 ms warm). Every server of a run is warmed the same way.
 */
export const WARM_S = Number(arg('warm', '1'));

/** Load sent only to warm a server up on one operation (see WARM_S); its figures are dropped. */
export async function warmUp(server: Server, load: Load, what: string): Promise<void> {
  if (WARM_S > 0) await throughput(server, load, `${what} (warm-up)`, 8, WARM_S);
}

/** One request on a kept-alive connection, timed in fractions of a millisecond (autocannon rounds to 1 ms). */
export function timed(server: Server, text: string, headers: Record<string, string>, agent: http.Agent, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(server.url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(text) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${server.name} ${what}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** p99 of a sorted list of times. */
export const p99 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!;

/**
 * Requests per latency measurement, at least (`--samples <n>`, default 300), within 5 × `duration`: the
 * p99 of ~130 requests (2 s of a 15 ms operation) is its second-worst request, one scheduling hiccup on
 * a shared machine; with 300 it is the third-worst of 300. An operation too slow for that many in
 * 5 × `duration` (a 200 ms search) stops there.
 */
export const MIN_SAMPLES = Number(arg('samples', '300'));

/** p50 and p99 of requests sent one at a time for `duration` s, or until MIN_SAMPLES (within 5 × `duration`; at least 5). */
export async function latency(server: Server, load: Load, what: string, duration: number) {
  const times: number[] = [];
  const started = performance.now();
  const until = started + duration * 1000;
  const limit = started + 5 * duration * 1000;
  const more = () => {
    const now = performance.now();
    return now < until || times.length < 5 || (times.length < MIN_SAMPLES && now < limit);
  };
  // A fresh connection per measurement: a kept-alive one idle past the server's timeout is reset.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; more(); i++) times.push(await timed(server, load.body(i), load.headers, agent, what));
  } finally {
    agent.destroy();
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(0.5 * times.length)]!, p99: p99(times) };
}
