/**
 * Search on PostgreSQL (search-postgres.ts: rank from "DocumentSearch" alone, headlines for the page's
 * rows only) gives exactly what one exhaustive statement gives: every match scored by ts_rank_cd and
 * ordered by (score desc, documentId), with its headlines. Over a generated corpus whose ids do not
 * follow insertion order and whose documents tie on score often (repeated texts), for common, rare,
 * mixed, phrase and five-word queries, page by page. The SQLite counterpart (bm25, FTS5) is
 * test/integration/search-ranking.test.ts. Runs under `npm run test:postgres`.
 */
import { Prisma } from '../../src/generated/prisma/client.ts';
import { searchTerms } from '../../src/services/search.ts';
import { marks } from '../../src/services/search-postgres.ts';
import { migratedDb, testPostgresUrl, type TestDb } from '../helpers/db.ts';
import { fillSearchCorpus, RANKING_QUERIES, searchPages } from '../helpers/search-corpus.ts';

if (!testPostgresUrl) throw new Error('test/postgres needs TEST_POSTGRES_URL: run it with `npm run test:postgres`');

let t: TestDb;

beforeAll(async () => {
  t = await migratedDb();
  await fillSearchCorpus(t.db, 300);
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

const QUERIES = RANKING_QUERIES;

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
    const seen = await searchPages(t.db, query, size, 60, expected.length);
    const n = Math.min(expected.length, seen.length);
    expect(n).toBe(Math.min(expected.length, size * Math.ceil(60 / size)));
    expect(seen.slice(0, n)).toEqual(expected.slice(0, n).map((r) => ({ documentId: r.documentId, score: r.rank, snippet: r.snippet, titleHighlight: r.title })));
  });
});
