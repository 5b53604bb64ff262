/**
 * `npm run seed`: brings the database's schema up to date, then syncs it to seed/. Safe to re-run:
 * unchanged rows are left alone, edited annotations update their rows in place.
 */
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrate/index.ts';
import { SeedError, seedDatabase } from './lib/index.ts';

const config = loadConfig();
try {
  await deployMigrations(config.databaseUrl);
  const db = await createDb(config.databaseUrl);
  try {
    const counts = await seedDatabase(db);
    for (const [model, c] of Object.entries(counts)) {
      console.log(`${model.padEnd(16)} ${String(c.total).padStart(4)} rows (${c.created} created, ${c.updated} updated, ${c.deleted} deleted)`);
    }
  } finally {
    await db.$disconnect();
  }
} catch (e) {
  console.error(e instanceof SeedError ? e.message : e);
  process.exitCode = 1;
}
