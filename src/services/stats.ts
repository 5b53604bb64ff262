/** Counts for dashboards. */
import type { DbTx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';

const counts = <K extends string>(rows: { _count: { _all: number } }[], key: (r: never) => K) =>
  rows.map((r) => ({ key: key(r as never), count: r._count._all })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

export async function getStats(db: DbTx) {
  const [documents, actors, events, requests, responses, evidence, byKind, byEventKind, byStatus, byCategory, byStance, years] =
    await Promise.all([
      db.document.count(), db.actor.count(), db.event.count(), db.request.count(), db.requestResponse.count(), db.evidence.count(),
      db.actor.groupBy({ by: ['kind'], _count: { _all: true } }),
      db.event.groupBy({ by: ['kind'], _count: { _all: true } }),
      db.request.groupBy({ by: ['status'], _count: { _all: true } }),
      db.requestItem.groupBy({ by: ['category'], where: { excluded: false }, _count: { _all: true } }),
      db.requestResponse.groupBy({ by: ['stance'], _count: { _all: true } }),
      db.$queryRaw<{ year: string; what: string; n: bigint | number }[]>(Prisma.sql`
        SELECT substr("start", 1, 4) AS "year", 'events' AS "what", COUNT(*) AS "n" FROM "Event" WHERE "start" IS NOT NULL GROUP BY 1
        UNION ALL
        SELECT substr("date", 1, 4), 'requests', COUNT(*) FROM "Request" WHERE "date" IS NOT NULL GROUP BY 1
        UNION ALL
        SELECT substr("date", 1, 4), 'responses', COUNT(*) FROM "RequestResponse" WHERE "date" IS NOT NULL GROUP BY 1`),
    ]);
  const byYear = new Map<number, { year: number; events: number; requests: number; responses: number }>();
  for (const r of years) {
    const year = Number(r.year);
    const entry = byYear.get(year) ?? { year, events: 0, requests: 0, responses: 0 };
    entry[r.what as 'events' | 'requests' | 'responses'] = Number(r.n);
    byYear.set(year, entry);
  }
  return {
    documents, actors, events, requests, responses, evidence,
    actorsByKind: counts(byKind, (r: { kind: string }) => r.kind),
    eventsByKind: counts(byEventKind, (r: { kind: string }) => r.kind),
    requestsByStatus: counts(byStatus, (r: { status: string }) => r.status),
    itemsByCategory: counts(byCategory, (r: { category: string }) => r.category),
    responsesByStance: counts(byStance, (r: { stance: string }) => r.stance),
    byYear: [...byYear.values()].sort((a, b) => a.year - b.year),
  };
}
