/**
 * Evidence spans. Offsets count UTF-16 code units, as JavaScript's String.prototype.slice does, so
 * `quote === body.slice(start, end)` holds for every stored span.
 */
import { badInput } from './errors.ts';

/**
 * Longest quote stored with its span, in UTF-16 code units. A longer quote is stored as '' and the API
 * derives it from the body (`body.slice(start, end)`): fifty spans over a 200,000-character document
 * would otherwise store the document fifty times over.
 */
export const STORED_QUOTE_MAX = 500;

/** What Evidence.quote holds for a span: the quote when short, else '' (a span is never empty). */
export const storedQuote = (quote: string): string => (quote.length <= STORED_QUOTE_MAX ? quote : '');

/** A span's quote from its stored row, reading the body only when the quote was too long to store. */
export function spanQuote(row: { quote: string; start: number; end: number }, body: () => string): string {
  return row.quote !== '' ? row.quote : body().slice(row.start, row.end);
}

export interface Span {
  start: number;
  end: number;
  quote: string;
}

/** Every start offset at which `quote` occurs in `body` (overlapping occurrences included). */
export function occurrences(body: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let i = body.indexOf(quote); i !== -1; i = body.indexOf(quote, i + 1)) found.push(i);
  return found;
}

export type QuoteResolution =
  | { ok: true; span: Span }
  | { ok: false; reason: 'empty' | 'missing' | 'ambiguous' | 'bad-occurrence' | 'no-such-occurrence'; count: number };

/**
 * Finds a quote in a body. A quote that occurs more than once must name its occurrence (1-based):
 * guessing would attach evidence to the wrong sentence.
 */
export function resolveQuote(body: string, quote: string, occurrence?: number): QuoteResolution {
  if (!quote.trim()) return { ok: false, reason: 'empty', count: 0 };
  // A quote with half a surrogate pair would cut a character in two: it cannot be evidence.
  if (/\p{Cs}/u.test(quote)) return { ok: false, reason: 'missing', count: 0 };
  const found = occurrences(body, quote);
  if (found.length === 0) return { ok: false, reason: 'missing', count: 0 };
  if (occurrence === undefined) {
    if (found.length > 1) return { ok: false, reason: 'ambiguous', count: found.length };
    occurrence = 1;
  }
  const start = found[occurrence - 1];
  if (!Number.isInteger(occurrence) || occurrence < 1) return { ok: false, reason: 'bad-occurrence', count: found.length };
  if (start === undefined) {
    return { ok: false, reason: 'no-such-occurrence', count: found.length };
  }
  return { ok: true, span: { start, end: start + quote.length, quote } };
}

export function describeQuoteFailure(r: Exclude<QuoteResolution, { ok: true }>, quote: string): string {
  switch (r.reason) {
    case 'empty':
      return 'the quote is empty';
    case 'missing':
      return `quote not found in the document: "${quote}"`;
    case 'ambiguous':
      return `quote occurs ${r.count} times in the document; say which occurrence (1-${r.count}) or quote more: "${quote}"`;
    case 'bad-occurrence':
      return `occurrence counts from 1 (the quote occurs ${r.count} time(s))`;
    case 'no-such-occurrence':
      return `the document has only ${r.count} occurrence(s) of the quote: "${quote}"`;
  }
}

/** Validates an explicit span against a body, raising BAD_USER_INPUT with the reason. */
export function spanAt(body: string, start: number, end: number, field = 'span'): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > body.length) {
    throw badInput(
      `${field}: span [${start}, ${end}) is out of range: it must satisfy 0 <= start < end <= ${body.length} (the body's length in UTF-16 code units)`,
      { field },
    );
  }
  if (splitsPair(body, start) || splitsPair(body, end)) {
    throw badInput(`${field}: span [${start}, ${end}) cuts a character in two (between the halves of a UTF-16 surrogate pair)`, { field });
  }
  return { start, end, quote: body.slice(start, end) };
}

/** Whether offset i falls between the two halves of a surrogate pair. */
function splitsPair(body: string, i: number): boolean {
  const before = body.charCodeAt(i - 1);
  const after = body.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
