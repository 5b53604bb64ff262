/**
 * `npm start`: migrate the database, seed it when it is empty, and serve the API. Stops gracefully on
 * SIGTERM/SIGINT (in-flight requests finish, the database is closed).
 */
import { loadConfig } from './config.ts';
import { createDb } from './db/client.ts';
import { deployMigrations } from './db/migrate/index.ts';
import { startServer } from './server/index.ts';
import { createLogger } from './server/logger.ts';
import { seedDatabase } from '../seed/lib/index.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);

const { applied } = await deployMigrations(config.databaseUrl);
if (applied.length) logger.info('migrations applied', { applied });
const db = await createDb(config.databaseUrl);
if (config.seedIfEmpty && (await db.document.count()) === 0) {
  const counts = await seedDatabase(db);
  logger.info('seeded the empty database', Object.fromEntries(Object.entries(counts).map(([m, c]) => [m, c.total])));
}
const server = await startServer(config, db, logger);
logger.info(`dossier is ready: GraphQL API and IDE at ${server.url}`, { url: server.url, database: config.databaseUrl });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.close();
    await db.$disconnect();
    process.exit(0);
  });
}
