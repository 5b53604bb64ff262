/**
 * The GraphQL pipeline's CPU with each executor, in one process, request by request:
 *
 *   npm run bench:executor -- [--size 10k] [--requests 400] [--only 'titles|node(id:)|root totalCounts|nested|kind'] [--b graphql-js]
 *
 * Two Apollo Servers over one copy of the corpus, one per GRAPHQL_EXECUTOR (`graphql-js`, and `compiled`
 * or `--b`'s value: `--b graphql-js` measures the method's own noise), answer each operation through
 * Apollo's whole request pipeline (`executeOperation`: parse cache, validation, plugins, execution, error
 * formatting; no HTTP), alternating executor on every request, so a noisy neighbour hits both alike; the
 * process's CPU time (every thread) is summed per executor. Both must give the same JSON first. Statements
 * run on the main thread (no read workers), the same for both. NODE_ENV=production, as `npm start` runs.
 */
import Database from 'better-sqlite3';
import { loadConfig, type GraphqlExecutor } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { createDb } from '../src/db/client.ts';
import { createApollo } from '../src/server/apollo.ts';
import { createLogger } from '../src/server/logger.ts';
import { arg, BENCH_DIR, docsOf, machineLine, operationName } from './harness.ts';
import { OPERATIONS } from './operations.ts';
import { paramsOf } from './params.ts';

process.env.NODE_ENV = 'production';
const SIZE = arg('size', '10k');
const N = Number(arg('requests', '400'));
const ONLY = arg('only', 'titles|node(id:)|root totalCounts|nested|kind').split('|');
const B = arg('b', 'compiled') as GraphqlExecutor;

const documents = docsOf(SIZE);
const work = `${BENCH_DIR}/executor-${documents}.db`;
{ const src = new Database(`${BENCH_DIR}/corpus-${documents}.db`, { readonly: true }); await src.backup(work); src.close(); }
const config = { ...loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' }), databaseUrl: `file:${work}` };
const logger = createLogger('silent');
const db = await createDb(config.databaseUrl, { readWorkers: 0 });
const p = paramsOf(work);
const sides = { a: createApollo({ ...config, executor: 'graphql-js' }, logger), b: createApollo({ ...config, executor: B }, logger) };
await sides.a.start();
await sides.b.start();
console.log(`${machineLine('GraphQL pipeline CPU per operation')} · ${SIZE} · ${N} requests each · graphql-js vs ${B}\n`);
console.log(`| operation | graphql-js ms | ${B} ms | saved ms | saved % |\n|---|---:|---:|---:|---:|`);
for (const part of ONLY) {
  const op = OPERATIONS.find((o) => o.name.trim() === part) ?? OPERATIONS.find((o) => o.name.includes(part));
  if (!op) throw new Error(`no operation matches "${part}"`);
  const run = async (side: 'a' | 'b', i: number) => {
    const r = await sides[side].executeOperation(
      { query: op.query, operationName: operationName(op.query), variables: op.variables(p, i) },
      { contextValue: createContext(db, 'bench') },
    );
    return JSON.stringify(r.body);
  };
  const [x, y] = [await run('a', 0), await run('b', 0)];
  if (x !== y || x.includes('"errors"')) throw new Error(`${op.name}: the executors disagree or fail:\n${x}\n${y}`);
  for (let i = 0; i < N / 4; i++) { await run('a', i); await run('b', i); } // warm-up, not counted
  const cpu = { a: 0, b: 0 };
  for (let i = 0; i < N; i++) {
    for (const side of (i % 2 ? ['b', 'a'] : ['a', 'b']) as ('a' | 'b')[]) {
      const t = process.cpuUsage();
      await run(side, i);
      const d = process.cpuUsage(t);
      cpu[side] += (d.user + d.system) / 1000;
    }
  }
  const a = cpu.a / N, b = cpu.b / N;
  console.log(`| ${op.name.trim()} | ${a.toFixed(3)} | ${b.toFixed(3)} | ${(a - b).toFixed(3)} | ${((1 - b / a) * 100).toFixed(1)} |`);
}
await sides.a.stop();
await sides.b.stop();
await db.$disconnect();
for (const s of ['', '-wal', '-shm']) (await import('node:fs')).rmSync(work + s, { force: true });
