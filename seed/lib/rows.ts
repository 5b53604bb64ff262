/**
 * Turns the merged graph into database rows, checking what the merge could not: required attributes,
 * references between records, enum values, partial dates and country codes. Row ids are derived from
 * each record's natural key, so re-running the seed addresses the same rows.
 */
import { createHash } from 'node:crypto';
import type { Prisma } from '../../src/generated/prisma/client.ts';
import {
  ActorKind, EventKind, EventStatus, ItemCategory, ParticipantRole, RequestChannel, RequestStatus, Stance,
} from '../../src/generated/prisma/enums.ts';
import { dateSpan, tryParsePartialDate, type PartialDate } from '../../src/domain/partial-date.ts';
import { isCountryCode } from '../../src/domain/country-codes.ts';
import { TARGET_COLUMN } from '../../src/domain/evidence-targets.ts';
import { storedQuote } from '../../src/domain/spans.ts';
import { contentHash, normalizeBody, normalizeName, wordCount } from '../../src/domain/text.ts';
import type { CitationAnnotation } from './annotation-types.ts';
import type { Declared, Ev, GDateClaim, GQuantity, SeedGraph } from './merge.ts';
import { entryAsOf } from '../../src/services/request-status.ts';

export interface SeedRows {
  document: Prisma.DocumentCreateManyInput[];
  actor: Prisma.ActorCreateManyInput[];
  actorAlias: Prisma.ActorAliasCreateManyInput[];
  actorRole: Prisma.ActorRoleCreateManyInput[];
  actorRelation: Prisma.ActorRelationCreateManyInput[];
  event: Prisma.EventCreateManyInput[];
  eventParticipant: Prisma.EventParticipantCreateManyInput[];
  request: Prisma.RequestCreateManyInput[];
  requestParty: Prisma.RequestPartyCreateManyInput[];
  requestItem: Prisma.RequestItemCreateManyInput[];
  requestResponse: Prisma.RequestResponseCreateManyInput[];
  responseItem: Prisma.ResponseItemCreateManyInput[];
  requestStatusEntry: Prisma.RequestStatusEntryCreateManyInput[];
  dateClaim: Prisma.DateClaimCreateManyInput[];
  quantity: Prisma.QuantityCreateManyInput[];
  evidence: Prisma.EvidenceCreateManyInput[];
  citation: Prisma.CitationCreateManyInput[];
  /** Where each row comes from (by row id), to name file and record in the seed's report. */
  origins: Map<string, SeedOrigin>;
}

export interface SeedOrigin {
  /** The seed files that state the record. */
  files: string[];
  /** The record, e.g. "request maliki-2008-nato-training-equipment, item training". */
  record: string;
}

/** Models in the order rows can be created (parents first); deletes go in reverse. */
export const SEED_MODELS = [
  'document', 'actor', 'actorAlias', 'actorRole', 'actorRelation', 'event', 'eventParticipant',
  'request', 'requestParty', 'requestItem', 'requestResponse', 'responseItem', 'requestStatusEntry', 'dateClaim',
  'quantity', 'evidence', 'citation',
] as const satisfies readonly (keyof SeedRows)[];

export function seedId(model: string, ...key: string[]): string {
  return `s${createHash('sha256').update([model, ...key].join('\u0000')).digest('hex').slice(0, 24)}`;
}

type EvidenceTarget = Prisma.EvidenceCreateManyInput['targetType'];

/** "a.ts, b.ts: " — the files declaring a record, to start its problem messages. */
const where = (r: Declared) => `${[...r.declaredIn].join(', ')}: `;

export function buildRows(graph: SeedGraph, problems: string[]): SeedRows {
  const rows: SeedRows = {
    document: [], actor: [], actorAlias: [], actorRole: [], actorRelation: [], event: [], eventParticipant: [],
    request: [], requestParty: [], requestItem: [], requestResponse: [], responseItem: [], requestStatusEntry: [],
    dateClaim: [], quantity: [], evidence: [], citation: [], origins: new Map(),
  };
  const origin = (id: string, declared: Declared | string[], record: string) =>
    rows.origins.set(id, { files: Array.isArray(declared) ? declared : [...declared.declaredIn], record });
  // The record whose evidence is being built, for the evidence rows' origins.
  let evidenceOf: { declared: Declared | string[]; record: string } = { declared: [], record: '' };
  const docId = new Map(graph.documents.map((d) => [d.slug, seedId('document', d.slug)]));
  const actorId = (slug: string) => seedId('actor', slug);
  const eventId = (slug: string) => seedId('event', slug);

  const need = <T>(value: T | undefined | null, label: string, field: string): value is T => {
    if (value === undefined || value === null || value === '') {
      problems.push(`${label}: ${field} is not stated in any annotation file`);
      return false;
    }
    return true;
  };
  const oneOf = (values: Record<string, string>, value: string | undefined, label: string, field: string) => {
    if (value !== undefined && !(value in values)) {
      problems.push(`${label}: ${field} "${value}" is not one of ${Object.keys(values).join(', ')}`);
    }
  };
  const date = (value: string | undefined, label: string, field: string): PartialDate | null => {
    if (value === undefined) return null;
    const parsed = tryParsePartialDate(value);
    if (!parsed) problems.push(`${label}: ${field} "${value}" is not a partial date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    return parsed;
  };
  const span = (start: PartialDate | null, end: PartialDate | null, label: string) => {
    try {
      return dateSpan(start, end);
    } catch (e) {
      problems.push(`${label}: ${(e as Error).message}`);
      return { dateMin: null, dateMax: null };
    }
  };
  const country = (code: string | undefined, label: string, field: string) => {
    if (code !== undefined && !isCountryCode(code)) problems.push(`${label}: ${field} "${code}" is not an ISO 3166-1 alpha-3 code`);
    return code ?? null;
  };
  const actorRef = (slug: string | undefined, label: string, field: string) => {
    if (slug === undefined) return null;
    if (!graph.actors.has(slug)) problems.push(`${label}: ${field} refers to unknown actor "${slug}"`);
    return actorId(slug);
  };
  const eventRef = (slug: string | undefined, label: string, field: string) => {
    if (slug === undefined) return null;
    if (!graph.events.has(slug)) problems.push(`${label}: ${field} refers to unknown event "${slug}"`);
    return eventId(slug);
  };
  const evidence = (targetType: EvidenceTarget, targetId: string, spans: Ev[]) => {
    const seen = new Set<string>();
    for (const ev of spans) {
      const key = `${ev.doc}:${ev.start}:${ev.end}`;
      if (seen.has(key)) continue; // the same span quoted twice is one piece of evidence
      seen.add(key);
      const evidenceId = seedId('evidence', targetType, targetId, key);
      origin(evidenceId, evidenceOf.declared, `${evidenceOf.record}, evidence "${ev.quote.length > 60 ? `${ev.quote.slice(0, 60)}…` : ev.quote}"`);
      rows.evidence.push({
        id: evidenceId,
        documentId: docId.get(ev.doc)!, start: ev.start, end: ev.end, quote: storedQuote(ev.quote), targetType,
        [TARGET_COLUMN[targetType]]: targetId,
        attributedToId: actorRef(ev.attributedTo, `evidence "${ev.quote.slice(0, 60)}"`, 'attributedTo'),
        attribution: ev.attribution ?? null, hedged: ev.hedged ?? false,
      });
    }
  };
  type CitationTarget = 'ACTOR_ROLE' | 'ACTOR_RELATION' | 'EVENT' | 'REQUEST_RESPONSE' | 'REQUEST_STATUS' | 'DATE_CLAIM';
  const citations = (targetType: CitationTarget, targetId: string, list: CitationAnnotation[], label: string) => {
    const seen = new Set<string>();
    for (const c of list) {
      const key = `${c.title}\u0000${c.url ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!c.title?.trim() || !c.publisher?.trim()) problems.push(`${label}: a citation needs a title and a publisher`);
      if (c.url !== undefined && !/^https?:\/\/\S+$/.test(c.url)) problems.push(`${label}: citation url "${c.url}" is not an http(s) URL`);
      const published = date(c.published, label, 'citation published');
      const citationId = seedId('citation', targetType, targetId, key);
      origin(citationId, evidenceOf.declared, `${evidenceOf.record}, citation "${c.title.slice(0, 60)}"`);
      rows.citation.push({
        id: citationId, title: c.title, publisher: c.publisher, url: c.url ?? null,
        published: published?.value ?? null, publishedPrecision: published?.precision ?? null, note: c.note ?? null,
        targetType, [TARGET_COLUMN[targetType]]: targetId,
      });
    }
  };
  const quantities = (column: 'itemId' | 'eventId' | 'responseId', targetId: string, list: GQuantity[], label: string) => {
    for (const [position, q] of list.entries()) {
      oneOf({ EXACT: 'EXACT', ABOUT: 'ABOUT', UP_TO: 'UP_TO', LESS_THAN: 'LESS_THAN', MORE_THAN: 'MORE_THAN' }, q.qualifier, label, 'quantity qualifier');
      if (!q.unit?.trim()) problems.push(`${label}: quantity "${q.text}" has no unit`);
      const quantityId = seedId('quantity', column, targetId, q.doc, q.text, q.unit);
      origin(quantityId, [q.file], `${evidenceOf.record}, quantity "${q.text}"`);
      rows.quantity.push({
        id: quantityId, [column]: targetId, amount: q.amount, unit: q.unit,
        qualifier: q.qualifier ?? 'EXACT', text: q.text, note: q.note ?? null, position,
      });
    }
  };
  /** Date claims of a record: each dated and worded; exactly one used, and it is the record's own date. */
  const dateClaims = (column: 'eventId' | 'requestId', targetId: string, list: Map<string, GDateClaim>, recordDate: string | undefined, label: string) => {
    if (!list.size) return;
    const used = [...list.values()].filter((c) => c.used);
    if (used.length !== 1) problems.push(`${label}: exactly one date claim must be used (found ${used.length})`);
    else if (used[0]!.date !== recordDate) problems.push(`${label}: the used date claim ${used[0]!.key} (${used[0]!.date}) is not the record's date (${recordDate})`);
    for (const c of list.values()) {
      const cLabel = `${where(c)}${label}, date claim ${c.key}`;
      const d = date(c.date, cLabel, 'date');
      if (!d) problems.push(`${cLabel}: has no date`);
      if (!c.claim) problems.push(`${cLabel}: has no claim (the source's words)`);
      if (!c.evidence.length && !c.citations.length) problems.push(`${cLabel}: has neither evidence nor a citation`);
      const id = seedId('dateClaim', column, targetId, c.key);
      const record = `${evidenceOf.record}, date claim ${c.key}`;
      origin(id, c, record);
      const outer = evidenceOf;
      evidenceOf = { declared: c, record };
      rows.dateClaim.push({
        id, [column]: targetId, date: d?.value ?? '', datePrecision: d?.precision ?? 'YEAR', claim: c.claim ?? '',
        used: c.used ?? false, note: c.note ?? null,
      });
      evidence('DATE_CLAIM', id, c.evidence);
      citations('DATE_CLAIM', id, c.citations, cLabel);
      evidenceOf = outer;
    }
  };

  for (const d of graph.documents) {
    const label = `document ${d.slug}`;
    const published = date(d.meta.published ?? undefined, label, 'published');
    // Offsets are taken on the stored body; the seed texts are already NFC with LF endings, and a text
    // that is not would shift every offset, so refuse it rather than store a body unlike its file.
    if (normalizeBody(d.body) !== d.body) problems.push(`${label}: the text is not NFC with LF line endings`);
    origin(docId.get(d.slug)!, [d.file], `document ${d.slug}`);
    rows.document.push({
      id: docId.get(d.slug)!, slug: d.slug, title: d.meta.title, publisher: d.meta.publisher, url: d.meta.url,
      published: published?.value ?? null, publishedPrecision: published?.precision ?? null,
      publishedMin: published?.min ?? null, publishedMax: published?.max ?? null,
      publishedNote: d.meta.publishedNote || null, language: d.meta.language,
      body: d.body, contentHash: contentHash(d.body), wordCount: wordCount(d.body),
    });
  }

  for (const a of graph.actors.values()) {
    const label = `${where(a)}actor ${a.slug}`;
    const id = actorId(a.slug);
    if (need(a.name, label, 'name') && need(a.kind, label, 'kind')) oneOf(ActorKind, a.kind, label, 'kind');
    origin(id, a, `actor ${a.slug}`);
    evidenceOf = { declared: a, record: `actor ${a.slug}` };
    rows.actor.push({
      id, slug: a.slug, name: a.name ?? '', kind: a.kind ?? 'OTHER',
      countryCode: country(a.countryCode, label, 'countryCode'), description: a.description ?? null,
    });
    const aliases = new Map(a.aliases);
    if (a.name) aliases.set(normalizeName(a.name), a.name);
    for (const [normalized, name] of aliases) {
      const aliasId = seedId('alias', a.slug, normalized);
      origin(aliasId, a, `actor ${a.slug}, alias "${name}"`);
      rows.actorAlias.push({ id: aliasId, actorId: id, name, normalized });
    }
    evidence('ACTOR', id, a.mentions);
    for (const r of a.roles.values()) {
      const roleLabel = `${where(r)}actor ${a.slug}, role ${r.key}`;
      const roleId = seedId('role', a.slug, r.key);
      need(r.title, roleLabel, 'title');
      const from = date(r.from, roleLabel, 'from');
      const to = date(r.to, roleLabel, 'to');
      span(from, to, roleLabel);
      origin(roleId, r, `actor ${a.slug}, role ${r.key}`);
      evidenceOf = { declared: r, record: `actor ${a.slug}, role ${r.key}` };
      rows.actorRole.push({
        id: roleId, actorId: id, title: r.title ?? '', withinId: actorRef(r.within, roleLabel, 'within'),
        from: from?.value ?? null, fromPrecision: from?.precision ?? null,
        to: to?.value ?? null, toPrecision: to?.precision ?? null, dateNote: r.dateNote ?? null,
      });
      if (!r.evidence.length) problems.push(`${roleLabel}: has no evidence`);
      evidence('ACTOR_ROLE', roleId, r.evidence);
      citations('ACTOR_ROLE', roleId, r.citations, roleLabel);
    }
    for (const rel of a.relations.values()) {
      const relLabel = `${where(rel)}actor ${a.slug}, relation ${rel.kind} ${rel.to}`;
      const relId = seedId('relation', a.slug, rel.kind, rel.to);
      origin(relId, rel, `actor ${a.slug}, relation ${rel.kind} ${rel.to}`);
      evidenceOf = { declared: rel, record: `actor ${a.slug}, relation ${rel.kind} ${rel.to}` };
      const since = date(rel.since, relLabel, 'since');
      const until = date(rel.until, relLabel, 'until');
      span(since, until, relLabel);
      rows.actorRelation.push({
        id: relId, fromId: id, toId: actorRef(rel.to, relLabel, 'to')!, kind: rel.kind,
        since: since?.value ?? null, sincePrecision: since?.precision ?? null,
        until: until?.value ?? null, untilPrecision: until?.precision ?? null, dateNote: rel.dateNote ?? null,
      });
      if (!rel.evidence.length) problems.push(`${relLabel}: has no evidence`);
      evidence('ACTOR_RELATION', relId, rel.evidence);
      citations('ACTOR_RELATION', relId, rel.citations, relLabel);
    }
  }

  for (const e of graph.events.values()) {
    const label = `${where(e)}event ${e.slug}`;
    const id = eventId(e.slug);
    need(e.title, label, 'title');
    if (need(e.kind, label, 'kind')) oneOf(EventKind, e.kind, label, 'kind');
    oneOf(EventStatus, e.status, label, 'status');
    const start = date(e.start, label, 'start');
    const end = date(e.end, label, 'end');
    origin(id, e, `event ${e.slug}`);
    evidenceOf = { declared: e, record: `event ${e.slug}` };
    rows.event.push({
      id, slug: e.slug, kind: e.kind ?? 'OTHER', status: e.status ?? 'OCCURRED', title: e.title ?? '',
      summary: e.summary ?? null, start: start?.value ?? null, startPrecision: start?.precision ?? null,
      end: end?.value ?? null, endPrecision: end?.precision ?? null, ...span(start, end, label),
      dateNote: e.dateNote ?? null, locationName: e.location?.name ?? null,
      locationCountry: country(e.location?.countryCode, label, 'location.countryCode'),
    });
    if (!e.evidence.length) problems.push(`${label}: has no evidence`);
    evidence('EVENT', id, e.evidence);
    citations('EVENT', id, e.citations, label);
    quantities('eventId', id, e.quantities, label);
    dateClaims('eventId', id, e.dateClaims, e.start, label);
    for (const p of e.participants.values()) {
      const pLabel = `${where(p)}event ${e.slug}, participant ${p.actor} (${p.role})`;
      oneOf(ParticipantRole, p.role, pLabel, 'role');
      const pid = seedId('participant', e.slug, p.actor, p.role);
      origin(pid, p, `event ${e.slug}, participant ${p.actor} (${p.role})`);
      evidenceOf = { declared: p, record: `event ${e.slug}, participant ${p.actor} (${p.role})` };
      rows.eventParticipant.push({ id: pid, eventId: id, actorId: actorRef(p.actor, pLabel, 'actor')!, role: p.role });
      evidence('EVENT_PARTICIPANT', pid, p.evidence);
    }
  }

  for (const q of graph.requests.values()) {
    const label = `${where(q)}request ${q.slug}`;
    const id = seedId('request', q.slug);
    need(q.summary, label, 'summary');
    if (need(q.channel, label, 'channel')) oneOf(RequestChannel, q.channel, label, 'channel');
    oneOf(RequestStatus, q.status, label, 'status');
    const when = date(q.date, label, 'date');
    origin(id, q, `request ${q.slug}`);
    // The status history; the current status is its latest entry (a request annotated without a
    // history gets one entry holding its annotated status, dated like the request).
    const history = [...q.statusHistory.values()].map((s, i) => {
      const sLabel = `${where(s)}request ${q.slug}, status ${s.key}`;
      if (need(s.status, sLabel, 'status')) oneOf(RequestStatus, s.status, sLabel, 'status');
      const d = date(s.date, sLabel, 'date');
      if (!s.evidence.length && !s.citations.length) problems.push(`${sLabel}: has neither evidence nor a citation`);
      return { s, sLabel, d, status: (s.status ?? 'UNKNOWN') as RequestStatus, dateMin: d?.min ?? null, seq: i + 1 };
    });
    const current = entryAsOf(history, null)?.status ?? q.status ?? 'UNKNOWN';
    if (history.length && q.status !== undefined && q.status !== current) {
      problems.push(`${label}: status ${q.status} is not the latest status-history entry's (${current})`);
    }
    for (const h of history) {
      const sid = seedId('status', q.slug, h.s.key);
      origin(sid, h.s, `request ${q.slug}, status ${h.s.key}`);
      evidenceOf = { declared: h.s, record: `request ${q.slug}, status ${h.s.key}` };
      rows.requestStatusEntry.push({
        id: sid, requestId: id, status: h.status, seq: h.seq, date: h.d?.value ?? null, datePrecision: h.d?.precision ?? null,
        ...span(h.d, null, h.sLabel), dateNote: h.s.dateNote ?? null, note: h.s.note ?? null,
      });
      evidence('REQUEST_STATUS', sid, h.s.evidence);
      citations('REQUEST_STATUS', sid, h.s.citations, h.sLabel);
    }
    if (!history.length) {
      rows.requestStatusEntry.push({
        id: seedId('status', q.slug, 'annotated'), requestId: id, status: current, seq: 1,
        date: when?.value ?? null, datePrecision: when?.precision ?? null, ...span(when, null, label),
        dateNote: null, note: 'Status as annotated; no history was recorded.',
      });
    }
    evidenceOf = { declared: q, record: `request ${q.slug}` };
    dateClaims('requestId', id, q.dateClaims, q.date, label);
    rows.request.push({
      id, slug: q.slug, summary: q.summary ?? '', channel: q.channel ?? 'OTHER', status: current,
      date: when?.value ?? null, datePrecision: when?.precision ?? null, ...span(when, null, label),
      dateNote: q.dateNote ?? null, madeAtId: eventRef(q.madeAt, label, 'madeAt'),
    });
    const sides = [...q.parties.values()].map((p) => p.side);
    if (!sides.includes('REQUESTER')) problems.push(`${label}: has no requester`);
    if (!sides.includes('ADDRESSEE')) problems.push(`${label}: has no addressee`);
    if (!q.items.size) problems.push(`${label}: has no item`);
    if (!q.evidence.length) problems.push(`${label}: has no evidence`);
    evidenceOf = { declared: q, record: `request ${q.slug}` };
    evidence('REQUEST', id, q.evidence);
    for (const p of q.parties.values()) {
      const pLabel = `${where(p)}request ${q.slug}, ${p.side.toLowerCase()} ${p.actor}`;
      const partyId = seedId('party', q.slug, p.side, p.actor);
      origin(partyId, p, `request ${q.slug}, ${p.side.toLowerCase()} ${p.actor}`);
      rows.requestParty.push({
        id: partyId, requestId: id, side: p.side,
        actorId: actorRef(p.actor, pLabel, 'actor')!, onBehalfOfId: actorRef(p.onBehalfOf, pLabel, 'onBehalfOf'),
      });
    }
    for (const item of q.items.values()) {
      const iLabel = `${where(item)}request ${q.slug}, item ${item.key}`;
      const iid = seedId('item', q.slug, item.key);
      need(item.description, iLabel, 'description');
      if (need(item.category, iLabel, 'category')) oneOf(ItemCategory, item.category, iLabel, 'category');
      origin(iid, item, `request ${q.slug}, item ${item.key}`);
      evidenceOf = { declared: item, record: `request ${q.slug}, item ${item.key}` };
      rows.requestItem.push({
        id: iid, requestId: id, category: item.category ?? 'OTHER', description: item.description ?? '',
        excluded: item.excluded ?? false,
      });
      if (!item.evidence.length) problems.push(`${iLabel}: has no evidence`);
      evidence('REQUEST_ITEM', iid, item.evidence);
      quantities('itemId', iid, item.quantities, iLabel);
    }
    for (const r of q.responses.values()) {
      const rLabel = `${where(r)}request ${q.slug}, response ${r.key}`;
      const rid = seedId('response', q.slug, r.key);
      need(r.summary, rLabel, 'summary');
      if (need(r.stance, rLabel, 'stance')) oneOf(Stance, r.stance, rLabel, 'stance');
      const rdate = date(r.date, rLabel, 'date');
      origin(rid, r, `request ${q.slug}, response ${r.key}`);
      evidenceOf = { declared: r, record: `request ${q.slug}, response ${r.key}` };
      rows.requestResponse.push({
        id: rid, requestId: id, responderId: need(r.responder, rLabel, 'responder') ? actorRef(r.responder, rLabel, 'responder')! : '', stance: r.stance ?? 'NONCOMMITTAL',
        date: rdate?.value ?? null, datePrecision: rdate?.precision ?? null, ...span(rdate, null, rLabel),
        dateNote: r.dateNote ?? null, eventId: eventRef(r.event, rLabel, 'event'), summary: r.summary ?? '',
      });
      if (!r.evidence.length && !r.citations.length) problems.push(`${rLabel}: has neither evidence nor a citation`);
      evidence('REQUEST_RESPONSE', rid, r.evidence);
      citations('REQUEST_RESPONSE', rid, r.citations, rLabel);
      quantities('responseId', rid, r.quantities, rLabel);
      for (const key of r.answers ?? []) {
        if (!q.items.has(key)) problems.push(`${rLabel}: answers unknown item "${key}"`);
        else {
          const linkId = seedId('responseItem', q.slug, r.key, key);
          origin(linkId, r, `request ${q.slug}, response ${r.key}, answers ${key}`);
          rows.responseItem.push({ id: linkId, responseId: rid, itemId: seedId('item', q.slug, key) });
        }
      }
    }
  }
  return rows;
}
