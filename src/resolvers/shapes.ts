/**
 * Which columns an operation reads of each model whose statements can read part of a row
 * (src/loaders/index.ts, COLUMNS): for each, the union over the whole operation of the columns its
 * fields read. The loaders are shared by the whole operation, so this looks at all of it (every field,
 * every fragment, under any directive or type condition) rather than at one list's selection: a row
 * loaded for a page may be handed to any field of its type elsewhere in the same operation
 * (`node(id:)`, an alias, a fragment).
 *
 * A field needs:
 * - with the default resolver, on a shaped model, the column of its own name;
 * - with a resolver of ours, what NEEDS below says it reads of any shaped model (its parent's columns,
 *   and those of the rows it loads and reads itself);
 * - returning an interface or a union (`node`, `supports`, a timeline's items), the columns `nodeTypeOf`
 *   (node-type.ts) tells each possible type by (TAGS);
 * - anything else: a resolver NEEDS does not know may read any column of any row, so the operation
 *   reads every model whole. A new field is therefore safe until it is listed here.
 * Every row also carries its `id`; the statements add the keys their loaders group by, and the root
 * lists their sort keys.
 */
import {
  BREAK, getNamedType, isAbstractType, isObjectType, TypeInfo, visit, visitWithTypeInfo,
  type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema,
} from 'graphql';
import { COLUMNS, type Shape, type Shaped } from '../loaders/index.ts';

type Needs = Partial<Record<Shaped, readonly string[]>>;

const NONE: Needs = {};
/** Every column that says which record an evidence span supports. */
const EVIDENCE_TARGETS = ['targetType', 'actorId', 'roleId', 'relationId', 'eventId', 'participantId', 'requestId', 'itemId', 'responseId', 'statusId', 'dateClaimId'];
/** What the edges' `matchedVia` reads (src/resolvers/matches.ts). */
const DATE_BOUNDS = ['dateMin', 'dateMax'];
const PARTY_MATCH = ['side', 'actorId', 'onBehalfOfId'];

/** The columns `nodeTypeOf` tells each type by (keep in step with it; shapes.test.ts checks). */
export const TAGS: Record<Shaped, readonly string[]> = {
  Actor: ['kind', 'countryCode'],
  Document: ['publisher', 'language'],
  Event: ['locationName'],
  Evidence: ['quote', 'targetType'],
  Request: ['channel'],
  RequestItem: ['category', 'excluded'],
  RequestParty: [],
  RequestResponse: ['stance'],
};

/**
 * What our resolvers read of shaped models, by `Type.field` (read from the resolvers; keep in step
 * with them). `id` of every type is the global ID of the row's own id (always read).
 */
const NEEDS: Record<string, Needs> = {
  // Root lists: their pages add their own sort keys; the filters' references are checked for existence only (lookups.ts).
  'Query.requests': NONE,
  'Query.events': NONE,
  'Query.timeline': NONE,
  'Query.actor': NONE, // lookups by id, slug or name read whole rows
  'Query.node': NONE, // the row as loaded; its type from TAGS (an interface)
  'Query.nodes': NONE,
  'Actor.aliases': NONE,
  'Actor.roles': NONE,
  'Actor.officeHolders': NONE,
  'Actor.memberOf': NONE,
  'Actor.members': NONE,
  'Actor.coMentions': NONE,
  'Actor.requestsMade': { Request: ['date'] }, // pages by date (lookups.ts, actorRecordsPage)
  'Actor.requestsReceived': { Request: ['date'] },
  'Actor.responses': { RequestResponse: ['date'] },
  'Actor.events': { Event: ['start'] },
  'Actor.documents': { Document: ['published'] },
  'Actor.mentions': { Evidence: ['documentId', 'start'] }, // evidencePage's cursor
  'Document.body': NONE, // loaded by id when the row has none
  'Document.excerpt': NONE,
  'Document.actors': NONE,
  'Document.events': { Event: ['start'] },
  'Document.requests': { Request: ['date'] },
  'Document.evidence': { Evidence: ['start'] },
  'Event.location': { Event: ['locationName', 'locationCountry'] },
  'Event.participants': NONE,
  'Event.quantities': NONE,
  'Event.dateClaims': NONE,
  'Event.citations': NONE,
  'Event.requests': { Request: ['date'] },
  'Event.responses': NONE,
  'Event.documents': { Document: ['published'] },
  'Event.evidence': { Evidence: ['documentId', 'start'] },
  'EventEdge.matchedVia': { Event: DATE_BOUNDS },
  'Evidence.document': { Evidence: ['documentId'] },
  'Evidence.quote': { Evidence: ['quote', 'start', 'end', 'documentId'] },
  'Evidence.context': { Evidence: ['documentId', 'start', 'end'] },
  'Evidence.supports': { Evidence: EVIDENCE_TARGETS },
  'Evidence.attributedTo': { Evidence: ['attributedToId', 'attribution'] },
  'Attribution.actor': NONE,
  'Request.status': { Request: ['status'] },
  'Request.statusEntry': NONE,
  'Request.statusHistory': NONE,
  'Request.dateClaims': NONE,
  'Request.requesters': { RequestParty: ['side', 'actorId'] },
  'Request.addressees': { RequestParty: ['side', 'actorId'] },
  'Request.parties': NONE,
  'Request.items': { RequestItem: ['excluded'] }, // `items(excluded:)`, filtered here and in prefetch.ts
  'Request.responses': NONE,
  'Request.madeAt': { Request: ['madeAtId'] },
  'Request.evidence': { Evidence: ['documentId', 'start'] },
  'Request.documents': { Document: ['published'] }, // pages the documents by date
  'RequestEdge.matchedVia': { Request: DATE_BOUNDS, RequestParty: PARTY_MATCH },
  'RequestParty.actor': { RequestParty: ['actorId'] },
  'RequestParty.onBehalfOf': { RequestParty: ['onBehalfOfId'] },
  'RequestItem.request': { RequestItem: ['requestId'] },
  'RequestItem.quantities': NONE,
  'RequestItem.answeredBy': NONE,
  'RequestItem.evidence': NONE,
  'RequestResponse.request': { RequestResponse: ['requestId'] },
  'RequestResponse.responder': { RequestResponse: ['responderId'] },
  'RequestResponse.event': { RequestResponse: ['eventId'] },
  'RequestResponse.items': NONE,
  'RequestResponse.quantities': NONE,
  'RequestResponse.supportKind': NONE,
  'RequestResponse.evidence': NONE,
  'RequestResponse.citations': NONE,
  'RequestResponseEdge.matchedVia': { RequestResponse: ['responderId', ...DATE_BOUNDS] },
  'RequestStatusEntry.request': NONE,
  'DateClaim.evidence': NONE,
  'DateClaim.citations': NONE,
  'EventParticipant.event': NONE,
  'EventParticipant.actor': NONE,
  'EventParticipant.evidence': NONE,
  'ActorRole.holder': NONE,
  'ActorRole.of': NONE,
  'ActorRole.evidence': NONE,
  'ActorRole.citations': NONE,
  'ActorRelation.from': NONE,
  'ActorRelation.to': NONE,
  'ActorRelation.evidence': NONE,
  'ActorRelation.citations': NONE,
  'RequestStatusEntry.supportKind': NONE,
  'RequestStatusEntry.evidence': NONE,
  'RequestStatusEntry.citations': NONE,
  'DocumentActorEdge.node': NONE,
  'DocumentActorEdge.mentionCount': NONE,
  'CoMentionEdge.node': NONE,
  'CoMentionEdge.count': NONE,
  'TimelineEdge.node': NONE, // rows by id, told apart by TAGS (a union)
  'TimelineEdge.date': NONE,
  'TimelineEdge.matchedVia': { Event: DATE_BOUNDS, Request: DATE_BOUNDS, RequestParty: PARTY_MATCH, RequestResponse: ['responderId', ...DATE_BOUNDS] },
  'ActorMatch.via': NONE,
  'ActorMatch.principal': NONE,
  'ActorMatch.role': NONE,
  'ActorMatch.actor': NONE,
};

const MODELS = Object.keys(COLUMNS) as Shaped[];
const isShaped = (name: string): name is Shaped => Object.hasOwn(COLUMNS, name);

/** The columns `document` (an operation and its fragments) reads of each shaped model; {} for whole rows. */
function shapeOf(schema: GraphQLSchema, info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): Shape {
  const wanted = new Map<Shaped, Set<string>>(MODELS.map((m) => [m, new Set(['id'])]));
  const add = (needs: Needs) => {
    for (const model of MODELS) for (const c of needs[model] ?? []) wanted.get(model)!.add(c);
  };
  let unknown = false;
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      const name = node.name.value;
      if (!parent || name.startsWith('__')) return;
      // A field of an interface or union type: its rows are told apart by their columns.
      const own = getNamedType(typeInfo.getType());
      if (own && isAbstractType(own)) {
        for (const t of schema.getPossibleTypes(own)) if (isShaped(t.name)) add({ [t.name]: TAGS[t.name] });
      }
      // On an interface or union: the field of every object type it may be.
      const types: readonly GraphQLObjectType[] = isAbstractType(parent) ? schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
      for (const type of types) {
        const field = type.getFields()[name];
        if (!field) continue;
        const listed = NEEDS[`${type.name}.${name}`];
        if (listed) add(listed);
        else if (name === 'id') continue;
        else if (!field.resolve) {
          // The default resolver reads the property of its name: a column, or on a shaped model
          // something this does not know (then whole rows).
          if (!isShaped(type.name)) continue;
          if (COLUMNS[type.name].includes(name)) add({ [type.name]: [name] });
          else unknown = true;
        } else {
          unknown = true;
        }
      }
      return unknown ? BREAK : undefined;
    },
  });
  visit(info.operation, visitor);
  for (const fragment of Object.values(info.fragments)) {
    if (unknown) break;
    visit(fragment, visitor);
  }
  if (unknown) return {};
  const shape: Shape = {};
  for (const model of MODELS) {
    const set = wanted.get(model)!;
    shape[model] = COLUMNS[model].filter((c) => set.has(c));
  }
  return shape;
}

// Apollo keeps a parsed operation for its text: the answer is worked out once per operation text.
const known = new WeakMap<object, Shape>();

/** The columns this operation's statements read of each shaped model (see above). */
export function shapeIn(info: GraphQLResolveInfo): Shape {
  let shape = known.get(info.operation);
  if (!shape) {
    shape = shapeOf(info.schema, info);
    known.set(info.operation, shape);
  }
  return shape;
}

/** The fields whose needs are listed (`Type.field`): the tests check that each still exists. */
export const listedFields = () => Object.keys(NEEDS);
/** What each listed field reads: the tests check that each column is one of its model's. */
export const listedNeeds = (): [string, Needs][] => Object.entries(NEEDS);
