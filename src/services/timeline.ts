/**
 * The timeline: events, requests and responses in date order, paged in SQL over one UNION ALL, so a
 * page costs the same however long the timeline is. Only kinds, ids and dates are read here; the
 * records themselves are loaded for the page alone, through the request's loaders.
 */
import type { DbTx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { customPage, type PageArgs } from './pagination.ts';
import { affiliatedIds, type Affiliation } from './affiliation.ts';

export type TimelineKind = 'EVENT' | 'REQUEST' | 'RESPONSE';
export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  date: string;
}

export async function listTimeline(
  db: DbTx,
  filter: { actors?: Affiliation | null; from?: string | null; to?: string | null },
  page: PageArgs,
) {
  const from = filter.from != null ? parsePartialDate(filter.from, 'from') : null;
  const to = filter.to != null ? parsePartialDate(filter.to, 'to') : null;
  if (from && to && to.max < from.min) throw badInput(`to (${to.value}) is before from (${from.value})`, { field: 'to' });
  const a = filter.actors ?? null;

  // The same conditions on each table (aliased t): dated, overlapping [from, to], involving one of the
  // actors or an actor acting for one (an IN (SELECT …) driven by the affiliated set, see affiliation.ts).
  const range = Prisma.sql`${from ? Prisma.sql` AND t."dateMax" >= ${from.min}` : Prisma.empty}${to ? Prisma.sql` AND t."dateMin" <= ${to.max}` : Prisma.empty}`;
  const involves = (o: Parameters<typeof affiliatedIds>[1]) => (a ? Prisma.sql` AND t."id" IN (${affiliatedIds(a, o)})` : Prisma.empty);
  const entries = Prisma.sql`
    SELECT 'EVENT' AS "kind", t."id" AS "id", t."start" AS "date" FROM "Event" t
      WHERE t."start" IS NOT NULL${range}${involves({ table: 'Event', link: 'EventParticipant', linkKey: 'eventId', actorColumn: 'actorId' })}
    UNION ALL
    SELECT 'REQUEST', t."id", t."date" FROM "Request" t
      WHERE t."date" IS NOT NULL${range}${involves({ table: 'Request', link: 'RequestParty', linkKey: 'requestId', actorColumn: 'actorId', onBehalfOf: true })}
    UNION ALL
    SELECT 'RESPONSE', t."id", t."date" FROM "RequestResponse" t
      WHERE t."date" IS NOT NULL${range}${involves({ table: 'RequestResponse', link: 'RequestResponse', linkKey: 'id', actorColumn: 'responderId' })}`;

  return customPage<TimelineEntry>(
    page,
    'timeline',
    (e) => ({ value: e.date, id: e.id }),
    (cursor, scan, take) => {
      const past = scan === 'asc' ? Prisma.raw('>') : Prisma.raw('<');
      const where = cursor ? Prisma.sql`WHERE "date" ${past} ${cursor.value} OR ("date" = ${cursor.value} AND "id" ${past} ${cursor.id})` : Prisma.empty;
      const dir = Prisma.raw(scan === 'asc' ? 'ASC' : 'DESC');
      return db.$queryRaw<TimelineEntry[]>(Prisma.sql`SELECT "kind", "id", "date" FROM (${entries}) AS "entries" ${where} ORDER BY "date" ${dir}, "id" ${dir} LIMIT ${take}`);
    },
    async () => {
      const [r] = await db.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT COUNT(*) AS "n" FROM (${entries}) AS "entries"`);
      return Number(r?.n ?? 0);
    },
  );
}
