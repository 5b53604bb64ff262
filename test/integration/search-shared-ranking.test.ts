/**
 * A search's ranking shared out between the read workers (src/services/search.ts, from
 * SHARED_RANKING_MIN_ROWS indexed documents) gives exactly what one exhaustive statement gives: the
 * same documents, scores, snippets and highlights in the same (score, documentId) order, on every page,
 * for rare, common (idf clamped), mixed, phrase and five-word queries, in 2 and 3 shares, with and
 * without the path that reads a run of tied scores past the cut. And the service takes that path on a
 * corpus past the threshold with read workers — each share on a worker, at the same time — and not
 * below it.
 *
 * A corpus of 20,000 documents would take minutes to insert here; the threshold looks at the index's
 * highest rowid, so this one starts its 400 documents' rowids past it (a placeholder row at the
 * threshold, deleted once they are in).
 */
/** Moves the index's next rowid past the threshold, fills it, and deletes the placeholder. */
async function fillPastThreshold(t: TestDb) {
  await t.db.$executeRawUnsafe(`INSERT INTO "DocumentFts" (rowid, "documentId", "title", "body") VALUES (${SHARED_RANKING_MIN_ROWS}, 'placeholder', '', '')`);
  await fillSearchCorpus(t.db, DOCUMENTS);
  await t.db.$executeRawUnsafe(`DELETE FROM "DocumentFts" WHERE rowid = ${SHARED_RANKING_MIN_ROWS}`);
}

import { migratedDb, type TestDb } from '../helpers/db.ts';
import { ok, startTestServer } from '../helpers/server.ts';
import { readersOf } from '../../src/db/client.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { fillSearchCorpus, RANKING_QUERIES, searchPages } from '../helpers/search-corpus.ts';
import { searchDocuments, SHARED_RANKING_MIN_ROWS, sharingIn, sqlitePage, toFtsQuery, topMatches } from '../../src/services/search.ts';

const DOCUMENTS = 400;
interface Exhaustive { documentId: string; rank: number; snippet: string; title: string }

const exhaustive = (t: TestDb, query: string) => t.db.$queryRawUnsafe<Exhaustive[]>(`
  SELECT "documentId", bm25("DocumentFts", 0.0, 5.0, 1.0) AS "rank",
         snippet("DocumentFts", 2, '[[', ']]', '…', 24) AS "snippet", highlight("DocumentFts", 1, '[[', ']]') AS "title"
  FROM "DocumentFts" WHERE "DocumentFts" MATCH ? ORDER BY "rank", "documentId"`, toFtsQuery(query));

/** Statements issued, with the time each started and ended (from the reader's report). */
let statements: { sql: string; start: number; end: number }[] = [];
const onQuery = (sql: string, ms: number) => {
  const end = performance.now();
  statements.push({ sql, start: end - ms, end });
};

let big: TestDb;
let small: TestDb;

beforeAll(async () => {
  big = await migratedDb({ readWorkers: 2, onQuery });
  await fillPastThreshold(big);
  small = await migratedDb({ readWorkers: 2, onQuery });
  await fillSearchCorpus(small.db, DOCUMENTS);
});
afterAll(async () => {
  await big?.close();
  await small?.close();
});

/** Waits until both read workers are started and free (they start on the first read, one at a time). */
async function bothIdle(db: TestDb['db']) {
  await readersOf(db).lists.rows(Prisma.sql`SELECT 1`);
  for (let i = 0; i < 500 && readersOf(db).lists.idle !== 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(readersOf(db).lists.idle).toBe(2);
}

/** A share's rowid range in a statement: 'AND rowid < n' (the first), 'AND rowid >= n' (the last). */
const shareOf = (sql: string) => /AND rowid [<>]=? \d+(?: AND rowid < \d+)?/.exec(sql);

describe.each(RANKING_QUERIES)('%j ranked in shares', (query) => {
  let expected: Exhaustive[];
  beforeAll(async () => {
    expected = await exhaustive(big, query);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('topMatches in 2 and 3 shares gives the exhaustive ranking at every cut of the first 60 ranks', async () => {
    const match = toFtsQuery(query);
    const ids = new Map((await big.db.$queryRawUnsafe<{ row: number; documentId: string }[]>(
      'SELECT rowid AS "row", "documentId" FROM "DocumentFts" WHERE "DocumentFts" MATCH ?', match)).map((r) => [Number(r.row), r.documentId]));
    for (const parts of [2, 3]) {
      for (let want = 1; want <= Math.min(60, expected.length + 1); want++) {
        for (const slack of [0, 32]) {
          const top = await topMatches(big.db, match, want, slack, await sharingIn(big.db, parts));
          const where = `${parts} shares, want ${want}, slack ${slack}`;
          expect({ where, ids: top.map((r) => ids.get(r.row)), ranks: top.map((r) => r.rank) })
            .toEqual({ where, ids: expected.slice(0, want).map((r) => r.documentId), ranks: expected.slice(0, want).map((r) => r.rank) });
        }
      }
    }
  });

  it('pages in shares at every offset of the first 30 ranks equal the exhaustive ranking, snippets and count included', async () => {
    const match = toFtsQuery(query);
    for (const parts of [2, 3]) {
      for (const size of [1, 10]) {
        for (let offset = 0; offset <= Math.min(30, expected.length); offset++) {
          const page = await sqlitePage(big.db, match, offset, size, true, 0, await sharingIn(big.db, parts));
          const where = `${parts} shares, size ${size}, offset ${offset}`;
          expect({ where, shared: page.shared, hits: page.hits, more: page.more, total: page.total }).toEqual({
            where,
            shared: true,
            hits: expected.slice(offset, offset + size).map((r) => ({ documentId: r.documentId, score: -r.rank, snippet: r.snippet, title: r.title })),
            more: expected.length > offset + size,
            total: expected.length,
          });
        }
      }
    }
  });

  it('pages through the API service equal the exhaustive ranking', async () => {
    const seen = await searchPages(big.db, query, 7, 70, expected.length);
    const n = Math.min(expected.length, 70);
    expect(seen.slice(0, n)).toEqual(expected.slice(0, n).map((r) => ({ documentId: r.documentId, score: -r.rank, snippet: r.snippet, titleHighlight: r.title })));
  });
});

describe('when the service shares a ranking out', () => {
  it('only among idle workers: with one busy, the ranking is one statement', async () => {
    await bothIdle(big.db);
    // A slow read on one worker (a recursive count of 3 million steps), started first.
    const slow = readersOf(big.db).lists.rows(Prisma.sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS c FROM n`);
    expect(readersOf(big.db).lists.idle).toBe(1);
    statements = [];
    await searchDocuments(big.db, 'alpha bravo', 10);
    await slow;
    expect(statements.filter((s) => shareOf(s.sql))).toEqual([]);
  });

  it('past the threshold, with two read workers: one share per worker, running at the same time, and the count and snippets', async () => {
    await bothIdle(big.db);
    const total = (await exhaustive(big, 'alpha bravo')).length;
    let overlapped = false;
    for (let attempt = 0; attempt < 5 && !overlapped; attempt++) {
      statements = [];
      const page = await searchDocuments(big.db, 'alpha bravo', 10);
      expect(await page.totalCount()).toBe(total);
      expect(statements).toHaveLength(4); // the rowid span, two shares (each with its count), the page's snippets
      const shares = statements.filter((s) => shareOf(s.sql));
      expect(shares.map((s) => shareOf(s.sql)![0]).sort()).toEqual(['AND rowid < 20201', 'AND rowid >= 20201']);
      expect(shares.filter((s) => /COUNT\(\*\)/.test(s.sql))).toHaveLength(2);
      expect(statements.filter((s) => /snippet\(/.test(s.sql))).toHaveLength(1);
      // On two workers the two shares run at once (unless the machine delayed one thread past the other).
      const [a, b] = shares;
      overlapped = a!.start < b!.end && b!.start < a!.end;
    }
    expect(overlapped).toBe(true);
  });

  it('below the threshold: one statement for the page and its count, as before', async () => {
    await bothIdle(small.db);
    statements = [];
    const page = await searchDocuments(small.db, 'alpha bravo', 10);
    await page.totalCount();
    expect(statements.filter((s) => shareOf(s.sql))).toEqual([]);
    // The page's statement, and the rowid span that decided (on the main thread's reader).
    expect(statements.map((s) => (/ORDER BY rowid DESC LIMIT 1/.test(s.sql) ? 'rowid span' : /COUNT\(\*\)/.test(s.sql) ? 'page with count' : s.sql))).toEqual(['rowid span', 'page with count']);
  });
});

describe('a share\'s range', () => {
  it('still holds a document written after the span was read: the last share is open above, the first below', async () => {
    const stale = await sharingIn(big.db, 3);
    await big.db.$executeRawUnsafe(`INSERT INTO "DocumentFts" ("documentId", "title", "body") VALUES ('late', 'zzzlate', 'zzzlate alpha')`);
    try {
      const page = await sqlitePage(big.db, toFtsQuery('zzzlate'), 0, 10, true, 32, stale);
      expect(page.hits.map((h) => h.documentId)).toEqual(['late']);
      expect(page.total).toBe(1);
    } finally {
      await big.db.$executeRawUnsafe(`DELETE FROM "DocumentFts" WHERE "documentId" = 'late'`);
    }
  });
});

describe('over HTTP, through a request\'s context', () => {
  it('the API shares the ranking out and answers the exhaustive ranking', async () => {
    const server = await startTestServer({}, { db: { readWorkers: 2 } });
    try {
      await fillPastThreshold(server.t);
      const expected = await exhaustive(server.t, 'alpha bravo');
      await bothIdle(server.t.db);
      server.queries.length = 0;
      const data = ok(await server.gql('query($q: String!) { search(query: $q, first: 10) { totalCount edges { score snippet titleHighlight node { id } } } }', { q: 'alpha bravo' }));
      expect(server.queries.filter((q) => shareOf(q))).toHaveLength(2);
      expect(data.search.totalCount).toBe(expected.length);
      expect(data.search.edges.map((e: { score: number; snippet: string; titleHighlight: string }) => [e.score, e.snippet, e.titleHighlight]))
        .toEqual(expected.slice(0, 10).map((r) => [-r.rank, r.snippet, r.title]));
    } finally {
      await server.close();
    }
  });
});
