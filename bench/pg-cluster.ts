/**
 * A throwaway PostgreSQL cluster for the benchmark, the same way the PostgreSQL test script starts one:
 * `initdb` in a temp directory (trust auth, C collation so text sorts byte-wise as SQLite's does), a free
 * loopback port, the socket in that directory; as root the server runs as the `postgres` user Debian's
 * package creates (PostgreSQL refuses to run as root). Stopped and deleted by `stop()`, and on exit or
 * Ctrl-C of the process that started it.
 *
 * Needs Debian's server binaries (`apt-get install -y postgresql`): `initdb` on PATH or under
 * /usr/lib/postgresql/<version>/bin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Cluster {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  version: string;
  /** CPU time (ms, user + system) of the cluster's processes so far, per process (see `cpuDeltaMs`). */
  cpu(): Map<number, number>;
  stop(): void;
}

const clockTicksMs = 1000 / 100;

/** utime + stime of a process in ms, or undefined when it has gone (or there is no /proc). */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * clockTicksMs;
  } catch {
    return undefined;
  }
}

/**
 * The postmaster and its children (backends, background writer, WAL writer, autovacuum…), each with its
 * CPU so far. Read from /proc: on a system without it the map is empty and the figures say n/a.
 */
function clusterCpu(postmaster: number): Map<number, number> {
  const out = new Map<number, number>();
  const own = processCpuMs(postmaster);
  if (own === undefined) return out;
  out.set(postmaster, own);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(stat[1]) !== postmaster) continue;
      out.set(Number(entry), (Number(stat[11]) + Number(stat[12])) * clockTicksMs);
    } catch { /* gone meanwhile */ }
  }
  return out;
}

/**
 * CPU the cluster spent between two readings. A process that started in between counts whole; one that
 * ended in between is lost (its time cannot be read any more): the benchmark's servers keep their pooled
 * connections open while they are measured, so this is rare and only ever undercounts.
 */
export function cpuDeltaMs(before: Map<number, number>, after: Map<number, number>): number {
  if (!after.size) return NaN;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

function binDir(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(fs.realpathSync(onPath));
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(a) - Number(b));
  if (!versions.length) throw new Error('no PostgreSQL server binaries (initdb): install them with `apt-get install -y postgresql`');
  return path.join(root, versions.at(-1)!, 'bin');
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const port = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(port));
  });
  s.on('error', reject);
});

/**
 * Starts the cluster. Durability is not what the benchmark measures and both SQLite servers read a
 * page-cached file: fsync and synchronous commit are off (reads are unaffected; loading is faster).
 */
export async function startCluster(): Promise<Cluster> {
  const bin = binDir();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres', tmp]);
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const r = spawnSync(file, argv as string[], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  const data = path.join(tmp, 'data');
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(asRoot ? 'runuser' : path.join(bin, 'pg_ctl'), [...(asRoot ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'fast', 'stop'], { stdio: 'ignore' });
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => { stop(); process.kill(process.pid, signal); };
  process.once('exit', stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--locale=C', '--encoding=UTF8', '--no-sync']);
    const port = await freePort();
    run('pg_ctl', ['-D', data, '-l', path.join(tmp, 'server.log'), '-w', '-t', '60', '-o',
      `-p ${port} -k ${tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`, 'start']);
    const version = /\(PostgreSQL\) (\S+)/.exec(run('postgres', ['--version']))?.[1] ?? 'unknown';
    const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, version, cpu: () => clusterCpu(postmaster), stop };
  } catch (e) {
    const log = path.join(tmp, 'server.log');
    if (fs.existsSync(log)) process.stderr.write(fs.readFileSync(log, 'utf8'));
    stop();
    throw e;
  }
}
