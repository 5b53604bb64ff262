/**
 * Search's strategy against one exhaustive statement, on a benchmark corpus, at the service level:
 *
 *   npm run bench:search -- --corpus <file.db> [--rounds 15]
 *
 * For words in under 1%, 1–5%, 5–10% and over half of the documents (one word and five words of each,
 * a rare word with a common one, and two and five words under 10% taken from one document's body), it
 * times the statement search used to run (bm25, snippet and highlight in one `ORDER BY bm25,
 * "documentId" LIMIT 11`, through the same database client) and the service's strategy (ranking from
 * the index, ties settled by documentId, snippets for the page only) with and without totalCount,
 * checks that both give the same first page (ids, scores, snippets, highlights) and prints p50/p99.
 * Read-only: the corpus is not written.
 */
import Database from 'better-sqlite3';
import { createDb } from '../src/db/client.ts';
import { searchDocuments } from '../src/services/search.ts';

const arg = (name: string, fallback = '') => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const file = arg('corpus');
const ROUNDS = Number(arg('rounds', '15'));
if (!file || !Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error('usage: npm run bench:search -- --corpus <file.db> [--rounds 15]');
  process.exit(2);
}

const raw = new Database(file, { readonly: true });
const documents = (raw.prepare('SELECT COUNT(*) AS n FROM "DocumentFts"').get() as { n: number }).n;
raw.exec(`CREATE VIRTUAL TABLE temp."vocab" USING fts5vocab(main, "DocumentFts", row)`);
/** Words (stemmed terms, which search back to themselves) in [min, max] documents. */
const words = (min: number, max: number, n: number) => (raw.prepare(
  `SELECT "term" FROM temp."vocab" WHERE "doc" >= ? AND "doc" <= ? AND length("term") > 3 ORDER BY "doc" DESC, "term" LIMIT ?`,
).all(Math.max(1, Math.floor(min)), Math.floor(max), n) as { term: string }[]).map((r) => r.term);

const classes: [string, string[]][] = [
  ['< 1%', words(documents * 0.002, documents * 0.01, 5)],
  ['1–5%', words(documents * 0.01, documents * 0.05, 5)],
  ['5–10%', words(documents * 0.05, documents * 0.1, 5)],
  ['> 50%', words(documents * 0.5, documents, 5)],
];
const queries: [string, string][] = classes.flatMap(([label, w]) => [[`1 word ${label}`, w[0]!], [`5 words ${label}`, w.join(' ')]] as [string, string][]);
queries.push(['1–5% + > 50%', `${classes[1]![1][0]} ${classes[3]![1][0]}`]);
// Five independent rare words seldom meet in one document: also take five words that do, from a body.
const df = raw.prepare('SELECT COUNT(*) AS n FROM "DocumentFts" WHERE "DocumentFts" MATCH ?');
for (const row of raw.prepare('SELECT "body" FROM "DocumentFts" ORDER BY rowid DESC LIMIT 20').all() as { body: string }[]) {
  const picked = [...new Set(row.body.toLowerCase().match(/\p{L}{4,}/gu) ?? [])].filter((w) => {
    const n = (df.get(`"${w}"`) as { n: number }).n;
    return n >= documents * 0.01 && n < documents * 0.1;
  }).slice(0, 5);
  if (picked.length === 5) {
    queries.push(['5 words 1–10%, one body', picked.join(' ')], ['2 words 1–10%, one body', picked.slice(0, 2).join(' ')]);
    break;
  }
}

// Run through the same client as the service, so both pay the same driver costs.
const EXHAUSTIVE = `SELECT "documentId", bm25("DocumentFts", 0.0, 5.0, 1.0) AS "rank",
  snippet("DocumentFts", 2, '[[', ']]', '…', 24) AS "snippet", highlight("DocumentFts", 1, '[[', ']]') AS "title"
  FROM "DocumentFts" WHERE "DocumentFts" MATCH ? ORDER BY "rank", "documentId" LIMIT 11`;
const count = raw.prepare('SELECT COUNT(*) AS n FROM "DocumentFts" WHERE "DocumentFts" MATCH ?');

const db = await createDb(`file:${file}`);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => x.toFixed(1);

console.log(`search: ${documents} documents, ${ROUNDS} rounds, the three alternated; p50 / p99 in ms`);
console.log('| query | words | matches | one statement (before) | strategy, page | strategy, page + totalCount | same page |');
console.log('|---|---|---:|---:|---:|---:|---|');
for (const [label, q] of queries) {
  const match = q.split(' ').map((w) => `"${w}"`).join(' ');
  const times = { old: [] as number[], page: [] as number[], both: [] as number[] };
  let same = true;
  const expected = (rows: { documentId: string; rank: number; snippet: string; title: string }[]) =>
    rows.slice(0, 10).map((r) => ({ documentId: r.documentId, score: -r.rank, snippet: r.snippet, titleHighlight: r.title }));
  const runs = {
    page: async () => { await searchDocuments(db, q, 10, null); },
    both: async () => { await (await searchDocuments(db, q, 10, null)).totalCount(); },
  };
  const order = ['old', 'page', 'both'] as const;
  for (let i = 0; i < ROUNDS; i++) {
    // Rotate which goes first: on a busy machine the first statement of a round pays more.
    for (let k = 0; k < order.length; k++) {
      const which = order[(i + k) % order.length]!;
      const t = performance.now();
      if (which === 'old') {
        const rows = await db.$queryRawUnsafe<{ documentId: string; rank: number; snippet: string; title: string }[]>(EXHAUSTIVE, match);
        times.old.push(performance.now() - t);
        const page = await searchDocuments(db, q, 10, null);
        same &&= JSON.stringify(page.edges.map((e) => e.node)) === JSON.stringify(expected(rows)) && page.pageInfo.hasNextPage === rows.length > 10;
      } else {
        await runs[which]();
        times[which].push(performance.now() - t);
      }
    }
  }
  const n = (count.get(match) as { n: number }).n;
  const cell = (xs: number[]) => `${ms(pct(xs, 0.5))} / ${ms(pct(xs, 0.99))}`;
  console.log(`| ${label} | ${q} | ${n} | ${cell(times.old)} | ${cell(times.page)} | ${cell(times.both)} | ${same ? 'yes' : '**NO**'} |`);
  if (!same) process.exitCode = 1;
}
await db.$disconnect();
raw.close();
