/**
 * The SQLite (FTS5) statements behind search, kept in one place so another store (PostgreSQL's
 * tsvector) can answer the same questions with its own SQL:
 *
 *   rankedRows(match, limit)   the best `limit` matches as (row, score), best first, ties by row
 *   rowsScoring(match, score)  every match with exactly this score, with its document id
 *   documentIdsOf(rows)        the document id of each row
 *   pageRows(match, rows)      document id, snippet and title highlight of the page's rows
 *   countMatches(match)        how many documents match
 *
 * Why ranking is split from everything else (measured on a generated corpus, 10k documents, a word in
 * every document): ranking by `bm25(), "documentId"` reads each match's stored row to get its id —
 * 190 ms, nine tenths of the statement — where ranking by `bm25(), rowid` reads nothing but the index
 * (20 ms). Snippets and highlights re-tokenize a 3 KB body (~0.2 ms each), so they are computed for
 * the page's rows only, never for every match. search.ts restores the documentId order among ties.
 *
 * FTS5 pitfall: `rowid = ?` next to MATCH with the value bound as a REAL (the driver binds JavaScript
 * numbers as REAL) is silently ignored, and every match comes back. Rowids are therefore bound as
 * BigInt, which binds as INTEGER.
 */
import type { DbTx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';

/** bm25 with column weights (documentId 0, title 5, body 1). FTS5's score is negative: lower is better. */
const BM25 = Prisma.sql`bm25("DocumentFts", 0.0, 5.0, 1.0)`;

export interface RankedRow {
  row: number;
  /** FTS5's bm25: negative, lower is better. */
  rank: number;
}

const int = (v: bigint | number) => Number(v);
const rowids = (rows: number[]) => Prisma.join(rows.map((r) => BigInt(r)));

export async function rankedRows(db: DbTx, match: string, limit: number): Promise<RankedRow[]> {
  const rows = await db.$queryRaw<{ row: bigint | number; rank: number }[]>(Prisma.sql`
    SELECT rowid AS "row", ${BM25} AS "rank" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}
    ORDER BY "rank", rowid LIMIT ${limit}`);
  return rows.map((r) => ({ row: int(r.row), rank: Number(r.rank) }));
}

export async function rowsScoring(db: DbTx, match: string, rank: number): Promise<{ row: number; documentId: string }[]> {
  const rows = await db.$queryRaw<{ row: bigint | number; documentId: string }[]>(Prisma.sql`
    SELECT rowid AS "row", "documentId" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match} AND ${BM25} = ${rank}`);
  return rows.map((r) => ({ row: int(r.row), documentId: r.documentId }));
}

export async function documentIdsOf(db: DbTx, rows: number[]): Promise<Map<number, string>> {
  if (!rows.length) return new Map();
  const found = await db.$queryRaw<{ row: bigint | number; documentId: string }[]>(Prisma.sql`
    SELECT rowid AS "row", "documentId" FROM "DocumentFts" WHERE rowid IN (${rowids(rows)})`);
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
  const found = await db.$queryRaw<{ row: bigint | number; documentId: string; snippet: string; title: string }[]>(Prisma.sql`
    SELECT rowid AS "row", "documentId",
           snippet("DocumentFts", 2, '[[', ']]', '…', 24) AS "snippet",
           highlight("DocumentFts", 1, '[[', ']]') AS "title"
    FROM "DocumentFts"
    WHERE "DocumentFts" MATCH ${match} AND rowid IN (${rowids(rows)})`);
  return new Map(found.map((r) => [int(r.row), { ...r, row: int(r.row) }]));
}

export async function countMatches(db: DbTx, match: string): Promise<number> {
  const [r] = await db.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}`);
  return Number(r?.n ?? 0);
}
