/** Reading requests. */
import type { DbTx } from '../db/client.ts';
import type { ItemCategory, Request, RequestStatus } from '../generated/prisma/client.ts';
import { dateRange, idOrSlug } from './filters.ts';
import { keysetPage, type PageArgs } from './pagination.ts';

/** Actor and document references are database ids (the API layer resolves global IDs and slugs). */
export interface RequestFilter {
  requesterId?: string | null;
  addresseeId?: string | null;
  actorId?: string | null;
  status?: RequestStatus | null;
  category?: ItemCategory | null;
  excludedCategory?: ItemCategory | null;
  from?: string | null;
  to?: string | null;
  documentId?: string | null;
}

export type RequestOrderField = 'DATE' | 'CREATED_AT';
const ORDER = {
  DATE: { field: 'date', nullable: true, kind: 'text' },
  CREATED_AT: { field: 'createdAt', nullable: false, kind: 'datetime' },
} as const;

export function requestWhere(filter: RequestFilter = {}) {
  const and: Record<string, unknown>[] = [...dateRange('dateMin', 'dateMax', filter.from, filter.to)];
  if (filter.requesterId) and.push({ parties: { some: { actorId: filter.requesterId, side: 'REQUESTER' } } });
  if (filter.addresseeId) and.push({ parties: { some: { actorId: filter.addresseeId, side: 'ADDRESSEE' } } });
  if (filter.actorId) and.push({ parties: { some: { actorId: filter.actorId } } });
  if (filter.status) and.push({ status: filter.status });
  if (filter.category) and.push({ items: { some: { category: filter.category, excluded: false } } });
  if (filter.excludedCategory) and.push({ items: { some: { category: filter.excludedCategory, excluded: true } } });
  if (filter.documentId) {
    const ev = { some: { documentId: filter.documentId } };
    and.push({ OR: [{ evidence: ev }, { items: { some: { evidence: ev } } }, { responses: { some: { evidence: ev } } }] });
  }
  return and;
}

export function listRequests(
  db: DbTx,
  filter: RequestFilter | null | undefined,
  order: { field: RequestOrderField; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  page: PageArgs,
) {
  const and = requestWhere(filter ?? {});
  return keysetPage<Request>({
    args: page,
    ...ORDER[order?.field ?? 'DATE'],
    direction: order?.direction === 'DESC' ? 'desc' : 'asc',
    find: ({ where, orderBy, take }) => db.request.findMany({ where: { AND: [...and, where] }, orderBy, take }),
    count: () => db.request.count({ where: { AND: and } }),
  });
}

export function findRequest(db: DbTx, by: { id?: string | null; slug?: string | null }) {
  return db.request.findUnique({ where: idOrSlug(by) });
}
