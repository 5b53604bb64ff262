/** Creating and updating events and their participants. */
import type { Db, DbTx } from '../db/client.ts';
import type { EventKind, EventStatus, ParticipantRole } from '../generated/prisma/client.ts';
import type { Principal } from '../domain/auth.ts';
import { badInput, conflict, notFound } from '../domain/errors.ts';
import { parseCountryCode } from '../domain/country-codes.ts';
import { dateSpan, fromStored, parsePartialDate } from '../domain/partial-date.ts';
import { requireActor } from './actors-write.ts';
import { attachEvidence, type EvidenceInput } from './evidence-write.ts';
import { newSlug, optionalText, text, updateVersioned, write, type Audit } from './write.ts';

export interface ParticipantInput {
  actorId: string;
  role: ParticipantRole;
  evidence?: EvidenceInput[] | null;
}

export interface EventFields {
  kind?: EventKind | null;
  status?: EventStatus | null;
  title?: string | null;
  summary?: string | null;
  start?: string | null;
  end?: string | null;
  dateNote?: string | null;
  location?: { name: string; countryCode?: string | null } | null;
}

/** Date columns for a start/end pair (either may be null: unknown). */
function dateColumns(start: string | null | undefined, end: string | null | undefined) {
  const s = start == null ? null : parsePartialDate(start, 'start');
  const e = end == null ? null : parsePartialDate(end, 'end');
  return {
    start: s?.value ?? null, startPrecision: s?.precision ?? null,
    end: e?.value ?? null, endPrecision: e?.precision ?? null,
    ...dateSpan(s, e),
  };
}

function locationColumns(location: EventFields['location']) {
  if (location === undefined) return {};
  if (location === null) return { locationName: null, locationCountry: null };
  return {
    locationName: text(location.name, 'location.name', 200),
    locationCountry: location.countryCode == null ? null : parseCountryCode(location.countryCode, 'location.countryCode'),
  };
}

export async function requireEvent(tx: DbTx, id: string, field: string) {
  const event = await tx.event.findUnique({ where: { id } });
  if (!event) throw notFound(`${field}: no such event`, { field });
  return event;
}

async function addParticipant(tx: DbTx, audit: Audit, eventId: string, p: ParticipantInput, field: string) {
  await requireActor(tx, p.actorId, `${field}.actor`);
  const dup = await tx.eventParticipant.findUnique({ where: { eventId_actorId_role: { eventId, actorId: p.actorId, role: p.role } } });
  if (dup) throw conflict(`${field}: the actor already takes part as ${p.role}`, { field, existing: { type: 'EventParticipant', id: dup.id } });
  const row = await tx.eventParticipant.create({ data: { eventId, actorId: p.actorId, role: p.role } });
  audit('EventParticipant', row.id, null, row);
  await attachEvidence(tx, audit, 'EVENT_PARTICIPANT', row.id, p.evidence, `${field}.evidence`);
  return row;
}

export async function createEvent(
  db: Db, who: Principal | null,
  input: EventFields & { slug?: string | null; kind: EventKind; title: string; participants?: ParticipantInput[] | null; evidence?: EvidenceInput[] | null },
) {
  return write(db, who, 'editor', 'createEvent', async (tx, audit) => {
    const title = text(input.title, 'title', 300);
    if ((input.participants?.length ?? 0) > 100) throw badInput('participants: at most 100', { field: 'participants' });
    const slug = await newSlug(async (s) => !!(await tx.event.findUnique({ where: { slug: s }, select: { id: true } })), input.slug, title);
    const event = await tx.event.create({
      data: {
        slug, kind: input.kind, status: input.status ?? 'OCCURRED', title,
        summary: optionalText(input.summary, 'summary', 2000) ?? null,
        ...dateColumns(input.start, input.end), dateNote: optionalText(input.dateNote, 'dateNote', 1000) ?? null,
        ...locationColumns(input.location),
      },
    });
    audit('Event', event.id, null, event);
    const seen = new Set<string>();
    for (const [i, p] of (input.participants ?? []).entries()) {
      if (seen.has(`${p.actorId}:${p.role}`)) throw badInput(`participants[${i}]: the actor is listed twice in the same role`, { field: `participants[${i}]` });
      seen.add(`${p.actorId}:${p.role}`);
      await addParticipant(tx, audit, event.id, p, `participants[${i}]`);
    }
    await attachEvidence(tx, audit, 'EVENT', event.id, input.evidence);
    return event;
  });
}

export async function updateEvent(db: Db, who: Principal | null, id: string, expectedVersion: number, input: EventFields) {
  return write(db, who, 'editor', 'updateEvent', async (tx, audit) => {
    const current = await requireEvent(tx, id, 'id');
    const data: Record<string, unknown> = { ...locationColumns(input.location) };
    if (input.kind != null) data.kind = input.kind;
    if (input.status != null) data.status = input.status;
    if (input.title != null) data.title = text(input.title, 'title', 300);
    if (input.summary !== undefined) data.summary = optionalText(input.summary, 'summary', 2000);
    if (input.dateNote !== undefined) data.dateNote = optionalText(input.dateNote, 'dateNote', 1000);
    if (input.start !== undefined || input.end !== undefined) {
      Object.assign(data, dateColumns(
        input.start !== undefined ? input.start : fromStored(current.start)?.value,
        input.end !== undefined ? input.end : fromStored(current.end)?.value,
      ));
    }
    const { before, after } = await updateVersioned<{ id: string }>(tx, 'event', id, expectedVersion, data);
    audit('Event', id, before, after);
    return tx.event.findUniqueOrThrow({ where: { id } });
  });
}

export async function addEventParticipant(db: Db, who: Principal | null, eventId: string, p: ParticipantInput) {
  return write(db, who, 'editor', 'addEventParticipant', async (tx, audit) => {
    await requireEvent(tx, eventId, 'event');
    return addParticipant(tx, audit, eventId, p, 'participant');
  });
}
