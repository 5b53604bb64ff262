/**
 * Full-text search over document titles and bodies (SQLite FTS5, BM25 ranking, title weighted 5:1).
 *
 * User input never reaches FTS5's query syntax: it is cut into words and "quoted phrases", and each is
 * passed as an FTS5 string, so operators (AND, NEAR, *, column filters…) and stray quotes are inert.
 *
 * The ranking is exhaustive and exact: every match is scored by bm25 and the page is the best matches
 * by (score, documentId). What keeps it fast is what is NOT done per match (see search-sqlite.ts):
 * matches are ranked by (score, rowid) from the index alone, without reading their stored rows; the
 * documentId order is then restored among rows that tie on score (reading just those rows, and, when a
 * tie straddles the end of the page, every row with that score); and snippets, highlights and ids are
 * computed for the page's rows only. A test compares this with a one-statement exhaustive ranking.
 */
import type { DbTx } from '../db/client.ts';
import { badInput } from '../domain/errors.ts';
import { decodeCursor, encodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from './pagination.ts';
import { countMatches, documentIdsOf, pageRows, rankedRows, rowsScoring, type RankedRow } from './search-sqlite.ts';

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

/** A match in the ranking; documentId is known where it was needed to order ties. */
interface Ranked extends RankedRow {
  documentId?: string;
}

/** Rows read past the cut, so that a run of tied scores across it is usually read in the same statement. */
const TIE_SLACK = 32;

/**
 * The first `want` matches, best first, in the exact order of `ORDER BY bm25, "documentId"` over all
 * matches, reading stored rows only where scores tie. (`slack` is a parameter for tests.)
 */
export async function topMatches(db: DbTx, match: string, want: number, slack = TIE_SLACK): Promise<Ranked[]> {
  if (want <= 0) return [];
  const fetched: Ranked[] = await rankedRows(db, match, want + slack);
  const cut = fetched[Math.min(want, fetched.length) - 1];
  if (!cut) return [];
  // Every row scoring at least as well as the row at the cut: which of those tied with it come first
  // is decided by documentId, about which the rowid order says nothing.
  let candidates = fetched.filter((r) => r.rank <= cut.rank);
  if (candidates.length === want + slack) {
    // The run of tied scores may go on past what was read: read all of it.
    const tied = await rowsScoring(db, match, cut.rank);
    // (Empty only if a write changed the index between the two statements: keep what was read.)
    if (tied.length) candidates = [...candidates.filter((r) => r.rank < cut.rank), ...tied.map((t) => ({ ...t, rank: cut.rank }))];
  }
  // Runs of equal score: order them by documentId.
  const unknown = candidates.filter((r, i) => r.documentId === undefined
    && (candidates[i - 1]?.rank === r.rank || candidates[i + 1]?.rank === r.rank));
  if (unknown.length) {
    const ids = await documentIdsOf(db, unknown.map((r) => r.row));
    for (const r of unknown) r.documentId = ids.get(r.row);
  }
  return candidates.sort((a, b) => a.rank - b.rank || compareIds(a.documentId, b.documentId)).slice(0, want);
}

/** SQLite's default (binary) collation, which ORDER BY "documentId" uses: compare UTF-8 bytes. */
function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export async function searchDocuments(
  db: DbTx, query: string, first?: number | null, after?: string | null, countOnly = false,
): Promise<Page<SearchHit>> {
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
  const totalCount = () => countMatches(db, match);
  // Only totalCount asked for: the ranking is not computed at all.
  if (countOnly) {
    return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: offset > 0, startCursor: null, endCursor: null }, totalCount };
  }
  const ranked = await topMatches(db, match, offset + size + 1);
  const page = ranked.slice(offset, offset + size);
  const rows = await pageRows(db, match, page.map((r) => r.row));
  const edges = page.flatMap((r, i) => {
    const row = rows.get(r.row);
    // (Absent only if the document was deleted since the ranking was read.)
    if (!row) return [];
    return [{
      cursor: encodeCursor(offset + i, 'search', 'search'),
      node: { documentId: row.documentId, score: -r.rank, snippet: row.snippet, titleHighlight: row.title },
    }];
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: ranked.length > offset + size,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
