/**
 * Which models an operation may read narrow (src/loaders/index.ts, NARROW): those of which no field
 * anywhere in the operation needs a column beyond the narrow row. The loaders are shared by the whole
 * operation, so this looks at all of it (every field, every fragment, under any directive or type
 * condition) rather than at one list's selection: a row loaded narrow for a page may be handed to any
 * field of its type elsewhere in the same operation (`node(id:)`, an alias, a fragment).
 *
 * A field needs:
 * - with the default resolver, on a narrowable model, the column of its own name;
 * - with a resolver of ours, what NEEDS below says it reads of any narrowable model (its parent's
 *   columns, and those of the rows it loads and reads itself);
 * - anything else: a resolver NEEDS does not know may read any column of any row, so the operation
 *   reads every model whole. A new field is therefore safe until it is listed here.
 */
import {
  BREAK, isAbstractType, isObjectType, TypeInfo, visit, visitWithTypeInfo,
  type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema,
} from 'graphql';
import { NARROW, type Narrowable } from '../loaders/index.ts';

type Needs = Partial<Record<Narrowable, readonly string[]>>;

const NONE: Needs = {};
/** Every column that says which record an evidence span supports. */
const EVIDENCE_TARGETS = ['targetType', 'actorId', 'roleId', 'relationId', 'eventId', 'participantId', 'requestId', 'itemId', 'responseId', 'statusId', 'dateClaimId'];

/**
 * What our resolvers read of narrowable models, by `Type.field` (read from the resolvers; keep in step
 * with them). `id` of every type is the global ID of the row's own id (always in a narrow row).
 */
const NEEDS: Record<string, Needs> = {
  'Query.requests': NONE, // the filters' references are checked for existence only (lookups.ts)
  'Query.node': NONE, // the row as loaded; `nodeTypeOf` reads columns every narrow row has
  'Query.nodes': NONE,
  'Actor.aliases': NONE,
  'Document.body': NONE, // loaded by id when the row has none
  'Document.excerpt': NONE,
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
  'Request.requesters': NONE,
  'Request.addressees': NONE,
  'Request.parties': NONE,
  'Request.items': NONE,
  'Request.responses': NONE,
  'Request.madeAt': { Request: ['madeAtId'] },
  'Request.evidence': NONE,
  'Request.documents': { Document: ['published'] }, // pages the documents by date
  'RequestParty.actor': NONE,
  'RequestParty.onBehalfOf': NONE,
  'RequestItem.request': NONE,
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
};

const MODELS = Object.keys(NARROW) as Narrowable[];
const ALL = new Set<Narrowable>(MODELS);
const NOTHING: ReadonlySet<Narrowable> = new Set();
const isNarrowable = (name: string): name is Narrowable => (ALL as Set<string>).has(name);

/** Models `needs` keeps whole (a column outside the narrow row), added to `wide`. */
function widen(needs: Needs, wide: Set<Narrowable>) {
  for (const model of MODELS) {
    if (needs[model]?.some((c) => !NARROW[model].includes(c))) wide.add(model);
  }
}

/** The narrowable models `document` (an operation and its fragments) can read narrow. */
function narrowModels(schema: GraphQLSchema, info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): ReadonlySet<Narrowable> {
  const wide = new Set<Narrowable>();
  let unknown = false;
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      const name = node.name.value;
      if (!parent || name.startsWith('__')) return;
      // On an interface or union: the field of every object type it may be.
      const types: readonly GraphQLObjectType[] = isAbstractType(parent) ? schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
      for (const type of types) {
        const field = type.getFields()[name];
        if (!field) continue;
        const listed = NEEDS[`${type.name}.${name}`];
        if (listed) widen(listed, wide);
        else if (name === 'id') continue;
        else if (!field.resolve) {
          if (isNarrowable(type.name)) widen({ [type.name]: [name] }, wide);
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
  if (unknown) return NOTHING;
  return new Set(MODELS.filter((m) => !wide.has(m)));
}

// Apollo keeps a parsed operation for its text: the answer is worked out once per operation text.
const known = new WeakMap<object, ReadonlySet<Narrowable>>();

/** The models this operation's loaders may read narrow (see above). */
export function narrowableIn(info: GraphQLResolveInfo): ReadonlySet<Narrowable> {
  let models = known.get(info.operation);
  if (!models) {
    models = narrowModels(info.schema, info);
    known.set(info.operation, models);
  }
  return models;
}

/** The fields whose needs are listed (`Type.field`): the tests check that each still exists. */
export const listedFields = () => Object.keys(NEEDS);
