/**
 * Migrations on Prisma's wasm schema engine, from an empty file, as `npm start` and `npm run db:migrate`
 * run them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrate/index.ts';
import { projectRoot } from '../src/config.ts';

const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
const migrationNames = fs.readdirSync(migrationsDir).filter((d) => fs.statSync(path.join(migrationsDir, d)).isDirectory()).sort();

describe('migrations', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-migrate-'));
  const url = `file:${path.join(dir, 'm.db')}`;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('build an empty database from nothing and record each migration as the Prisma CLI does', async () => {
    expect(fs.existsSync(path.join(dir, 'm.db'))).toBe(false);
    const { applied } = await deployMigrations(url);
    expect(applied).toEqual(migrationNames);
    const db = await createDb(url);
    try {
      const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown }[]>(
        'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
      for (const r of rows) {
        const sql = fs.readFileSync(path.join(migrationsDir, r.migration_name, 'migration.sql'));
        expect(r.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
        expect(r.finished_at).not.toBeNull();
      }
      const tables = (await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['Document', 'Actor', 'Event', 'Request', 'RequestItem', 'RequestResponse', 'Evidence', 'DocumentFts']));
      expect(await db.document.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it('apply nothing the second time', async () => {
    expect((await deployMigrations(url)).applied).toEqual([]);
  });

  it('keep the full-text index in step with documents through triggers', async () => {
    const db = await createDb(url);
    try {
      const doc = await db.document.create({
        data: { slug: 'fts-check', title: 'Zanzibar report', publisher: 'Test', body: 'The quokka asked for training.', contentHash: 'x'.repeat(64), wordCount: 5 },
      });
      const match = (q: string) => db.$queryRawUnsafe<{ documentId: string }[]>('SELECT "documentId" FROM "DocumentFts" WHERE "DocumentFts" MATCH ?', q);
      expect(await match('quokka')).toEqual([{ documentId: doc.id }]);
      expect(await match('zanzibar')).toEqual([{ documentId: doc.id }]);
      await db.document.update({ where: { id: doc.id }, data: { body: 'The wombat asked for equipment.' } });
      expect(await match('quokka')).toEqual([]);
      expect(await match('wombat')).toEqual([{ documentId: doc.id }]);
      await db.document.delete({ where: { id: doc.id } });
      expect(await match('wombat')).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  });

  it('enforce foreign keys: evidence cannot point at a missing document', async () => {
    const db = await createDb(url);
    try {
      await expect(
        db.evidence.create({ data: { documentId: 'missing', start: 0, end: 1, quote: 'x', targetType: 'ACTOR' } }),
      ).rejects.toThrow();
      expect(await db.evidence.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
