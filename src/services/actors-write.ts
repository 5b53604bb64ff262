/** Creating, updating and merging actors; aliases and roles. */
import type { Db, DbTx } from '../db/client.ts';
import type { ActorKind } from '../generated/prisma/client.ts';
import type { Principal } from '../domain/auth.ts';
import { badInput, conflict, notFound } from '../domain/errors.ts';
import { parseCountryCode } from '../domain/country-codes.ts';
import { dateSpan, parsePartialDate } from '../domain/partial-date.ts';
import { normalizeName } from '../domain/text.ts';
import { attachCitations, type CitationInput } from './citations-write.ts';
import { attachEvidence, type EvidenceInput } from './evidence-write.ts';
import type { Actor } from '../generated/prisma/client.ts';
import { bumpVersion, newSlug, optionalText, text, updateVersioned, write, type Audit } from './write.ts';

const MAX_ALIASES = 50;

export async function requireActor(tx: DbTx, id: string, field: string) {
  const actor = await tx.actor.findUnique({ where: { id } });
  if (!actor) throw notFound(`${field}: no such actor`, { field });
  return actor;
}

async function addAlias(tx: DbTx, audit: Audit, actorId: string, name: string, field = 'name') {
  const clean = text(name, field, 200);
  const normalized = normalizeName(clean);
  const existing = await tx.actorAlias.findUnique({ where: { actorId_normalized: { actorId, normalized } } });
  if (existing) return { alias: existing, created: false };
  const alias = await tx.actorAlias.create({ data: { actorId, name: clean, normalized } });
  audit('ActorAlias', alias.id, null, alias);
  return { alias, created: true };
}

export interface CreateActorInput {
  slug?: string | null;
  name: string;
  kind: ActorKind;
  countryCode?: string | null;
  description?: string | null;
  aliases?: string[] | null;
  evidence?: EvidenceInput[] | null;
}

export async function createActor(db: Db, who: Principal | null, input: CreateActorInput) {
  return write(db, who, 'editor', 'createActor', async (tx, audit) => {
    const name = text(input.name, 'name', 200);
    if ((input.aliases?.length ?? 0) > MAX_ALIASES) throw badInput(`aliases: at most ${MAX_ALIASES}`, { field: 'aliases' });
    const slug = await newSlug(async (s) => !!(await tx.actor.findUnique({ where: { slug: s }, select: { id: true } })), input.slug, name);
    const actor = await tx.actor.create({
      data: {
        slug, name, kind: input.kind,
        countryCode: input.countryCode == null ? null : parseCountryCode(input.countryCode),
        description: optionalText(input.description, 'description', 1000) ?? null,
      },
    });
    audit('Actor', actor.id, null, actor);
    for (const alias of [name, ...(input.aliases ?? [])]) await addAlias(tx, audit, actor.id, alias, 'aliases');
    await attachEvidence(tx, audit, 'ACTOR', actor.id, input.evidence);
    return actor;
  });
}

export async function updateActor(
  db: Db, who: Principal | null, id: string, expectedVersion: number,
  input: { name?: string | null; kind?: ActorKind | null; countryCode?: string | null; description?: string | null },
) {
  return write(db, who, 'editor', 'updateActor', async (tx, audit) => {
    const data: Record<string, unknown> = {};
    if (input.name != null) data.name = text(input.name, 'name', 200);
    if (input.kind != null) data.kind = input.kind;
    if (input.countryCode !== undefined) data.countryCode = input.countryCode === null || input.countryCode === '' ? null : parseCountryCode(input.countryCode);
    if (input.description !== undefined) data.description = optionalText(input.description, 'description', 1000);
    const { before, after } = await updateVersioned<{ id: string }>(tx, 'actor', id, expectedVersion, data);
    audit('Actor', id, before, after);
    if (typeof data.name === 'string') await addAlias(tx, audit, id, data.name); // the new name stays findable
    return tx.actor.findUniqueOrThrow({ where: { id } });
  });
}

export async function addActorAlias(db: Db, who: Principal | null, actorId: string, name: string) {
  return write(db, who, 'editor', 'addActorAlias', async (tx, audit) => {
    await requireActor(tx, actorId, 'actor');
    const { created } = await addAlias(tx, audit, actorId, name);
    if (!created) throw conflict(`The actor is already known as "${name.trim()}"`, { field: 'name' });
    return bumpVersion<Actor>(tx, audit, 'actor', 'Actor', actorId);
  });
}

export async function removeActorAlias(db: Db, who: Principal | null, actorId: string, name: string) {
  return write(db, who, 'editor', 'removeActorAlias', async (tx, audit) => {
    const actor = await requireActor(tx, actorId, 'actor');
    const normalized = normalizeName(name);
    if (normalized === normalizeName(actor.name)) throw badInput('The canonical name cannot be removed; rename the actor instead', { field: 'name' });
    const alias = await tx.actorAlias.findUnique({ where: { actorId_normalized: { actorId, normalized } } });
    if (!alias) throw notFound(`The actor has no alias "${name.trim()}"`, { field: 'name' });
    await tx.actorAlias.delete({ where: { id: alias.id } });
    audit('ActorAlias', alias.id, alias, null);
    return bumpVersion<Actor>(tx, audit, 'actor', 'Actor', actorId);
  });
}

export async function addActorRole(
  db: Db, who: Principal | null,
  input: {
    actorId: string; title: string; withinId?: string | null; from?: string | null; to?: string | null; dateNote?: string | null;
    evidence?: EvidenceInput[] | null; citations?: CitationInput[] | null;
  },
) {
  return write(db, who, 'editor', 'addActorRole', async (tx, audit) => {
    await requireActor(tx, input.actorId, 'actor');
    if (input.withinId) await requireActor(tx, input.withinId, 'of');
    const from = input.from == null ? null : parsePartialDate(input.from, 'from');
    const to = input.to == null ? null : parsePartialDate(input.to, 'to');
    if (from && to) dateSpan(from, to);
    const role = await tx.actorRole.create({
      data: {
        actorId: input.actorId, title: text(input.title, 'title', 200), withinId: input.withinId ?? null,
        from: from?.value ?? null, fromPrecision: from?.precision ?? null, to: to?.value ?? null, toPrecision: to?.precision ?? null,
        dateNote: optionalText(input.dateNote, 'dateNote', 1000) ?? null,
      },
    });
    audit('ActorRole', role.id, null, role);
    await attachEvidence(tx, audit, 'ACTOR_ROLE', role.id, input.evidence);
    // Terms of office often come from the public record rather than the texts.
    await attachCitations(tx, audit, 'ACTOR_ROLE', role.id, input.citations);
    await bumpVersion(tx, audit, 'actor', 'Actor', input.actorId);
    return role;
  });
}

type EvidenceColumn = 'actorId' | 'relationId' | 'participantId';

/**
 * Re-points evidence from one record to another, audited; a span the target already has is dropped
 * rather than duplicated.
 */
async function moveEvidence(tx: DbTx, audit: Audit, column: EvidenceColumn, fromId: string, toId: string) {
  const theirs = await tx.evidence.findMany({ where: { [column]: toId }, select: { documentId: true, start: true, end: true } });
  const key = (e: { documentId: string; start: number; end: number }) => `${e.documentId}:${e.start}:${e.end}`;
  const have = new Set(theirs.map(key));
  for (const e of await tx.evidence.findMany({ where: { [column]: fromId } })) {
    if (have.has(key(e))) {
      await tx.evidence.delete({ where: { id: e.id } });
      audit('Evidence', e.id, e, null);
    } else {
      audit('Evidence', e.id, e, await tx.evidence.update({ where: { id: e.id }, data: { [column]: toId } }));
    }
  }
}

/**
 * Merges `fromId` into `intoId`: every reference (aliases, roles, relations, participations, request
 * parties, responses, evidence) moves to `into`; where `into` already has the same link the duplicate is
 * dropped (its evidence moving to the link kept); a relation that would link `into` to itself is
 * dropped with its evidence; the merged actor's names become aliases; an ActorMerge row keeps its
 * identity. Every row changed or deleted is in the audit log.
 */
export async function mergeActors(db: Db, who: Principal | null, intoId: string, fromId: string) {
  return write(db, who, 'admin', 'mergeActors', async (tx, audit) => {
    if (intoId === fromId) throw badInput('An actor cannot be merged into itself', { field: 'from' });
    const into = await requireActor(tx, intoId, 'into');
    const from = await requireActor(tx, fromId, 'from');
    for (const a of await tx.actorAlias.findMany({ where: { actorId: fromId } })) {
      await addAlias(tx, audit, intoId, a.name);
      await tx.actorAlias.delete({ where: { id: a.id } });
      audit('ActorAlias', a.id, a, null);
    }
    for (const r of await tx.actorRole.findMany({ where: { OR: [{ actorId: fromId }, { withinId: fromId }] } })) {
      const data = { actorId: r.actorId === fromId ? intoId : r.actorId, withinId: r.withinId === fromId ? intoId : r.withinId };
      audit('ActorRole', r.id, r, await tx.actorRole.update({ where: { id: r.id }, data }));
    }
    for (const r of await tx.actorRelation.findMany({ where: { OR: [{ fromId }, { toId: fromId }] } })) {
      const f = r.fromId === fromId ? intoId : r.fromId;
      const t = r.toId === fromId ? intoId : r.toId;
      const dup = await tx.actorRelation.findUnique({ where: { fromId_toId_kind: { fromId: f, toId: t, kind: r.kind } } });
      if (f === t || (dup && dup.id !== r.id)) {
        if (f === t) {
          for (const e of await tx.evidence.findMany({ where: { relationId: r.id } })) audit('Evidence', e.id, e, null);
        } else await moveEvidence(tx, audit, 'relationId', r.id, dup!.id);
        await tx.actorRelation.delete({ where: { id: r.id } });
        audit('ActorRelation', r.id, r, null);
      } else audit('ActorRelation', r.id, r, await tx.actorRelation.update({ where: { id: r.id }, data: { fromId: f, toId: t } }));
    }
    for (const p of await tx.eventParticipant.findMany({ where: { actorId: fromId } })) {
      const dup = await tx.eventParticipant.findUnique({ where: { eventId_actorId_role: { eventId: p.eventId, actorId: intoId, role: p.role } } });
      if (dup) {
        await moveEvidence(tx, audit, 'participantId', p.id, dup.id);
        await tx.eventParticipant.delete({ where: { id: p.id } });
        audit('EventParticipant', p.id, p, null);
      } else audit('EventParticipant', p.id, p, await tx.eventParticipant.update({ where: { id: p.id }, data: { actorId: intoId } }));
    }
    for (const p of await tx.requestParty.findMany({ where: { OR: [{ actorId: fromId }, { onBehalfOfId: fromId }] } })) {
      const onBehalfOfId = p.onBehalfOfId === fromId ? intoId : p.onBehalfOfId;
      const dup = p.actorId === fromId
        ? await tx.requestParty.findUnique({ where: { requestId_actorId_side: { requestId: p.requestId, actorId: intoId, side: p.side } } })
        : null;
      if (dup) {
        await tx.requestParty.delete({ where: { id: p.id } });
        audit('RequestParty', p.id, p, null);
      } else {
        const data = { actorId: p.actorId === fromId ? intoId : p.actorId, onBehalfOfId };
        audit('RequestParty', p.id, p, await tx.requestParty.update({ where: { id: p.id }, data }));
      }
    }
    for (const r of await tx.requestResponse.findMany({ where: { responderId: fromId } })) {
      audit('RequestResponse', r.id, r, await tx.requestResponse.update({ where: { id: r.id }, data: { responderId: intoId } }));
    }
    await moveEvidence(tx, audit, 'actorId', fromId, intoId);
    // Words the texts attribute to the merged actor are now attributed to the one that remains.
    for (const e of await tx.evidence.findMany({ where: { attributedToId: fromId } })) {
      audit('Evidence', e.id, e, await tx.evidence.update({ where: { id: e.id }, data: { attributedToId: intoId } }));
    }
    await tx.actorMerge.updateMany({ where: { intoId: fromId }, data: { intoId } });
    const merge = await tx.actorMerge.create({ data: { intoId, fromId, fromSlug: from.slug, fromName: from.name, mergedBy: who!.name } });
    await tx.actor.delete({ where: { id: fromId } });
    await bumpVersion(tx, audit, 'actor', 'Actor', intoId);
    audit('Actor', fromId, from, null);
    audit('ActorMerge', merge.id, null, merge);
    return { into: await tx.actor.findUniqueOrThrow({ where: { id: into.id } }), merge };
  });
}
