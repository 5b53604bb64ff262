/**
 * `npm start`: validate the configuration, migrate the database, seed it when it is empty, and serve the
 * API. On SIGTERM/SIGINT it drains: /readyz turns 503 (for SHUTDOWN_GRACE_MS, while still serving), the
 * listener closes, in-flight requests finish (cut after SHUTDOWN_TIMEOUT_MS), the database closes, and
 * the process exits 0 (1 if requests had to be cut). A bad configuration exits 2 before any work.
 */
import v8 from 'node:v8';
import { ConfigError, loadConfig, redactUrl, type Config } from './config.ts';
import { createDb, hasNoDocuments } from './db/client.ts';
import { deployMigrations } from './db/migrate/index.ts';
import { startServer } from './server/index.ts';
import { createLogger } from './server/logger.ts';
import { createMetrics } from './server/metrics.ts';

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`${e.message}\nSee README.md, "Configuration".\n`);
  process.exit(2);
}
// Set before the server allocates anything much, and before the read workers start (they take the
// process's V8 flags): under load the heap then grows by less between collections. Off by default:
// measured at 10k documents it cut the nested page's peak RSS from ~340 to ~205 MB but cost 1.6–2.5×
// the CPU per request (bench/RESULTS.md, "Memory" and "The fixed cost of an uncached request").
if (config.optimizeForSize) v8.setFlagsFromString('--optimize-for-size');
// After each full collection V8 lets the heap grow to a multiple of what survived it, up to 4x when
// collections look cheap, which is how a server with ~55 MB live reached 320-390 MB under load. Capping
// the growth (HEAP_GROWTH_PERCENT, default 50: 1.5x) keeps the peak near 220 MB at 10k for ~20% more
// CPU on the nested request page and little on title lists (bench/RESULTS.md, "Peak memory: a cap on
// the heap's growth"); 0 leaves V8's own choice. Read by V8 at every full collection, so setting it
// here (before the read workers start, which take the process's flags) takes effect.
if (config.heapGrowthPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
// Prisma's query compiler is WebAssembly, loaded with the first write or ORM read (~45 MB resident in
// all). V8 compiles it with its baseline compiler, then recompiles hot functions with its optimising one,
// whose work memory stays in malloc's heap: ~13 MB of that peak. The compiler runs only for a query shape
// it has not planned yet (plans are cached), so baseline code is enough, and the recompilations cost more
// CPU than they saved (bench/RESULTS.md, "Peak memory under the whole benchmark"). Read when the module
// compiles, so setting it here takes effect.
v8.setFlagsFromString('--liftoff-only');
const logger = createLogger(config.logLevel);
const metrics = createMetrics();

const { applied } = await deployMigrations(config.databaseUrl);
if (applied.length) logger.info('migrations applied', { applied });
const db = await createDb(config.databaseUrl, {
  onQuery: (_sql, ms) => metrics.observeStatement(ms),
  readWorkers: config.readWorkers,
  busyTimeoutMs: config.busyTimeoutMs,
  cacheMb: config.sqliteCacheMb,
  onReadWorkerError: (error) => logger.error('read worker stopped; restarting it', { error: error.stack ?? error.message }),
});
if (config.seedIfEmpty && (await hasNoDocuments(db))) {
  // Loaded only when needed: the seed's modules are not part of a normal start.
  const { seedDatabase } = await import('../seed/lib/index.ts');
  const counts = await seedDatabase(db);
  logger.info('seeded the empty database', Object.fromEntries(Object.entries(counts).map(([m, c]) => [m, c.total])));
}
const server = await startServer(config, db, logger, metrics).catch(async (e: NodeJS.ErrnoException) => {
  // A port in use or not ours to take is an operator's problem to fix, not a crash to debug.
  logger.error(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? `cannot listen on ${config.host}:${config.port}: ${e.code}` : 'cannot start', { error: e.stack ?? String(e) });
  await db.$disconnect();
  process.exit(1);
});
logger.info(`dossier is ready: GraphQL API and IDE at ${server.url}`, { url: server.url, database: redactUrl(config.databaseUrl), pid: process.pid });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // Held until the drain below ends in process.exit: once the listener has closed, nothing else may
    // keep the event loop alive, and Node would exit 0 in the middle of an await below, without
    // disconnecting or logging "stopped" (seen in two CI runs under load; see ReadPool.close). Past the grace
    // and the timeout, with a margin, it also ends a drain whose step never settles, with an error.
    setTimeout(() => {
      logger.error('the drain did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + config.shutdownTimeoutMs + 10_000);
    server.state.draining = true;
    logger.info('draining', { signal, graceMs: config.shutdownGraceMs, timeoutMs: config.shutdownTimeoutMs });
    if (config.shutdownGraceMs > 0) await new Promise((r) => setTimeout(r, config.shutdownGraceMs));
    const { forced } = await server.close(config.shutdownTimeoutMs);
    await db.$disconnect();
    if (forced) logger.warn('stopped after cutting requests that outlived SHUTDOWN_TIMEOUT_MS');
    else logger.info('stopped');
    process.exit(forced ? 1 : 0);
  });
}
