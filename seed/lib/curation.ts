/**
 * What the API has curated, read from the audit log: the seed must never undo it.
 *
 * The rule (README "Seed data and curation"): a row the seed created is the seed's until the API
 * changes it. A field the API has changed is the analyst's from then on: the seed no longer writes it
 * (its other fields still follow the seed files). A seed row that is gone from the database was deleted
 * (or merged away) outside the seed: it is not re-created, and nor is anything the files hang under it.
 * A row the files no longer hold is deleted only if the API never changed it and no record added through
 * the API hangs under it. Every difference the seed did not apply is reported.
 */
import type { DbTx } from '../../src/db/client.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';

/** The audit log's "actor" for the seed's own changes, which are not curation. */
export const SEED_ACTOR = 'seed';

/** Audit log entity type of each seed model. */
export const ENTITY_TYPE = {
  document: 'Document', actor: 'Actor', actorAlias: 'ActorAlias', actorRole: 'ActorRole', actorRelation: 'ActorRelation',
  event: 'Event', eventParticipant: 'EventParticipant', request: 'Request', requestParty: 'RequestParty',
  requestItem: 'RequestItem', requestResponse: 'RequestResponse', evidence: 'Evidence',
  responseItem: 'ResponseItem', requestStatusEntry: 'RequestStatusEntry', dateClaim: 'DateClaim', quantity: 'Quantity',
  citation: 'Citation',
} as const;

/** Columns that record bookkeeping, not content: never "curated". */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'createdAt']);

/** The columns of each model that point at another seed row (checked before creating a row). */
export const REFERENCES: Record<string, readonly string[]> = {
  actorAlias: ['actorId'], actorRole: ['actorId', 'withinId'], actorRelation: ['fromId', 'toId'],
  eventParticipant: ['eventId', 'actorId'], request: ['madeAtId'], requestParty: ['requestId', 'actorId', 'onBehalfOfId'],
  requestItem: ['requestId'], requestResponse: ['requestId', 'responderId', 'eventId'],
  evidence: [
    'documentId', 'actorId', 'roleId', 'relationId', 'eventId', 'participantId', 'requestId', 'itemId', 'responseId',
    'statusId', 'dateClaimId',
  ],
  responseItem: ['responseId', 'itemId'], requestStatusEntry: ['requestId'], dateClaim: ['eventId', 'requestId'],
  quantity: ['itemId', 'eventId', 'responseId'], citation: ['roleId', 'relationId', 'eventId', 'responseId', 'statusId', 'dateClaimId'],
};

/** Rows that point at a row of each model (table, column, the child's seed model or null if never seeded). */
const DEPENDENTS: Record<string, readonly [string, string, string | null][]> = {
  document: [['Evidence', 'documentId', 'evidence']],
  actor: [
    ['ActorAlias', 'actorId', 'actorAlias'], ['ActorRole', 'actorId', 'actorRole'], ['ActorRole', 'withinId', 'actorRole'],
    ['ActorRelation', 'fromId', 'actorRelation'], ['ActorRelation', 'toId', 'actorRelation'], ['EventParticipant', 'actorId', 'eventParticipant'],
    ['RequestParty', 'actorId', 'requestParty'], ['RequestParty', 'onBehalfOfId', 'requestParty'], ['RequestResponse', 'responderId', 'requestResponse'],
    ['Evidence', 'actorId', 'evidence'], ['ActorMerge', 'intoId', null], ['Evidence', 'attributedToId', 'evidence'],
  ],
  actorRole: [['Evidence', 'roleId', 'evidence'], ['Citation', 'roleId', 'citation']],
  actorRelation: [['Evidence', 'relationId', 'evidence'], ['Citation', 'relationId', 'citation']],
  event: [
    ['EventParticipant', 'eventId', 'eventParticipant'], ['Request', 'madeAtId', 'request'], ['RequestResponse', 'eventId', 'requestResponse'],
    ['Evidence', 'eventId', 'evidence'], ['Citation', 'eventId', 'citation'], ['Quantity', 'eventId', 'quantity'], ['DateClaim', 'eventId', 'dateClaim'],
  ],
  eventParticipant: [['Evidence', 'participantId', 'evidence']],
  request: [
    ['RequestParty', 'requestId', 'requestParty'], ['RequestItem', 'requestId', 'requestItem'], ['RequestResponse', 'requestId', 'requestResponse'],
    ['Evidence', 'requestId', 'evidence'], ['RequestStatusEntry', 'requestId', 'requestStatusEntry'], ['DateClaim', 'requestId', 'dateClaim'],
  ],
  requestItem: [['Evidence', 'itemId', 'evidence'], ['Quantity', 'itemId', 'quantity'], ['ResponseItem', 'itemId', 'responseItem']],
  requestResponse: [
    ['Evidence', 'responseId', 'evidence'], ['Citation', 'responseId', 'citation'], ['Quantity', 'responseId', 'quantity'],
    ['ResponseItem', 'responseId', 'responseItem'],
  ],
  requestStatusEntry: [['Evidence', 'statusId', 'evidence'], ['Citation', 'statusId', 'citation']],
  dateClaim: [['Evidence', 'dateClaimId', 'evidence'], ['Citation', 'dateClaimId', 'citation']],
};

export interface Curation {
  /** Fields the API has changed, by row id. */
  fields: Map<string, Set<string>>;
  /** Rows the audit log knows (created, changed or deleted through the API). */
  touched: Set<string>;
}

const CHUNK = 500;

/** Reads what the audit log says the API did to these rows. */
export async function readCuration(tx: DbTx, ids: string[]): Promise<Curation> {
  const fields = new Map<string, Set<string>>();
  const touched = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const entries = await tx.auditEntry.findMany({
      where: { entityId: { in: ids.slice(i, i + CHUNK) }, NOT: { operation: 'seed', actor: SEED_ACTOR } },
      select: { entityId: true, before: true, after: true },
    });
    for (const e of entries) {
      touched.add(e.entityId);
      if (e.before === null || e.after === null) continue;
      const before = JSON.parse(e.before) as Record<string, unknown>;
      const after = JSON.parse(e.after) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (BOOKKEEPING.has(key) || JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
        if (!fields.has(e.entityId)) fields.set(e.entityId, new Set());
        fields.get(e.entityId)!.add(key);
      }
    }
  }
  return { fields, touched };
}

/** Whether any row the seed does not own points at this row (deleting it would cascade into curation). */
export async function hasForeignDependents(tx: DbTx, model: string, id: string): Promise<boolean> {
  for (const [table, column, childModel] of DEPENDENTS[model] ?? []) {
    const [t, c] = [Prisma.raw(`"${table}"`), Prisma.raw(`c."${column}"`)];
    const sql = childModel === null
      ? Prisma.sql`SELECT 1 FROM ${t} c WHERE ${c} = ${id} LIMIT 1`
      : Prisma.sql`SELECT 1 FROM ${t} c WHERE ${c} = ${id} AND NOT EXISTS (SELECT 1 FROM "SeedRecord" s WHERE s."model" = ${childModel} AND s."rowId" = c."id") LIMIT 1`;
    if ((await tx.$queryRaw<unknown[]>(sql)).length) return true;
  }
  return false;
}
