/** Creating requests with their parties and items, updating them, and recording responses. */
import type { Db, DbTx } from '../db/client.ts';
import type { ItemCategory, Request, RequestChannel, RequestStatus, Stance } from '../generated/prisma/client.ts';
import type { Principal } from '../domain/auth.ts';
import { badInput, notFound } from '../domain/errors.ts';
import { dateSpan, parsePartialDate } from '../domain/partial-date.ts';
import { requireActor } from './actors-write.ts';
import { requireEvent } from './events-write.ts';
import { attachEvidence, type EvidenceInput } from './evidence-write.ts';
import { attachCitations, type CitationInput } from './citations-write.ts';
import { appendStatusEntry, checkEntryInput, type StatusEntryInput } from './request-status.ts';
import { bumpVersion, newSlug, optionalText, text, updateVersioned, write } from './write.ts';

export interface PartyInput {
  actorId: string;
  onBehalfOfId?: string | null;
}

export interface ItemInput {
  category: ItemCategory;
  description: string;
  excluded?: boolean | null;
  evidence?: EvidenceInput[] | null;
}

const MAX_PARTIES = 20;
const MAX_ITEMS = 50;

function dateColumns(value: string | null | undefined) {
  const d = value == null ? null : parsePartialDate(value, 'date');
  return { date: d?.value ?? null, datePrecision: d?.precision ?? null, ...dateSpan(d) };
}

export async function createRequest(
  db: Db, who: Principal | null,
  input: {
    slug?: string | null; summary: string; channel: RequestChannel; status?: RequestStatus | null;
    date?: string | null; dateNote?: string | null; madeAtId?: string | null;
    requesters: PartyInput[]; addressees: PartyInput[]; items: ItemInput[]; evidence?: EvidenceInput[] | null;
  },
) {
  return write(db, who, 'editor', 'createRequest', async (tx, audit) => {
    const summary = text(input.summary, 'summary', 2000);
    if (!input.requesters.length) throw badInput('requesters: at least one is needed', { field: 'requesters' });
    if (!input.addressees.length) throw badInput('addressees: at least one is needed', { field: 'addressees' });
    if (!input.items.length) throw badInput('items: at least one is needed (what was asked for, or explicitly not)', { field: 'items' });
    if (input.requesters.length + input.addressees.length > MAX_PARTIES) throw badInput(`at most ${MAX_PARTIES} requesters and addressees`, { field: 'requesters' });
    if (input.items.length > MAX_ITEMS) throw badInput(`items: at most ${MAX_ITEMS}`, { field: 'items' });
    if (input.madeAtId) await requireEvent(tx, input.madeAtId, 'madeAt');
    const slug = await newSlug(async (s) => !!(await tx.request.findUnique({ where: { slug: s }, select: { id: true } })), input.slug, summary.slice(0, 60));
    const request = await tx.request.create({
      data: {
        slug, summary, channel: input.channel, status: input.status ?? 'PENDING', ...dateColumns(input.date),
        dateNote: optionalText(input.dateNote, 'dateNote', 1000) ?? null, madeAtId: input.madeAtId ?? null,
      },
    });
    audit('Request', request.id, null, request);
    // The history starts with the status the request is created with, dated like the request.
    await appendStatusEntry(tx, audit, request.id, { status: request.status, date: request.date, note: 'Status when the request was recorded.' });
    const seen = new Set<string>();
    for (const [side, list] of [['REQUESTER', input.requesters], ['ADDRESSEE', input.addressees]] as const) {
      for (const [i, p] of list.entries()) {
        const field = `${side === 'REQUESTER' ? 'requesters' : 'addressees'}[${i}]`;
        await requireActor(tx, p.actorId, `${field}.actor`);
        if (p.onBehalfOfId) await requireActor(tx, p.onBehalfOfId, `${field}.onBehalfOf`);
        if (seen.has(`${side}:${p.actorId}`)) throw badInput(`${field}: the actor is listed twice`, { field });
        seen.add(`${side}:${p.actorId}`);
        const party = await tx.requestParty.create({ data: { requestId: request.id, side, actorId: p.actorId, onBehalfOfId: p.onBehalfOfId ?? null } });
        audit('RequestParty', party.id, null, party);
      }
    }
    for (const [i, item] of input.items.entries()) {
      const row = await tx.requestItem.create({
        data: { requestId: request.id, category: item.category, description: text(item.description, `items[${i}].description`, 1000), excluded: item.excluded ?? false },
      });
      audit('RequestItem', row.id, null, row);
      await attachEvidence(tx, audit, 'REQUEST_ITEM', row.id, item.evidence, `items[${i}].evidence`);
    }
    await attachEvidence(tx, audit, 'REQUEST', request.id, input.evidence);
    return request;
  });
}

export async function updateRequest(
  db: Db, who: Principal | null, id: string, expectedVersion: number,
  input: { summary?: string | null; channel?: RequestChannel | null; date?: string | null; dateNote?: string | null; madeAtId?: string | null },
) {
  return write(db, who, 'editor', 'updateRequest', async (tx, audit) => {
    const data: Record<string, unknown> = {};
    if (input.summary != null) data.summary = text(input.summary, 'summary', 2000);
    if (input.channel != null) data.channel = input.channel;
    if (input.date !== undefined) Object.assign(data, dateColumns(input.date));
    if (input.dateNote !== undefined) data.dateNote = optionalText(input.dateNote, 'dateNote', 1000);
    if (input.madeAtId !== undefined) {
      if (input.madeAtId) await requireEvent(tx, input.madeAtId, 'madeAt');
      data.madeAtId = input.madeAtId;
    }
    const { before, after } = await updateVersioned<{ id: string }>(tx, 'request', id, expectedVersion, data);
    audit('Request', id, before, after);
    return tx.request.findUniqueOrThrow({ where: { id } });
  });
}

/**
 * Appends a status-history entry (with its date, note and support) and sets the request's current
 * status to the latest entry's. Always a new version of the request: its history changed.
 */
export async function setRequestStatus(db: Db, who: Principal | null, id: string, expectedVersion: number, input: StatusEntryInput) {
  checkEntryInput(input);
  return write(db, who, 'editor', 'setRequestStatus', async (tx, audit) => {
    if (!(await tx.request.findUnique({ where: { id }, select: { id: true } }))) throw notFound(`No request has id ${id}`, { field: 'id' });
    const { current } = await appendStatusEntry(tx, audit, id, input);
    const { before, after } = await updateVersioned<{ id: string }>(tx, 'request', id, expectedVersion, { status: current });
    audit('Request', id, before, after);
    return tx.request.findUniqueOrThrow({ where: { id } });
  });
}

async function requireRequest(tx: DbTx, id: string, field: string) {
  const request = await tx.request.findUnique({ where: { id } });
  if (!request) throw notFound(`${field}: no such request`, { field });
  return request;
}

export async function addRequestResponse(
  db: Db, who: Principal | null,
  input: {
    requestId: string; responderId: string; stance: Stance; date?: string | null; dateNote?: string | null; eventId?: string | null;
    summary: string; itemIds?: string[] | null; evidence?: EvidenceInput[] | null; citations?: CitationInput[] | null;
  },
) {
  return write(db, who, 'editor', 'addRequestResponse', async (tx, audit) => {
    await requireRequest(tx, input.requestId, 'request');
    await requireActor(tx, input.responderId, 'responder');
    if (input.eventId) await requireEvent(tx, input.eventId, 'event');
    const row = await tx.requestResponse.create({
      data: {
        requestId: input.requestId, responderId: input.responderId, stance: input.stance, ...dateColumns(input.date),
        dateNote: optionalText(input.dateNote, 'dateNote', 1000) ?? null, eventId: input.eventId ?? null,
        summary: text(input.summary, 'summary', 2000),
      },
    });
    audit('RequestResponse', row.id, null, row);
    const itemIds = [...new Set(input.itemIds ?? [])];
    if (itemIds.length > MAX_ITEMS) throw badInput(`items: at most ${MAX_ITEMS}`, { field: 'items' });
    for (const [i, itemId] of itemIds.entries()) {
      const item = await tx.requestItem.findUnique({ where: { id: itemId }, select: { requestId: true } });
      if (!item) throw notFound(`items[${i}]: no such item`, { field: `items[${i}]` });
      if (item.requestId !== input.requestId) throw badInput(`items[${i}]: the item belongs to another request`, { field: `items[${i}]` });
      const link = await tx.responseItem.create({ data: { responseId: row.id, itemId } });
      audit('ResponseItem', link.id, null, link);
    }
    await attachEvidence(tx, audit, 'REQUEST_RESPONSE', row.id, input.evidence);
    await attachCitations(tx, audit, 'REQUEST_RESPONSE', row.id, input.citations);
    // The request changed (it has a new answer): bump its version so stale editors notice.
    const request = await bumpVersion<Request>(tx, audit, 'request', 'Request', input.requestId);
    return { response: row, request };
  });
}
