/**
 * The server as an operator runs it, as a separate process on the compiled JavaScript (`npm test` builds
 * it first): configuration refused up front with exit code 2, a first start from a checkout whose path
 * has a space, and SIGTERM to the `npm start` PID draining in-flight requests and exiting 0 with no
 * process left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';
import { seededDb } from '../helpers/db.ts';

const MAIN = path.join('dist', 'src', 'main.js');

interface Started {
  child: ChildProcess;
  /** The GraphQL endpoint the server logged. */
  url: string;
  /** PID of the node process serving (from its log line). */
  serverPid: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** The environment of a spawned server: jest's NODE_OPTIONS stripped, logs on. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _n, DATABASE_URL: _d, PORT: _p, ...rest } = process.env;
  return { ...rest, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extra };
}

function run(command: string, args: string[], cwd: string, vars: Record<string, string>) {
  const child = spawn(command, args, { cwd, env: env(vars), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => { out += c.toString('utf8'); });
  child.stderr!.on('data', (c: Buffer) => { out += c.toString('utf8'); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function start(command: string, args: string[], cwd: string, vars: Record<string, string>): Promise<Started> {
  const r = run(command, args, cwd, vars);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ready = r.output().split('\n').find((l) => l.includes('dossier is ready'));
    if (ready) {
      const line = JSON.parse(ready) as { url: string; pid: number };
      return { ...r, url: line.url, serverPid: line.pid };
    }
    if (r.child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${r.output()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A GET on a fresh connection: the status, or the connection error's code. */
function probe(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last value ${JSON.stringify(v)}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** A POST whose body is sent in two halves: the request is in flight until finish() is called. */
function halfSentPost(url: string, query: string) {
  const body = Buffer.from(JSON.stringify({ query }));
  const half = Math.floor(body.length / 2);
  let finish = () => {};
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString('utf8'); });
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.write(body.subarray(0, half));
    finish = () => req.end(body.subarray(half));
  });
  return { response, finish: () => finish() };
}

let dbDir: string;
let dbUrl: string;
beforeAll(async () => {
  expect(fs.existsSync(path.join(projectRoot, MAIN))).toBe(true); // built by `npm test` (npm run build)
  const t = await seededDb();
  await t.db.$disconnect();
  dbDir = t.dir;
  dbUrl = t.url;
}, 120_000);
afterAll(() => fs.rmSync(dbDir, { recursive: true, force: true }));

describe('configuration', () => {
  it('reports every problem at once, exits 2, and does no work (no database created)', async () => {
    const fresh = path.join(dbDir, 'never', 'dossier.db');
    const r = run('node', [MAIN], projectRoot, {
      PORT: '70000', DOSSIER_TOKENS: 'ann:editor:s3cret-value-1,just-a-bare-secret', LOG_LEVEL: 'loud',
      CORS_ORIGINS: 'ftp://files.example.test/x', BASE_PATH: 'no-slash', DATABASE_URL: `file:${fresh}`,
    });
    expect(await r.exited).toBe(2);
    const out = r.output();
    expect(out).toMatch(/Invalid configuration \(5 problems\)/);
    for (const name of ['PORT', 'DOSSIER_TOKENS', 'LOG_LEVEL', 'CORS_ORIGINS', 'BASE_PATH']) expect(out).toContain(name);
    expect(out).not.toContain('just-a-bare-secret');
    expect(out).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(fs.existsSync(path.dirname(fresh))).toBe(false);
  }, 60_000);
});

describe('a checkout whose path has a space', () => {
  it('migrates, seeds and serves on the first start', async () => {
    const checkout = path.join(dbDir, 'my dossier checkout');
    fs.mkdirSync(checkout);
    for (const f of ['package.json', 'schema.graphql', 'prisma', 'seed', 'dist', path.join('src', 'server', 'ide-examples')]) {
      fs.cpSync(path.join(projectRoot, f), path.join(checkout, f), { recursive: true });
    }
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(checkout, 'node_modules'));
    const s = await start('node', [MAIN], checkout, {});
    try {
      const res = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { documents } }"}' });
      expect(await res.json()).toEqual({ data: { stats: { documents: 5 } } });
      expect(fs.existsSync(path.join(checkout, 'data', 'dossier.db'))).toBe(true);
      expect(s.output()).not.toContain('%20');
    } finally {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  }, 180_000);
});

describe('SIGTERM to the `npm start` PID', () => {
  it('turns /readyz 503, refuses new connections, finishes the request in flight, and exits 0 leaving no process', async () => {
    const s = await start('npm', ['start'], projectRoot, { DATABASE_URL: dbUrl, SHUTDOWN_GRACE_MS: '1500', SHUTDOWN_TIMEOUT_MS: '20000' });
    const origin = new URL(s.url).origin;
    expect(await probe(`${origin}/readyz`)).toBe(200);

    const inFlight = halfSentPost(s.url, '{ stats { documents } }');
    await new Promise((res) => setTimeout(res, 200)); // the request has reached the server
    s.child.kill('SIGTERM'); // npm's PID, as a container runtime would

    // Still serving during the grace period, but no longer ready; then the listener closes.
    await until('readyz 503 while draining', () => probe(`${origin}/readyz`), (v) => v === 503);
    await until('new connections refused', () => probe(`${origin}/healthz`), (v) => v === 'ECONNREFUSED');
    expect(alive(s.serverPid)).toBe(true); // held open by the request in flight

    inFlight.finish();
    const answered = await inFlight.response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toEqual({ data: { stats: { documents: 5 } } });

    expect(await s.exited).toBe(0);
    await until('the node server gone', async () => alive(s.serverPid), (v) => v === false, 5_000);
    expect(s.output()).toMatch(/"msg":"draining"/);
    expect(s.output()).toMatch(/"msg":"stopped"/);
  }, 180_000);

  it('cuts a request that outlives SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
    const s = await start('node', [MAIN], projectRoot, { DATABASE_URL: dbUrl, SHUTDOWN_TIMEOUT_MS: '1000' });
    const stuck = halfSentPost(s.url, '{ stats { documents } }');
    stuck.response.catch(() => {}); // cut: the socket is closed under it
    await new Promise((res) => setTimeout(res, 200));
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/outlived SHUTDOWN_TIMEOUT_MS/);
    expect(alive(s.serverPid)).toBe(false);
  }, 180_000);
});
