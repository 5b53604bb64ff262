/**
 * The search-ranking suites' corpus (test/integration/search-ranking.test.ts on SQLite's FTS5,
 * test/postgres/search-ranking.test.ts on PostgreSQL's tsvector), and their walk through the API
 * service's pages: generated texts whose words run from nearly every document to few (Zipf-like), a
 * third of them repeating an earlier text (exact ties on every query), lengths from a short list, and
 * random ids, so that insertion order says nothing about documentId order.
 */
import crypto from 'node:crypto';
import type { Db } from '../../src/db/client.ts';
import { dialectOf } from '../../src/db/dialect.ts';
import { searchDocuments } from '../../src/services/search.ts';
// mulberry32, the benchmark corpus's seeded PRNG: the same corpus every run.
import { rng } from '../../bench/corpus.ts';

// Zipf-like: the first words are in nearly every document, the last in few.
const VOCABULARY = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima',
  'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango', 'uniform', 'victor', 'whiskey', 'xray', 'yankee', 'zulu',
  ...Array.from({ length: 200 }, (_, i) => `rare${i}`)];

/** Queries both suites check: common, rare, mixed, phrase and five-word. */
export const RANKING_QUERIES = [
  'alpha', // in nearly every document (on SQLite: idf clamped, ordered by the tiny clamped weights)
  'alpha bravo', // two such words
  'alpha bravo charlie delta echo', // five common words
  'kilo', // in a minority
  'rare120', // in a few
  'rare120 alpha', // mixed: one rare word, one everywhere
  '"alpha bravo"', // a phrase
  'rare1 rare2 rare3 rare4 rare5', // five less common words
];

/** Inserts `documents` generated documents (the same ones every run for a given count) into an empty migrated database. */
export async function fillSearchCorpus(db: Db, documents: number): Promise<void> {
  const random = rng(7);
  const word = () => VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(random() * Math.log(VOCABULARY.length + 1)) - 1))]!;
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  const texts: { title: string; body: string }[] = [];
  for (let i = 0; i < documents; i++) {
    const repeat = i > 10 && random() < 0.33 ? texts[Math.floor(random() * texts.length)] : undefined;
    texts.push(repeat ?? { title: text(3 + Math.floor(random() * 3)), body: text([20, 40, 60][Math.floor(random() * 3)]!) });
  }
  // SQLite stores Prisma's DateTime as ISO text, PostgreSQL as a timestamp.
  const now = () => (dialectOf(db).provider === 'postgresql' ? new Date() : new Date().toISOString());
  await db.$transaction(texts.map((d, i) => db.$executeRaw`
    INSERT INTO "Document" ("id", "slug", "title", "publisher", "body", "contentHash", "wordCount", "updatedAt")
    VALUES (${crypto.randomBytes(6).toString('hex')}, ${`doc-${i}`}, ${d.title}, ${'Test'}, ${d.body}, ${crypto.randomUUID()}, ${0}, ${now()})`));
}

export interface SearchHit { documentId: string; score: number; snippet: string; titleHighlight: string }

/**
 * Pages of `size` through the API service (searchDocuments) until the last page or at least `upTo`
 * hits, checking every page's totalCount against `total`; the hits in order.
 */
export async function searchPages(db: Db, query: string, size: number, upTo: number, total: number): Promise<SearchHit[]> {
  const seen: SearchHit[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 400; pages++) {
    const page = await searchDocuments(db, query, size, after);
    seen.push(...page.edges.map((e) => e.node));
    expect(await page.totalCount()).toBe(total);
    if (!page.pageInfo.hasNextPage || seen.length >= upTo) break;
    after = page.pageInfo.endCursor;
  }
  return seen;
}
