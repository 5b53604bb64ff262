/** Reading events. */
import type { DbTx } from '../db/client.ts';
import type { Event, EventKind, EventStatus } from '../generated/prisma/client.ts';
import { isCountryCode } from '../domain/country-codes.ts';
import { dateRange, idsContaining, textFilter, idOrSlug } from './filters.ts';
import { keysetPage, type PageArgs } from './pagination.ts';

export interface EventFilter {
  kind?: EventKind | null;
  status?: EventStatus | null;
  from?: string | null;
  to?: string | null;
  /** Database id of an actor taking part. */
  actorId?: string | null;
  /** Database id of a document with evidence on the event or a participant. */
  documentId?: string | null;
  location?: string | null;
}

export type EventOrderField = 'START' | 'TITLE';
const ORDER = {
  START: { field: 'start', nullable: true },
  TITLE: { field: 'title', nullable: false },
} as const;

export async function eventWhere(db: DbTx, filter: EventFilter = {}) {
  const and: Record<string, unknown>[] = [...dateRange('dateMin', 'dateMax', filter.from, filter.to)];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.status) and.push({ status: filter.status });
  if (filter.actorId) and.push({ participants: { some: { actorId: filter.actorId } } });
  if (filter.documentId) {
    const documentId = filter.documentId;
    and.push({ OR: [{ evidence: { some: { documentId } } }, { participants: { some: { evidence: { some: { documentId } } } } }] });
  }
  if (filter.location != null) {
    const text = textFilter(filter.location, 'location');
    const byCountry = isCountryCode(text.toUpperCase()) ? [{ locationCountry: text.toUpperCase() }] : [];
    and.push({ OR: [{ id: { in: await idsContaining(db, 'eventLocation', text) } }, ...byCountry] });
  }
  return and;
}

export async function listEvents(
  db: DbTx,
  filter: EventFilter | null | undefined,
  order: { field: EventOrderField; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  page: PageArgs,
) {
  const and = await eventWhere(db, filter ?? {});
  return keysetPage<Event>({
    args: page,
    ...ORDER[order?.field ?? 'START'],
    direction: order?.direction === 'DESC' ? 'desc' : 'asc',
    find: ({ where, orderBy, take }) => db.event.findMany({ where: { AND: [...and, where] }, orderBy, take }),
    count: () => db.event.count({ where: { AND: and } }),
  });
}

export function findEvent(db: DbTx, by: { id?: string | null; slug?: string | null }) {
  return db.event.findUnique({ where: idOrSlug(by) });
}
