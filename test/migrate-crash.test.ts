/**
 * Start-up migrations survive a SIGKILL at any point: a process deploying migrations is killed at random
 * moments (on an empty file, as a first start does, and on a populated database being upgraded), and
 * every time each migration is found either wholly applied with its finished `_prisma_migrations` row or
 * not at all; the next deploy then finishes the job by itself. A migration that fails is rolled back.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectRoot } from '../src/config.ts';
import { deployMigrations, getMigrationStatus } from '../src/db/migrate/index.ts';
import { seededDb } from './helpers/db.ts';

const REAL = path.join(projectRoot, 'prisma', 'migrations');
const BACKFILL_ROWS = 300_000;
// A migration slow enough (about a second) for kills to land inside it: a table filled by a recursive
// CTE, an index over it, and a column added to and filled in an existing table.
const SLOW_SQL = `CREATE TABLE "Backfill" ("id" INTEGER NOT NULL PRIMARY KEY, "label" TEXT NOT NULL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${BACKFILL_ROWS}) INSERT INTO "Backfill" SELECT i, 'row ' || i FROM n;
CREATE INDEX "Backfill_label_idx" ON "Backfill"("label");
ALTER TABLE "Document" ADD COLUMN "backfilled" INTEGER NOT NULL DEFAULT 0;
UPDATE "Document" SET "backfilled" = 1;
`;
const SLOW = '29991231000000_slow_backfill';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-migrate-kill-'));
const migrations = path.join(work, 'migrations');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
beforeAll(() => {
  fs.cpSync(REAL, migrations, { recursive: true });
  fs.mkdirSync(path.join(migrations, SLOW));
  fs.writeFileSync(path.join(migrations, SLOW, 'migration.sql'), SLOW_SQL);
});
const names = () => fs.readdirSync(migrations).filter((n) => fs.statSync(path.join(migrations, n)).isDirectory()).sort();

// Random kill points, reproducible from the seed printed with any failure.
const seed = Number(process.env.KILL_SEED ?? Date.now() % 100_000);
let state = seed;
const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);

/**
 * Runs a deploy in a child process and SIGKILLs it `killAfterMs` after it starts deploying; resolves
 * with what happened and how long after 'deploying' the child ended.
 */
function deployAndKill(url: string, killAfterMs: number): Promise<{ outcome: 'killed' | 'finished'; ms: number }> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // jest's flags are not for the child
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/deploy-child.ts', url, migrations], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let timer: NodeJS.Timeout | undefined;
  let started = 0;
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      if (!started && c.toString().includes('deploying')) {
        started = performance.now();
        if (Number.isFinite(killAfterMs)) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = started ? performance.now() - started : 0;
      if (signal === 'SIGKILL') resolve({ outcome: 'killed', ms });
      else if (code === 0) resolve({ outcome: 'finished', ms });
      else reject(new Error(`deploy child failed (${code}): ${stderr}`));
    });
  });
}

/**
 * What a kill may leave: every migration wholly applied (with its finished row) or wholly absent.
 * Opened read-write, as the next start would: a kill can leave a hot WAL that only a writer may recover
 * ("attempt to write a readonly database" otherwise); recovery keeps only committed transactions.
 */
function expectAllOrNothing(file: string) {
  const db = new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const hasTable = (name: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    const rows = hasTable('_prisma_migrations')
      ? (db.prepare('SELECT migration_name, finished_at FROM _prisma_migrations').all() as { migration_name: string; finished_at: string | null }[])
      : [];
    expect(rows.filter((r) => r.finished_at === null)).toEqual([]);
    const applied = new Set(rows.map((r) => r.migration_name));
    expect(rows).toHaveLength(applied.size); // each at most once
    // Applied in order: a prefix of the folder.
    expect([...applied].sort()).toEqual(names().slice(0, applied.size));
    expect(hasTable('Document')).toBe(applied.has(names()[0]!));
    expect(hasTable('Backfill')).toBe(applied.has(SLOW));
    if (applied.has(SLOW)) {
      expect(db.prepare('SELECT count(*) AS n FROM "Backfill"').get()).toEqual({ n: BACKFILL_ROWS });
      expect(db.prepare('SELECT count(*) AS n FROM "Document" WHERE "backfilled" = 0').get()).toEqual({ n: 0 });
    }
    return applied;
  } finally {
    db.close();
  }
}

async function expectRecovered(url: string, file: string) {
  await deployMigrations(url, { migrationsDir: migrations });
  expect(expectAllOrNothing(file).size).toBe(names().length);
  expect(await getMigrationStatus(url, { migrationsDir: migrations })).toMatchObject({ pending: [], unfinished: [] });
}

describe(`deploy killed at random points (seed ${seed})`, () => {
  it('on an empty file, as a first start', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const file = path.join(work, `first-${i}.db`);
      const url = `file:${file}`;
      const at = Math.floor(random() * 1_200);
      outcomes.push(`${at} ms: ${(await deployAndKill(url, at)).outcome}`);
      if (fs.existsSync(file)) expectAllOrNothing(file);
      await expectRecovered(url, file);
    }
    expect(outcomes).toHaveLength(4);
  }, 90_000);

  it('while upgrading a populated database: its data is kept, the new migration all or nothing', async () => {
    const t = await seededDb();
    const seeded = path.join(work, 'seeded.db');
    await t.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(t.url.slice('file:'.length), seeded);
    const documents = await t.db.document.count();
    const evidence = await t.db.evidence.count();
    await t.close();
    // How long the upgrade takes here, unkilled: kill points are drawn inside that window, so they land
    // inside the slow migration on a fast machine as on a loaded one.
    const calibration = path.join(work, 'upgrade-calibration.db');
    fs.copyFileSync(seeded, calibration);
    const { ms: windowMs } = await deployAndKill(`file:${calibration}`, Infinity);
    let killedInside = 0;
    // Four kills at least; more (up to twelve) only while none has landed inside the slow migration.
    for (let i = 0; i < 12 && (i < 4 || killedInside === 0); i++) {
      const file = path.join(work, `upgrade-${i}.db`);
      fs.copyFileSync(seeded, file);
      const url = `file:${file}`;
      const { outcome } = await deployAndKill(url, Math.floor(random() * windowMs));
      const applied = expectAllOrNothing(file);
      if (outcome === 'killed' && !applied.has(SLOW)) killedInside++;
      await expectRecovered(url, file);
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM "Document"').get()).toEqual({ n: documents });
      expect(db.prepare('SELECT count(*) AS n FROM "Evidence"').get()).toEqual({ n: evidence });
      db.close();
    }
    // At least one kill must have interrupted the slow migration, or this test proved nothing.
    expect(killedInside).toBeGreaterThan(0);
  }, 180_000);
});

describe('a failing migration', () => {
  it('is rolled back whole, says so in one line, and applies once fixed', async () => {
    const dir = path.join(work, 'failing');
    fs.cpSync(REAL, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, '29991231000001_broken'));
    fs.writeFileSync(path.join(dir, '29991231000001_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\nINSERT INTO "Nowhere" VALUES (1);\n');
    const file = path.join(work, 'failing.db');
    const url = `file:${file}`;
    const error = await deployMigrations(url, { migrationsDir: dir }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Migration 29991231000001_broken failed to apply and was rolled back .*no such table: Nowhere$/);
    expect((error as Error).message).not.toContain('\n');
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'Half'").get()).toBeUndefined();
    expect(db.prepare("SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name LIKE '%broken'").get()).toEqual({ n: 0 });
    db.close();
    fs.writeFileSync(path.join(dir, '29991231000001_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\n');
    expect((await deployMigrations(url, { migrationsDir: dir })).applied).toEqual(['29991231000001_broken']);
  });
});

describe('a database wedged by an interrupted engine run (P3009)', () => {
  /** What a kill during the engine's first deploy left: `init` started, unfinished, part of its tables. */
  function wedge(file: string, populate: boolean) {
    const db = new Database(file);
    db.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    db.prepare('INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES (?, ?, ?)').run('x', 'y', names()[0]);
    db.exec('CREATE TABLE "Document" ("id" TEXT NOT NULL PRIMARY KEY, "slug" TEXT NOT NULL)');
    if (populate) db.exec(`INSERT INTO "Document" VALUES ('d1', 'kept')`);
    db.close();
  }

  it('is rebuilt by the next deploy when it holds no data', async () => {
    const file = path.join(work, 'wedged-empty.db');
    wedge(file, false);
    await expectRecovered(`file:${file}`, file);
  });

  it('with data in it, is left alone and the deploy says what to do in one line', async () => {
    const file = path.join(work, 'wedged-data.db');
    wedge(file, true);
    const error = (await deployMigrations(`file:${file}`, { migrationsDir: migrations }).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/was started by an earlier run and never finished, and the database already holds data \(Document\); restore it from a backup/);
    expect(error.message).not.toContain('\n');
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT slug FROM "Document"').all()).toEqual([{ slug: 'kept' }]);
    db.close();
  });
});
