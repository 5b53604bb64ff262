/**
 * Search on PostgreSQL (search-postgres.ts: rank from "DocumentSearch" alone, headlines for the page's
 * rows only) gives exactly what one exhaustive statement gives: every match scored by ts_rank_cd and
 * ordered by (score desc, documentId), with its headlines. Over a generated corpus whose ids do not
 * follow insertion order and whose documents tie on score often (repeated texts), for common, rare,
 * mixed, phrase and five-word queries, page by page. The SQLite counterpart (bm25, FTS5) is
 * test/integration/search-ranking.test.ts. Runs under `npm run test:postgres`.
 */
import crypto from 'node:crypto';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { searchDocuments, searchTerms } from '../../src/services/search.ts';
import { marks } from '../../src/services/search-postgres.ts';
import { migratedDb, testPostgresUrl, type TestDb } from '../helpers/db.ts';

if (!testPostgresUrl) throw new Error('test/postgres needs TEST_POSTGRES_URL: run it with `npm run test:postgres`');

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

const DOCUMENTS = 300;
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
    // A third repeat an earlier text (exact ties on every query).
    const repeat = i > 10 && random() < 0.33 ? texts[Math.floor(random() * texts.length)] : undefined;
    texts.push(repeat ?? { title: text(3 + Math.floor(random() * 3)), body: text([20, 40, 60][Math.floor(random() * 3)]!) });
  }
  // Random ids, so that insertion order says nothing about documentId order.
  await t.db.$transaction(texts.map((d, i) => t.db.$executeRaw`
    INSERT INTO "Document" ("id", "slug", "title", "publisher", "body", "contentHash", "wordCount", "updatedAt")
    VALUES (${crypto.randomBytes(6).toString('hex')}, ${`doc-${i}`}, ${d.title}, ${'Test'}, ${d.body}, ${crypto.randomUUID()}, ${0}, ${new Date()})`));
});
afterAll(async () => {
  await t?.close();
});

interface Exhaustive { documentId: string; rank: number; snippet: string; title: string }

/** The ranking in one statement, over every match, headlines for all: the definition the service must equal. */
async function exhaustive(query: string): Promise<Exhaustive[]> {
  const terms = searchTerms(query);
  const q = Prisma.join(terms.map((w) => Prisma.sql`phraseto_tsquery('dossier', ${w.join(' ')})`), ' && ');
  const rows = await t.db.$queryRaw<Exhaustive[]>(Prisma.sql`
    SELECT s."documentId", CAST(ts_rank_cd('{0.2, 0.2, 0.2, 1.0}', s."vector", ${q}, 1) AS DOUBLE PRECISION) AS "rank",
           ts_headline('dossier', d."body", ${q}, 'StartSel=[[, StopSel=]], MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…') AS "snippet",
           ts_headline('dossier', d."title", ${q}, 'StartSel=[[, StopSel=]], HighlightAll=true') AS "title"
    FROM "DocumentSearch" s JOIN "Document" d ON d."id" = s."documentId"
    WHERE s."vector" @@ (${q})
    ORDER BY "rank" DESC, s."documentId"`);
  return rows.map((r) => ({ ...r, snippet: marks(r.snippet, terms), title: marks(r.title, terms) }));
}

const QUERIES = ['alpha', 'alpha bravo', 'alpha bravo charlie delta echo', 'kilo', 'rare120', 'rare120 alpha', '"alpha bravo"', 'rare1 rare2 rare3 rare4 rare5'];

it('the corpus has runs of equal score whose documentId order differs from insertion order', async () => {
  const rows = await exhaustive('alpha');
  const ties = rows.filter((r, i) => i > 0 && rows[i - 1]!.rank === r.rank);
  expect(ties.length).toBeGreaterThan(3);
});

describe.each(QUERIES)('%j', (query) => {
  let expected: Exhaustive[];
  beforeAll(async () => {
    expected = await exhaustive(query);
  });

  it('has matches (the query means something)', () => {
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each([1, 7, 100])('pages of %i through the API service equal the exhaustive ranking, headlines included', async (size) => {
    const seen: { documentId: string; score: number; snippet: string; titleHighlight: string }[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 400; pages++) {
      const page = await searchDocuments(t.db, query, size, after);
      seen.push(...page.edges.map((e) => e.node));
      expect(await page.totalCount()).toBe(expected.length);
      if (!page.pageInfo.hasNextPage || seen.length >= 60) break;
      after = page.pageInfo.endCursor;
    }
    const n = Math.min(expected.length, seen.length);
    expect(n).toBe(Math.min(expected.length, size * Math.ceil(60 / size)));
    expect(seen.slice(0, n)).toEqual(expected.slice(0, n).map((r) => ({ documentId: r.documentId, score: r.rank, snippet: r.snippet, titleHighlight: r.title })));
  });
});
