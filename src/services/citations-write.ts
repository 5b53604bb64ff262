/** Writing citations: public-record sources (outside the corpus) given as support for a record. */
import type { DbTx } from '../db/client.ts';
import { badInput } from '../domain/errors.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { optionalText, text, type Audit } from './write.ts';

export interface CitationInput {
  title: string;
  publisher: string;
  url?: string | null;
  published?: string | null;
  note?: string | null;
}

export type CitationTarget = 'ACTOR_ROLE' | 'ACTOR_RELATION' | 'EVENT' | 'REQUEST_RESPONSE' | 'REQUEST_STATUS' | 'DATE_CLAIM';
const COLUMN = {
  ACTOR_ROLE: 'roleId', ACTOR_RELATION: 'relationId', EVENT: 'eventId', REQUEST_RESPONSE: 'responseId',
  REQUEST_STATUS: 'statusId', DATE_CLAIM: 'dateClaimId',
} as const satisfies Record<CitationTarget, string>;

export const MAX_CITATIONS_PER_WRITE = 20;

/** An absolute http(s) URL, or BAD_USER_INPUT. */
function httpUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput(`${field}: "${value.slice(0, 200)}" is not an absolute URL`, { field });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput(`${field}: only http(s) URLs are accepted`, { field });
  if (value.length > 2000) throw badInput(`${field}: at most 2000 characters`, { field });
  return url.href;
}

export async function attachCitations(
  tx: DbTx, audit: Audit, targetType: CitationTarget, targetId: string,
  inputs: CitationInput[] | null | undefined, field = 'citations',
) {
  if (!inputs?.length) return [];
  if (inputs.length > MAX_CITATIONS_PER_WRITE) throw badInput(`${field}: at most ${MAX_CITATIONS_PER_WRITE} per write`, { field });
  const created = [];
  for (const [i, c] of inputs.entries()) {
    const f = `${field}[${i}]`;
    const published = c.published == null ? null : parsePartialDate(c.published, `${f}.published`);
    const row = await tx.citation.create({
      data: {
        title: text(c.title, `${f}.title`, 500),
        publisher: text(c.publisher, `${f}.publisher`, 200),
        url: c.url == null || c.url === '' ? null : httpUrl(c.url, `${f}.url`),
        published: published?.value ?? null, publishedPrecision: published?.precision ?? null,
        note: optionalText(c.note, `${f}.note`, 1000) ?? null,
        targetType, [COLUMN[targetType]]: targetId,
      },
    });
    audit('Citation', row.id, null, row);
    created.push(row);
  }
  return created;
}
