/**
 * The timeline: events, requests and responses in date order. A page is one statement: per table, the
 * page's SELECT (for an actor filter, a walk of the table's (date, id) index or a drive from the actors'
 * link rows, chosen in the statement: db/dated-page-sql.ts), each ordered and limited on its own, joined
 * by UNION ALL and merged here. So a page costs the same however long the timeline is, for a light
 * actor or for one in thousands of records. Only kinds, ids and dates are read here; the records
 * themselves are loaded for the page alone, through the request's loaders.
 */
import { readersOf, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { datedSelects, mergePage, unionAll, type Involvement } from '../db/dated-page-sql.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { customPage, type PageArgs } from './pagination.ts';
import { affiliatedIds, involvementOf, type Affiliation, type LinkOf } from './affiliation.ts';

export type TimelineKind = 'EVENT' | 'REQUEST' | 'RESPONSE';
export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  date: string;
}

const TABLES: { kind: TimelineKind; dateColumn: string; hasEnd?: boolean; link: LinkOf }[] = [
  { kind: 'EVENT', dateColumn: 'start', hasEnd: true, link: { table: 'Event', link: 'EventParticipant', linkKey: 'eventId', actorColumn: 'actorId' } },
  { kind: 'REQUEST', dateColumn: 'date', link: { table: 'Request', link: 'RequestParty', linkKey: 'requestId', actorColumn: 'actorId', onBehalfOf: true } },
  { kind: 'RESPONSE', dateColumn: 'date', link: { table: 'RequestResponse', link: 'RequestResponse', linkKey: 'id', actorColumn: 'responderId' } },
];

export async function listTimeline(
  db: DbTx,
  filter: { actors?: Affiliation | null; from?: string | null; to?: string | null },
  page: PageArgs,
) {
  const from = filter.from != null ? parsePartialDate(filter.from, 'from') : null;
  const to = filter.to != null ? parsePartialDate(filter.to, 'to') : null;
  if (from && to && to.max < from.min) throw badInput(`to (${to.value}) is before from (${from.value})`, { field: 'to' });
  const a = filter.actors ?? null;
  const dialect = dialectOf(db);
  const readers = readersOf(db);

  // The same conditions on each table (aliased t): dated, overlapping [from, to], involving one of the
  // actors or an actor acting for one (see affiliation.ts).
  const conditions = (t: (typeof TABLES)[number]) => {
    const col = Prisma.raw(`t."${t.dateColumn}"`);
    const and = [Prisma.sql`${col} IS NOT NULL`];
    // The range on the partial date itself as well, redundant with the dateMin/dateMax test but a bound
    // for the (date, id) index, so a page walking it starts at the range (dateSpan in domain/partial-date.ts:
    // dateMin is the first day of the date, which sorts before it as text; dateMax is its last day, or
    // for an event with an end, the end's).
    if (from) {
      and.push(Prisma.sql`t."dateMax" >= ${from.min}`);
      if (!t.hasEnd) and.push(Prisma.sql`${col} >= ${from.min.slice(0, 4)}`);
    }
    if (to) and.push(Prisma.sql`t."dateMin" <= ${to.max}`, Prisma.sql`${col} <= ${to.max}`);
    return and;
  };
  const involvement = (link: LinkOf): Involvement | null => (a ? involvementOf(a, link) : null);

  return customPage<TimelineEntry>(
    page,
    'timeline',
    (e) => ({ value: e.date, id: e.id }),
    async (cursor, scan, take) => {
      // A hand-made cursor without a date matches nothing (no entry is undated), as it always has.
      if (cursor && cursor.value === null) return [];
      const selects = TABLES.flatMap((t) => datedSelects({
        dialect, table: t.link.table, dateColumn: t.dateColumn, nullable: false,
        columns: Prisma.sql`CAST(${t.kind} AS TEXT) AS "kind", t."id" AS "id", t.${Prisma.raw(`"${t.dateColumn}"`)} AS "date"`,
        where: conditions(t), involvement: involvement(t.link), cursor, scan, take,
      }));
      const rows = await readers.lists.rows<TimelineEntry>(unionAll(selects));
      return mergePage(rows, (e) => e.date, scan, take);
    },
    async () => {
      // Exact: every matching record of the three tables counted through the actors' link rows (or the
      // date indexes), without reading a record's row.
      const counts = TABLES.map((t) => {
        const where = conditions(t);
        if (a) where.push(Prisma.sql`t."id" IN (${affiliatedIds(a, t.link)})`);
        return Prisma.sql`SELECT COUNT(*) AS "n" FROM ${Prisma.raw(`"${t.link.table}"`)} t WHERE ${Prisma.join(where, ' AND ')}`;
      });
      const rows = await readers.lists.rows<{ n: bigint | number }>(Prisma.join(counts, ' UNION ALL '));
      return rows.reduce((sum, r) => sum + Number(r.n), 0);
    },
  );
}
