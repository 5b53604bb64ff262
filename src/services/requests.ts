/** Reading requests and responses. */
import { readersOf, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { Prisma, type ItemCategory, type Request, type RequestResponse, type RequestStatus, type Stance } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { idOrSlug, sqlDateRange, sqlOneOf } from './filters.ts';
import { countRows, sqlKeysetPage, type PageArgs } from './pagination.ts';
import { affiliatedIds, involvementOf, type Affiliation, type LinkOf } from './affiliation.ts';
import { involvedDatedPage } from './involved-page.ts';
import { pageColumns, type Involvement } from '../db/dated-page-sql.ts';

/**
 * Actor filters come resolved to their affiliation (see affiliation.ts); document references are
 * database ids (the API layer resolves global IDs, slugs and names).
 */
export interface RequestFilter {
  requester?: Affiliation | null;
  addressee?: Affiliation | null;
  actor?: Affiliation | null;
  status?: RequestStatus[] | null;
  category?: ItemCategory[] | null;
  excludedCategory?: ItemCategory[] | null;
  from?: string | null;
  to?: string | null;
  documentId?: string | null;
}

export type RequestOrderField = 'DATE' | 'CREATED_AT';
const ORDER = {
  DATE: { field: 'date', nullable: true, kind: 'text' },
  CREATED_AT: { field: 'createdAt', nullable: false, kind: 'datetime' },
} as const;

const parties = (side?: 'REQUESTER' | 'ADDRESSEE'): LinkOf => ({
  table: 'Request', link: 'RequestParty', linkKey: 'requestId', actorColumn: 'actorId', onBehalfOf: true,
  extra: side ? Prisma.sql` AND l."side" = ${side}` : undefined,
});
const party = (a: Affiliation, side?: 'REQUESTER' | 'ADDRESSEE') => affiliatedIds(a, parties(side));

/**
 * Bounds on `t."date"` implied by a date range, so that a page in date order walks the (date, id) index
 * from the range's first year rather than from the first request (with a category at 100k documents,
 * `from: "2010"` made the walk cross every earlier request: 44 ms against 1 ms). A request's dateMin and
 * dateMax are the first and last day of its partial date (requests-write.ts), so one that overlaps
 * [from, to] has a date in the years from from's to to's: its text is at least "YYYY" of from (a year
 * alone sorts before the months in it) and at most "YYYY-99" of to.
 */
function dateBounds(from?: string | null, to?: string | null): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (from != null) out.push(Prisma.sql`t."date" >= ${parsePartialDate(from, 'from').min.slice(0, 4)}`);
  if (to != null) out.push(Prisma.sql`t."date" <= ${`${parsePartialDate(to, 'to').max.slice(0, 4)}-99`}`);
  return out;
}

function checkedCategories(categories: ItemCategory[], field: string): ItemCategory[] {
  if (categories.length === 0) throw badInput(`${field} must list at least one value`, { field });
  return [...new Set(categories)];
}

/**
 * The requests with an item of one of `categories`, asked for or (excluded) explicitly not, three ways
 * (db/dated-page-sql.ts): their ids, a probe of one request (an index-only search of
 * RequestItem(category, excluded, requestId)), and the item rows, counted to choose a page's plan.
 */
function itemsOf(categories: ItemCategory[], excluded: boolean): Involvement {
  const match = Prisma.sql`i."category" IN (${Prisma.join(categories)}) AND i."excluded" = ${excluded ? 1 : 0}`;
  return {
    ids: Prisma.sql`SELECT i."requestId" AS "id" FROM "RequestItem" i WHERE ${match}`,
    probe: Prisma.sql`EXISTS (SELECT 1 FROM "RequestItem" i WHERE i."requestId" = t."id" AND ${match})`,
    links: Prisma.sql`SELECT 1 FROM "RequestItem" i WHERE ${match}`,
  };
}

/**
 * The filter's conditions on Request aliased t. `probeItems`: the category filters as a probe of each
 * row (EXISTS) rather than `t."id" IN (…)`, for a page walking the date index: given the IN list, SQLite
 * drives the walk from it instead, reading and sorting every request of the category (10,310 of 50,006
 * for TRAINING at 100k documents).
 */
export function requestConditions(filter: RequestFilter = {}, o: { probeItems?: boolean } = {}): Prisma.Sql[] {
  const and = [...sqlDateRange(filter.from, filter.to), ...dateBounds(filter.from, filter.to)];
  if (filter.requester) and.push(Prisma.sql`t."id" IN (${party(filter.requester, 'REQUESTER')})`);
  if (filter.addressee) and.push(Prisma.sql`t."id" IN (${party(filter.addressee, 'ADDRESSEE')})`);
  if (filter.actor) and.push(Prisma.sql`t."id" IN (${party(filter.actor)})`);
  and.push(...sqlOneOf('status', filter.status, 'filter.status'));
  const items = (categories: ItemCategory[] | null | undefined, excluded: boolean, field: string) => {
    if (categories == null) return;
    const inv = itemsOf(checkedCategories(categories, field), excluded);
    and.push(o.probeItems ? inv.probe : Prisma.sql`t."id" IN (${inv.ids})`);
  };
  items(filter.category, false, 'filter.category');
  items(filter.excludedCategory, true, 'filter.excludedCategory');
  if (filter.documentId) {
    const d = filter.documentId;
    and.push(Prisma.sql`t."id" IN (
      SELECT e."requestId" FROM "Evidence" e WHERE e."documentId" = ${d} AND e."requestId" IS NOT NULL
      UNION SELECT i."requestId" FROM "Evidence" e JOIN "RequestItem" i ON i."id" = e."itemId" WHERE e."documentId" = ${d}
      UNION SELECT r."requestId" FROM "Evidence" e JOIN "RequestResponse" r ON r."id" = e."responseId" WHERE e."documentId" = ${d})`);
  }
  return and;
}

export function listRequests(
  db: DbTx,
  filter: RequestFilter | null | undefined,
  order: { field: RequestOrderField; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  page: PageArgs,
  /** The columns the operation reads of the requests (null: all); the page adds its id and sort key. */
  columns?: readonly string[] | null,
) {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  const f = filter ?? {};
  const byDate = (order?.field ?? 'DATE') === 'DATE';
  if (byDate && (f.requester || f.addressee || f.actor)) return actorRequestsPage(db, f, direction, page, columns);
  if (byDate && (f.category || f.excludedCategory) && !dialectOf(db).plansByValue) return categoryRequestsPage(db, f, direction, page, columns);
  const sort = ORDER[order?.field ?? 'DATE'];
  return sqlKeysetPage<Request>({
    args: page,
    dialect: dialectOf(db),
    table: 'Request',
    ...sort,
    direction,
    where: requestConditions(filter ?? {}),
    query: (sql) => readersOf(db).lists.rows(sql),
    boundedQuery: (sql) => readersOf(db).bounded.rows(sql),
    columns: pageColumns(columns, 'id', sort.field),
  });
}

/**
 * The requests of an actor (as requester, addressee or either) in date order: the same page, cursors and
 * count as sqlKeysetPage gives, paged like an actor's records (db/dated-page-sql.ts). The IN (SELECT …)
 * condition lets SQLite drive from the actor's party rows and sort all of them (a temp B-tree over the
 * busiest addressee's 1,840 requests at 100k documents: 8.7 ms for the statement, 0.9 ms at 1k, so the
 * page grew with the corpus); here a busy actor's page walks the (date, id) index probing each request's
 * parties (2.1 ms), a light one's still drives from its party rows. With several actor filters the first
 * of requester, addressee, actor chooses the plan; the others and the remaining filters are tested on
 * each row.
 */
function actorRequestsPage(db: DbTx, filter: RequestFilter, direction: 'asc' | 'desc', page: PageArgs, columns?: readonly string[] | null) {
  const [side, actor] = filter.requester ? (['REQUESTER', filter.requester] as const)
    : filter.addressee ? (['ADDRESSEE', filter.addressee] as const) : ([undefined, filter.actor!] as const);
  const others = requestConditions({ ...filter, ...(side === 'REQUESTER' ? { requester: null } : side === 'ADDRESSEE' ? { addressee: null } : { actor: null }) }, { probeItems: true });
  return involvedDatedPage<Request>(db, page, {
    table: 'Request', dateColumn: 'date', direction, where: others, involvement: involvementOf(actor, parties(side)),
    date: (r) => r.date, columns,
    count: (query) => countRows(query, 'Request', requestConditions(filter)),
  });
}

/**
 * The requests asking (or explicitly not asking) for some categories, in date order: paged like an
 * actor's requests above, the category's item rows in place of the actor's party rows. The IN (SELECT …)
 * condition made SQLite read every request of the category and sort them to return 51: for TRAINING,
 * on a fifth of all requests, 0.7 ms at 1k documents and 23 ms at 100k (bench/RESULTS.md, "The category
 * filter flat at 100k"). A common category now walks the (date, id) index probing each request's items,
 * stopping after about `take ÷ share` requests; a rare one still drives from its item rows. With both
 * filters, `category` chooses the plan and `excludedCategory` is tested on each row, as are the others.
 * SQLite only: PostgreSQL already makes that choice from the category's statistics (dialect.plansByValue),
 * and this statement's second plan and its counts of item rows cost it ~1 ms more than the IN form
 * (bench/RESULTS.md, same section).
 */
function categoryRequestsPage(db: DbTx, filter: RequestFilter, direction: 'asc' | 'desc', page: PageArgs, columns?: readonly string[] | null) {
  const [excluded, categories, field] = filter.category
    ? [false, filter.category, 'filter.category'] as const
    : [true, filter.excludedCategory!, 'filter.excludedCategory'] as const;
  const others = requestConditions({ ...filter, ...(excluded ? { excludedCategory: null } : { category: null }) }, { probeItems: true });
  const items = itemsOf(checkedCategories(categories, field), excluded);
  return involvedDatedPage<Request>(db, page, {
    table: 'Request', dateColumn: 'date', direction, where: others, involvement: items,
    date: (r) => r.date, columns,
    // The category alone: its distinct request ids, counted in the items' index (every item's request
    // exists), instead of a search of Request per id: TRAINING at 100k 10–25 ms → 1.3–1.7 ms.
    count: others.length === 0
      ? async (query) => Number((await query<{ n: bigint | number }>(Prisma.sql`SELECT COUNT(DISTINCT "x"."id") AS "n" FROM (${items.ids}) AS "x"`))[0]?.n ?? 0)
      : (query) => countRows(query, 'Request', requestConditions(filter)),
  });
}

export function findRequest(db: DbTx, by: { id?: string | null; slug?: string | null }) {
  return db.request.findUnique({ where: idOrSlug(by) });
}

export interface ResponseFilter {
  responder?: Affiliation | null;
  stance?: Stance[] | null;
  requestId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Responses in date order (undated first ascending, as every dated list), ties by id. */
export function listResponses(
  db: DbTx,
  filter: ResponseFilter | null | undefined,
  order: { direction?: 'ASC' | 'DESC' | null } | null | undefined,
  page: PageArgs,
) {
  const f = filter ?? {};
  const and = sqlDateRange(f.from, f.to);
  and.push(...sqlOneOf('stance', f.stance, 'filter.stance'));
  if (f.requestId) and.push(Prisma.sql`t."requestId" = ${f.requestId}`);
  if (f.responder) {
    and.push(Prisma.sql`t."id" IN (${affiliatedIds(f.responder, { table: 'RequestResponse', link: 'RequestResponse', linkKey: 'id', actorColumn: 'responderId' })})`);
  }
  return sqlKeysetPage<RequestResponse>({
    args: page,
    dialect: dialectOf(db),
    table: 'RequestResponse',
    field: 'date',
    nullable: true,
    direction: order?.direction === 'DESC' ? 'desc' : 'asc',
    where: and,
    query: (sql) => readersOf(db).lists.rows(sql),
    boundedQuery: (sql) => readersOf(db).bounded.rows(sql),
    columns: 't.*',
  });
}
