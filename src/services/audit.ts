/** Reading the audit log (admins only). */
import type { Db } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import type { AuditEntry } from '../generated/prisma/client.ts';
import { assertRole, type Principal } from '../domain/auth.ts';
import { keysetPage, type PageArgs } from './pagination.ts';

export function listAudit(db: Db, who: Principal | null, filter: { entityId?: string | null; actor?: string | null; operation?: string | null }, page: PageArgs) {
  assertRole(who, 'admin');
  const where = {
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.operation ? { operation: filter.operation } : {}),
  };
  // Newest first; entries of one write share a timestamp, and the id breaks the tie.
  return keysetPage<AuditEntry>({
    args: page,
    dialect: dialectOf(db), field: 'at', kind: 'datetime', direction: 'desc',
    find: (q) => db.auditEntry.findMany({ where: { AND: [where, q.where] }, orderBy: q.orderBy, take: q.take }),
    count: () => db.auditEntry.count({ where }),
  });
}
