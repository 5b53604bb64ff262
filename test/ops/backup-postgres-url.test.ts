/**
 * `db:backup` and `db:restore` copy SQLite files. With a PostgreSQL DATABASE_URL they do nothing and say
 * so in one line that points to pg_dump and pg_restore: no file written, the backup given untouched, no
 * connection attempted (the URL here names a server that is not there), and the password not echoed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Children } from '../helpers/processes.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-backup-pg-'));
const children = new Children();
// Port 1 on loopback: nothing listens, so a command that tried to connect would fail differently (and slowly).
const DATABASE_URL = 'postgresql://analyst:s3cret-password@127.0.0.1:1/dossier';

afterAll(async () => {
  await children.killAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const expectRefusal = (r: { code: number | null; out: string }) => {
  expect(r.code).toBe(1);
  const lines = r.out.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Not done: DATABASE_URL names a PostgreSQL database/);
  expect(lines[0]).toContain('pg_dump --format=custom');
  expect(lines[0]).toContain('pg_restore --clean --if-exists --single-transaction');
  expect(r.out).not.toContain('s3cret-password');
};

it('db:backup refuses in one line pointing to pg_dump, and writes nothing', async () => {
  const target = path.join(dir, 'backup.db');
  expectRefusal(await children.run('src/db/backup-cli.ts', ['backup', target], { DATABASE_URL }));
  expect(fs.readdirSync(dir)).toEqual([]);
});

it('db:restore refuses in one line pointing to pg_restore, and leaves the backup as it was', async () => {
  const backup = path.join(dir, 'given.db');
  fs.writeFileSync(backup, 'not touched');
  expectRefusal(await children.run('src/db/backup-cli.ts', ['restore', backup], { DATABASE_URL }));
  expect(fs.readdirSync(dir)).toEqual(['given.db']);
  expect(fs.readFileSync(backup, 'utf8')).toBe('not touched');
});
