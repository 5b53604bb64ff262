/**
 * The PostgreSQL reader (src/db/pg-reader.ts: `pg` directly, no Prisma) gives exactly the rows `$queryRaw`
 * gives through Prisma's `pg` adapter: on every column of every table, on expressions of every type it
 * decodes, and on every statement the loaders and the root lists send it (recorded while they run, then
 * replayed through both). Its statements reach `onQuery`; it shares the client's pool (DATABASE_POOL_SIZE
 * connections in all) and closes it with the client. The SQLite counterpart is
 * test/integration/sqlite-reader.test.ts. Runs under `npm run test:postgres`.
 */
import { createDb, readersOf, setReaders, type Db } from '../../src/db/client.ts';
import { PgReader } from '../../src/db/pg-reader.ts';
import { prismaReader, type SqlReader } from '../../src/db/sql-reader.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { createLoaders } from '../../src/loaders/index.ts';
import { listActors } from '../../src/services/actors.ts';
import { listDocuments } from '../../src/services/documents.ts';
import { listEvents } from '../../src/services/events.ts';
import { listRequests, listResponses } from '../../src/services/requests.ts';
import { seededDb, testPostgresUrl, type TestDb } from '../helpers/db.ts';

if (!testPostgresUrl) throw new Error('test/postgres needs TEST_POSTGRES_URL: run it with `npm run test:postgres`');

let t: TestDb;
beforeAll(async () => {
  t = await seededDb();
});
afterAll(async () => {
  await t?.close();
});

const orm = () => prismaReader(t.db);

/** Backend pids of the connections to the test database other than the asking one. */
async function connections(): Promise<Set<number>> {
  const rows = await t.db.$queryRawUnsafe<{ pid: number }[]>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return new Set(rows.map((r) => Number(r.pid)));
}

/** Connections opened since `before` was taken. Compared by pid, not by count: a connection an earlier test
 *  closed may still be ending when `before` is read, so counts alone can stay apart forever. */
async function opened(before: Set<number>): Promise<number> {
  return [...await connections()].filter((pid) => !before.has(pid)).length;
}

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('serves the client’s hand-written reads on PostgreSQL', () => {
  expect(readersOf(t.db).bounded).toBeInstanceOf(PgReader);
  expect(readersOf(t.db).lists).toBeInstanceOf(PgReader);
});

it('decodes every column of every table as $queryRaw does', async () => {
  const columns = await t.db.$queryRawUnsafe<{ table: string; column: string; type: string }[]>(`
    SELECT table_name AS "table", column_name AS "column", udt_name AS "type" FROM information_schema.columns
    WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`);
  const tables = new Map<string, string[]>();
  for (const c of columns) {
    // A tsvector is not a value either path returns (Prisma's adapter refuses the type); no statement reads it.
    if (c.type === 'tsvector') continue;
    tables.set(c.table, [...(tables.get(c.table) ?? []), c.column]);
  }
  expect(tables.size).toBeGreaterThan(15);
  let rows = 0;
  for (const [table, names] of tables) {
    const list = names.map((n) => `"${n}"`).join(', ');
    const query = Prisma.sql`SELECT ${Prisma.raw(list)}, COUNT(*) OVER () AS "n" FROM ${Prisma.raw(`"${table}"`)} ORDER BY ${Prisma.raw(list)}`;
    const direct = await readersOf(t.db).bounded.rows<Record<string, unknown>>(query);
    expect({ table, rows: direct }).toStrictEqual({ table, rows: await orm().rows(query) });
    rows += direct.length;
  }
  expect(rows).toBeGreaterThan(100);
  // The column types the schema has, each seen above (enums are user-defined types: USER-DEFINED).
  expect([...new Set(columns.map((c) => c.type))].sort()).toEqual(expect.arrayContaining(['bool', 'float8', 'int4', 'text', 'timestamp', 'timestamptz']));
});

it('decodes expressions of every type it knows as $queryRaw does, NULLs included', async () => {
  const query = Prisma.sql`SELECT COUNT(*) AS "count", CAST(7 AS BIGINT) AS "int8", CAST(3 AS SMALLINT) AS "int2", 4 AS "int4",
    1.5 AS "numeric", CAST(-0.000123 AS NUMERIC(20, 9)) AS "scaled", CAST(2.25 AS DOUBLE PRECISION) AS "float8", CAST(0.5 AS REAL) AS "float4",
    TRUE AS "yes", FALSE AS "no", DATE '2024-02-29' AS "date", TIMESTAMP '2024-02-29 23:59:58.123' AS "ts",
    TIMESTAMP '2001-01-01 00:00:00' AS "tsWhole", CAST('2020-05-05 10:00:00+00' AS TIMESTAMPTZ) AS "tstz", CAST('x' AS VARCHAR(3)) AS "varchar",
    CAST('ab' AS CHAR(4)) AS "bpchar", CAST('PERSON' AS "ActorKind") AS "enum", current_user AS "name", 'x' AS "x", 'y' AS "x",
    CAST(NULL AS TEXT) AS "nullText", CAST(NULL AS BIGINT) AS "nullInt8", CAST(NULL AS TIMESTAMP) AS "nullTs", CAST(NULL AS BOOLEAN) AS "nullBool"
    FROM "Actor"`;
  const [direct] = await readersOf(t.db).bounded.rows<Record<string, unknown>>(query);
  const [viaOrm] = await orm().rows<Record<string, unknown>>(query);
  expect(direct).toStrictEqual(viaOrm);
  expect(typeof direct!.count).toBe('bigint');
  expect(direct!.ts).toEqual(new Date('2024-02-29T23:59:58.123Z'));
  expect(Prisma.Decimal.isDecimal(direct!.numeric)).toBe(true);
  expect(direct!.x).toBe('y');
});

it('refuses a column type it does not decode, rather than returning another shape than Prisma', async () => {
  await expect(readersOf(t.db).bounded.rows(Prisma.sql`SELECT CAST('{"a": 1}' AS JSONB) AS "j"`)).rejects.toThrow(/does not decode column type 3802/);
  // The connection stays usable.
  expect(await readersOf(t.db).bounded.rows(Prisma.sql`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
});

it('binds dates, booleans, bigints and arrays as Prisma does', async () => {
  const item = await t.db.requestItem.findFirstOrThrow({ where: { excluded: true } });
  const created = (await t.db.document.findFirstOrThrow()).createdAt;
  const ids = (await t.db.actor.findMany({ take: 3, orderBy: { id: 'asc' } })).map((a) => a.id);
  const queries = [
    Prisma.sql`SELECT "id" FROM "RequestItem" WHERE "excluded" = ${true} AND "id" = ${item.id}`,
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "Document" WHERE "createdAt" = ${created}`,
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "Document" WHERE "createdAt" >= ${new Date(Date.UTC(2000, 0, 1))}`,
    Prisma.sql`SELECT CAST(${BigInt('9007199254740993')} AS BIGINT) + 1 AS "big"`,
    Prisma.sql`SELECT "id" FROM "Actor" WHERE "id" = ANY(${ids}) ORDER BY "id"`,
  ];
  for (const query of queries) {
    const direct = await readersOf(t.db).bounded.rows(query);
    expect(direct).toStrictEqual(await orm().rows(query));
    expect(direct.length).toBeGreaterThan(0);
  }
  const [n] = await readersOf(t.db).bounded.rows<{ n: bigint }>(queries[1]!);
  expect(n!.n).toBeGreaterThan(0n);
});

/** A reader that records each statement it serves. */
function recording(inner: SqlReader, into: Prisma.Sql[]): SqlReader {
  return { rows: (query) => { into.push(query); return inner.rows(query); } };
}

it('gives the loaders’ and root lists’ statements the rows $queryRaw gives', async () => {
  const sent: Prisma.Sql[] = [];
  const reader = recording(readersOf(t.db).bounded, sent);
  // A second client, so the recorder is its reader without changing the shared one.
  const other = await createDb(t.url);
  try {
    setReaders(other, { bounded: reader, lists: reader });
    const loaders = createLoaders(other, undefined, reader);
    const [requests, documents, actors, items, responses, evidence] = await Promise.all([
      other.request.findMany({ select: { id: true } }), other.document.findMany({ select: { id: true } }),
      other.actor.findMany({ select: { id: true } }), other.requestItem.findMany({ select: { id: true } }),
      other.requestResponse.findMany({ select: { id: true } }), other.evidence.findMany({ select: { id: true } }),
    ]);
    const ids = (rows: { id: string }[]) => [...rows.map((r) => r.id), 'missing-id'];
    await Promise.all([
      loaders.request.loadMany(ids(requests)), loaders.document.loadMany(ids(documents)), loaders.actor.loadMany(ids(actors)),
      loaders.item.loadMany(ids(items)), loaders.response.loadMany(ids(responses)), loaders.evidence.loadMany(ids(evidence)),
      loaders.partiesByRequest.loadMany(ids(requests)), loaders.itemsByRequest.loadMany(ids(requests)),
      loaders.responsesByRequest.loadMany(ids(requests)), loaders.evidenceByRequest.loadMany(ids(requests)),
      loaders.evidenceByItem.loadMany(ids(items)), loaders.evidenceByResponse.loadMany(ids(responses)),
      loaders.evidenceByActor.loadMany(ids(actors)),
    ]);
    const all = { first: 100 };
    await Promise.all([
      listRequests(other, {}, null, all), listRequests(other, { status: ['PENDING', 'ACCEPTED'], from: '2004', to: '2019' }, { field: 'DATE', direction: 'DESC' }, all),
      listRequests(other, { category: ['TRAINING'] }, { field: 'CREATED_AT' }, all),
      listDocuments(other, {}, null, all), listEvents(other, {}, null, all), listResponses(other, {}, null, all),
    ].map(async (page) => { const p = await page; await p.totalCount(); }));
    const actorPage = await listActors(other, {}, null, all);
    await actorPage.totalCount();

    expect(sent.length).toBeGreaterThan(15);
    for (const query of sent) {
      const direct = await readersOf(t.db).bounded.rows(query);
      expect({ sql: query.sql, rows: direct }).toStrictEqual({ sql: query.sql, rows: await orm().rows(query) });
    }
    // Every table the loaders read by key, each in one statement whose text does not depend on the number of keys.
    for (const table of ['Request', 'Document', 'Actor', 'RequestItem', 'RequestResponse', 'Evidence', 'RequestParty']) {
      expect(sent.some((q) => q.sql.includes(`FROM "${table}" t`) && q.sql.includes('= ANY('))).toBe(true);
    }
  } finally {
    await other.$disconnect();
  }
});

it('reports each statement to onQuery', async () => {
  const seen: { sql: string; params: string }[] = [];
  const db = await createDb(t.url, { onQuery: (sql, _ms, params) => seen.push({ sql, params }) });
  try {
    const id = (await t.db.actor.findFirstOrThrow()).id;
    await readersOf(db).bounded.rows(Prisma.sql`SELECT "id" FROM "Actor" WHERE "id" = ${id}`);
    expect(seen.filter((s) => s.sql === 'SELECT "id" FROM "Actor" WHERE "id" = $1')).toEqual([{ sql: 'SELECT "id" FROM "Actor" WHERE "id" = $1', params: JSON.stringify([id]) }]);
  } finally {
    await db.$disconnect();
  }
});

it('shares one pool of DATABASE_POOL_SIZE connections with Prisma and closes it with the client', async () => {
  const before = await connections();
  const saved = process.env.DATABASE_POOL_SIZE;
  process.env.DATABASE_POOL_SIZE = '2';
  let db: Db | undefined;
  try {
    db = await createDb(t.url);
    const c = db;
    // Reads on both paths at once, each holding its connection for a moment.
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2
      ? readersOf(c).bounded.rows(Prisma.sql`SELECT COUNT(*) AS "n" FROM pg_sleep(0.02) s CROSS JOIN "Actor"`)
      : c.$queryRaw`SELECT COUNT(*) AS "n" FROM pg_sleep(0.02) s CROSS JOIN "Actor"`)));
    const during = await opened(before);
    expect(during).toBeGreaterThan(0);
    expect(during).toBeLessThanOrEqual(2);
  } finally {
    if (saved === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = saved;
    await db?.$disconnect();
  }
  await until(async () => (await opened(before)) === 0);
  await expect(readersOf(db!).bounded.rows(Prisma.sql`SELECT 1 AS "one"`)).rejects.toThrow();
});

it('keeps reading a table a migration changed under its prepared statements', async () => {
  await t.db.$executeRawUnsafe('CREATE TABLE "ReaderScratch" ("id" TEXT PRIMARY KEY)');
  await t.db.$executeRawUnsafe(`INSERT INTO "ReaderScratch" VALUES ('a'), ('b')`);
  const query = Prisma.sql`SELECT t.* FROM "ReaderScratch" t WHERE t."id" = ANY(${['a', 'b']}) ORDER BY t."id"`;
  const reader = readersOf(t.db).bounded;
  // Prepared on every connection of the pool that serves it, then the table changes.
  await Promise.all(Array.from({ length: 12 }, () => reader.rows(query)));
  await t.db.$executeRawUnsafe(`ALTER TABLE "ReaderScratch" ADD COLUMN "added" INTEGER NOT NULL DEFAULT 7`);
  for (let i = 0; i < 12; i++) expect(await reader.rows(query)).toStrictEqual([{ id: 'a', added: 7 }, { id: 'b', added: 7 }]);
  expect(await reader.rows(query)).toStrictEqual(await orm().rows(query));
});

describe('the bounded reader’s pipelined connection', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createDb(t.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
  });
  const pid = async (reader: SqlReader) => Number((await reader.rows<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS "pid"`))[0]!.pid);

  it('sends concurrent bounded reads on one connection, answered each with its own rows, and lists on the pool', async () => {
    const { bounded, lists } = readersOf(db);
    expect(lists).not.toBe(bounded);
    const actors = await orm().rows<{ id: string }>(Prisma.sql`SELECT "id" FROM "Actor" ORDER BY "id" LIMIT 8`);
    expect(actors.length).toBeGreaterThan(3);
    const answers = await Promise.all(actors.map(async (a) => ({
      rows: await bounded.rows<{ id: string; pid: number }>(Prisma.sql`SELECT t."id", pg_backend_pid() AS "pid" FROM "Actor" t, pg_sleep(0.01) s WHERE t."id" = ${a.id}`),
    })));
    expect(answers.map((a) => a.rows.map((r) => r.id))).toEqual(actors.map((a) => [a.id]));
    expect(new Set(answers.map((a) => a.rows[0]!.pid)).size).toBe(1);
    // The pool serves the lists' reads on other connections.
    expect(await pid(lists)).not.toBe(answers[0]!.rows[0]!.pid);
  });

  it('fails only the statement that fails, not those queued beside it', async () => {
    const { bounded } = readersOf(db);
    const [before, failed, after] = await Promise.allSettled([
      bounded.rows(Prisma.sql`SELECT 1 AS "one" FROM pg_sleep(0.01) s`),
      bounded.rows(Prisma.sql`SELECT 1 / ${0} AS "boom"`),
      bounded.rows(Prisma.sql`SELECT 2 AS "two"`),
    ]);
    expect(before).toEqual({ status: 'fulfilled', value: [{ one: 1 }] });
    expect(failed.status).toBe('rejected');
    expect(String((failed as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    expect(after).toEqual({ status: 'fulfilled', value: [{ two: 2 }] });
  });

  it('opens a new connection after the server ended the pipelined one', async () => {
    const { bounded } = readersOf(db);
    const first = await pid(bounded);
    await t.db.$queryRawUnsafe('SELECT pg_terminate_backend($1::int)', first);
    // The statement sent while the end is on its way may fail; the reader recovers by itself.
    let next: number | undefined;
    await until(async () => {
      next = await pid(bounded).catch(() => undefined);
      return next !== undefined;
    });
    expect(next).not.toBe(first);
    expect(await bounded.rows(Prisma.sql`SELECT 3 AS "three"`)).toEqual([{ three: 3 }]);
  });
});
