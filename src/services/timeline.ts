/**
 * The timeline: events, requests and responses in date order. Only ids and dates are read here; the
 * records themselves are loaded for the page alone, through the request's loaders.
 */
import type { DbTx } from '../db/client.ts';
import { dateRange } from './filters.ts';
import { arrayPage, type PageArgs } from './pagination.ts';

export type TimelineKind = 'EVENT' | 'REQUEST' | 'RESPONSE';
export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  date: string;
}

export async function listTimeline(
  db: DbTx,
  filter: { actorId?: string | null; from?: string | null; to?: string | null },
  page: PageArgs,
) {
  const range = dateRange('dateMin', 'dateMax', filter.from, filter.to);
  const actorId = filter.actorId;
  const [events, requests, responses] = await Promise.all([
    db.event.findMany({
      where: { AND: [{ start: { not: null } }, ...range, ...(actorId ? [{ participants: { some: { actorId } } }] : [])] },
      select: { id: true, start: true },
    }),
    db.request.findMany({
      where: { AND: [{ date: { not: null } }, ...range, ...(actorId ? [{ parties: { some: { actorId } } }] : [])] },
      select: { id: true, date: true },
    }),
    db.requestResponse.findMany({
      where: { AND: [{ date: { not: null } }, ...range, ...(actorId ? [{ responderId: actorId }] : [])] },
      select: { id: true, date: true },
    }),
  ]);
  const entries: TimelineEntry[] = [
    ...events.map((e) => ({ kind: 'EVENT' as const, id: e.id, date: e.start! })),
    ...requests.map((r) => ({ kind: 'REQUEST' as const, id: r.id, date: r.date! })),
    ...responses.map((r) => ({ kind: 'RESPONSE' as const, id: r.id, date: r.date! })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return arrayPage(entries, page, (e) => ({ value: e.date, id: e.id }), 'asc', 'timeline');
}
