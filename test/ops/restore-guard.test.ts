/**
 * `db:restore` refuses while a server has the database open, names the process to stop, and changes
 * nothing; once that server is gone — even by SIGKILL, with its -wal and -shm left behind — the restore
 * goes through and the next start serves the backup.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';
import { EDITOR, EDITOR_SECRET } from '../write/support.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-restore-'));
const dbFile = path.join(dir, 'live.db');
const backup = path.join(dir, 'backup.db');
const children = new Set<ChildProcess>();

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'info' };
  delete e.NODE_OPTIONS; // jest's flags are not for the children
  return e;
}

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/db/backup-cli.ts', ...args], { cwd: projectRoot, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot, env: { ...env(), PORT: String(port), HOST: '127.0.0.1', DOSSIER_TOKENS: `ann:editor:${EDITOR_SECRET}` }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /"url":"([^"]+)"/.exec(out);
      if (m && out.includes('dossier is ready')) resolve(m[1]!);
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
  return { child, url };
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...EDITOR }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

const CREATE = `mutation ($input: CreateActorInput!) { createActor(input: $input) { actor { slug } } }`;
const COUNT = `{ actors(filter: { nameContains: "After The Backup" }) { totalCount } }`;

/** The database as it lies on disk: the file and whatever sits beside it. */
function fingerprint(): Record<string, string> {
  const print: Record<string, string> = {};
  for (const suffix of ['', '-wal', '-shm']) {
    const file = dbFile + suffix;
    if (fs.existsSync(file)) print[suffix || 'db'] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return print;
}

it('refuses to restore under a running server, naming it; restores once it is killed', async () => {
  const first = await startServer();
  expect((await run(['backup', backup])).code).toBe(0);
  expect((await gql(first.url, CREATE, { input: { name: 'After The Backup', kind: 'PERSON' } })).errors).toBeUndefined();

  const before = fingerprint();
  const refused = await run(['restore', backup]);
  expect(refused.code).toBe(1);
  // One line that says which process to stop.
  expect(refused.out.trim().split('\n')).toHaveLength(1);
  expect(refused.out).toContain(`Not restored: ${dbFile} is open in another process (pid ${first.child.pid}: `);
  expect(refused.out).toContain(`kill ${first.child.pid}`);
  expect(fingerprint()).toEqual(before);
  expect(fs.readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  // The server never noticed.
  expect((await gql(first.url, COUNT)).data.actors.totalCount).toBe(1);

  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  expect(fs.existsSync(`${dbFile}-wal`)).toBe(true); // what a crash leaves

  const restored = await run(['restore', backup]);
  expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/^Restored /) });
  const second = await startServer();
  expect((await gql(second.url, COUNT)).data.actors.totalCount).toBe(0);
  // And a restore under this one is refused as well.
  expect((await run(['restore', backup])).out).toContain(`pid ${second.child.pid}: `);
  second.child.kill('SIGTERM');
  await new Promise((resolve) => second.child.once('exit', resolve));
}, 120_000);
