/**
 * `npm run bench`: dossier against the floor (the same answers from hand-written SQL, bench/floor in
 * bench/servers.ts), per corpus size, in one process tree.
 *
 *   npm run bench -- [--sizes seed,1k,10k,100k] [--rounds 3] [--duration 2] [--only <operation>|stall] [--json out.json] [--no-cache]
 *
 * For each size: builds (or reuses) a synthetic corpus (bench/corpus.ts) in the corpus directory
 * (BENCH_DIR, default the system temp directory), upgrades it with the project's migrations, starts
 * dossier and the floor as child processes over that one file, checks
 * that every operation the floor answers gets the same `data` from dossier, then measures in rounds,
 * alternating the servers so that a noisy neighbour hits all of them alike: throughput at 8 connections
 * and p50/p99 latency at 1 connection (autocannon), SQL statements per operation, resident memory; then
 * the stall check: p99 of /healthz and a title list at idle and while a heavy read loops, for dossier
 * with and without read workers.
 * Ratios (dossier ÷ floor) are the figures to compare across machines; absolute times are not.
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
import { OPERATIONS, type Operation, type Params } from './operations.ts';
import { EDITOR, paramsOf } from './params.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('sizes', 'seed,1k,10k,100k').split(',').map((s) => s.trim()).filter(Boolean);
const ROUNDS = Number(arg('rounds', '3'));
const DURATION = Number(arg('duration', '2'));
// A third server, dossier with its response cache on, measured warm (every read after the first is a
// hit); `--no-cache` leaves it out. The `req/s` and latency columns of dossier are uncached.
const CACHE = !process.argv.includes('--no-cache');
const JSON_OUT = arg('json', '');
const ONLY = arg('only', '');
const DIR = process.env.BENCH_DIR || path.join(os.tmpdir(), 'dossier-bench');

const docsOf = (size: string) => {
  if (size === 'seed') return 0;
  const m = /^(\d+)(k?)$/.exec(size);
  if (!m) throw new Error(`--sizes: "${size}" is not seed, N or Nk`);
  return Number(m[1]) * (m[2] ? 1000 : 1);
};

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  startMs: number;
  stats(reset?: boolean): Promise<{ statements: number; rss: number; peakRss: number }>;
  stop(): Promise<void>;
}

/** The floor (bench/servers.ts) as a child process. */
async function startFloor(name: string, file: string): Promise<Server> {
  const started = performance.now();
  const child = fork(path.join(here, 'servers.ts'), ['floor', file], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  const startMs = performance.now() - started;
  return {
    name, url, child, startMs,
    stats: (reset = false) => new Promise((resolve) => {
      child.once('message', (m: { statements: number; rss: number; peakRss: number }) => resolve(m));
      child.send({ type: reset ? 'reset' : 'stats' });
    }),
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/**
 * dossier exactly as `npm start` runs it: `node dist/src/main.js` (the bundle `npm run build` makes),
 * over the corpus, silent, with the benchmark's editor token. Ready when /healthz answers (that time is
 * the start-up figure). Statements are counted from its /metrics (the statement histogram's count),
 * memory read from /proc (VmRSS now, VmHWM the peak, reset by writing 5 to clear_refs).
 */
async function startCompiled(name: string, file: string, env: Record<string, string> = {}): Promise<Server> {
  const main = path.join(here, '..', 'dist', 'src', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const n = (s.address() as net.AddressInfo).port; s.close(() => resolve(n)); });
  });
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    cwd: path.join(here, '..'),
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: `file:${file}`, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      SEED_IF_EMPTY: 'false', DOSSIER_TOKENS: `bench:editor:${EDITOR}`, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) break;
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
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

const operationName = (op: Operation) => /^(?:query|mutation) (\w+)/.exec(op.query)![1]!;
const body = (op: Operation, p: Params, i = 0) => JSON.stringify({ query: op.query, operationName: operationName(op), variables: op.variables(p, i) });
const headers = (op: Operation) => ({ 'content-type': 'application/json', ...(op.kind === 'write' ? { authorization: `Bearer ${EDITOR}` } : {}) });

async function post(server: Server, op: Operation, p: Params) {
  const res = await fetch(server.url, { method: 'POST', headers: headers(op), body: body(op, p) });
  const json = (await res.json()) as { data?: unknown; errors?: unknown };
  if (json.errors || res.status !== 200) throw new Error(`${server.name} failed ${op.name}: ${res.status} ${JSON.stringify(json.errors)}`);
  return json.data;
}

/**
 * CPU time (user + system, ms) a server process has used so far, from /proc where there is one. CPU per
 * request is the figure that survives a shared machine: other processes' load lowers every server's
 * throughput unevenly, but not the CPU each request costs.
 */
function cpuMsOf(server: Server): number {
  try {
    const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return NaN;
  }
}

/** Throughput with `connections` in flight (autocannon), and the server's CPU per request meanwhile. */
async function throughput(server: Server, op: Operation, p: Params, connections: number) {
  let i = 0;
  const cpuBefore = cpuMsOf(server);
  const result = await autocannon({
    url: server.url,
    connections,
    duration: DURATION,
    method: 'POST',
    headers: headers(op),
    // Writes get a fresh body each time (a new request each); reads the same one.
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body(op, p, i++) }) }],
  }) as { requests: { average: number; total: number }; non2xx: number; errors: number };
  if (result.non2xx || result.errors) throw new Error(`${server.name} ${op.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors under load`);
  return { rps: result.requests.average, cpu: (cpuMsOf(server) - cpuBefore) / Math.max(1, result.requests.total) };
}

/** One request on a kept-alive connection, timed in fractions of a millisecond (autocannon rounds to 1 ms). */
function timed(server: Server, op: Operation, text: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(server.url, { method: 'POST', agent, headers: { ...headers(op), 'content-length': Buffer.byteLength(text) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${server.name} ${op.name}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** p50 and p99 of requests sent one at a time for DURATION seconds. */
async function latency(server: Server, op: Operation, p: Params) {
  const times: number[] = [];
  const until = performance.now() + DURATION * 1000;
  // A fresh connection per measurement: a kept-alive one idle past the server's timeout is reset.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; performance.now() < until || times.length < 5; i++) times.push(await timed(server, op, body(op, p, i), agent));
  } finally {
    agent.destroy();
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

/**
 * "No single read stalls the others": p99 of /healthz and of a title list, one request at a time, at
 * idle and while a heavy read (a common-word search) runs back to back on another connection. Ratio
 * loaded ÷ idle, target ≤ 2. Measured for dossier as configured and with READ_WORKERS=0 (every
 * statement on the one JS thread, as before the read pool).
 */
async function stall(server: Server, p: Params) {
  const titles = OPERATIONS.find((o) => o.name.startsWith('documents(first: 20)'))!;
  const heavy = OPERATIONS.find((o) => o.name === 'search (common words)')!;
  const healthz = server.url.replace(/\/graphql$/, '/healthz');
  const getHealthz = (agent: http.Agent) => new Promise<number>((resolve, reject) => {
    const started = performance.now();
    http.get(healthz, { agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`/healthz: HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
  const p99Of = async (run: (agent: http.Agent) => Promise<number>) => {
    const times: number[] = [];
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const until = performance.now() + DURATION * 1000;
    try {
      while (performance.now() < until || times.length < 20) times.push(await run(agent));
    } finally {
      agent.destroy();
    }
    times.sort((a, b) => a - b);
    return { p99: times[Math.min(times.length - 1, Math.floor(0.99 * times.length))]!, n: times.length };
  };
  const measure = async () => ({
    healthz: await p99Of(getHealthz),
    titles: await p99Of((agent) => timed(server, titles, body(titles, p), agent)),
  });
  const idle = await measure();
  let running = true;
  let heavyRuns = 0;
  const heavyAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const loop = (async () => {
    while (running) {
      await timed(server, heavy, body(heavy, p), heavyAgent);
      heavyRuns++;
    }
  })();
  const loaded = await measure();
  running = false;
  await loop;
  heavyAgent.destroy();
  return { idle, loaded, heavyRuns };
}

async function stallSection(work: string, p: Params, dossier: Server) {
  const single = await startCompiled('dossier READ_WORKERS=0', work, { READ_WORKERS: '0', RESPONSE_CACHE_MB: '0' });
  try {
    console.log(`\n### stall: p99 ms at 1 connection, idle → while a common-word search runs back to back (target: ratio ≤ 2)`);
    console.log('| server | /healthz idle → loaded | ratio | documents(first: 20) idle → loaded | ratio | heavy reads done |');
    console.log('|---|---:|---:|---:|---:|---:|');
    const out: Record<string, unknown> = {};
    for (const [label, server] of [['dossier (read workers)', dossier], ['dossier, READ_WORKERS=0', single]] as const) {
      const r = await stall(server, p);
      const ratio = (a: { p99: number }, b: { p99: number }) => b.p99 / a.p99;
      const mark = (x: number) => `${fmt(x, 2)}${x <= 2 ? ' ✓' : ' ✗'}`;
      console.log(`| ${label} | ${fmt(r.idle.healthz.p99, 1)} → ${fmt(r.loaded.healthz.p99, 1)} | ${mark(ratio(r.idle.healthz, r.loaded.healthz))} | `
        + `${fmt(r.idle.titles.p99, 1)} → ${fmt(r.loaded.titles.p99, 1)} | ${mark(ratio(r.idle.titles, r.loaded.titles))} | ${r.heavyRuns} |`);
      out[label] = r;
    }
    return out;
  } finally {
    await single.stop();
  }
}

interface Row {
  op: string;
  kind: string;
  dossier: { rps: number; cpu: number; p50: number; p99: number; statements: number };
  cached?: { rps: number; cpu: number; p50: number; p99: number };
  floor?: { rps: number; cpu: number; p50: number; p99: number; statements: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 0) => n.toFixed(d);

async function benchSize(size: string) {
  const documents = docsOf(size);
  fs.mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `corpus-${documents}.db`);
  if (!fs.existsSync(file)) {
    console.log(`building the ${size} corpus (${documents} synthetic documents) in ${file} …`);
    await buildCorpus(file, documents, 1);
  }
  // A corpus built by an older checkout gets this checkout's migrations (new indexes) first.
  await deployMigrations(`file:${file}`);
  const work = path.join(DIR, `run-${documents}.db`);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
  // The writes go to a copy, so the corpus stays as built (online backup: WAL-safe).
  { const src = new Database(file); await src.backup(work); src.close(); }
  const p = paramsOf(work);

  // Uncached: `npm start` turns the response cache on by default; these figures are the pipeline's own.
  const dossier = await startCompiled('dossier', work, { RESPONSE_CACHE_MB: '0' });
  const floor = await startFloor('floor', work);
  const cached = CACHE ? await startCompiled('dossier+cache', work) : null;
  const rssAfterStart = (await dossier.stats()).rss;
  try {
    const ops = OPERATIONS.filter((o) => !ONLY || (ONLY !== 'stall' && o.name.includes(ONLY)));
    // Correctness first: a benchmark comparing different answers is worthless.
    for (const op of ops.filter((o) => o.floor)) {
      const [a, b] = [await post(dossier, op, p), await post(floor, op, p)];
      assert.deepEqual(a, b, `dossier and the floor disagree on ${op.name}`);
      if (cached) assert.deepEqual(await post(cached, op, p), b, `the cached dossier disagrees on ${op.name}`);
    }
    const rows: Row[] = [];
    for (const op of ops) {
      const count = async (s: Server) => { await s.stats(true); await post(s, op, p); return (await s.stats()).statements; };
      const targets: [string, Server][] = [['dossier', dossier], ...(op.floor ? [['floor', floor] as [string, Server]] : []),
        ...(cached && op.kind !== 'write' ? [['cached', cached] as [string, Server]] : [])];
      const runs: Record<string, { rps: number[]; cpu: number[]; p50: number[]; p99: number[] }> = {};
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 ? [...targets].reverse() : targets;
        for (const [key, s] of order) {
          const r = (runs[key] ??= { rps: [], cpu: [], p50: [], p99: [] });
          const t = await throughput(s, op, p, 8);
          r.rps.push(t.rps);
          r.cpu.push(t.cpu);
          const lat = await latency(s, op, p);
          r.p50.push(lat.p50);
          r.p99.push(lat.p99);
        }
      }
      const m = (key: string) => runs[key] && { rps: median(runs[key].rps), cpu: median(runs[key].cpu), p50: median(runs[key].p50), p99: median(runs[key].p99) };
      rows.push({
        op: op.name, kind: op.kind,
        dossier: { ...m('dossier')!, statements: await count(dossier) },
        ...(op.floor ? { floor: { ...m('floor')!, statements: await count(floor) } } : {}),
        ...(runs.cached ? { cached: m('cached') } : {}),
      });
      printRow(rows.at(-1)!);
    }
    const stallFigures = !ONLY || ONLY === 'stall' ? await stallSection(work, p, dossier) : null;
    const d = await dossier.stats();
    const f = await floor.stats();
    const c = cached ? await cached.stats() : null;
    const summary = {
      size, documents, rows, stall: stallFigures,
      startMs: { dossier: dossier.startMs, floor: floor.startMs },
      rssMb: { dossierAfterStart: rssAfterStart / 2 ** 20, dossierPeak: d.peakRss / 2 ** 20, cachedPeak: c ? c.peakRss / 2 ** 20 : null, floorPeak: f.peakRss / 2 ** 20 },
    };
    console.log(`start-up to a healthy /healthz: dossier ${fmt(dossier.startMs)} ms (compiled, as \`npm start\` runs it), floor ${fmt(floor.startMs)} ms to listening (tsx)`);
    console.log(`RSS: dossier ${fmt(summary.rssMb.dossierAfterStart)} MB after start, ${fmt(summary.rssMb.dossierPeak)} MB peak; `
      + `${c ? `with cache ${fmt(summary.rssMb.cachedPeak!)} MB peak; ` : ''}floor ${fmt(summary.rssMb.floorPeak)} MB peak\n`);
    return summary;
  } finally {

    await Promise.all([dossier.stop(), floor.stop(), cached?.stop()]);
    for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
  }
}

function header(size: string) {
  console.log(`\n## ${size}: ${ROUNDS} rounds × ${DURATION} s per measurement, servers alternated; medians`);
  console.log('| operation | req/s @8 dossier | floor | ratio | target | cached | ratio (≥ 0.8) | p50 ms @1 dossier / floor | p99 ms @1 dossier / floor | p50 / p99 ms cached | SQL statements dossier / floor | CPU ms/req @8 dossier / floor / cached | CPU ratio floor ÷ dossier, ÷ cached |');
  console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
}

function printRow(r: Row) {
  const target = r.kind === 'write' ? '—' : r.kind === 'trivial' ? '≥ 0.25' : '≥ 0.5';
  const ratio = r.floor ? r.dossier.rps / r.floor.rps : null;
  const met = ratio === null ? '' : ratio >= (r.kind === 'trivial' ? 0.25 : 0.5) ? ' ✓' : ' ✗';
  const cratio = r.floor && r.cached ? r.cached.rps / r.floor.rps : null;
  console.log(`| ${r.op} | ${fmt(r.dossier.rps)} | ${r.floor ? fmt(r.floor.rps) : 'n/a'} | ${ratio === null ? '—' : fmt(ratio, 2) + met} | ${target} | `
    + `${r.cached ? fmt(r.cached.rps) : '—'} | ${cratio === null ? '—' : fmt(cratio, 2) + (cratio >= 0.8 ? ' ✓' : ' ✗')} | `
    + `${fmt(r.dossier.p50, 1)} / ${r.floor ? fmt(r.floor.p50, 2) : '—'} | ${fmt(r.dossier.p99, 1)} / ${r.floor ? fmt(r.floor.p99, 2) : '—'} | `
    + `${r.cached ? `${fmt(r.cached.p50, 2)} / ${fmt(r.cached.p99, 2)}` : '—'} | `
    + `${r.dossier.statements} / ${r.floor ? r.floor.statements : '—'} | `
    + `${fmt(r.dossier.cpu, 2)} / ${r.floor ? fmt(r.floor.cpu, 2) : '—'} / ${r.cached ? fmt(r.cached.cpu, 2) : '—'} | `
    + `${r.floor ? `${fmt(r.floor.cpu / r.dossier.cpu, 2)}, ${r.cached ? fmt(r.floor.cpu / r.cached.cpu, 2) : '—'}` : '—'} |`);
}

const results = [];
console.log(`dossier benchmark · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · ${new Date().toISOString()}`);
for (const size of SIZES) {
  header(size);
  results.push(await benchSize(size));
}
// Flat in corpus size: p50 at the largest size within 2× of p50 at 1k, for every list.
const small = results.find((r) => r.documents === 1000);
const large = results.at(-1);
if (small && large && large !== small) {
  console.log(`\n## flatness: p50 at ${large.size} ÷ p50 at 1k (target ≤ 2)`);
  for (const row of large.rows.filter((r) => r.kind !== 'write')) {
    const base = small.rows.find((r) => r.op === row.op);
    if (base) console.log(`| ${row.op} | ${fmt(base.dossier.p50, 1)} ms → ${fmt(row.dossier.p50, 1)} ms | ${fmt(row.dossier.p50 / base.dossier.p50, 2)}${row.dossier.p50 / base.dossier.p50 <= 2 ? ' ✓' : ' ✗'} |`);
  }
}
if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, date: new Date().toISOString(), results }, null, 2));
