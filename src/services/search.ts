/**
 * Full-text search over document titles and bodies (SQLite FTS5, BM25 ranking, title weighted 5:1).
 *
 * User input never reaches FTS5's query syntax: it is cut into words and "quoted phrases", and each is
 * passed as an FTS5 string, so operators (AND, NEAR, *, column filters…) and stray quotes are inert.
 */
import type { DbTx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { decodeCursor, encodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from './pagination.ts';

export const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 32;

/** Turns free text into a safe FTS5 query: every word must match; "quoted phrases" match in order. */
export function toFtsQuery(input: string): string {
  if (input.length > MAX_QUERY_LENGTH) throw badInput(`query must be at most ${MAX_QUERY_LENGTH} characters`, { field: 'query' });
  const terms: string[] = [];
  const words = (text: string) => text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  // Text between double quotes is a phrase; an unbalanced quote just ends the input's last phrase.
  input.split('"').forEach((part, i) => {
    const w = words(part);
    if (!w.length) return;
    if (i % 2 === 1) terms.push(`"${w.join(' ')}"`);
    else terms.push(...w.map((x) => `"${x}"`));
  });
  if (!terms.length) throw badInput('query has no words to search for', { field: 'query' });
  if (terms.length > MAX_TERMS) throw badInput(`query has more than ${MAX_TERMS} words and phrases`, { field: 'query' });
  return terms.join(' ');
}

export interface SearchHit {
  documentId: string;
  score: number;
  snippet: string;
  titleHighlight: string;
}

export async function searchDocuments(db: DbTx, query: string, first?: number | null, after?: string | null): Promise<Page<SearchHit>> {
  const match = toFtsQuery(query);
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, { field: 'first' });
  }
  // Results are ranked per query, so the cursor is a position in the ranking.
  let offset = 0;
  if (after != null) {
    const c = decodeCursor(after, 'after', 'search');
    if (c.id !== 'search' || typeof c.value !== 'number' || !Number.isSafeInteger(c.value) || c.value < 0) {
      throw badInput('after: not a search cursor', { field: 'after' });
    }
    offset = c.value + 1;
  }
  const rows = await db.$queryRaw<{ documentId: string; rank: number; snippet: string; title: string }[]>(Prisma.sql`
    SELECT "documentId", bm25("DocumentFts", 0.0, 5.0, 1.0) AS "rank",
           snippet("DocumentFts", 2, '[[', ']]', '…', 24) AS "snippet",
           highlight("DocumentFts", 1, '[[', ']]') AS "title"
    FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}
    ORDER BY "rank", "documentId" LIMIT ${size + 1} OFFSET ${offset}`);
  const edges = rows.slice(0, size).map((r, i) => ({
    cursor: encodeCursor(offset + i, 'search', 'search'),
    node: { documentId: r.documentId, score: -Number(r.rank), snippet: r.snippet, titleHighlight: r.title },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => {
      const [r] = await db.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "DocumentFts" WHERE "DocumentFts" MATCH ${match}`);
      return Number(r?.n ?? 0);
    },
  };
}
