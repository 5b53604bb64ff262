/**
 * The PostgreSQL statements behind search (search.ts gives the meaning both stores share).
 *
 * "DocumentSearch" holds one tsvector per document (title weighted A, body D; configuration "dossier":
 * English stemming over unaccent), kept by triggers and indexed by GIN (see the document_search
 * migration). A page is ranked from that table alone — the index finds the matches, ts_rank_cd scores
 * each from its stored vector, no document row is read — and only the page's rows are then joined to
 * "Document" for ts_headline, which re-parses the text (the costly part, never done per match).
 */
import type { DbTx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { SearchStore } from './search.ts';

/** Each term through phraseto_tsquery (plain text in, no operators), all required (&&). */
const tsQuery = (terms: string[][]) =>
  Prisma.join(terms.map((t) => Prisma.sql`phraseto_tsquery('dossier', ${t.join(' ')})`), ' && ');

/**
 * ts_headline marks each matching word, wherever it is: a phrase's words next to each other become one
 * mark, as FTS5 gives it, and a mark as long as no term (one word of a phrase found alone) is unmarked.
 */
export function marks(text: string, terms: string[][]): string {
  const lengths = new Set(terms.map((t) => t.length));
  return text
    .replace(/\]\](\s+)\[\[/g, '$1')
    .replace(/\[\[(.*?)\]\]/g, (mark, inner: string) => (lengths.has(inner.split(/\s+/).length) ? mark : inner));
}

export const postgresSearch: SearchStore = {
  async page(db: DbTx, terms, offset, size) {
    // Weights are {D, C, B, A}: title (A) 1.0, body (D) 0.2, as FTS5's 5:1. Normalisation 1 divides by
    // 1 + log(length), so long texts do not win by size, as BM25's length normalisation does.
    // The ranking takes one row more than the page (is there a next page?); headlines are made for the
    // page's rows only.
    const rows = await db.$queryRaw<{ documentId: string; rank: number; snippet: string | null; title: string | null }[]>(Prisma.sql`
      WITH "q" AS (SELECT ${tsQuery(terms)} AS "query"),
      "ranked" AS (
        SELECT s."documentId", ts_rank_cd('{0.2, 0.2, 0.2, 1.0}', s."vector", "q"."query", 1) AS "rank"
        FROM "DocumentSearch" s CROSS JOIN "q" WHERE s."vector" @@ "q"."query"
        ORDER BY "rank" DESC, s."documentId" LIMIT ${size + 1} OFFSET ${offset}),
      "numbered" AS (SELECT r.*, row_number() OVER (ORDER BY r."rank" DESC, r."documentId") AS "n" FROM "ranked" r)
      SELECT h."documentId", CAST(h."rank" AS DOUBLE PRECISION) AS "rank",
             CASE WHEN h."n" <= ${size} THEN ts_headline('dossier', d."body", "q"."query", 'StartSel=[[, StopSel=]], MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…') END AS "snippet",
             CASE WHEN h."n" <= ${size} THEN ts_headline('dossier', d."title", "q"."query", 'StartSel=[[, StopSel=]], HighlightAll=true') END AS "title"
      FROM "numbered" h JOIN "Document" d ON d."id" = h."documentId" CROSS JOIN "q"
      ORDER BY h."n"`);
    const hits = rows.slice(0, size).map((r) => ({
      documentId: r.documentId,
      score: Number(r.rank),
      snippet: marks(r.snippet ?? '', terms),
      title: marks(r.title ?? '', terms),
    }));
    return { hits, more: rows.length > size };
  },
  async count(db: DbTx, terms) {
    const [r] = await db.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "DocumentSearch" s WHERE s."vector" @@ (${tsQuery(terms)})`);
    return Number(r?.n ?? 0);
  },
};
