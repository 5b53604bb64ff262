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
  stop(): void;
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
    return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, version, stop };
  } catch (e) {
    const log = path.join(tmp, 'server.log');
    if (fs.existsSync(log)) process.stderr.write(fs.readFileSync(log, 'utf8'));
    stop();
    throw e;
  }
}
