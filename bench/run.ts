/**
 * `npm run bench`: dossier against the floor (the same answers from hand-written SQL, bench/floor in
 * bench/servers.ts), per corpus size, in one process tree.
 *
 *   npm run bench -- [--sizes seed,1k,10k,100k] [--rounds 3] [--duration 2] [--warm 1] [--samples 300] [--only <part of a name>[|<another>…]|stall] [--json out.json] [--no-cache]
 *                    [--database postgresql://user@host:port/database]
 *
 * With `--database`, dossier runs on PostgreSQL: for each size the corpus copy is loaded (as
 * `npm run bench:pg-load` does: the PostgreSQL migration set, COPY per table, row counts compared) into a
 * database `dossier_bench_<documents>` created on that server (dropped first if it exists, dropped again
 * once measured; the URL's own database is only used to connect), and both dossier servers run with
 * `DATABASE_URL` pointing at it. The floor is the same hand-written SQLite over the same data, the
 * equality check the same; the stall check has no READ_WORKERS=0 variant there (read workers are SQLite's).
 * The headers say which store was measured.
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
import http from 'node:http';
import { isPostgresUrl } from '../src/config.ts';
import {
  arg, fmt, latency, loadIntoPostgres, machineLine, median, mustStartDossier, operationName, p99, post as postLoad, redact, sizesArg,
  startFloor, throughput, timed, warmUp, workCopy, writeJson, type Load, type Server,
} from './harness.ts';
import { pgKit } from './pg-kit.ts';
import { OPERATIONS, type Operation, type Params } from './operations.ts';
import { EDITOR, paramsOf } from './params.ts';

const SIZES = sizesArg('seed,1k,10k,100k');
const ROUNDS = Number(arg('rounds', '3'));
const DURATION = Number(arg('duration', '2'));
// A third server, dossier with its response cache on, measured warm (every read after the first is a
// hit); `--no-cache` leaves it out. The `req/s` and latency columns of dossier are uncached.
const CACHE = !process.argv.includes('--no-cache');
const JSON_OUT = arg('json', '');
const ONLY = arg('only', '');
// `--database postgresql://…`: dossier runs on PostgreSQL instead (see the header comment).
const DATABASE = arg('database', '');
if (DATABASE && !isPostgresUrl(DATABASE)) throw new Error(`--database takes a PostgreSQL URL (postgresql://user@host:port/database), got "${redact(DATABASE)}"`);

const load = (op: Operation, p: Params): Load => ({
  body: (i) => JSON.stringify({ query: op.query, operationName: operationName(op.query), variables: op.variables(p, i) }),
  headers: { 'content-type': 'application/json', ...(op.kind === 'write' ? { authorization: `Bearer ${EDITOR}` } : {}) },
});
const post = (server: Server, op: Operation, p: Params) => postLoad(server, load(op, p), op.name);

/**
 * The floor's answer where dossier must give exactly that. On PostgreSQL, search differs on purpose
 * (ts_rank_cd scores, ts_headline snippets, English stop words not indexed: README "PostgreSQL"), so it
 * cannot equal the floor's FTS5 answer and is measured for dossier alone there.
 */
const floorOf = (op: Operation) => (DATABASE && op.name.startsWith('search') ? undefined : op.floor);

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
    return { p99: p99(times), n: times.length };
  };
  const measure = async () => ({
    healthz: await p99Of(getHealthz),
    titles: await p99Of((agent) => timed(server, load(titles, p).body(0), load(titles, p).headers, agent, titles.name)),
  });
  const idle = await measure();
  let running = true;
  let heavyRuns = 0;
  const heavyAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const loop = (async () => {
    while (running) {
      await timed(server, load(heavy, p).body(0), load(heavy, p).headers, heavyAgent, heavy.name);
      heavyRuns++;
    }
  })();
  const loaded = await measure();
  running = false;
  await loop;
  heavyAgent.destroy();
  return { idle, loaded, heavyRuns };
}

async function stallSection(databaseUrl: string, p: Params, dossier: Server) {
  // Read workers are SQLite's: on PostgreSQL every statement already runs on the database's own
  // processes, so there is no single-thread variant to compare with.
  const single = DATABASE ? null : await mustStartDossier('dossier READ_WORKERS=0', databaseUrl, { READ_WORKERS: '0', RESPONSE_CACHE_MB: '0' });
  try {
    console.log(`\n### stall: p99 ms at 1 connection, idle → while a common-word search runs back to back (target: ratio ≤ 2)`);
    console.log('| server | /healthz idle → loaded | ratio | documents(first: 20) idle → loaded | ratio | heavy reads done |');
    console.log('|---|---:|---:|---:|---:|---:|');
    const out: Record<string, unknown> = {};
    const servers: [string, Server][] = single ? [['dossier (read workers)', dossier], ['dossier, READ_WORKERS=0', single]] : [['dossier (PostgreSQL)', dossier]];
    for (const [label, server] of servers) {
      const r = await stall(server, p);
      const ratio = (a: { p99: number }, b: { p99: number }) => b.p99 / a.p99;
      const mark = (x: number) => `${fmt(x, 2)}${x <= 2 ? ' ✓' : ' ✗'}`;
      console.log(`| ${label} | ${fmt(r.idle.healthz.p99, 1)} → ${fmt(r.loaded.healthz.p99, 1)} | ${mark(ratio(r.idle.healthz, r.loaded.healthz))} | `
        + `${fmt(r.idle.titles.p99, 1)} → ${fmt(r.loaded.titles.p99, 1)} | ${mark(ratio(r.idle.titles, r.loaded.titles))} | ${r.heavyRuns} |`);
      out[label] = r;
    }
    return out;
  } finally {
    await single?.stop();
  }
}

interface Row {
  op: string;
  kind: string;
  dossier: { rps: number; cpu: number; p50: number; p99: number; statements: number };
  cached?: { rps: number; cpu: number; p50: number; p99: number };
  floor?: { rps: number; cpu: number; p50: number; p99: number; statements: number };
}

async function benchSize(size: string) {
  // A corpus built by an older checkout gets this checkout's migrations (new indexes) first; the writes
  // go to a copy, so the corpus stays as built.
  const { documents, work, remove } = await workCopy(size, 'run', 'corpus');
  const p = paramsOf(work);
  // On PostgreSQL: the copy loaded into a database of its own on that server; the floor reads the copy.
  const pgDatabase = `dossier_bench_${documents}`;
  try {
    const pg = DATABASE ? await loadIntoPostgres(work, DATABASE, pgDatabase, size) : null;
    return await measureSize(size, documents, work, p, pg, pgDatabase);
  } finally {
    remove();
    if (DATABASE) await dropDatabase(DATABASE, pgDatabase);
  }
}

async function measureSize(size: string, documents: number, work: string, p: Params,
  pg: Awaited<ReturnType<typeof loadIntoPostgres>> | null, pgDatabase: string) {
  const databaseUrl = pg ? pg.url : `file:${work}`;
  const store = pg ? `dossier on PostgreSQL ${pg.version} (database ${pgDatabase} at ${redact(DATABASE).replace(/\/[^/]*$/, '')}; its own processes' memory not counted)`
    : 'dossier on SQLite (a copy of the corpus file)';

  // Uncached: `npm start` turns the response cache on by default; these figures are the pipeline's own.
  const dossier = await mustStartDossier('dossier', databaseUrl, { RESPONSE_CACHE_MB: '0' });
  const floor = await startFloor('floor', work);
  const cached = CACHE ? await mustStartDossier('dossier+cache', databaseUrl) : null;
  const rssAfterStart = (await dossier.stats()).rss;
  try {
    // --only 'a|b': the operations whose names contain a or b.
    const ops = OPERATIONS.filter((o) => !ONLY || (ONLY !== 'stall' && ONLY.split('|').some((part) => part && o.name.includes(part))));
    // Correctness first: a benchmark comparing different answers is worthless.
    for (const op of ops.filter(floorOf)) {
      const [a, b] = [await post(dossier, op, p), await post(floor, op, p)];
      assert.deepEqual(a, b, `dossier and the floor disagree on ${op.name}`);
      if (cached) assert.deepEqual(await post(cached, op, p), b, `the cached dossier disagrees on ${op.name}`);
    }
    for (const op of ops.filter((o) => o.floor && !floorOf(o))) {
      const total = (d: Record<string, unknown>) => (d.search as { totalCount: number }).totalCount;
      console.log(`${op.name.trim()}: dossier alone here (not comparable with the floor's FTS5 answer); finds ${total(await post(dossier, op, p))} documents, the floor ${total(await post(floor, op, p))}`);
    }
    header(size, store);
    const rows: Row[] = [];
    for (const op of ops) {
      const count = async (s: Server) => { await s.stats(true); await post(s, op, p); return (await s.stats()).statements; };
      const targets: [string, Server][] = [['dossier', dossier], ...(floorOf(op) ? [['floor', floor] as [string, Server]] : []),
        ...(cached && op.kind !== 'write' ? [['cached', cached] as [string, Server]] : [])];
      const runs: Record<string, { rps: number[]; cpu: number[]; p50: number[]; p99: number[] }> = {};
      for (const [, s] of targets) await warmUp(s, load(op, p), op.name);
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 ? [...targets].reverse() : targets;
        for (const [key, s] of order) {
          const r = (runs[key] ??= { rps: [], cpu: [], p50: [], p99: [] });
          const t = await throughput(s, load(op, p), op.name, 8, DURATION);
          r.rps.push(t.rps);
          r.cpu.push(t.cpu);
          const lat = await latency(s, load(op, p), op.name, DURATION);
          r.p50.push(lat.p50);
          r.p99.push(lat.p99);
        }
      }
      const m = (key: string) => runs[key] && { rps: median(runs[key].rps), cpu: median(runs[key].cpu), p50: median(runs[key].p50), p99: median(runs[key].p99) };
      rows.push({
        op: op.name, kind: op.kind,
        dossier: { ...m('dossier')!, statements: await count(dossier) },
        ...(floorOf(op) ? { floor: { ...m('floor')!, statements: await count(floor) } } : {}),
        ...(runs.cached ? { cached: m('cached') } : {}),
      });
      printRow(rows.at(-1)!);
    }
    const stallFigures = !ONLY || ONLY === 'stall' ? await stallSection(databaseUrl, p, dossier) : null;
    const d = await dossier.stats();
    const f = await floor.stats();
    const c = cached ? await cached.stats() : null;
    const summary = {
      size, documents, store: pg ? `PostgreSQL ${pg.version}` : 'SQLite', ...(pg ? { pgLoad: pg.load } : {}), rows, stall: stallFigures,
      startMs: { dossier: dossier.startMs, floor: floor.startMs },
      rssMb: { dossierAfterStart: rssAfterStart / 2 ** 20, dossierPeak: d.peakRss / 2 ** 20, cachedPeak: c ? c.peakRss / 2 ** 20 : null, floorPeak: f.peakRss / 2 ** 20 },
    };
    console.log(`start-up to a healthy /healthz: dossier ${fmt(dossier.startMs)} ms (compiled, as \`npm start\` runs it), floor ${fmt(floor.startMs)} ms to listening (tsx)`);
    console.log(`RSS: dossier ${fmt(summary.rssMb.dossierAfterStart)} MB after start, ${fmt(summary.rssMb.dossierPeak)} MB peak; `
      + `${c ? `with cache ${fmt(summary.rssMb.cachedPeak!)} MB peak; ` : ''}floor ${fmt(summary.rssMb.floorPeak)} MB peak\n`);
    return summary;
  } finally {
    await Promise.all([dossier.stop(), floor.stop(), cached?.stop()]);
  }
}

/** The benchmark's database on the PostgreSQL server, dropped once measured (the corpus file stays). */
async function dropDatabase(serverUrl: string, database: string) {
  const admin = new (pgKit().Client)({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
  } finally {
    await admin.end();
  }
}

function header(size: string, store: string) {
  console.log(`\n## ${size}, ${store}: ${ROUNDS} rounds × ${DURATION} s per measurement, servers alternated; medians`);
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
console.log(machineLine(`dossier benchmark on ${DATABASE ? `PostgreSQL (${redact(DATABASE)})` : 'SQLite'}`));
for (const size of SIZES) results.push(await benchSize(size));
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
if (JSON_OUT) writeJson(JSON_OUT, results);
