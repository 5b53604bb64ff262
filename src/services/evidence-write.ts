/** Writing evidence: spans given by offsets or by quote (+ occurrence), always checked against the body. */
import type { Db, DbTx } from '../db/client.ts';
import type { EvidenceTarget } from '../generated/prisma/client.ts';
import type { Principal } from '../domain/auth.ts';
import { badInput, conflict, notFound } from '../domain/errors.ts';
import { describeQuoteFailure, resolveQuote, spanAt, storedQuote, type Span } from '../domain/spans.ts';
import { TARGET_COLUMN } from '../domain/evidence-targets.ts';
import { optionalText, write, type Audit } from './write.ts';

export interface EvidenceInput {
  /** Database id of the document. */
  documentId: string;
  start?: number | null;
  end?: number | null;
  quote?: string | null;
  occurrence?: number | null;
  /** Database id of the actor the text attributes the words to. */
  attributedToId?: string | null;
  /** Description of an unnamed source ("a NATO official"). */
  attribution?: string | null;
  /** The wording is hedged. */
  hedged?: boolean | null;
}

/** The attribution columns of an evidence input, checked. */
async function attributionOf(tx: DbTx, input: EvidenceInput, field: string) {
  if (input.attributedToId && !(await tx.actor.findUnique({ where: { id: input.attributedToId }, select: { id: true } }))) {
    throw notFound(`${field}.attributedTo: no such actor`, { field: `${field}.attributedTo` });
  }
  return {
    attributedToId: input.attributedToId ?? null,
    attribution: optionalText(input.attribution, `${field}.attribution`, 200) ?? null,
    hedged: input.hedged ?? false,
  };
}

export const MAX_EVIDENCE_PER_WRITE = 50;

/** Resolves an evidence input to a span of its document, or raises BAD_USER_INPUT / NOT_FOUND. */
export async function resolveSpan(tx: DbTx, input: EvidenceInput, field: string): Promise<Span & { documentId: string }> {
  const doc = await tx.document.findUnique({ where: { id: input.documentId }, select: { id: true, body: true } });
  if (!doc) throw notFound(`${field}.document: no such document`, { field: `${field}.document` });
  const byOffsets = input.start != null || input.end != null;
  if (byOffsets) {
    if (input.start == null || input.end == null) throw badInput(`${field}: give both start and end`, { field });
    const span = spanAt(doc.body, input.start, input.end, field);
    if (input.quote != null && input.quote !== span.quote) {
      throw badInput(`${field}: the quote does not match the text at [${input.start}, ${input.end}), which reads "${span.quote.slice(0, 200)}"`, { field });
    }
    return { ...span, documentId: doc.id };
  }
  if (input.quote == null) throw badInput(`${field}: give start and end, or a quote`, { field });
  const r = resolveQuote(doc.body, input.quote, input.occurrence ?? undefined);
  if (!r.ok) throw badInput(`${field}: ${describeQuoteFailure(r, input.quote.slice(0, 200))}`, { field, occurrences: r.count });
  return { ...r.span, documentId: doc.id };
}

/** Attaches evidence spans to a record inside a write; duplicates of an existing span are CONFLICTs. */
export async function attachEvidence(tx: DbTx, audit: Audit, targetType: EvidenceTarget, targetId: string, inputs: EvidenceInput[] | null | undefined, field = 'evidence') {
  if (!inputs?.length) return [];
  if (inputs.length > MAX_EVIDENCE_PER_WRITE) throw badInput(`${field}: at most ${MAX_EVIDENCE_PER_WRITE} spans per write`, { field });
  const column = TARGET_COLUMN[targetType];
  const created = [];
  const given = new Set<string>();
  for (const [i, input] of inputs.entries()) {
    const span = await resolveSpan(tx, input, `${field}[${i}]`);
    const key = `${span.documentId}:${span.start}:${span.end}`;
    if (given.has(key)) throw badInput(`${field}[${i}]: the same span is given twice`, { field: `${field}[${i}]` });
    given.add(key);
    const existing = await tx.evidence.findFirst({ where: { [column]: targetId, documentId: span.documentId, start: span.start, end: span.end } });
    if (existing) throw conflict(`${field}[${i}]: this span is already evidence for the record`, { field: `${field}[${i}]`, existing: { type: 'Evidence', id: existing.id } });
    const row = await tx.evidence.create({
      data: { ...span, quote: storedQuote(span.quote), ...(await attributionOf(tx, input, `${field}[${i}]`)), targetType, [column]: targetId },
    });
    audit('Evidence', row.id, null, row);
    created.push(row);
  }
  return created;
}

const TARGET_MODEL = {
  ACTOR: 'actor', ACTOR_ROLE: 'actorRole', ACTOR_RELATION: 'actorRelation', EVENT: 'event',
  EVENT_PARTICIPANT: 'eventParticipant', REQUEST: 'request', REQUEST_ITEM: 'requestItem', REQUEST_RESPONSE: 'requestResponse',
  REQUEST_STATUS: 'requestStatusEntry', DATE_CLAIM: 'dateClaim',
} as const satisfies Record<EvidenceTarget, string>;

export async function addEvidence(db: Db, who: Principal | null, targetType: EvidenceTarget, targetId: string, input: EvidenceInput) {
  return write(db, who, 'editor', 'addEvidence', async (tx, audit) => {
    const delegate = tx[TARGET_MODEL[targetType]] as unknown as { findUnique(a: { where: { id: string } }): Promise<unknown> };
    if (!(await delegate.findUnique({ where: { id: targetId } }))) throw notFound('target: no such record', { field: 'target' });
    const [row] = await attachEvidence(tx, audit, targetType, targetId, [input]);
    return row!;
  });
}

export async function removeEvidence(db: Db, who: Principal | null, id: string) {
  return write(db, who, 'editor', 'removeEvidence', async (tx, audit) => {
    const row = await tx.evidence.findUnique({ where: { id } });
    if (!row) throw notFound('No evidence has this id', { field: 'id' });
    await tx.evidence.delete({ where: { id } });
    audit('Evidence', id, row, null);
    return row;
  });
}
