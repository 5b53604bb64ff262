/** Evidence fields. */
import type { EvidenceResolvers } from '../generated/graphql.ts';
import type { Context } from '../context.ts';
import type { Evidence as EvidenceRow } from '../generated/prisma/client.ts';
import { spanContext } from '../services/documents.ts';
import { spanQuote } from '../domain/spans.ts';
import { arrayPage } from '../services/pagination.ts';
import { toGlobalId } from './global-id.ts';
import type { DocumentParent } from './parents.ts';

export const Evidence: EvidenceResolvers = {
  id: (e) => toGlobalId('Evidence', e.id),
  // `now`: the document itself when the evidence's statement primed it (src/loaders/batch.ts).
  document: (e, _, ctx) => ctx.loaders.document.now(e.documentId) as DocumentParent | Promise<DocumentParent>,
  // Long quotes are not stored (see STORED_QUOTE_MAX): only then is the body loaded.
  quote: (e, _, ctx) => {
    if (e.quote !== '') return e.quote;
    return ctx.loaders.documentBody.load(e.documentId).then((doc) => spanQuote(e, () => doc!.body));
  },
  context: async (e, { chars }, ctx) => {
    const doc = (await ctx.loaders.documentBody.load(e.documentId))!;
    return spanContext(doc.body, e.start, e.end, chars ?? 80);
  },
  supports: async (e, _, ctx) => (await supportedRecord(e, ctx))!,
  attributedTo: (e) => (e.attributedToId || e.attribution ? { actorId: e.attributedToId, description: e.attribution } : null),
};

async function supportedRecord(e: EvidenceRow, ctx: Context) {
  const l = ctx.loaders;
  switch (e.targetType) {
    case 'ACTOR': return l.actor.load(e.actorId!);
    case 'ACTOR_ROLE': return l.role.load(e.roleId!);
    case 'ACTOR_RELATION': return l.relation.load(e.relationId!);
    case 'EVENT': return l.event.load(e.eventId!);
    case 'EVENT_PARTICIPANT': return l.participant.load(e.participantId!);
    case 'REQUEST': return l.request.load(e.requestId!);
    case 'REQUEST_ITEM': return l.item.load(e.itemId!);
    case 'REQUEST_RESPONSE': return l.response.load(e.responseId!);
    case 'REQUEST_STATUS': return l.statusEntry.load(e.statusId!);
    case 'DATE_CLAIM': return l.dateClaim.load(e.dateClaimId!);
  }
}

/** A record's evidence (already in document and text order) as a connection. */
export const evidencePage = (list: EvidenceRow[], page: Parameters<typeof arrayPage>[1]) =>
  arrayPage(list, page, (e) => ({ value: `${e.documentId}:${String(e.start).padStart(9, '0')}`, id: e.id }));
