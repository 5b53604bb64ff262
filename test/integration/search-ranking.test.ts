/**
 * The search strategy (rank from the index, restore documentId order among ties, snippets for the page
 * only) gives exactly what one exhaustive statement gives: every match scored by bm25 and ordered by
 * (score, documentId), with snippet and highlight. Checked over a generated corpus whose ids do not
 * follow insertion order and whose documents tie on score often (repeated texts, few distinct lengths),
 * for rare, common (in most documents: idf clamped), mixed, phrase and five-word queries, page by page
 * and at every cut of the first 120 ranks; the one-statement page (sqlitePage) at every offset of the
 * first 45 ranks, both on its own and through the path it takes when a run of tied scores reaches past
 * what it read (forced with no slack); and the number of statements a page costs.
 */
import { migratedDb, type TestDb } from '../helpers/db.ts';
import { fillSearchCorpus, RANKING_QUERIES, searchPages } from '../helpers/search-corpus.ts';
import { searchDocuments, sqlitePage, toFtsQuery, topMatches } from '../../src/services/search.ts';
import { documentIdsOf, pageRows } from '../../src/services/search-sqlite.ts';

let t: TestDb;
const DOCUMENTS = 400;
const statements: string[] = [];

beforeAll(async () => {
  t = await migratedDb({ onQuery: (sql) => statements.push(sql) });
  await fillSearchCorpus(t.db, DOCUMENTS);
});
afterAll(async () => {
  await t.close();
});

/** How often each path of sqlitePage ran, over every query (both must have run: see the last test). */
const paths = { oneStatement: 0, readTies: 0 };

interface Exhaustive { documentId: string; rank: number; snippet: string; title: string }

/** The ranking in one statement, over every match: the definition the strategy must equal. */
const exhaustive = (query: string) => t.db.$queryRawUnsafe<Exhaustive[]>(`
  SELECT "documentId", bm25("DocumentFts", 0.0, 5.0, 1.0) AS "rank",
         snippet("DocumentFts", 2, '[[', ']]', '…', 24) AS "snippet", highlight("DocumentFts", 1, '[[', ']]') AS "title"
  FROM "DocumentFts" WHERE "DocumentFts" MATCH ? ORDER BY "rank", "documentId"`, toFtsQuery(query));

const documentFrequency = async (word: string) => {
  const [r] = await t.db.$queryRawUnsafe<{ n: bigint | number }[]>('SELECT COUNT(*) AS "n" FROM "DocumentFts" WHERE "DocumentFts" MATCH ?', `"${word}"`);
  return Number(r!.n) / DOCUMENTS;
};

const QUERIES = [...RANKING_QUERIES, 'kilo lima mike' /* several middling words */];

describe('the corpus exercises what the strategy must get right', () => {
  it('has words in most documents and words in few', async () => {
    expect(await documentFrequency('alpha')).toBeGreaterThan(0.5);
    expect(await documentFrequency('bravo')).toBeGreaterThan(0.5);
    expect(await documentFrequency('rare120')).toBeLessThan(0.1);
    expect(await documentFrequency('rare120')).toBeGreaterThan(0);
  });

  it('has runs of equal score whose documentId order differs from insertion order', async () => {
    const rows = await t.db.$queryRawUnsafe<{ row: number; documentId: string; rank: number }[]>(`
      SELECT rowid AS "row", "documentId", bm25("DocumentFts", 0.0, 5.0, 1.0) AS "rank" FROM "DocumentFts"
      WHERE "DocumentFts" MATCH '"alpha"' ORDER BY "rank", rowid LIMIT 60`);
    const disagreements = rows.filter((r, i) => i > 0 && rows[i - 1]!.rank === r.rank && rows[i - 1]!.documentId > r.documentId);
    expect(disagreements.length).toBeGreaterThan(3);
  });
});

describe('the page statements read only the rows asked for', () => {
  // (A rowid bound as REAL next to MATCH is ignored by FTS5: every match would come back, slowly.)
  it('pageRows and documentIdsOf return exactly the requested rows', async () => {
    const match = toFtsQuery('alpha');
    const top = await topMatches(t.db, match, 3);
    const rows = top.map((r) => r.row);
    expect([...(await pageRows(t.db, match, rows)).keys()].sort()).toEqual([...rows].sort());
    expect([...(await documentIdsOf(t.db, rows)).keys()].sort()).toEqual([...rows].sort());
  });
});

describe.each(QUERIES)('%j', (query) => {
  let expected: Exhaustive[];
  beforeAll(async () => {
    expected = await exhaustive(query);
  });

  it('has matches (the query means something)', () => {
    expect(expected.length).toBeGreaterThan(0);
  });

  it('gives the exhaustive ranking at every cut of the first 120 ranks, however ties are read', async () => {
    const match = toFtsQuery(query);
    const ids = new Map((await t.db.$queryRawUnsafe<{ row: number; documentId: string }[]>(
      'SELECT rowid AS "row", "documentId" FROM "DocumentFts" WHERE "DocumentFts" MATCH ?', match)).map((r) => [Number(r.row), r.documentId]));
    for (let want = 1; want <= Math.min(120, expected.length + 1); want++) {
      // Slack 0 reads every run tied across the cut with a second statement; 32 mostly within the first.
      for (const slack of [0, 32]) {
        const top = await topMatches(t.db, match, want, slack);
        expect(top.map((r) => ids.get(r.row))).toEqual(expected.slice(0, want).map((r) => r.documentId));
        expect(top.map((r) => r.rank)).toEqual(expected.slice(0, want).map((r) => r.rank));
      }
    }
  });

  it('one-statement pages at every offset of the first 45 ranks equal the exhaustive ranking, with or without the tie path', async () => {
    const match = toFtsQuery(query);
    for (const size of [1, 3, 10]) {
      for (let offset = 0; offset <= Math.min(45, expected.length); offset++) {
        // Slack 0: the page's last score is often the last score read, and the tie path runs.
        for (const slack of [0, 32]) {
          const page = await sqlitePage(t.db, match, offset, size, true, slack);
          paths[page.readTies ? 'readTies' : 'oneStatement']++;
          const where = `size ${size}, offset ${offset}, slack ${slack}`;
          expect({ where, hits: page.hits }).toEqual({
            where,
            hits: expected.slice(offset, offset + size).map((r) => ({ documentId: r.documentId, score: -r.rank, snippet: r.snippet, title: r.title })),
          });
          expect({ where, more: page.more, total: page.total }).toEqual({ where, more: expected.length > offset + size, total: expected.length });
        }
      }
    }
  });

  it.each([1, 7, 100])('pages of %i through the API service equal the exhaustive ranking, snippets included', async (size) => {
    const seen = await searchPages(t.db, query, size, 150, expected.length);
    const n = Math.min(expected.length, seen.length);
    expect(n).toBe(Math.min(expected.length, size * Math.ceil(150 / size)));
    expect(seen.slice(0, n)).toEqual(expected.slice(0, n).map((r) => ({ documentId: r.documentId, score: -r.rank, snippet: r.snippet, titleHighlight: r.title })));
  });
});

describe('the one-statement page', () => {
  it('ran on both of its paths above (so both are compared with the exhaustive ranking)', () => {
    expect(paths.oneStatement).toBeGreaterThan(100);
    expect(paths.readTies).toBeGreaterThan(20);
  });

  it('costs one statement for a page with its totalCount, and a count alone one statement', async () => {
    for (const query of QUERIES) {
      statements.length = 0;
      const page = await searchDocuments(t.db, query, 10, null, false, true);
      await page.totalCount();
      // (With two read workers idle, a one-row read of the index's highest rowid comes first: it finds
      // the corpus too small to share the ranking out, see search-shared-ranking.test.ts.)
      expect({ query, statements: statements.filter((s) => !/ORDER BY rowid DESC LIMIT 1/.test(s)).length }).toEqual({ query, statements: 1 });
      statements.length = 0;
      await (await searchDocuments(t.db, query, 10, null, true)).totalCount();
      expect({ query, statements: statements.length }).toEqual({ query, statements: 1 });
    }
  });

  it('reads no count when totalCount is not selected, and reads it on its own if asked anyway', async () => {
    statements.length = 0;
    const page = await searchDocuments(t.db, 'alpha', 10, null, false, false);
    expect(statements.filter((s) => /COUNT\(\*\)/.test(s))).toEqual([]);
    expect(await page.totalCount()).toBe((await exhaustive('alpha')).length);
    expect(statements.filter((s) => /COUNT\(\*\)/.test(s))).toHaveLength(1);
  });
});
