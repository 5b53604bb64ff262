/**
 * Memory of the compiled server, before and after a change, in back-to-back pairs on the same machine:
 *
 *   npm run bench:memory -- --size 100k [--pairs 3] [--duration 8] [--warm 3] [--server <before>/dist/src/main.js]
 *     [--before-env NAME=value,…] [--env NAME=value,…] [--ops 'nested|titles|actor profile|timeline|createRequest' | all] [--breakdown]
 *
 * "before" is `--server` (a copy of dist/ from before the change; default this checkout's) with
 * `--before-env`, "after" is this checkout's dist/ with `--env`. Each pair starts each server in turn
 * (alternating which goes first) on a fresh copy of the corpus, exactly as `npm start` runs it, with the
 * response cache off, and measures:
 *   - RSS right after /healthz answers, and how it splits (/proc/<pid>/smaps): anonymous memory (the V8
 *     heaps of the main thread and the read workers, malloc's thread arenas, stacks), malloc's main heap
 *     (SQLite's page caches and statements live there), and mapped files (mostly the node binary);
 *   - each operation of `--ops` (parts of names, as `npm run bench -- --only`; default the nested request
 *     page, the title list, the actor profile, the timeline and the write) at 8 connections: server CPU
 *     per request, measured warm — each operation first runs `--warm` seconds unmeasured, since a
 *     server's first seconds on an operation are spent compiling (V8's background threads count in the
 *     process's CPU);
 *   - read system calls per request meanwhile (/proc/<pid>/io; SQLite reads a page the connection's own
 *     cache misses with one `pread`, so this counts the pages `SQLITE_CACHE_MB` was too small to keep);
 *   - the peak RSS (VmHWM) over all of them, and each operation's own (the peak is reset before each:
 *     a peak then counts what that operation holds on top of what the server kept from the ones before).
 * `--ops all` runs every operation of `npm run bench`, in its order. `--breakdown` preloads
 * bench/memory-probe.cjs into the servers and prints, for each operation's peak, where the memory was:
 * each V8 isolate's heap (the main thread's by space, each read worker's), malloc's main heap, other
 * anonymous memory, mapped files. The probe samples every 20 ms: its CPU figures are not for comparing.
 * CPU per request is the figure to compare on a shared machine; read the peaks within a pair.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, docsOf, fmt, median, mustStartDossier, operationName, throughput, workCopy, type Load } from './harness.ts';
import { OPERATIONS, type Operation, type Params } from './operations.ts';
import { EDITOR, paramsOf } from './params.ts';

const SIZE = arg('size', '1k');
const PAIRS = Number(arg('pairs', '3'));
const DURATION = Number(arg('duration', '8'));
const WARM = Number(arg('warm', '3'));
const BEFORE = arg('server', '');
const OPS = arg('ops', 'nested|titles|actor profile|timeline|createRequest');
const BREAKDOWN = process.argv.includes('--breakdown');
const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'memory-probe.cjs');
const envOf = (raw: string) => Object.fromEntries(raw.split(',').filter(Boolean).map((kv) => {
  const at = kv.indexOf('=');
  if (at < 1) throw new Error(`"${kv}" is not NAME=value`);
  return [kv.slice(0, at), kv.slice(at + 1)];
}));
const SIDES = [
  { label: 'before', main: BEFORE || undefined, env: envOf(arg('before-env', '')) },
  { label: 'after', main: undefined, env: envOf(arg('env', '')) },
];
docsOf(SIZE);

const load = (op: Operation, p: Params): Load => ({
  body: (i) => JSON.stringify({ query: op.query, operationName: operationName(op.query), variables: op.variables(p, i) }),
  headers: { 'content-type': 'application/json', ...(op.kind === 'write' ? { authorization: `Bearer ${EDITOR}` } : {}) },
});
// The operations whose names contain a part of --ops, in the order --ops gives (a filter on the nested
// page's name would also pick its filtered variants: those count only when named).
const ops = OPS === 'all' ? OPERATIONS : OPS.split('|').filter(Boolean).map((part) => {
  const op = OPERATIONS.find((o) => o.name.trim() === part) ?? OPERATIONS.find((o) => o.name.includes(part));
  if (!op) throw new Error(`no operation matches "${part}"`);
  return op;
});

/** Read system calls a process has made so far (/proc/<pid>/io: all its threads). */
const readCalls = (pid: number) => Number(/^syscr: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);

/** Resident memory by kind, MB, from /proc/<pid>/smaps. */
function residentByKind(pid: number) {
  const mb = { anonymous: 0, mallocHeap: 0, files: 0, total: 0 };
  let kind: keyof typeof mb = 'anonymous';
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const name = head[1]!;
      kind = name === '[heap]' ? 'mallocHeap' : name.startsWith('/') ? 'files' : 'anonymous';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) {
      mb[kind] += Number(rss[1]) / 1024;
      mb.total += Number(rss[1]) / 1024;
    }
  }
  return mb;
}

interface Row { label: string; start: ReturnType<typeof residentByKind>; peak: number; cpu: number[] }
const rows: Row[] = [];
const breakdowns: string[] = [];
console.log(`memory pairs at ${SIZE}: ${PAIRS} pairs, ${DURATION} s per measurement after ${WARM} s of warm-up; before = ${BEFORE || 'this checkout'} ${JSON.stringify(SIDES[0]!.env)}, after = this checkout ${JSON.stringify(SIDES[1]!.env)}${BREAKDOWN ? '; with the memory probe (CPU figures not comparable)' : ''}\n`);
console.log(`| pair | side | RSS after start MB (anonymous / malloc heap / files) | peak RSS MB | ${ops.map((o) => `${o.name.trim()} CPU ms/req (req/s, reads/req, peak MB)`).join(' | ')} |`);
console.log(`|---|---|---|---:|${ops.map(() => '---:').join('|')}|`);
for (let pair = 1; pair <= PAIRS; pair++) {
  for (const side of pair % 2 ? SIDES : [...SIDES].reverse()) {
    const { work, remove } = await workCopy(SIZE, 'memory', 'copy');
    const probeDir = BREAKDOWN ? fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-memory-probe-')) : '';
    const phaseFile = path.join(probeDir, 'phase');
    const probeEnv: Record<string, string> = BREAKDOWN ? { NODE_OPTIONS: `--require ${PROBE}`, MEMORY_PROBE_OUT: path.join(probeDir, 'out.json'), MEMORY_PROBE_PHASE: phaseFile } : {};
    const phase = (name: string) => { if (BREAKDOWN) fs.writeFileSync(phaseFile, name); };
    try {
      const p = paramsOf(work);
      phase('start');
      const server = await mustStartDossier(side.label, `file:${work}`, { RESPONSE_CACHE_MB: '0', ...probeEnv, ...side.env }, side.main);
      try {
        const start = residentByKind(server.child.pid!);
        let peak = (await server.stats(true)).peakRss;
        const cells: string[] = [];
        const cpu: number[] = [];
        for (const op of ops) {
          phase(op.name.trim());
          await new Promise((r) => setTimeout(r, 50)); // the probe's next sample sees the new phase
          await server.stats(true); // this operation's own peak
          if (WARM > 0) await throughput(server, load(op, p), op.name, 8, WARM);
          const reads = readCalls(server.child.pid!);
          const r = await throughput(server, load(op, p), op.name, 8, DURATION);
          const opPeak = (await server.stats()).peakRss;
          peak = Math.max(peak, opPeak);
          cpu.push(r.cpu);
          cells.push(`${fmt(r.cpu, 2)} (${fmt(r.rps)}, ${fmt((readCalls(server.child.pid!) - reads) / Math.max(1, r.rps * DURATION))}, ${fmt(opPeak / 2 ** 20)})`);
        }
        peak /= 2 ** 20;
        rows.push({ label: side.label, start, peak, cpu });
        console.log(`| ${pair} | ${side.label} | ${fmt(start.total)} (${fmt(start.anonymous)} / ${fmt(start.mallocHeap)} / ${fmt(start.files)}) | ${fmt(peak)} | ${cells.join(' | ')} |`);
      } finally {
        await server.stop();
      }
      if (BREAKDOWN) breakdowns.push(breakdown(`pair ${pair}, ${side.label}`, path.join(probeDir, 'out.json')));
    } finally {
      remove();
      if (probeDir) fs.rmSync(probeDir, { recursive: true, force: true });
    }
  }
}
if (BREAKDOWN) console.log(breakdowns.join('\n'));
console.log('\nmedians:');
for (const side of SIDES) {
  const mine = rows.filter((r) => r.label === side.label);
  console.log(`  ${side.label}: RSS after start ${fmt(median(mine.map((r) => r.start.total)))} MB, peak ${fmt(median(mine.map((r) => r.peak)))} MB; CPU ms/req: `
    + ops.map((o, i) => `${o.name.trim()} ${fmt(median(mine.map((r) => r.cpu[i]!)), 2)}`).join(', '));
}

interface Isolate { thread: number; physicalMb: number; usedMb: number; externalMb: number; mallocedMb: number; spaces: Record<string, number>; gc: { minor: number; minorMs: number; major: number; majorMs: number } }
interface Snapshot { phase: string; rssMb: number; hwmMb: number; smaps: { mallocHeap: number; anonymous: number; files: number }; arrayBuffersMb: number; isolates: Isolate[] }

/** The probe's peak of each phase as a table: where the resident memory was when it was highest. */
function breakdown(title: string, file: string): string {
  if (!fs.existsSync(file)) return `\n${title}: the probe wrote nothing`;
  const { periods, atExit } = JSON.parse(fs.readFileSync(file, 'utf8')) as { periods: Snapshot[]; atExit: Isolate[] };
  const lines = [`\n${title}: at each phase's highest sampled RSS, MB (main heap: physical size of its V8 spaces, new / old / large objects / code; `
    + 'workers: each read worker\'s V8 heap, physical; rest of anonymous: anonymous memory outside the V8 heaps — thread stacks, malloc\'s other arena, '
    + 'array buffers, wasm; malloc heap: SQLite\'s page caches and statements, other native allocations)',
  '| phase | RSS (VmHWM) | main heap (new / old / large / code) | workers\' heaps (new / old) | rest of anonymous | malloc heap | files |', '|---|---:|---|---|---:|---:|---:|'];
  for (const s of periods) {
    const [main, ...workers] = s.isolates;
    const heaps = s.isolates.reduce((n, i) => n + i.physicalMb, 0);
    const sp = main!.spaces;
    lines.push(`| ${s.phase} | ${fmt(s.rssMb)} (${fmt(s.hwmMb)}) | ${fmt(main!.physicalMb)} (${fmt(sp.new)} / ${fmt(sp.old)} / ${fmt((sp.large_object ?? 0) + (sp.new_large_object ?? 0))} / ${fmt((sp.code ?? 0) + (sp.code_large_object ?? 0))}) | `
      + `${workers.map((w) => `${fmt(w.physicalMb)} (${fmt(w.spaces.new)} / ${fmt(w.spaces.old)})`).join(' + ') || '—'} | ${fmt(s.smaps.anonymous - heaps)} | ${fmt(s.smaps.mallocHeap)} | ${fmt(s.smaps.files)} |`);
  }
  lines.push(`garbage collections over the run: ${atExit.map((i) => `${i.thread === 0 ? 'main' : `worker ${i.thread}`} ${i.gc.minor} minor (${i.gc.minorMs} ms), ${i.gc.major} major (${i.gc.majorMs} ms)`).join('; ')}`);
  return lines.join('\n');
}
