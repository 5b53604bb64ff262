/** Event and participant fields. */
import type { EventParticipantResolvers, EventResolvers } from '../generated/graphql.ts';
import { arrayPage } from '../services/pagination.ts';
import { toGlobalId } from './global-id.ts';
import { datedPage } from './lookups.ts';
import { evidencePage } from './evidence.ts';

export const Event: EventResolvers = {
  id: (e) => toGlobalId('Event', e.id),
  location: (e) => (e.locationName ? { name: e.locationName, countryCode: e.locationCountry } : null),
  participants: (e, _, ctx) => ctx.loaders.participantsByEvent.load(e.id),
  quantities: (e, _, ctx) => ctx.loaders.quantitiesByEvent.load(e.id),
  dateClaims: (e, _, ctx) => ctx.loaders.dateClaimsByEvent.load(e.id),
  citations: (e, _, ctx) => ctx.loaders.citationsByEvent.load(e.id),
  requests: async (e, page, ctx) => {
    const list = await ctx.loaders.requestsByEvent.load(e.id);
    return arrayPage(list, page, (r) => ({ value: r.date, id: r.id }));
  },
  responses: (e, _, ctx) => ctx.loaders.responsesByEvent.load(e.id),
  documents: async (e, page, ctx) =>
    datedPage(ctx.loaders.document, (await ctx.loaders.documentIdsByEvent.load(e.id)).map((r) => r.documentId), (d) => d.published, page),
  evidence: async (e, page, ctx) => evidencePage(await ctx.loaders.evidenceByEvent.load(e.id), page),
};

export const EventParticipant: EventParticipantResolvers = {
  id: (p) => toGlobalId('EventParticipant', p.id),
  event: async (p, _, ctx) => (await ctx.loaders.event.load(p.eventId))!,
  actor: async (p, _, ctx) => (await ctx.loaders.actor.load(p.actorId))!,
  evidence: (p, _, ctx) => ctx.loaders.evidenceByParticipant.load(p.id),
};
