/** Reading events. */
import { readersOf, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { Prisma, type Event, type EventKind, type EventStatus } from '../generated/prisma/client.ts';
import { isCountryCode } from '../domain/country-codes.ts';
import { idsContaining, textFilter, idOrSlug, sqlDateRange, sqlOneOf } from './filters.ts';
import { countRows, sqlKeysetPage, type PageArgs } from './pagination.ts';
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

/** The events of some actors in date order, paged like an actor's records (involved-page.ts). */
async function actorEventsPage(db: DbTx, filter: EventFilter & { actor: Affiliation }, direction: 'asc' | 'desc', page: PageArgs) {
  const others = await eventConditions(db, { ...filter, actor: null });
  const involvement = involvementOf(filter.actor, PARTICIPANTS);
  return involvedDatedPage<Event>(db, page, {
    table: 'Event', dateColumn: 'start', direction, where: others, involvement,
    date: (e) => e.start,
    count: (query) => countRows(query, 'Event', [...others, Prisma.sql`t."id" IN (${involvement.ids})`]),
  });
}

export function findEvent(db: DbTx, by: { id?: string | null; slug?: string | null }) {
  return db.event.findUnique({ where: idOrSlug(by) });
}
