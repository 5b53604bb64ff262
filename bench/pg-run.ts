/**
 * `npm run bench:postgraphile`: dossier against PostGraphile v4 over the same data, side by side in one run.
 *
 *   npm run bench:postgraphile -- [--sizes 10k] [--rounds 3] [--duration 2] [--warm 1] [--only <part of a name>[|<another>…]] [--json out.json]
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
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  arg, fmt, latency, loadIntoPostgres, machineLine, median, operationName, post as postLoad, sizesArg, startDossier, startFloor, startIpc,
  throughput, warmUp, workCopy, writeJson, type Load, type Server,
} from './harness.ts';
import { OPERATIONS, type Params } from './operations.ts';
import { paramsOf } from './params.ts';
import { cpuDeltaMs, startCluster, type Cluster } from './pg-cluster.ts';
import { KIT_DIR, ensureKit } from './pg-kit.ts';
import { MIGRATIONS } from './pg-load.ts';
import { PG_OPERATIONS, type PgOperation } from './pg-operations.ts';

const SIZES = sizesArg('10k');
const ROUNDS = Number(arg('rounds', '3'));
const DURATION = Number(arg('duration', '2'));
const JSON_OUT = arg('json', '');
const ONLY = arg('only', '');
// --only 'a|b': the operations whose names contain a or b (as `npm run bench`).
const OPS = PG_OPERATIONS.filter((o) => !ONLY || ONLY.split('|').some((part) => part && o.name.includes(part)));

type Key = 'sqlite' | 'postgres' | 'postgraphile' | 'floor';
const LABEL: Record<Key, string> = { sqlite: 'dossier (SQLite)', postgres: 'dossier (PostgreSQL)', postgraphile: 'PostGraphile', floor: 'floor (SQLite)' };

/** A server of this comparison: which one, and how it asks each operation (PostGraphile asks its own way). */
interface Entry { key: Key; server: Server; load(op: PgOperation): Load }

const JSON_HEADERS = { 'content-type': 'application/json' };
const dossierLoad = (p: Params) => (op: PgOperation): Load => {
  const o = OPERATIONS.find((x) => x.name === op.name);
  if (!o) throw new Error(`bench/operations.ts has no operation "${op.name}"`);
  const text = JSON.stringify({ query: o.query, operationName: operationName(o.query), variables: o.variables(p, 0) });
  return { body: () => text, headers: JSON_HEADERS };
};
const postgraphileLoad = (p: Params) => (op: PgOperation): Load => {
  const text = JSON.stringify({ query: op.query, operationName: operationName(op.query), variables: op.variables(p) });
  return { body: () => text, headers: JSON_HEADERS };
};
const post = (e: Entry, op: PgOperation) => postLoad(e.server, e.load(op), op.name);

/**
 * `cpu`: the server process's CPU per request at 8 connections (ms); `dbCpu`: PostgreSQL's (all of the
 * cluster's processes) per request in the same measurement, 0 for the servers on SQLite. Their sum is
 * what one request costs the machine: the figure that survives other load on a shared machine, where
 * req/s does not (every process competes for the same cores).
 */
interface Figures { rps: number; cpu: number; dbCpu: number; p50: number; p99: number; statements: number }

/** The servers whose database work happens in the PostgreSQL cluster, not in their own process. */
const ON_POSTGRES = new Set<Key>(['postgres', 'postgraphile']);
interface Row { op: string; figures: Partial<Record<Key, Figures>> }

async function benchSize(size: string, cluster: Cluster) {
  // Everything reads a copy brought up to this checkout's migrations; the corpus file is only read.
  const { documents, work, remove } = await workCopy(size, 'pg-run', 'copy');
  const p = paramsOf(work);
  const { url: pgUrl, load } = await loadIntoPostgres(work, cluster.url, `bench_${documents}`, size);

  const entries: Entry[] = [];
  try {
    const sqlite = await startDossier(LABEL.sqlite, `file:${work}`, { RESPONSE_CACHE_MB: '0' });
    if ('refused' in sqlite) throw new Error(`dossier on SQLite did not start: ${sqlite.refused}`);
    entries.push({ key: 'sqlite', server: sqlite, load: dossierLoad(p) });
    // dossier on PostgreSQL: measured when this checkout's server takes a postgresql:// URL.
    const onPg = await startDossier(LABEL.postgres, pgUrl, { RESPONSE_CACHE_MB: '0' });
    let pgNote = '';
    if ('refused' in onPg) pgNote = `dossier on PostgreSQL: not measured, this checkout's server refused the database URL: ${onPg.refused}`;
    else entries.push({ key: 'postgres', server: onPg, load: dossierLoad(p) });
    const postgraphile = await startIpc(LABEL.postgraphile,
      fork(path.join(KIT_DIR, 'server.mjs'), [pgUrl], { cwd: KIT_DIR, execArgv: ['--no-deprecation'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    entries.push({ key: 'postgraphile', server: postgraphile, load: postgraphileLoad(p) });
    entries.push({ key: 'floor', server: await startFloor(LABEL.floor, work), load: dossierLoad(p) });
    if (pgNote) console.log(pgNote);

    // Correctness first: every server must return the floor's data (PostGraphile's mapped onto dossier's shape).
    const floor = entries.find((e) => e.key === 'floor')!;
    for (const op of OPS) {
      const expected = await post(floor, op);
      for (const e of entries.filter((x) => x.key !== 'floor')) {
        const data = await post(e, op);
        assert.deepEqual(e.key === 'postgraphile' ? op.toDossier(data) : data, expected, `${LABEL[e.key]} and the floor disagree on ${op.name}`);
      }
    }
    console.log(`all ${entries.length} servers return the same data for the ${OPS.length} operations`);

    const keys = entries.map((e) => e.key);
    header(size, keys);
    const rows: Row[] = [];
    for (const op of OPS) {
      const runs = new Map<Key, { rps: number[]; cpu: number[]; dbCpu: number[]; p50: number[]; p99: number[] }>();
      for (const e of entries) await warmUp(e.server, e.load(op), op.name);
      for (let round = 0; round < ROUNDS; round++) {
        for (const e of round % 2 ? [...entries].reverse() : entries) {
          const r = runs.get(e.key) ?? { rps: [], cpu: [], dbCpu: [], p50: [], p99: [] };
          runs.set(e.key, r);
          const dbBefore = cluster.cpu();
          const t = await throughput(e.server, e.load(op), op.name, 8, DURATION);
          r.rps.push(t.rps);
          r.cpu.push(t.cpu);
          // PostgreSQL's share of each request; the SQLite servers do their database work in-process.
          r.dbCpu.push(ON_POSTGRES.has(e.key) ? cpuDeltaMs(dbBefore, cluster.cpu()) / t.requests : 0);
          const lat = await latency(e.server, e.load(op), op.name, DURATION);
          r.p50.push(lat.p50);
          r.p99.push(lat.p99);
        }
      }
      const row: Row = { op: op.name, figures: {} };
      for (const e of entries) {
        await e.server.stats(true);
        await post(e, op);
        const r = runs.get(e.key)!;
        row.figures[e.key] = {
          rps: median(r.rps), cpu: median(r.cpu), dbCpu: median(r.dbCpu), p50: median(r.p50), p99: median(r.p99),
          statements: (await e.server.stats()).statements,
        };
      }
      rows.push(row);
      printRow(row, keys);
    }
    const memory: Partial<Record<Key, { rssMb: number; peakMb: number }>> = {};
    for (const e of entries) {
      const st = await e.server.stats();
      memory[e.key] = { rssMb: st.rss / 2 ** 20, peakMb: st.peakRss / 2 ** 20 };
    }
    console.log(`start-up: ${entries.map((e) => `${LABEL[e.key]} ${fmt(e.server.startMs)} ms`).join(', ')}`);
    console.log(`RSS peak (the server process; PostgreSQL's own processes not counted): ${entries.map((e) => `${LABEL[e.key]} ${fmt(memory[e.key]!.peakMb)} MB`).join(', ')}\n`);
    return { size, documents, load, servers: keys, pgNote, rows, memory,
      startMs: Object.fromEntries(entries.map((e) => [e.key, e.server.startMs])) };
  } finally {
    await Promise.all(entries.map((e) => e.server.stop()));
    remove();
  }
}

function header(size: string, keys: Key[]) {
  const ratios = keys.filter((k) => k === 'sqlite' || k === 'postgres');
  console.log(`\n## ${size}: ${ROUNDS} rounds × ${DURATION} s per measurement, servers alternated; medians`);
  console.log(`| operation | req/s @8: ${keys.map((k) => LABEL[k]).join(' / ')} | ${ratios.map((k) => `${LABEL[k]} ÷ PostGraphile`).join(' | ')} | `
    + `CPU ms/req @8, server + PostgreSQL | ${ratios.map((k) => `CPU: PostGraphile ÷ ${LABEL[k]}`).join(' | ')} | p50 ms @1 | p99 ms @1 | SQL statements |`);
  console.log(`|---|---:|${ratios.map(() => '---:|').join('')}---:|${ratios.map(() => '---:|').join('')}---:|---:|---:|`);
}

function printRow(r: Row, keys: Key[]) {
  const f = r.figures;
  const pg = f.postgraphile!;
  const ratios = keys.filter((k) => k === 'sqlite' || k === 'postgres').map((k) => {
    const x = f[k]!.rps / pg.rps;
    return `${fmt(x, 2)}${x >= 1 ? ' ✓' : ' ✗'}`;
  });
  const total = (x: Figures) => x.cpu + x.dbCpu;
  const cpuRatios = keys.filter((k) => k === 'sqlite' || k === 'postgres').map((k) => {
    const x = total(pg) / total(f[k]!);
    return `${fmt(x, 2)}${x >= 1 ? ' ✓' : ' ✗'}`;
  });
  const col = (pick: (x: Figures) => string) => keys.map((k) => pick(f[k]!)).join(' / ');
  const cpu = (x: Figures) => (x.dbCpu ? `${fmt(x.cpu, 2)} + ${fmt(x.dbCpu, 2)}` : fmt(x.cpu, 2));
  console.log(`| ${r.op} | ${col((x) => fmt(x.rps))} | ${ratios.join(' | ')} | ${col(cpu)} | ${cpuRatios.join(' | ')} | `
    + `${col((x) => fmt(x.p50, 1))} | ${col((x) => fmt(x.p99, 1))} | ${col((x) => String(x.statements))} |`);
}

if (!fs.existsSync(MIGRATIONS)) {
  throw new Error('prisma/postgresql/migrations is missing: this checkout has no PostgreSQL migration set yet (it comes with the PostgreSQL port)');
}
ensureKit();
console.log(machineLine('dossier vs PostGraphile'));
const cluster = await startCluster();
const results = [];
try {
  for (const size of SIZES) results.push(await benchSize(size, cluster));
} finally {
  cluster.stop();
}
console.log('target (issue 12): dossier ≥ PostGraphile on the nested request page and on documents(first: 20) — the ÷ PostGraphile columns, ✓ where met');
if (JSON_OUT) writeJson(JSON_OUT, results);
