/**
 * Every loader that runs hand-written SQL (joined or not) returns what the equivalent Prisma model query
 * returns, in the same order, on the seeded database, and the joined loaders prime the by-id loaders
 * with rows equal to Prisma's. The loaders read through the client's reader (on SQLite the main-thread
 * reader, on PostgreSQL `pg` directly: `npm run test:postgres`) and are also compared with the portable
 * `$queryRaw` path. The readers themselves are tested in sqlite-reader.test.ts and test/postgres/pg-reader.test.ts.
 */
import { readersOf } from '../../src/db/client.ts';
import { prismaReader } from '../../src/db/sql-reader.ts';
import { createLoaders } from '../../src/loaders/index.ts';
import { seededDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await seededDb({ readWorkers: 0 });
});
afterAll(async () => {
  await t?.close();
});

/** The client's reader for bounded statements: SQLite's main-thread reader, or PostgreSQL's `pg` reader. */
const reader = () => readersOf(t.db).bounded;

describe('loaders against the ORM', () => {
  const ids = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((r) => r.id);

  it('by id: documents (no body), actors, requests, items, responses, evidence', async () => {
    const loaders = createLoaders(t.db, undefined, reader());
    const documents = await t.db.document.findMany({ orderBy: { id: 'asc' }, omit: { body: true } });
    expect(await loaders.document.loadMany(documents.map((d) => d.id))).toStrictEqual(documents);
    const cases = [
      [loaders.actor, t.db.actor.findMany({ orderBy: { id: 'asc' } })],
      [loaders.request, t.db.request.findMany({ orderBy: { id: 'asc' } })],
      [loaders.item, t.db.requestItem.findMany({ orderBy: { id: 'asc' } })],
      [loaders.response, t.db.requestResponse.findMany({ orderBy: { id: 'asc' } })],
      [loaders.evidence, t.db.evidence.findMany({ orderBy: { id: 'asc' } })],
    ] as const;
    for (const [loader, rows] of cases) {
      const expected = await (rows as Promise<{ id: string }[]>);
      expect(expected.length).toBeGreaterThan(0);
      expect(await (loader as { loadMany(ids: string[]): Promise<unknown[]> }).loadMany([...expected.map((r) => r.id), 'missing'])).toStrictEqual([...expected, null]);
    }
  });

  it('by parent, joined: parties with their actors, responses with their responders, evidence with its documents', async () => {
    const loaders = createLoaders(t.db, undefined, reader());
    const requestIds = await ids(t.db.request.findMany({ orderBy: { id: 'asc' } }));
    const parties = await loaders.partiesByRequest.loadMany(requestIds);
    // Enums in the order of their names on both stores (PostgreSQL's ORM orders an enum as declared).
    const byName = <T>(key: (r: T) => string, sign = 1) => (a: T, b: T) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    expect(parties).toStrictEqual(await Promise.all(requestIds.map(async (id) =>
      (await t.db.requestParty.findMany({ where: { requestId: id }, orderBy: { id: 'asc' } })).sort(byName((p) => p.side, -1)))));
    const responses = await loaders.responsesByRequest.loadMany(requestIds);
    expect(responses).toStrictEqual(await Promise.all(requestIds.map(async (id) => {
      const rows = await t.db.requestResponse.findMany({ where: { requestId: id }, orderBy: [{ date: 'asc' }, { id: 'asc' }] });
      return [...rows.filter((r) => r.date !== null), ...rows.filter((r) => r.date === null)];
    })));
    const items = await loaders.itemsByRequest.loadMany(requestIds);
    expect(items).toStrictEqual(await Promise.all(requestIds.map(async (id) =>
      (await t.db.requestItem.findMany({ where: { requestId: id }, orderBy: { id: 'asc' } }))
        .sort(byName((i) => i.category)).sort(byName((i) => (i.excluded ? '1' : '0'))))));
    const itemIds = (items as { id: string }[][]).flat().map((i) => i.id);
    expect(itemIds.length).toBeGreaterThan(0);
    const evidence = await loaders.evidenceByItem.loadMany(itemIds);
    expect(evidence).toStrictEqual(await Promise.all(itemIds.map((id) =>
      t.db.evidence.findMany({ where: { itemId: id }, orderBy: [{ documentId: 'asc' }, { start: 'asc' }, { id: 'asc' }] }))));
    const evidenceOnRequests = await loaders.evidenceByRequest.loadMany(requestIds);
    expect(evidenceOnRequests).toStrictEqual(await Promise.all(requestIds.map((id) =>
      t.db.evidence.findMany({ where: { requestId: id }, orderBy: [{ documentId: 'asc' }, { start: 'asc' }, { id: 'asc' }] }))));

    // What the joins primed is what the by-id loaders would have fetched.
    const actorIds = [...new Set([
      ...(parties as { actorId: string }[][]).flat().map((p) => p.actorId),
      ...(responses as { responderId: string }[][]).flat().map((r) => r.responderId),
    ])].sort();
    const documentIds = [...new Set((evidence as { documentId: string }[][]).flat().map((e) => e.documentId))].sort();
    expect(actorIds.length).toBeGreaterThan(1);
    expect(documentIds.length).toBeGreaterThan(1);
    expect(await loaders.actor.loadMany(actorIds)).toStrictEqual(await t.db.actor.findMany({ where: { id: { in: actorIds } }, orderBy: { id: 'asc' } }));
    expect(await loaders.document.loadMany(documentIds)).toStrictEqual(
      await t.db.document.findMany({ where: { id: { in: documentIds } }, orderBy: { id: 'asc' }, omit: { body: true } }));
  });

  it('gives the same rows through the portable reader ($queryRaw)', async () => {
    const direct = createLoaders(t.db, undefined, reader());
    const portable = createLoaders(t.db, undefined, prismaReader(t.db));
    const requestIds = await ids(t.db.request.findMany({ orderBy: { id: 'asc' } }));
    expect(await direct.partiesByRequest.loadMany(requestIds)).toStrictEqual(await portable.partiesByRequest.loadMany(requestIds));
    expect(await direct.responsesByRequest.loadMany(requestIds)).toStrictEqual(await portable.responsesByRequest.loadMany(requestIds));
  });
});

