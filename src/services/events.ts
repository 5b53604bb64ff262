/** Reading events. */
import { readersOf, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { Prisma, type Event, type EventKind, type EventStatus } from '../generated/prisma/client.ts';
import { isCountryCode } from '../domain/country-codes.ts';
import { idsContaining, textFilter, idOrSlug, sqlDateRange, sqlOneOf } from './filters.ts';
import { countRows, customPage, sqlKeysetPage, type PageArgs } from './pagination.ts';
import { affiliatedIds, involvementOf, type Affiliation, type LinkOf } from './affiliation.ts';
import { datedSelects, mergePage, unionAll } from '../db/dated-page-sql.ts';
import { badInput } from '../domain/errors.ts';

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
) {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  if (filter?.actor && (order?.field ?? 'START') === 'START') return actorEventsPage(db, { ...filter, actor: filter.actor }, direction, page);
  return sqlKeysetPage<Event>({
    args: page,
    dialect: dialectOf(db),
    table: 'Event',
    ...ORDER[order?.field ?? 'START'],
    direction,
    where: await eventConditions(db, filter ?? {}),
    query: (sql) => readersOf(db).lists.rows(sql),
    boundedQuery: (sql) => readersOf(db).bounded.rows(sql),
    columns: 't.*',
  });
}

/**
 * The events of some actors in date order: the same page, cursors and count as sqlKeysetPage gives, but
 * paged like an actor's records (db/dated-page-sql.ts) — a walk of the (start, id) index probing each
 * event's participants for a busy actor, a drive from the participant rows for a light one — so a page
 * costs the same for an actor in a few events or in thousands. The other filters are tested on each row.
 */
async function actorEventsPage(db: DbTx, filter: EventFilter & { actor: Affiliation }, direction: 'asc' | 'desc', page: PageArgs) {
  const others = await eventConditions(db, { ...filter, actor: null });
  const involvement = involvementOf(filter.actor, PARTICIPANTS);
  const query = <T>(sql: Prisma.Sql) => readersOf(db).lists.rows<T>(sql);
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
      const rows = await query<Event>(unionAll(datedSelects({
        dialect: dialectOf(db), table: 'Event', dateColumn: 'start', nullable: true, columns: Prisma.sql`t.*`,
        where: others, involvement, cursor, scan, take,
      })));
      return mergePage(rows, (e) => e.start, scan, take);
    },
    () => countRows(query, 'Event', [...others, Prisma.sql`t."id" IN (${involvement.ids})`]),
  );
}

export function findEvent(db: DbTx, by: { id?: string | null; slug?: string | null }) {
  return db.event.findUnique({ where: idOrSlug(by) });
}
