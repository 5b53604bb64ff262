/**
 * The SQLite (FTS5) statements behind search, kept in one place so another store (PostgreSQL's
 * tsvector) can answer the same questions with its own SQL:
 *
 *   rankedPage(match, limit, from, to)  the best `limit` matches by (score, row), put in (score, documentId)
 *                                        order, with snippets and title highlights for positions [from, to)
 *                                        and, if asked, the number of matches: one statement per search page
 *   rankedRows(match, limit)   the best `limit` matches as (row, score), best first, ties by row
 *   rankedShare(match, limit, share)  the same over a share of the matches (see Share), with document ids
 *                              and, if asked, the share's number of matches
 *   rowsScoring(match, score, share?)  every match (of a share) with exactly this score, with its document id
 *   documentIdsOf(rows)        the document id of each row
 *   pageRows(match, rows)      document id, snippet and title highlight of the page's rows
 *   countMatches(match)        how many documents match
 * (The last five are the path for a run of tied scores longer than rankedPage read, and for a ranking
 * shared out between the read workers, see search.ts.)
 *
 * Why ranking is split from everything else (measured on a generated corpus, 10k documents, a word in
 * every document): ranking by `bm25(), "documentId"` reads each match's stored row to get its id —
 * 190 ms, nine tenths of the statement — where ranking by `bm25(), rowid` reads nothing but the index
 * (20 ms). Snippets and highlights re-tokenize a 3 KB body (~0.2 ms each), so they are computed for
 * the page's rows only, never for every match. rankedPage reads the ids of the `limit` rows it keeps
 * (a rowid lookup each) and restores the documentId order among them.
 *
 * Why one statement: each statement is a round trip to a read worker and through the reader's decoding
 * (at 100k, a rare word's page through the service took 40 ms for four statements whose SQL took
 * 24 ms); rankedPage does in one what rank, ids, page and count did in four. The statements go through the client's
 * `lists` reader (src/db/sql-reader.ts: the read workers, without Prisma's query pipeline).
 *
 * FTS5 pitfalls: `rowid = ?` next to MATCH with the value bound as a REAL (how JavaScript numbers bind)
 * is silently ignored, and every match comes back; rowid lists are therefore passed as JSON and read
 * with json_each, whose values are INTEGERs. And an auxiliary function (bm25, snippet) in a subquery
 * that SQLite flattens into another is refused ("unable to use function … in the requested context"):
 * the subqueries are MATERIALIZED.
 */
import { readersOf, type DbTx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';

/** bm25 with column weights (documentId 0, title 5, body 1). FTS5's score is negative: lower is better. */
const BM25 = Prisma.sql`bm25("DocumentFts", 0.0, 5.0, 1.0)`;
const SNIPPET = Prisma.sql`snippet("DocumentFts", 2, '[[', ']]', '…', 24)`;
const TITLE = Prisma.sql`highlight("DocumentFts", 1, '[[', ']]')`;

export interface RankedRow {
  row: number;
  /** FTS5's bm25: negative, lower is better. */
  rank: number;
}

const int = (v: bigint | number) => Number(v);
const rowList = (rows: number[]) => JSON.stringify(rows);
const read = <T>(db: DbTx, query: Prisma.Sql) => readersOf(db).lists.rows<T>(query);

export interface RankedPageRow extends RankedRow {
  documentId: string;
  /** Set for the rows at positions [from, to) only. */
  snippet: string | null;
  title: string | null;
}

/**
 * The best `limit` matches by (bm25, rowid), returned in (bm25, documentId) order, with snippet and
 * title highlight for the rows at positions [from, to) of that order, and the number of matches when
 * `withCount`. The order is the exhaustive one for every position whose score is not the score of
 * the last row read while `limit` rows were read (search.ts checks this).
 */
export async function rankedPage(db: DbTx, match: string, limit: number, from: number, to: number, withCount: boolean): Promise<{ rows: RankedPageRow[]; total?: number }> {
  const found = await read<{ row: bigint | number; rank: number; documentId: string; snippet: string | null; title: string | null; total?: bigint | number }>(db, Prisma.sql`
    WITH "top" AS MATERIALIZED (
      SELECT rowid AS "row", ${BM25} AS "rank" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}
      ORDER BY "rank", rowid LIMIT ${limit}
    ), "ranked" AS MATERIALIZED (
      SELECT t."row", t."rank", f."documentId", row_number() OVER (ORDER BY t."rank", f."documentId") - 1 AS "pos"
      FROM "top" t JOIN "DocumentFts" f ON f.rowid = t."row"
    ), "page" AS MATERIALIZED (
      SELECT rowid AS "row", ${SNIPPET} AS "snippet", ${TITLE} AS "title" FROM "DocumentFts"
      WHERE "DocumentFts" MATCH ${match} AND rowid IN (SELECT "row" FROM "ranked" WHERE "pos" >= ${from} AND "pos" < ${to})
    )${withCount ? Prisma.sql`, "total" AS MATERIALIZED (SELECT COUNT(*) AS "n" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match})` : Prisma.empty}
    SELECT r."row", r."rank", r."documentId", p."snippet", p."title"${withCount ? Prisma.sql`, (SELECT "n" FROM "total") AS "total"` : Prisma.empty}
    FROM "ranked" r LEFT JOIN "page" p ON p."row" = r."row"
    ORDER BY r."pos"`);
  const rows = found.map((r) => ({ row: int(r.row), rank: Number(r.rank), documentId: r.documentId, snippet: r.snippet, title: r.title }));
  // No row: no match (the count would be 0).
  return { rows, total: withCount ? (found[0]?.total === undefined ? 0 : int(found[0].total)) : undefined };
}

/** The index's first and last rowids (both 0 when it is empty). */
export interface RowSpan {
  lowest: number;
  highest: number;
}

/**
 * One of `parts` disjoint shares of the matches: the `part`-th of `parts` equal rowid ranges over the
 * span (the first open below, the last open above, so that a row written since the span was read
 * still belongs to one). FTS5 seeks each term's postings to the range, so a share reads its own part of
 * them only, and bm25 is evaluated for its matches only, while bm25's statistics (rows, rows per term,
 * average length) stay the whole index's: a match scores the same in every share. Ranges rather than
 * rowid modulo `parts` (which is even for any word but makes every share walk all the postings: +15 %
 * for two common words at 100k): the words whose ranking is worth sharing are in most documents, so
 * they are spread over the whole range. (Inlined integers, never input: FTS5 ignores a rowid bound
 * as REAL, see the header.)
 */
export interface Share {
  part: number;
  parts: number;
  span: RowSpan;
}

const inShare = (share?: Share) => {
  if (!share) return Prisma.empty;
  const { part, parts, span: { lowest, highest } } = share;
  const ints = [part, parts, lowest, highest];
  if (!ints.every(Number.isSafeInteger) || part < 0 || part >= parts || highest < lowest) throw new Error(`bad share ${part} of ${parts} over ${lowest}–${highest}`);
  const start = (i: number) => lowest + Math.floor(((highest - lowest + 1) * i) / parts);
  return Prisma.raw(`${part > 0 ? ` AND rowid >= ${start(part)}` : ''}${part < parts - 1 ? ` AND rowid < ${start(part + 1)}` : ''}`);
};

/**
 * The best `limit` matches of a share, best first (ties by row), with their document ids (a rowid
 * lookup for each row kept, so that ties across shares are put in documentId order without another
 * statement), and, with `withCount`, the number of the share's matches (0 when it returned no row).
 */
export async function rankedShare(db: DbTx, match: string, limit: number, share: Share, withCount: boolean): Promise<{ rows: (RankedRow & { documentId: string })[]; total: number }> {
  const rows = await read<{ row: bigint | number; rank: number; documentId: string; total?: bigint | number }>(db, Prisma.sql`
    WITH "top" AS MATERIALIZED (
      SELECT rowid AS "row", ${BM25} AS "rank" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}${inShare(share)}
      ORDER BY "rank", rowid LIMIT ${limit}
    )${withCount ? Prisma.sql`, "total" AS MATERIALIZED (SELECT COUNT(*) AS "n" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}${inShare(share)})` : Prisma.empty}
    SELECT t."row", t."rank", f."documentId"${withCount ? Prisma.sql`, (SELECT "n" FROM "total") AS "total"` : Prisma.empty}
    FROM "top" t JOIN "DocumentFts" f ON f.rowid = t."row" ORDER BY t."rank", t."row"`);
  return {
    rows: rows.map((r) => ({ row: int(r.row), rank: Number(r.rank), documentId: r.documentId })),
    total: rows[0]?.total === undefined ? 0 : int(rows[0].total),
  };
}

export async function rankedRows(db: DbTx, match: string, limit: number): Promise<RankedRow[]> {
  const rows = await read<{ row: bigint | number; rank: number }>(db, Prisma.sql`
    SELECT rowid AS "row", ${BM25} AS "rank" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}
    ORDER BY "rank", rowid LIMIT ${limit}`);
  return rows.map((r) => ({ row: int(r.row), rank: Number(r.rank) }));
}

export async function rowsScoring(db: DbTx, match: string, rank: number, share?: Share): Promise<{ row: number; documentId: string }[]> {
  const rows = await read<{ row: bigint | number; documentId: string }>(db, Prisma.sql`
    SELECT rowid AS "row", "documentId" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}${inShare(share)} AND ${BM25} = ${rank}`);
  return rows.map((r) => ({ row: int(r.row), documentId: r.documentId }));
}

/**
 * The index's first and last rowids, from its first and last rows (FTS5 serves `ORDER BY rowid` either
 * way without a scan; `min`/`max(rowid)` would scan). The highest is also about how many documents it
 * holds (rowids are assigned in order and rarely freed). On the main thread's reader: two rows read.
 */
export async function rowSpan(db: DbTx): Promise<RowSpan> {
  const [r] = await readersOf(db).bounded.rows<{ lowest: bigint | number | null; highest: bigint | number | null }>(Prisma.sql`
    SELECT (SELECT rowid FROM "DocumentFts" ORDER BY rowid LIMIT 1) AS "lowest", (SELECT rowid FROM "DocumentFts" ORDER BY rowid DESC LIMIT 1) AS "highest"`);
  return { lowest: int(r?.lowest ?? 0), highest: int(r?.highest ?? 0) };
}

/** How many statements the lists reader would start at once now (its idle read workers): the shares worth making. */
export const idleReads = (db: DbTx) => readersOf(db).lists.idle ?? 1;

export async function documentIdsOf(db: DbTx, rows: number[]): Promise<Map<number, string>> {
  if (!rows.length) return new Map();
  const found = await read<{ row: bigint | number; documentId: string }>(db, Prisma.sql`
    SELECT rowid AS "row", "documentId" FROM "DocumentFts" WHERE rowid IN (SELECT "value" FROM json_each(${rowList(rows)}))`);
  return new Map(found.map((r) => [int(r.row), r.documentId]));
}

export interface PageRow {
  row: number;
  documentId: string;
  snippet: string;
  title: string;
}

export async function pageRows(db: DbTx, match: string, rows: number[]): Promise<Map<number, PageRow>> {
  if (!rows.length) return new Map();
  const found = await read<{ row: bigint | number; documentId: string; snippet: string; title: string }>(db, Prisma.sql`
    SELECT rowid AS "row", "documentId", ${SNIPPET} AS "snippet", ${TITLE} AS "title"
    FROM "DocumentFts"
    WHERE "DocumentFts" MATCH ${match} AND rowid IN (SELECT "value" FROM json_each(${rowList(rows)}))`);
  return new Map(found.map((r) => [int(r.row), { ...r, row: int(r.row) }]));
}

export async function countMatches(db: DbTx, match: string): Promise<number> {
  const [r] = await read<{ n: bigint | number }>(db, Prisma.sql`SELECT COUNT(*) AS "n" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}`);
  return Number(r?.n ?? 0);
}
