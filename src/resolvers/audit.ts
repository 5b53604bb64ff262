/** The audit log (admins only). */
import type { AuditEntryResolvers, QueryResolvers } from '../generated/graphql.ts';
import { listAudit } from '../services/audit.ts';
import { toGlobalId, tryFromGlobalId, NODE_TYPES, type NodeType } from './global-id.ts';

export const auditLog: QueryResolvers['auditLog'] = (_, { entity, actor, operation, first, after }, ctx) =>
  listAudit(ctx.db, ctx.viewer, { entityId: entity == null ? null : tryFromGlobalId(entity)?.id ?? entity, actor, operation }, { first, after });

export const AuditEntry: AuditEntryResolvers = {
  entityId: (e) => (NODE_TYPES.includes(e.entityType as NodeType) ? toGlobalId(e.entityType as NodeType, e.entityId) : e.entityId),
};
