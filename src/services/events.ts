/** Reading events. */
import { readersOf, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { Prisma, type Event, type EventKind, type EventStatus } from '../generated/prisma/client.ts';
import { isCountryCode } from '../domain/country-codes.ts';
import { idsContaining, textFilter, idOrSlug, partialDateBounds, sqlDateRange, sqlOneOf } from './filters.ts';
import { countRows, customPage, sqlKeysetPage, type PageArgs } from './pagination.ts';
import { datedSelects, mergePage, pageColumns, unionAll, type Involvement } from '../db/dated-page-sql.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { badInput } from '../domain/errors.ts';
import { affiliatedIds, involvementOf, type Affiliation, type LinkOf } from './affiliation.ts';
import { involvedDatedPage } from './involved-page.ts';

export interface EventFilter {
  kind?: EventKind[] | null;
  status?: EventStatus[] | null;
  from?: string | null;
  to?: string | null;
  /** Actors taking part, resolved to their affiliation (see affiliation.ts). */
  actor?: Affiliation | null;
  /** Database id of a document with evidence on the event or a participant. */
  documentId?: string | null;
  location?: string | null;
}

export type EventOrderField = 'START' | 'TITLE';
const ORDER = {
  START: { field: 'start', nullable: true },
  TITLE: { field: 'title', nullable: false },
} as const;

const PARTICIPANTS: LinkOf = { table: 'Event', link: 'EventParticipant', linkKey: 'eventId', actorColumn: 'actorId' };

export async function eventConditions(db: DbTx, filter: EventFilter = {}): Promise<Prisma.Sql[]> {
  const and = sqlDateRange(filter.from, filter.to);
  and.push(...sqlOneOf('kind', filter.kind, 'filter.kind'));
  and.push(...sqlOneOf('status', filter.status, 'filter.status'));
  if (filter.actor) {
    and.push(Prisma.sql`t."id" IN (${affiliatedIds(filter.actor, PARTICIPANTS)})`);
  }
  if (filter.documentId) {
    const d = filter.documentId;
    and.push(Prisma.sql`t."id" IN (
      SELECT e."eventId" FROM "Evidence" e WHERE e."documentId" = ${d} AND e."eventId" IS NOT NULL
      UNION SELECT p."eventId" FROM "Evidence" e JOIN "EventParticipant" p ON p."id" = e."participantId" WHERE e."documentId" = ${d})`);
  }
  if (filter.location != null) {
    const text = textFilter(filter.location, 'location');
    const ids = await idsContaining(db, 'eventLocation', text);
    const byName = Prisma.sql`t."id" IN (SELECT value FROM ${dialectOf(db).jsonValues(JSON.stringify(ids))})`;
    and.push(isCountryCode(text.toUpperCase()) ? Prisma.sql`(${byName} OR t."locationCountry" = ${text.toUpperCase()})` : byName);
  }
  return and;
}

export async function listEvents(
  db: DbTx,
  filter: EventFilter | null | undefined,
  order: { field: EventOrderField; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  page: PageArgs,
  /** The columns the operation reads of the events (null: all); the page adds its id and sort key. */
  columns?: readonly string[] | null,
) {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  const byStart = (order?.field ?? 'START') === 'START';
  if (filter?.actor && byStart) return actorEventsPage(db, { ...filter, actor: filter.actor }, direction, page, columns);
  if (byStart && (filter?.from != null || filter?.to != null)) return dateRangeEventsPage(db, filter, direction, page, columns);
  const sort = ORDER[order?.field ?? 'START'];
  const f = filter ?? {};
  const one = (values: readonly string[] | null | undefined) => values != null && new Set(values).size === 1;
  return sqlKeysetPage<Event>({
    args: page,
    dialect: dialectOf(db),
    table: 'Event',
    ...sort,
    direction,
    where: await eventConditions(db, filter ?? {}),
    query: (sql) => readersOf(db).lists.rows(sql),
    boundedQuery: (sql) => readersOf(db).bounded.rows(sql),
    // One kind or one status alone, in start order, walks its (kind|status, start, id) index from the
    // cursor, no further than the page: on the main thread's reader, as an unfiltered page. Profiled at
    // 10k (whole rows then), the read worker's round trip was a fifth of such a page's CPU (the rows'
    // structured clone 11 %, decoding them 7 %).
    boundedPage: byStart && f.documentId == null && f.location == null && (one(f.kind) !== one(f.status)) && (f.kind == null || f.status == null),
    columns: pageColumns(columns, 'id', sort.field),
  });
}

/** The events of some actors in date order, paged like an actor's records (involved-page.ts). */
async function actorEventsPage(db: DbTx, filter: EventFilter & { actor: Affiliation }, direction: 'asc' | 'desc', page: PageArgs, columns?: readonly string[] | null) {
  const others = await eventConditions(db, { ...filter, actor: null });
  const involvement = involvementOf(filter.actor, PARTICIPANTS);
  return involvedDatedPage<Event>(db, page, {
    table: 'Event', dateColumn: 'start', direction, where: others, involvement,
    date: (e) => e.start, columns,
    count: (query) => countRows(query, 'Event', [...others, Prisma.sql`t."id" IN (${involvement.ids})`]),
  });
}

/**
 * Events overlapping a date range, in date order: the same page, cursors and count as sqlKeysetPage
 * gives, but with the walk of a start index bounded by the range. Given only dateMin/dateMax, SQLite
 * walked `Event(start, id)` from the first event (from/to 2010 to 2012-06 at 100k documents: 16 ms, 0.5 ms
 * bounded). An event's dateMin is its start's first day, so one overlapping the range starts at most on
 * `to`'s last day; its dateMax is its end's last day, or its start's without an end, so an event without
 * an end starts in `from`'s year or later (partialDateBounds) but one with an end may start years
 * earlier (a war: the corpus's 2003–2011 one reaches every range from 2004 to 2011). Hence two pages
 * in one statement, merged here: the events starting from `from`'s year on, walking the start index in
 * order ((kind|status, start, id) with such a filter), and the events with an end starting before it,
 * found like an actor's records (db/dated-page-sql.ts) from their rows in (end, dateMax, start). The count keeps the plain range conditions: bounded by start, SQLite
 * counted along the start index (14 ms at 100k) rather than in the (dateMin, dateMax) index (1.4 ms).
 */
async function dateRangeEventsPage(db: DbTx, filter: EventFilter, direction: 'asc' | 'desc', page: PageArgs, columns?: readonly string[] | null) {
  const where = await eventConditions(db, filter);
  const bounds = partialDateBounds(filter.from, filter.to);
  const upTo = bounds.max != null ? [Prisma.sql`t."start" <= ${bounds.max}`] : [];
  const arms: { where: Prisma.Sql[]; involvement: Involvement | null }[] = [
    { where: [...where, ...upTo, ...(bounds.min != null ? [Prisma.sql`t."start" >= ${bounds.min}`] : [])], involvement: null },
  ];
  if (bounds.min != null) {
    // Events with an end reaching the range, as link rows: the few found in (end, dateMax, start) and
    // sorted, or past HEAVY_LINKS of them, a walk of the start index up to from's year. `end > ''` (an
    // end is a partial date, never empty) rather than IS NOT NULL: given that, SQLite's statistics
    // (most events have no end) made it skip-scan every NULL entry after the date (1 ms at 100k, 0.01).
    const reaching = Prisma.sql`"Event" e WHERE e."end" > '' AND e."dateMax" >= ${parsePartialDate(filter.from!, 'from').min}`;
    arms.push({
      where: [...where, ...upTo, Prisma.sql`t."start" < ${bounds.min}`],
      involvement: { ids: Prisma.sql`SELECT e."id" AS "id" FROM ${reaching}`, probe: Prisma.sql`t."end" IS NOT NULL`, links: Prisma.sql`SELECT 1 FROM ${reaching}` },
    });
  }
  const query = <T>(sql: Prisma.Sql) => readersOf(db).lists.rows<T>(sql);
  const select = Prisma.raw(pageColumns(columns, 'id', 'start'));
  return customPage<Event>(
    page,
    `start:${direction}`,
    (e) => ({ value: e.start, id: e.id }),
    async (cursor, forward, take) => {
      if (cursor && typeof cursor.value === 'number') {
        const arg = page.before != null ? 'before' : 'after';
        throw badInput(`${arg}: not a cursor returned by this API`, { field: arg });
      }
      // Only totalCount asked for: the page is not read at all.
      if (page.countOnly) return [];
      // customPage scans ascending forwards; a descending list scans the other way.
      const scan = direction === 'asc' ? forward : forward === 'asc' ? 'desc' : 'asc';
      const rows = await query<Event>(unionAll(arms.flatMap((arm) => datedSelects({
        dialect: dialectOf(db), table: 'Event', dateColumn: 'start', nullable: true, columns: select,
        ...arm, cursor, scan, take,
      }))));
      return mergePage(rows, (e) => e.start, scan, take);
    },
    () => countRows(query, 'Event', where),
  );
}

export function findEvent(db: DbTx, by: { id?: string | null; slug?: string | null }) {
  return db.event.findUnique({ where: idOrSlug(by) });
}
