/** Text normalisation shared by ingestion, the seed and name lookups. */
import { createHash } from 'node:crypto';

/** LF line endings and Unicode NFC: the form bodies are stored and hashed in. */
export function normalizeBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** sha256 (hex) of the normalised body: two texts that differ only in encoding details collide. */
export function contentHash(body: string): string {
  return createHash('sha256').update(normalizeBody(body), 'utf8').digest('hex');
}

export function wordCount(body: string): number {
  return body.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/**
 * Moves an offset off the middle of a surrogate pair (towards the start, or the end with `forward`),
 * so a string cut there never holds half a character.
 */
export function charBoundary(text: string, i: number, forward = false): number {
  const prev = text.charCodeAt(i - 1);
  const next = text.charCodeAt(i);
  const inPair = prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return inPair ? (forward ? i + 1 : i - 1) : i;
}

/** The key of case-insensitive name lookups: NFC, lower case, white space collapsed. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}
