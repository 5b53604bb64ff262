/**
 * `db:restore` refuses while a server has the database open, names the process to stop, and changes
 * nothing; once that server is gone — even by SIGKILL, with its -wal and -shm left behind — the restore
 * goes through and the next start serves the backup.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Children, gqlAt, stop } from '../helpers/processes.ts';
import { EDITOR, EDITOR_SECRET } from '../write/support.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-restore-'));
const dbFile = path.join(dir, 'live.db');
const backup = path.join(dir, 'backup.db');
const children = new Children();

afterAll(async () => {
  await children.killAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dbVars = { DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'info' };
const run = (args: string[]) => children.run('src/db/backup-cli.ts', args, dbVars);
const startServer = () => children.startServer({ ...dbVars, DOSSIER_TOKENS: `ann:editor:${EDITOR_SECRET}` });
const gql = (url: string, query: string, variables: Record<string, unknown> = {}) => gqlAt(url, query, variables, EDITOR);

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

  await stop(first.child, 'SIGKILL');
  expect(fs.existsSync(`${dbFile}-wal`)).toBe(true); // what a crash leaves

  const restored = await run(['restore', backup]);
  expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/^Restored /) });
  const second = await startServer();
  expect((await gql(second.url, COUNT)).data.actors.totalCount).toBe(0);
  // And a restore under this one is refused as well.
  expect((await run(['restore', backup])).out).toContain(`pid ${second.child.pid}: `);
  await stop(second.child);
}, 120_000);
