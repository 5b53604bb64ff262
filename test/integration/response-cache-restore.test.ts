/**
 * The response cache across a restore of the SQLite file (npm run db:restore): the restored file gets a
 * data version no earlier state had, so no cache serves the replaced database's answers for it. SQLite's
 * own backup and restore; on PostgreSQL (pg_dump/pg_restore) the README says to restart the API
 * processes, so this suite is not in `npm run test:postgres`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig, databaseFile, type Config } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.ts';
import { startServer } from '../../src/server/index.ts';
import { createLogger } from '../../src/server/logger.ts';
import { seedDatabase } from '../../seed/lib/index.ts';
import { ok, startTestServer } from '../helpers/server.ts';

const EDITOR = 'cache-editor-secret';
const ADMIN = 'cache-admin-secret';
const TOKENS = `ed:editor:${EDITOR},root:admin:${ADMIN}`;
const TITLES = 'query Titles { documents(first: 50) { totalCount edges { node { title } } } }';

async function query(url: string, q: string): Promise<{ status: number; cache: string | null; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
  return { status: res.status, cache: res.headers.get('x-dossier-cache'), body: await res.json() };
}
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('a restore', () => {
  const pair = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT "version", "epoch" FROM "DataVersion"').get() as { version: number; epoch: string };
    } finally {
      db.close();
    }
  };

  it('gives the restored file a data version no earlier state of either file had, even after writes on both', async () => {
    const s = await startTestServer({ tokens: TOKENS });
    try {
      const file = databaseFile(s.t.url);
      const backup = path.join(s.t.dir, 'backup.db');
      backupDatabase(file, backup);
      const atBackup = pair(backup);
      // The live database moves on by one write: (v + 1, e).
      ok(await s.gql('mutation { ingestDocument(input: { body: "Later text.", publisher: "Wire" }) { document { id } } }', undefined, bearer(EDITOR)));
      const live = pair(file);
      expect(live).toEqual({ version: atBackup.version + 1, epoch: atBackup.epoch });
      // Restored elsewhere, then written once: without a new epoch this would be (v + 1, e) again,
      // and an answer cached for the live file would be served for different data.
      const restored = path.join(s.t.dir, 'restored.db');
      restoreDatabase(backup, restored);
      const r = pair(restored);
      // Its counter alone equals the live one; the epoch tells them apart.
      expect(r.version).toBe(live.version);
      expect(r.epoch).not.toBe(atBackup.epoch);
      const db = await createDb(`file:${restored}`);
      try {
        await seedDatabase(db);
      } finally {
        await db.$disconnect();
      }
      expect(pair(restored)).not.toEqual(live);
      expect(pair(restored).epoch).toBe(r.epoch);
    } finally {
      await s.close();
    }
  });

  it('over HTTP: a server started on a restored file answers from it, not from what it served before', async () => {
    const s = await startTestServer({ tokens: TOKENS, responseCacheMb: 32 });
    const file = databaseFile(s.t.url);
    const backup = path.join(s.t.dir, 'backup.db');
    backupDatabase(file, backup);
    ok(await s.gql('mutation { ingestDocument(input: { body: "After the backup.", publisher: "Wire", title: "After backup" }) { document { id } } }', undefined, bearer(EDITOR)));
    expect((await query(s.url, TITLES)).body.data.documents.totalCount).toBe(6);
    expect((await query(s.url, TITLES)).cache).toBe('hit');
    await s.server.close();
    await s.t.db.$disconnect();
    restoreDatabase(backup, file);
    const db = await createDb(s.t.url);
    const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, databaseUrl: s.t.url };
    const again = await startServer(config, db, createLogger('silent'));
    try {
      const r = await query(again.url, TITLES);
      expect(r.cache).toBe('miss');
      expect(r.body.data.documents.totalCount).toBe(5);
    } finally {
      await again.close();
      await db.$disconnect();
      fs.rmSync(s.t.dir, { recursive: true, force: true });
    }
  });
});
