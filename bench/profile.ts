/**
 * CPU profile of the compiled server (what `npm start` runs) under load on one operation:
 *
 *   npm run bench:profile -- --size seed --only 'documents(first: 20)' [--duration 8] [--warm 2] [--out profiles] [--server dist/src/main.js]
 *
 * Copies the corpus (built by `npm run bench`), starts `node --cpu-prof <server>` over the copy, sends
 * the operation from 8 connections for `warm` seconds (not counted: V8 compiles the hot paths on
 * background threads in a server's first seconds on an operation, which the process CPU counts), then for
 * `duration` seconds (autocannon), stops the server with SIGTERM (V8 writes the profile as it exits) and
 * prints the CPU per request and the self time by package and the hottest functions of the measured
 * seconds only (bench/cpuprofile.ts). The .cpuprofile stays in `out` for Chrome DevTools or speedscope.
 * The response cache is off, as in `npm run bench` (an operation sent with the same variables would
 * otherwise be answered from it after the first request); RESPONSE_CACHE_MB in the environment turns it on.
 *
 * `--database-url postgresql://…` runs the server on that database instead (the same corpus loaded into
 * PostgreSQL with `npm run bench:pg-load`); the corpus file still gives the operation's parameters.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { summarise } from './cpuprofile.ts';
import { OPERATIONS } from './operations.ts';
import { paramsOf } from './params.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SIZE = arg('size', 'seed');
const ONLY = arg('only', 'documents(first: 20)');
const DURATION = Number(arg('duration', '8'));
const WARM = Number(arg('warm', '2'));
const OUT = path.resolve(arg('out', path.join(os.tmpdir(), 'dossier-profiles')));
const DATABASE_URL = arg('database-url', '');
const DIR = process.env.BENCH_DIR || path.join(os.tmpdir(), 'dossier-bench');
// --server: another build of the server (e.g. a copy of dist/ from before a change), for before/after pairs.
const MAIN = path.resolve(arg('server', path.join(root, 'dist', 'src', 'main.js')));

const documents = SIZE === 'seed' ? 0 : Number(SIZE.replace(/k$/, '')) * (SIZE.endsWith('k') ? 1000 : 1);
const corpus = path.join(DIR, `corpus-${documents}.db`);
if (!fs.existsSync(corpus)) throw new Error(`no corpus at ${corpus}: run \`npm run bench -- --sizes ${SIZE}\` first`);
const op = OPERATIONS.find((o) => o.name.includes(ONLY));
if (!op) throw new Error(`no operation matches "${ONLY}"`);

const work = path.join(DIR, `profile-${documents}.db`);
for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
{ const src = new Database(corpus); await src.backup(work); src.close(); }
const params = paramsOf(work);

const port = await new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); });
});
fs.mkdirSync(OUT, { recursive: true });
const before = new Set(fs.readdirSync(OUT));
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', OUT, MAIN], {
  cwd: root,
  env: { ...process.env, NODE_OPTIONS: '', RESPONSE_CACHE_MB: process.env.RESPONSE_CACHE_MB ?? '0', DATABASE_URL: DATABASE_URL || `file:${work}`, PORT: String(port), LOG_LEVEL: 'silent', DOSSIER_TOKENS: 'bench:editor:bench-editor-secret' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
const origin = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) break;
  if (i > 600) throw new Error('the server did not become healthy');
  await new Promise((r) => setTimeout(r, 50));
}
const name = /^(?:query|mutation) (\w+)/.exec(op.query)![1]!;
let i = 0;
const now = () => Number(process.hrtime.bigint() / 1000n);
/** CPU time the server process has used (user + system, ms), from /proc where there is one. */
const cpuMs = () => {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
};
/** Resident memory of the server process now and at its peak (VmRSS, VmHWM), MB, from /proc. */
const rssMb = () => {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
    return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { now: NaN, peak: NaN };
  }
};
const rssAfterStart = rssMb().now;
const load = (duration: number) => autocannon({
  url: `${origin}/graphql`, connections: 8, duration, method: 'POST',
  headers: { 'content-type': 'application/json', ...(op.kind === 'write' ? { authorization: `Bearer ${params.editorToken}` } : {}) },
  requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ query: op.query, operationName: name, variables: op.variables(params, i++) }) }) }],
}) as Promise<{ requests: { average: number; total: number }; non2xx: number }>;
const healthy = now();
if (WARM > 0) await load(WARM);
const from = now();
const cpuBefore = cpuMs();
const result = await load(DURATION);
const to = now();
const cpuUnderLoad = cpuMs() - cpuBefore;
const rss = rssMb();
child.kill('SIGTERM');
await exited;
for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
const file = fs.readdirSync(OUT).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
if (!file) throw new Error('the server wrote no profile');
console.log(`${op.name.trim()} at ${SIZE}${DATABASE_URL ? ' on PostgreSQL' : ''}: ${result.requests.average.toFixed(0)} req/s at 8 connections (${result.requests.total} requests, ${result.non2xx} non-2xx); profile ${path.join(OUT, file)}\n`);
const profile = JSON.parse(fs.readFileSync(path.join(OUT, file), 'utf8'));
const startup = summarise(profile, { from: 0, to: healthy });
console.log(`start-up (to a healthy /healthz): ${startup.busyMs.toFixed(0)} ms busy; top: ${startup.buckets.slice(0, 6).map((b) => `${b.name} ${(b.share * 100).toFixed(0)}%`).join(', ')}`);
const s = summarise(profile, { from, to });
console.log(`under load, after ${WARM} s of warm-up: ${(cpuUnderLoad / result.requests.total).toFixed(2)} ms of server CPU per request (${cpuUnderLoad} ms for ${result.requests.total}; start-up and warm-up ${cpuBefore} ms)`);
console.log(`RSS: ${rssAfterStart.toFixed(0)} MB after start, ${rss.peak.toFixed(0)} MB peak\n`);
for (const b of s.buckets.slice(0, 18)) console.log(`${(b.share * 100).toFixed(1).padStart(5)}%  ${b.name}`);
console.log('\nhottest functions (self time):');
for (const f of s.functions.slice(0, 25)) console.log(`${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
