/**
 * PostGraphile v4 over the benchmark's PostgreSQL database, as the benchmark runs it (a child of
 * bench/pg-run.ts, `node server.mjs <postgresql url>`): the library's own HTTP handler on node:http, the
 * options PostGraphile's docs recommend for production, and two plugins so that it can give the same
 * answers as dossier:
 *   - postgraphile-plugin-connection-filter with relation filters (`some`), for the requests filters;
 *   - orderings PostGraphile does not generate: dossier (on SQLite) sorts NULL dates first ascending and
 *     a request's items by category *name*, where PostgreSQL sorts NULLs last ascending and an enum by
 *     its declaration order. `makeAddPgTableOrderByPlugin` (graphile-utils) adds them as orderBy values.
 *
 * Reports over IPC, like bench/servers.ts: its URL when listening; on request the SQL statements it sent
 * since the last reset and its resident memory (now and peak). PostgreSQL's own processes are not counted.
 */
import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import ConnectionFilterPlugin from 'postgraphile-plugin-connection-filter';
import { makeAddPgTableOrderByPlugin, orderByAscDesc } from 'graphile-utils';

const url = process.argv[2];
if (!url) throw new Error('usage: node server.mjs <postgresql url>');

let statements = 0;
let peakRss = process.memoryUsage().rss;
setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50).unref();
// Every statement PostGraphile sends goes through a pool client's query().
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countingQuery(...args) {
  statements++;
  return query.apply(this, args);
};

const nullsFirst = (table, name, column) => makeAddPgTableOrderByPlugin('public', table,
  () => orderByAscDesc(name, column, { nulls: 'first-iff-ascending' }));
const plugins = [
  ConnectionFilterPlugin,
  nullsFirst('Document', 'PUBLISHED_NULLS_FIRST', 'published'),
  nullsFirst('Request', 'DATE_NULLS_FIRST', 'date'),
  nullsFirst('Event', 'START_NULLS_FIRST', 'start'),
  makeAddPgTableOrderByPlugin('public', 'RequestItem', ({ pgSql: sql }) =>
    orderByAscDesc('CATEGORY_NAME', ({ queryBuilder }) => sql.fragment`(${queryBuilder.getTableAlias()}."category"::text)`)),
];

const pool = new pg.Pool({ connectionString: url });
const handler = postgraphile(pool, 'public', {
  appendPlugins: plugins,
  graphileBuildOptions: { connectionFilterRelations: true },
  // The production options from PostGraphile's docs (no GraphiQL, no query log, no watch mode).
  subscriptions: false,
  watchPg: false,
  retryOnInitFail: false,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  extendedErrors: ['errcode'],
  graphiql: false,
  disableQueryLog: true,
  legacyRelations: 'omit',
});

process.on('message', (m) => {
  if (m.type === 'reset') {
    statements = 0;
    peakRss = process.memoryUsage().rss;
  }
  if (m.type === 'stats' || m.type === 'reset') {
    const rss = process.memoryUsage().rss;
    process.send({ type: 'stats', statements, rss, peakRss: Math.max(peakRss, rss) });
  }
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => pool.end().finally(() => process.exit(0)));

// PostGraphile builds its schema on the first request: build it now, so start-up includes it.
await handler.getGraphQLSchema();
const server = http.createServer(handler);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const ready = { type: 'ready', url: `http://127.0.0.1:${server.address().port}/graphql` };
if (process.send) process.send(ready);
else console.log(ready.url);
