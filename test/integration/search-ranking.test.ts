/**
 * The search strategy (rank from the index, restore documentId order among ties, snippets for the page
 * only) gives exactly what one exhaustive statement gives: every match scored by bm25 and ordered by
 * (score, documentId), with snippet and highlight. Checked over a generated corpus whose ids do not
 * follow insertion order and whose documents tie on score often (repeated texts, few distinct lengths),
 * for rare, common (in most documents: idf clamped), mixed, phrase and five-word queries, page by page
 * and at every cut of the first 120 ranks.
 */
import crypto from 'node:crypto';
import { migratedDb, type TestDb } from '../helpers/db.ts';
import { searchDocuments, toFtsQuery, topMatches } from '../../src/services/search.ts';
import { documentIdsOf, pageRows } from '../../src/services/search-sqlite.ts';

let t: TestDb;

/** mulberry32: the same corpus every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const DOCUMENTS = 400;
// Zipf-like: the first words are in nearly every document, the last in few.
const VOCABULARY = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima',
  'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango', 'uniform', 'victor', 'whiskey', 'xray', 'yankee', 'zulu',
  ...Array.from({ length: 200 }, (_, i) => `rare${i}`)];

beforeAll(async () => {
  t = await migratedDb();
  const random = rng(7);
  const word = () => VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(random() * Math.log(VOCABULARY.length + 1)) - 1))]!;
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  const texts: { title: string; body: string }[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    // A third repeat an earlier text (exact ties on every query); lengths come from a short list.
    const repeat = i > 10 && random() < 0.33 ? texts[Math.floor(random() * texts.length)] : undefined;
    texts.push(repeat ?? { title: text(3 + Math.floor(random() * 3)), body: text([20, 40, 60][Math.floor(random() * 3)]!) });
  }
  // Random ids, so that insertion (rowid) order says nothing about documentId order.
  await t.db.$transaction(texts.map((d, i) => t.db.$executeRaw`
    INSERT INTO "Document" ("id", "slug", "title", "publisher", "body", "contentHash", "wordCount", "updatedAt")
    VALUES (${crypto.randomBytes(6).toString('hex')}, ${`doc-${i}`}, ${d.title}, ${'Test'}, ${d.body}, ${crypto.randomUUID()}, ${0}, ${new Date().toISOString()})`));
});
afterAll(async () => {
  await t.close();
});

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

const QUERIES = [
  'alpha', // in nearly every document: idf clamped, ordered by the tiny clamped weights
  'alpha bravo', // two such words
  'alpha bravo charlie delta echo', // five common words
  'kilo', // in a minority
  'rare120', // in a few
  'rare120 alpha', // mixed: one rare word, one everywhere
  'kilo lima mike', // several middling words
  '"alpha bravo"', // a phrase
  'rare1 rare2 rare3 rare4 rare5', // five less common words
];

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

  it.each([1, 7, 100])('pages of %i through the API service equal the exhaustive ranking, snippets included', async (size) => {
    const seen: { documentId: string; score: number; snippet: string; titleHighlight: string }[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 400; pages++) {
      const page = await searchDocuments(t.db, query, size, after);
      seen.push(...page.edges.map((e) => e.node));
      expect(await page.totalCount()).toBe(expected.length);
      if (!page.pageInfo.hasNextPage || seen.length >= 150) break;
      after = page.pageInfo.endCursor;
    }
    const n = Math.min(expected.length, seen.length);
    expect(n).toBe(Math.min(expected.length, size * Math.ceil(150 / size)));
    expect(seen.slice(0, n)).toEqual(expected.slice(0, n).map((r) => ({ documentId: r.documentId, score: -r.rank, snippet: r.snippet, titleHighlight: r.title })));
  });
});
