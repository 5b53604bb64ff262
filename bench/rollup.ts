/**
 * `npm run bench:rollup`: the actor roll-up filters (issue 10) on a synthetic corpus of N requests
 * (default 50,000; `N=100000 npm run bench:rollup`), each with a requester, an addressee and a
 * response, over the seed's actors plus 2,000 synthetic ones. Prints, per principal, the time of the
 * affiliation statement, of a page of 20 with and without totalCount, and of two references giving
 * the same page: a plain hand-written join (the floor) and Prisma's relation filter (a correlated
 * EXISTS under a scan of Request). Machines are shared: compare the ratios within one run.
 */
import Database from 'better-sqlite3';
import { Prisma } from '../src/generated/prisma/client.ts';
import { seededDb } from '../test/helpers/db.ts';
import { resolveAffiliation } from '../src/services/affiliation.ts';
import { listRequests, listResponses } from '../src/services/requests.ts';

const N = Number(process.env.N ?? 50_000);
const t = await seededDb();
const file = t.url.replace(/^file:/, '');
const bs = new Database(file);
const seeded = (bs.prepare('SELECT id FROM Actor').all() as { id: string }[]).map((a) => a.id);
const now = new Date().toISOString().replace('Z', '+00:00');
let state = 42;
const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
const synthetic = Array.from({ length: 2000 }, (_, i) => `xa${i}`);
const insertActor = bs.prepare(`INSERT INTO Actor (id, slug, name, kind, version, createdAt, updatedAt) VALUES (?, ?, ?, 'ORGANIZATION', 1, ?, ?)`);
const insertRequest = bs.prepare(`INSERT INTO Request (id, slug, summary, channel, status, date, datePrecision, dateMin, dateMax, version, createdAt, updatedAt) VALUES (?, ?, 's', 'LETTER', 'PENDING', ?, 'DAY', ?, ?, 1, ?, ?)`);
const insertParty = bs.prepare(`INSERT OR IGNORE INTO RequestParty (id, requestId, actorId, side, onBehalfOfId) VALUES (?, ?, ?, ?, ?)`);
const insertResponse = bs.prepare(`INSERT INTO RequestResponse (id, requestId, responderId, stance, date, datePrecision, dateMin, dateMax, summary, createdAt, updatedAt) VALUES (?, ?, ?, 'ACCEPTS', ?, 'DAY', ?, ?, 's', ?, ?)`);
bs.transaction(() => {
  for (const id of synthetic) insertActor.run(id, id, id, now, now);
  for (let i = 0; i < N; i++) {
    const d = `${1990 + Math.floor(rnd() * 35)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    // 5% of the records involve the seed's actors (so Iraq and NATO have hundreds, not thousands).
    const pool = rnd() < 0.05 ? seeded : [...seeded, ...synthetic];
    insertRequest.run(`xr${i}`, `xr-${i}`, d, d, d, now, now);
    insertParty.run(`xp${i}a`, `xr${i}`, pick(pool), 'REQUESTER', rnd() < 0.2 ? pick(pool) : null);
    insertParty.run(`xp${i}b`, `xr${i}`, pick(pool), 'ADDRESSEE', null);
    insertResponse.run(`xs${i}`, `xr${i}`, pick(pool), d, d, d, now, now);
  }
})();
bs.exec('ANALYZE');
bs.close();

async function time(label: string, f: () => Promise<unknown>, rounds = 20) {
  await f();
  const t0 = performance.now();
  let r: unknown;
  for (let i = 0; i < rounds; i++) r = await f();
  console.log(`  ${label.padEnd(58)} ${((performance.now() - t0) / rounds).toFixed(1).padStart(7)} ms${typeof r === 'number' ? `   (${r})` : ''}`);
}

console.log(`${N} requests, ${N} responses, ${2 * N} parties`);
for (const slug of ['iraq', 'nato', 'united-states']) {
  const id = (await t.db.actor.findUniqueOrThrow({ where: { slug } })).id;
  const a = await resolveAffiliation(t.db, [id]);
  const set = [...new Set([...a.constant, ...a.holders].map((x) => x.actorId))];
  console.log(`${slug}: ${a.constant.length} actors at any date, ${a.holders.length} office holders`);
  await time('affiliation statement', () => resolveAffiliation(t.db, [id]));
  await time('requests(requester:) page of 20', async () => (await listRequests(t.db, { requester: await resolveAffiliation(t.db, [id]) }, null, { first: 20 })).edges.length);
  await time('requests(requester:) page of 20 + totalCount', async () => (await listRequests(t.db, { requester: await resolveAffiliation(t.db, [id]) }, null, { first: 20 })).totalCount());
  await time('responses(responder:) page of 20 + totalCount', async () => (await listResponses(t.db, { responder: await resolveAffiliation(t.db, [id]) }, null, { first: 20 })).totalCount());
  const ids = JSON.stringify(set);
  await time('floor: one hand-written join, same actors, no role dates', () => t.db.$queryRaw(Prisma.sql`
    SELECT DISTINCT r."id", r."date" FROM "RequestParty" p JOIN "Request" r ON r."id" = p."requestId"
    WHERE p."side" = 'REQUESTER' AND (p."actorId" IN (SELECT value FROM json_each(${ids})) OR p."onBehalfOfId" IN (SELECT value FROM json_each(${ids})))
    ORDER BY r."date", r."id" LIMIT 21`));
  await time('Prisma relation filter (correlated EXISTS), same actors', () => t.db.request.findMany({
    where: { parties: { some: { side: 'REQUESTER', OR: [{ actorId: { in: set } }, { onBehalfOfId: { in: set } }] } } },
    orderBy: [{ date: 'asc' }, { id: 'asc' }], take: 21,
  }), 5);
}
await t.close();
