/** Reading documents. */
import { readersOf, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { Prisma, type Document } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { charBoundary } from '../domain/text.ts';
import { dateRange, idsContaining, textFilter, idOrSlug, sqlDateRange, sqlIdIn } from './filters.ts';
import { sqlKeysetPage, type PageArgs } from './pagination.ts';

export interface DocumentFilter {
  publisher?: string | null;
  from?: string | null;
  to?: string | null;
  language?: string | null;
}

export type DocumentOrderField = 'PUBLISHED' | 'TITLE' | 'CREATED_AT';
const ORDER = {
  PUBLISHED: { field: 'published', nullable: true, kind: 'text' },
  TITLE: { field: 'title', nullable: false, kind: 'text' },
  CREATED_AT: { field: 'createdAt', nullable: false, kind: 'datetime' },
} as const;

/** The filter, as Prisma conditions for the page and as SQL conditions (table aliased t) for its count. */
export async function documentWhere(db: DbTx, filter: DocumentFilter = {}) {
  const and: Record<string, unknown>[] = [...dateRange('publishedMin', 'publishedMax', filter.from, filter.to)];
  const sql = sqlDateRange(filter.from, filter.to, { min: 'publishedMin', max: 'publishedMax' });
  if (filter.publisher != null) {
    const ids = await idsContaining(db, 'documentPublisher', textFilter(filter.publisher, 'publisher'));
    and.push({ id: { in: ids } });
    sql.push(sqlIdIn(dialectOf(db), ids));
  }
  if (filter.language != null) {
    const language = textFilter(filter.language, 'language', 16).toLowerCase();
    and.push({ language });
    sql.push(Prisma.sql`t."language" = ${language}`);
  }
  return { and, sql };
}

/** Every Document column but the ~3 KB body, for pages of a list (the body has its own loader). */
export const DOCUMENT_LIST_COLUMNS = Object.values(Prisma.DocumentScalarFieldEnum).filter((c) => c !== 'body').map((c) => `t."${c}"`).join(', ');

/** Document fields (GraphQL) that are a column of the same name; every other field needs only `id`. */
const PLAIN_FIELDS: ReadonlySet<string> = new Set(Object.values(Prisma.DocumentScalarFieldEnum).filter((c) => c !== 'body'));

/**
 * The columns a page must select for `fields` (the GraphQL fields asked of its nodes; null: all): the
 * id, the order's sort key (its cursor) and the plain fields asked for. A title list then reads three
 * columns instead of sixteen: building the other strings was ~7 % of its CPU (measured at 10k and 100k:
 * 21 rows, ~230 µs for every column but the body, ~60 µs for three). Names come from the fixed set above.
 */
function pageColumns(fields: ReadonlySet<string> | null | undefined, sortKey: string): string {
  if (!fields) return DOCUMENT_LIST_COLUMNS;
  const columns = new Set(['id', sortKey]);
  for (const f of fields) if (PLAIN_FIELDS.has(f)) columns.add(f);
  return [...columns].map((c) => `t."${c}"`).join(', ');
}

export async function listDocuments(
  db: DbTx,
  filter: DocumentFilter | null | undefined,
  order: { field: DocumentOrderField; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  page: PageArgs,
  /** The fields asked of the page's documents, when known (lookahead): only their columns are read. */
  fields?: ReadonlySet<string> | null,
) {
  const { sql } = await documentWhere(db, filter ?? {});
  // Hand-written like the other root lists: one statement per page, without Prisma's per-query cost.
  const ordered = ORDER[order?.field ?? 'PUBLISHED'];
  return sqlKeysetPage<Omit<Document, 'body'>>({
    args: page,
    table: 'Document',
    dialect: dialectOf(db),
    ...ordered,
    direction: order?.direction === 'DESC' ? 'desc' : 'asc',
    where: sql,
    query: (sql) => readersOf(db).lists.rows(sql),
    boundedQuery: (sql) => readersOf(db).bounded.rows(sql),
    // Never the ~3 KB body for a page of a list: the Document resolvers load it when it is asked for.
    columns: pageColumns(fields, ordered.field),
  });
}

export function findDocument(db: DbTx, by: { id?: string | null; slug?: string | null }) {
  return db.document.findUnique({ where: idOrSlug(by) });
}

/** The start of a body cut at a word boundary, with an ellipsis when cut. */
export function excerpt(body: string, length: number): string {
  if (!Number.isInteger(length) || length < 20 || length > 1000) {
    throw badInput(`length must be between 20 and 1000, got ${length}`, { field: 'length' });
  }
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, charBoundary(text, length - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** Up to `chars` characters either side of a span, marked with … where cut. */
export function spanContext(body: string, start: number, end: number, chars: number) {
  if (!Number.isInteger(chars) || chars < 0 || chars > 500) {
    throw badInput(`chars must be between 0 and 500, got ${chars}`, { field: 'chars' });
  }
  const from = charBoundary(body, Math.max(0, start - chars), true);
  const to = charBoundary(body, Math.min(body.length, end + chars));
  return {
    before: (from > 0 ? '…' : '') + body.slice(from, start),
    quote: body.slice(start, end),
    after: body.slice(end, to) + (to < body.length ? '…' : ''),
  };
}
