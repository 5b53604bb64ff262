/** Ingesting and curating documents. */
import type { Db } from '../db/client.ts';
import type { Principal } from '../domain/auth.ts';
import { badInput, conflict, notFound } from '../domain/errors.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { charBoundary, contentHash, normalizeBody, wordCount } from '../domain/text.ts';
import { newSlug, optionalText, text, updateVersioned, write } from './write.ts';

/** Largest body accepted, in characters (the HTTP body limit caps the request as a whole). */
export const MAX_BODY_CHARS = 200_000;
const LANGUAGE = /^[a-z]{2,3}$/;

export interface DocumentFields {
  title?: string | null;
  publisher?: string | null;
  url?: string | null;
  published?: string | null;
  publishedNote?: string | null;
  language?: string | null;
}

/** Normalises a body (LF, NFC) and refuses empty, oversized or control-character-laden text. */
export function cleanBody(raw: string): string {
  const body = normalizeBody(raw);
  if (!body.trim()) throw badInput('body must not be empty', { field: 'body' });
  if (body.length > MAX_BODY_CHARS) throw badInput(`body must be at most ${MAX_BODY_CHARS} characters (got ${body.length})`, { field: 'body' });
  // eslint-disable-next-line no-control-regex
  if (/\p{Cs}/u.test(body)) throw badInput('body contains an unpaired UTF-16 surrogate (invalid Unicode)', { field: 'body' });
  const bad = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(body);
  if (bad) {
    throw badInput(`body contains a control character (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) at offset ${bad.index}; only newlines and tabs are allowed`, { field: 'body' });
  }
  return body;
}

/** A title from the first line of the body, cut at a word boundary. */
export function deriveTitle(body: string): string {
  const line = body.split('\n').map((l) => l.trim()).find((l) => /[\p{L}\p{N}]/u.test(l)) ?? 'Untitled document';
  if (line.length <= 120) return line;
  const cut = line.slice(0, charBoundary(line, 119));
  return `${cut.lastIndexOf(' ') > 60 ? cut.slice(0, cut.lastIndexOf(' ')) : cut}…`;
}

function checkedFields(input: DocumentFields) {
  const published = input.published == null ? input.published : parsePartialDate(input.published, 'published');
  const language = input.language == null ? undefined : input.language.trim().toLowerCase();
  if (language !== undefined && !LANGUAGE.test(language)) throw badInput('language must be an ISO 639-1 (or 639-2) code such as "en"', { field: 'language' });
  const url = optionalText(input.url, 'url', 2000);
  if (url) {
    let ok = false;
    try { ok = ['http:', 'https:'].includes(new URL(url).protocol); } catch { ok = false; }
    if (!ok) throw badInput('url must be an absolute http(s) URL', { field: 'url' });
  }
  return {
    ...(input.publisher != null ? { publisher: text(input.publisher, 'publisher', 200) } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(published !== undefined
      ? { published: published?.value ?? null, publishedPrecision: published?.precision ?? null, publishedMin: published?.min ?? null, publishedMax: published?.max ?? null }
      : {}),
    ...(input.publishedNote !== undefined ? { publishedNote: optionalText(input.publishedNote, 'publishedNote', 1000) } : {}),
    ...(language !== undefined ? { language } : {}),
  };
}

export async function ingestDocument(db: Db, who: Principal | null, input: DocumentFields & { body: string; publisher: string }) {
  return write(db, who, 'editor', 'ingestDocument', async (tx, audit) => {
    const body = cleanBody(input.body);
    const hash = contentHash(body);
    const existing = await tx.document.findUnique({ where: { contentHash: hash }, select: { id: true, slug: true, title: true } });
    if (existing) {
      throw conflict(`This text is already stored as "${existing.title}" (${existing.slug})`, { field: 'body', existing: { type: 'Document', id: existing.id }, existingSlug: existing.slug });
    }
    const title = input.title != null ? text(input.title, 'title', 300) : deriveTitle(body);
    const slug = await newSlug(async (s) => !!(await tx.document.findUnique({ where: { slug: s }, select: { id: true } })), null, `${title} ${hash.slice(0, 8)}`);
    const row = await tx.document.create({
      data: { ...checkedFields(input), publisher: text(input.publisher, 'publisher', 200), slug, title, body, contentHash: hash, wordCount: wordCount(body) },
    });
    audit('Document', row.id, null, row);
    return row;
  });
}

export async function updateDocument(db: Db, who: Principal | null, id: string, expectedVersion: number, input: DocumentFields & { body?: string | null }) {
  return write(db, who, 'editor', 'updateDocument', async (tx, audit) => {
    const data: Record<string, unknown> = { ...checkedFields(input) };
    if (input.title != null) data.title = text(input.title, 'title', 300);
    if (input.body != null) {
      const body = cleanBody(input.body);
      // Offsets index into the body: changing it under existing evidence would corrupt every span.
      const spans = await tx.evidence.count({ where: { documentId: id } });
      if (spans) throw conflict(`The body cannot change while ${spans} evidence span(s) point into it; remove them first`, { field: 'body', evidence: spans });
      const hash = contentHash(body);
      const other = await tx.document.findFirst({ where: { contentHash: hash, NOT: { id } }, select: { id: true, slug: true } });
      if (other) throw conflict(`This text is already stored as ${other.slug}`, { field: 'body', existing: { type: 'Document', id: other.id }, existingSlug: other.slug });
      Object.assign(data, { body, contentHash: hash, wordCount: wordCount(body) });
    }
    const { before, after } = await updateVersioned(tx, 'document', id, expectedVersion, data);
    audit('Document', id, before, after);
    return after as Awaited<ReturnType<typeof tx.document.findUniqueOrThrow>>;
  });
}

export async function deleteDocument(db: Db, who: Principal | null, id: string, cascade: boolean) {
  return write(db, who, 'admin', 'deleteDocument', async (tx, audit) => {
    const doc = await tx.document.findUnique({ where: { id } });
    if (!doc) throw notFound('No document has this id', { field: 'id' });
    const spans = await tx.evidence.findMany({ where: { documentId: id } });
    if (spans.length && !cascade) {
      throw conflict(`${spans.length} evidence span(s) point into this document; pass cascade: true to delete them with it`, { field: 'cascade', evidence: spans.length });
    }
    for (const e of spans) audit('Evidence', e.id, e, null);
    await tx.evidence.deleteMany({ where: { documentId: id } });
    await tx.document.delete({ where: { id } });
    audit('Document', id, doc, null);
    return { id, evidenceDeleted: spans.length };
  });
}
