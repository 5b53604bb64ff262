/**
 * Full-text search over document titles and bodies, with one meaning on both stores: every plain word
 * must match, "quoted phrases" match in order, words are stemmed (English) and case- and
 * accent-insensitive, the title counts five times the body, and matches are marked [[ ]].
 *   - SQLite: FTS5 (porter, unicode61 without diacritics), BM25 ranking, snippet() and highlight()
 *     (search-sqlite.ts).
 *   - PostgreSQL: a tsvector per document (configuration "dossier": English with unaccent, see its
 *     migration), a GIN index, ts_rank_cd ranking and ts_headline snippets (search-postgres.ts).
 * Scores and snippet boundaries differ between the stores (BM25 is not ts_rank_cd); the order of
 * clearly better matches and the marks do not. English stop words ("the", "and", "not") are dropped by
 * PostgreSQL's stemmer and kept by FTS5's, so a query of stop words alone finds nothing on PostgreSQL.
 *
 * User input never reaches either store's query syntax: it is cut into words and "quoted phrases", and
 * each is passed as a bound parameter (an FTS5 string; phraseto_tsquery's plain text), so operators
 * (AND, NEAR, *, :, !, &, column filters…) and stray quotes are inert.
 *
 * On both, the ranking is exhaustive and exact (every match scored, the page is the best by
 * (score, documentId)), and snippets and highlights are computed for the page's rows only.
 * SQLite, in one statement per page (search-sqlite.ts, rankedPage): matches are ranked by (score, rowid)
 * from the index alone, without reading their stored rows; the best `offset + size + 1 + TIE_SLACK` are
 * kept, their document ids read and put in (score, documentId) order, and the page's rows get their
 * snippets; the count comes from the same statement. That order is exact unless the score of the page's
 * last row is also the score of the last row kept: then the run of equal scores may go on past what
 * was read, and the page is computed again by topMatches, which reads every row with that score. A test
 * compares both paths with a one-statement exhaustive ranking.
 *
 * At corpus scale the ranking is shared out between the idle read workers (`SHARED_RANKING_MIN_ROWS`):
 * each ranks one share of the matches (a range of rowids, search-sqlite.ts `Share`) with the same
 * bm25 — FTS5 computes its statistics over the whole index whatever the share — and counts them; their
 * best rows (with document ids) are merged, which gives the exhaustive ranking's best rows, computed on
 * several cores at once. For a word in most documents that statement is the whole cost: at 100k
 * documents, 98,555 matches × ~1.5 µs of bm25 each. The page's snippets are a statement of their own
 * then (after the ranking, as on the tie path). Only idle workers take
 * shares: on a busy server every worker is at work already, so splitting would add each share's fixed
 * cost (the phrase statistics, a pass over the matches) for nothing. The price: a list read arriving
 * while a shared ranking runs waits for the first share to finish (at 100k, up to ~70 ms of CPU for
 * the commonest words) where it would have found a worker free.
 *
 * No shortcut around scoring every match: FTS5's bm25 adds up each phrase's weighted frequency over
 * the columns (title hits count 5, body hits 1) before saturating it, so a document without the query's
 * words in its title can outrank one with them (the seed's "training" does; see the test), and no
 * bound from the title alone separates them.
 */
import type { DbTx } from '../db/client.ts';
import { dialectOf, type Provider } from '../db/dialect.ts';
import { badInput } from '../domain/errors.ts';
import { decodeCursor, encodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from './pagination.ts';
import {
  countMatches, documentIdsOf, idleReads, pageRows, rankedPage, rankedRows, rankedShare, rowSpan, rowsScoring,
  type RankedRow, type RowSpan, type Share,
} from './search-sqlite.ts';
import { postgresSearch } from './search-postgres.ts';

export const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 32;

/** Free text as search terms: each a word, or the words of a "quoted phrase", in order. */
export function searchTerms(input: string): string[][] {
  if (input.length > MAX_QUERY_LENGTH) throw badInput(`query must be at most ${MAX_QUERY_LENGTH} characters`, { field: 'query' });
  const terms: string[][] = [];
  const words = (text: string) => text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  // Text between double quotes is a phrase; an unbalanced quote just ends the input's last phrase.
  input.split('"').forEach((part, i) => {
    const w = words(part);
    if (!w.length) return;
    if (i % 2 === 1) terms.push(w);
    else terms.push(...w.map((x) => [x]));
  });
  if (!terms.length) throw badInput('query has no words to search for', { field: 'query' });
  if (terms.length > MAX_TERMS) throw badInput(`query has more than ${MAX_TERMS} words and phrases`, { field: 'query' });
  return terms;
}

/** Turns free text into a safe FTS5 query: every word must match; "quoted phrases" match in order. */
export function toFtsQuery(input: string): string {
  return ftsMatch(searchTerms(input));
}

/** FTS5: each term an FTS5 string (a phrase when it has several words), all required. */
const ftsMatch = (terms: string[][]) => terms.map((t) => `"${t.join(' ')}"`).join(' ');

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
 * From this many indexed documents (the index's highest rowid), a search's ranking is shared out
 * between the idle read workers. Below it a whole ranking costs a few milliseconds at most, less than
 * the extra statements (the rowid span, a share each, the snippets) cost in round trips.
 */
export const SHARED_RANKING_MIN_ROWS = 20_000;

const byRankThenRow = (a: RankedRow, b: RankedRow) => a.rank - b.rank || a.row - b.row;

/** A ranking shared out: in how many shares, over which rowids. */
export interface Sharing {
  parts: number;
  span: RowSpan;
}

const sharesOf = ({ parts, span }: Sharing): Share[] => Array.from({ length: parts }, (_, part) => ({ part, parts, span }));

/**
 * The best `limit` matches by (score, row): one statement, or the merge of each share's best (which
 * carry their document ids); with `withCount` and shares, the number of matches, added up from theirs.
 */
async function bestRows(db: DbTx, match: string, limit: number, sharing?: Sharing, withCount = false): Promise<{ rows: Ranked[]; total?: number }> {
  if (!sharing) return { rows: await rankedRows(db, match, limit) };
  const best = await Promise.all(sharesOf(sharing).map((share) => rankedShare(db, match, limit, share, withCount)));
  return {
    rows: best.flatMap((b) => b.rows).sort(byRankThenRow).slice(0, limit),
    total: withCount ? best.reduce((n, b) => n + b.total, 0) : undefined,
  };
}

/** Every match with exactly this score: one statement, or one per share. */
async function allScoring(db: DbTx, match: string, rank: number, sharing?: Sharing) {
  if (!sharing) return rowsScoring(db, match, rank);
  return (await Promise.all(sharesOf(sharing).map((share) => rowsScoring(db, match, rank, share)))).flat();
}

/**
 * Whether and how a search's ranking is shared out: among as many shares as read workers are idle now,
 * on an index of at least SHARED_RANKING_MIN_ROWS rows. A busy server gains nothing from splitting (its
 * workers are all at work anyway) and would pay each share's fixed cost; and a ranking never takes a
 * worker another read is already waiting for.
 */
async function sharingFor(db: DbTx): Promise<Sharing | undefined> {
  if (idleReads(db) < 2) return undefined;
  const span = await rowSpan(db);
  const parts = idleReads(db);
  return span.highest >= SHARED_RANKING_MIN_ROWS && parts >= 2 ? { parts, span } : undefined;
}

/** A sharing in `parts` over the index as it is (for tests). */
export const sharingIn = async (db: DbTx, parts: number): Promise<Sharing> => ({ parts, span: await rowSpan(db) });

/**
 * The first `want` matches, best first, in the exact order of `ORDER BY bm25, "documentId"` over all
 * matches, reading stored rows only where scores tie; ranked in shares when `sharing` is given.
 * (`slack` is a parameter for tests.)
 */
export async function topMatches(db: DbTx, match: string, want: number, slack = TIE_SLACK, sharing?: Sharing): Promise<Ranked[]> {
  if (want <= 0) return [];
  return orderTies(db, match, (await bestRows(db, match, want + slack, sharing)).rows, want, slack, sharing);
}

/**
 * The first `want` of the best `want + slack` rows `fetched` by (score, row), in (score, documentId)
 * order: reads the rest of a run of tied scores that reaches past them, and the document ids of tied
 * rows that have none.
 */
async function orderTies(db: DbTx, match: string, fetched: Ranked[], want: number, slack: number, sharing?: Sharing): Promise<Ranked[]> {
  const cut = fetched[Math.min(want, fetched.length) - 1];
  if (!cut) return [];
  // Every row scoring at least as well as the row at the cut: which of those tied with it come first
  // is decided by documentId, about which the rowid order says nothing.
  let candidates = fetched.filter((r) => r.rank <= cut.rank);
  if (candidates.length === want + slack) {
    // The run of tied scores may go on past what was read: read all of it.
    const tied = await allScoring(db, match, cut.rank, sharing);
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

/** A hit of a search page, before it becomes an edge. */
export interface PageHit {
  documentId: string;
  score: number;
  snippet: string;
  title: string;
}

/**
 * What each store answers for a search: the hits at positions [offset, offset + size) of the ranking
 * (best first, ties by documentId), with snippets, whether more follow, and — when the store can give
 * it with the page for less than a statement of its own, and `withCount` — the number of matches.
 */
export interface SearchStore {
  page(db: DbTx, terms: string[][], offset: number, size: number, withCount: boolean): Promise<{ hits: PageHit[]; more: boolean; total?: number }>;
  count(db: DbTx, terms: string[][]): Promise<number>;
}

/** The hits at [offset, offset + size) of a ranking, with their snippets (one statement). */
async function hitsOf(db: DbTx, match: string, ranked: Ranked[], offset: number, size: number) {
  const page = ranked.slice(offset, offset + size);
  const found = await pageRows(db, match, page.map((r) => r.row));
  // (A row is absent only if the document was deleted since the ranking was read.)
  const hits = page.flatMap((r) => {
    const row = found.get(r.row);
    return row ? [{ documentId: row.documentId, score: -r.rank, snippet: row.snippet, title: row.title }] : [];
  });
  return { hits, more: ranked.length > offset + size };
}

/**
 * SQLite's page (see the header): one statement, or, when a run of tied scores reaches past the rows
 * it kept, topMatches and the page's rows (`readTies`); with `sharing`, the ranking and the count
 * shared out (`shared`), then the page's rows. (`slack` and `sharing` are parameters for tests.)
 */
export async function sqlitePage(db: DbTx, match: string, offset: number, size: number, withCount: boolean, slack = TIE_SLACK, sharing?: Sharing) {
  if (sharing) {
    const want = offset + size + 1;
    const { rows, total } = await bestRows(db, match, want + slack, sharing, withCount);
    const ranked = await orderTies(db, match, rows, want, slack, sharing);
    const { hits, more } = await hitsOf(db, match, ranked, offset, size);
    return { hits, more, total, readTies: false, shared: true };
  }
  const limit = offset + size + 1 + slack;
  const { rows, total } = await rankedPage(db, match, limit, offset, offset + size, withCount);
  const more = rows.length > offset + size;
  const last = rows[Math.min(offset + size, rows.length) - 1];
  if (!last || rows.length <= offset) return { hits: [], more, total, readTies: false, shared: false };
  // Rows not read score at least as badly as the last row read: the order is exact up to the page's
  // end unless they may tie with its last row.
  const exact = rows.length < limit || rows[limit - 1]!.rank !== last.rank;
  if (exact) {
    const hits = rows.slice(offset, offset + size).map((r) => ({ documentId: r.documentId, score: -r.rank, snippet: r.snippet ?? '', title: r.title ?? '' }));
    return { hits, more, total, readTies: false, shared: false };
  }
  const ranked = await topMatches(db, match, offset + size + 1, slack);
  return { ...(await hitsOf(db, match, ranked, offset, size)), total, readTies: true, shared: false };
}

const sqliteSearch: SearchStore = {
  page: async (db, terms, offset, size, withCount) => sqlitePage(db, ftsMatch(terms), offset, size, withCount, TIE_SLACK, await sharingFor(db)),
  count: (db, terms) => countMatches(db, ftsMatch(terms)),
};

const STORES: Record<Provider, SearchStore> = { sqlite: sqliteSearch, postgresql: postgresSearch };

/**
 * A page of search hits. `withCount`: the caller will ask for totalCount (the resolver looks at the
 * selection); the count then comes with the page where the store can give it so (SQLite: in the same
 * statement), and is read on its own only if asked for anyway.
 */
export async function searchDocuments(
  db: DbTx, query: string, first?: number | null, after?: string | null, countOnly = false, withCount = true,
): Promise<Page<SearchHit>> {
  const terms = searchTerms(query);
  const store = STORES[dialectOf(db).provider];
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
  // Only totalCount asked for: the ranking is not computed at all.
  if (countOnly) {
    return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: offset > 0, startCursor: null, endCursor: null }, totalCount: () => store.count(db, terms) };
  }
  const { hits, more, total } = await store.page(db, terms, offset, size, withCount);
  const edges = hits.map((h, i) => ({
    cursor: encodeCursor(offset + i, 'search', 'search'),
    node: { documentId: h.documentId, score: h.score, snippet: h.snippet, titleHighlight: h.title },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: more,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => (total !== undefined ? Promise.resolve(total) : store.count(db, terms)),
  };
}
