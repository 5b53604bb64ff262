/**
 * A request's status over time: an ordered history of entries, each with its own date and support.
 * The current status is the latest entry; `Request.status` mirrors it so that status filters stay one
 * indexed column, and every write here keeps the two in step.
 */
import type { DbTx } from '../db/client.ts';
import type { RequestStatus } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { dateSpan, parsePartialDate, type PartialDate } from '../domain/partial-date.ts';
import { attachCitations, type CitationInput } from './citations-write.ts';
import { attachEvidence, type EvidenceInput } from './evidence-write.ts';
import { optionalText, type Audit } from './write.ts';

export interface StatusEntryLike {
  status: RequestStatus;
  dateMin: string | null;
  seq: number;
}

/** History order: by the first day each entry can mean, undated entries last, then by order of entry. */
export function orderHistory<T extends StatusEntryLike>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => {
    if (a.dateMin !== b.dateMin) {
      if (a.dateMin === null) return 1;
      if (b.dateMin === null) return -1;
      return a.dateMin < b.dateMin ? -1 : 1;
    }
    return a.seq - b.seq;
  });
}

/**
 * The entry in force at `asOf`: the latest dated entry that starts on or before the last day `asOf`
 * can mean ("2018-03" → by 31 March 2018). Without `asOf`, the latest entry of all (the current one).
 */
export function entryAsOf<T extends StatusEntryLike>(entries: readonly T[], asOf: PartialDate | null): T | null {
  const ordered = orderHistory(entries);
  if (!asOf) return ordered.at(-1) ?? null;
  const before = ordered.filter((e) => e.dateMin !== null && e.dateMin <= asOf.max);
  return before.at(-1) ?? null;
}

export interface StatusEntryInput {
  status: RequestStatus;
  date?: string | null;
  dateNote?: string | null;
  note?: string | null;
  evidence?: EvidenceInput[] | null;
  citations?: CitationInput[] | null;
}

/**
 * Appends an entry to a request's history inside a write and brings `Request.status` in step with the
 * latest entry. Returns the new entry and whether the current status changed.
 */
export async function appendStatusEntry(tx: DbTx, audit: Audit, requestId: string, input: StatusEntryInput) {
  const date = input.date == null ? null : parsePartialDate(input.date, 'date');
  const existing = await tx.requestStatusEntry.findMany({ where: { requestId }, select: { status: true, dateMin: true, seq: true } });
  const seq = Math.max(0, ...existing.map((e) => e.seq)) + 1;
  const entry = await tx.requestStatusEntry.create({
    data: {
      requestId, status: input.status, seq,
      date: date?.value ?? null, datePrecision: date?.precision ?? null, ...dateSpan(date),
      dateNote: optionalText(input.dateNote, 'dateNote', 1000) ?? null,
      note: optionalText(input.note, 'note', 2000) ?? null,
    },
  });
  audit('RequestStatusEntry', entry.id, null, entry);
  await attachEvidence(tx, audit, 'REQUEST_STATUS', entry.id, input.evidence);
  await attachCitations(tx, audit, 'REQUEST_STATUS', entry.id, input.citations);
  const current = entryAsOf([...existing, entry], null)!;
  return { entry, current: current.status };
}

/** Refuses a status-history write whose support lists are out of range before anything is written. */
export function checkEntryInput(input: StatusEntryInput) {
  if (input.date != null) parsePartialDate(input.date, 'date');
  if ((input.citations?.length ?? 0) > 20) throw badInput('citations: at most 20', { field: 'citations' });
}
