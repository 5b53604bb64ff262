/**
 * `npm run seed`: brings the database's schema up to date, then syncs it to seed/. Safe to re-run:
 * unchanged rows are left alone, edited annotations update their rows in place, and nothing curated
 * through the API is undone: those differences are listed instead (README "Seed data and curation").
 */
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrate/index.ts';
import { SeedError, seedWithReport, type SeedDifference } from './lib/index.ts';

const show = (value: unknown) => {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** "002_….ts: request x: status: seed "PENDING", current "ACCEPTED" (changed through the API)" */
function describe(d: SeedDifference): string {
  const where = `${d.files.length ? d.files.join(', ') : '(no longer in the seed files)'}: ${d.record}`;
  const what = d.field === null ? `record ${d.seed} in the seed, ${d.current} in the database` : `${d.field}: seed ${show(d.seed)}, current ${show(d.current)}`;
  return `  ${where}: ${what} (${d.reason})`;
}

const config = loadConfig();
try {
  await deployMigrations(config.databaseUrl);
  const db = await createDb(config.databaseUrl);
  try {
    const { counts, notApplied } = await seedWithReport(db);
    for (const [model, c] of Object.entries(counts)) {
      console.log(`${model.padEnd(16)} ${String(c.total).padStart(4)} rows (${c.created} created, ${c.updated} updated, ${c.deleted} deleted)`);
    }
    if (notApplied.length) {
      console.log(`\n${notApplied.length} difference(s) not applied, to keep what was curated through the API:`);
      for (const d of notApplied) console.log(describe(d));
    }
  } finally {
    await db.$disconnect();
  }
} catch (e) {
  console.error(e instanceof SeedError ? e.message : e);
  process.exitCode = 1;
}

