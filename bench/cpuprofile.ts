/**
 * Sums the self time of a V8 CPU profile (`node --cpu-prof`) by where the code lives: a package, the
 * generated Prisma client, the query compiler (wasm), dossier's own directories, SQLite (native calls),
 * Node's internals, garbage collection. Prints the shares and the hottest functions.
 *
 *   npx tsx bench/cpuprofile.ts <file.cpuprofile> [--top 25]
 */
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** The bucket a frame's self time is counted in. */
export function bucketOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(program)') return '(program: V8, native, not attributed)';
    if (functionName.startsWith('wasm-function') || /^\$/.test(functionName)) return 'Prisma query compiler (wasm)';
    // Native functions bound by better-sqlite3 (prepare, all, get, run, iterate) and V8 builtins.
    if (['prepare', 'all', 'get', 'run', 'iterate', 'raw', 'columns', 'pluck', 'safeIntegers', 'exec', 'pragma'].includes(functionName)) return 'SQLite (better-sqlite3 native)';
    return `(native: ${functionName || 'anonymous'})`;
  }
  if (url.startsWith('wasm://')) return 'Prisma query compiler (wasm)';
  if (url.startsWith('node:')) return 'Node internals';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const generated = /\/(?:src|dist\/src)\/generated\/prisma\//.exec(url);
  if (generated) return '@prisma/client (generated client)';
  const ours = /\/(?:dist\/)?(src|seed)\/([^/]+)/.exec(url);
  if (ours) return `dossier ${ours[1]}/${ours[2]!.replace(/\.(?:ts|js)$/, '')}`;
  const bundle = /\/dist\/[^/]+\.js$/.exec(url);
  if (bundle) return 'dossier (bundle)';
  return url;
}

/**
 * Self time by bucket and by function. `window` (monotonic microseconds, the clock of
 * `process.hrtime`) keeps only the samples taken within it, e.g. the load and not the start-up.
 */
/**
 * A bundled file's frames (the production build is one module) are mapped back through its source map to
 * the file they came from, so the buckets still name packages and our directories.
 */
const maps = new Map<string, SourceMap | null>();
function unbundled(frame: CallFrame): CallFrame {
  if (!frame.url.startsWith('file://') || frame.url.includes('/node_modules/')) return frame;
  let map = maps.get(frame.url);
  if (map === undefined) {
    const file = `${fileURLToPath(frame.url)}.map`;
    map = fs.existsSync(file) ? new SourceMap(JSON.parse(fs.readFileSync(file, 'utf8'))) : null;
    maps.set(frame.url, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  if (!entry?.originalSource) return frame;
  return { ...frame, url: new URL(entry.originalSource, frame.url).href, lineNumber: entry.originalLine ?? frame.lineNumber };
}

export function summarise(profile: Profile, window?: { from: number; to: number }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, callFrame: unbundled(n.callFrame) }]));
  const self = new Map<number, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (window && (t < window.from || t > window.to)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const bucket = bucketOf(frame);
    if (bucket === '(idle)') continue;
    total += us;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(dist|src)\//, '$1/')}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ name: k, ms: us / 1000, share: us / total }));
  return { busyMs: total / 1000, buckets: sorted(buckets), functions: sorted(functions) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench/cpuprofile.ts <file.cpuprofile> [--top N]');
  const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
  const s = summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile);
  console.log(`busy CPU: ${s.busyMs.toFixed(0)} ms (idle excluded)\n`);
  for (const b of s.buckets.slice(0, top)) console.log(`${(b.share * 100).toFixed(1).padStart(5)}%  ${b.ms.toFixed(0).padStart(6)} ms  ${b.name}`);
  console.log('\nhottest functions (self time):');
  for (const f of s.functions.slice(0, top)) console.log(`${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
}
