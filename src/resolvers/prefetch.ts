/**
 * Lookahead for a page of requests: the relations its selection asks for are loaded before the page is
 * returned, level by level through the request's loaders (the same batched statements, in the same
 * number, that the field resolvers would send), so the fields below resolve synchronously with the
 * loaders' `now` (src/loaders/batch.ts). Only what the selection surely asks for is loaded ahead: a
 * field under @skip/@include, or anything not recognised here, is left to its resolver's own load, so
 * a query never sends a statement it would not have sent without this. The rows are read with the
 * columns the list resolver told the loaders (shapes.ts), whether anything is loaded ahead or not, so
 * the statements are the same either way.
 */
import {
  getArgumentValues, isAbstractType, Kind,
  type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.ts';

type Relation = 'parties' | 'items' | 'responses';
const RELATION_OF: Record<string, Relation> = { requesters: 'parties', addressees: 'parties', parties: 'parties', items: 'items', responses: 'responses' };

/** The fields of `type` in `sets`, through the fragments that apply to it (as graphql-js collects them). */
function fieldsOf(info: GraphQLResolveInfo, sets: readonly (SelectionSetNode | undefined)[], type: GraphQLObjectType): FieldNode[] {
  const out: FieldNode[] = [];
  const visited = new Set<string>();
  const applies = (condition: string | undefined) => {
    if (condition === undefined || condition === type.name) return true;
    const t = info.schema.getType(condition);
    return t != null && isAbstractType(t) && info.schema.isSubType(t, type);
  };
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.directives?.length) continue;
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (applies(s.typeCondition?.name.value)) walk(s.selectionSet);
      } else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        const fragment = info.fragments[s.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) walk(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) walk(set);
  return out;
}

const objectType = (info: GraphQLResolveInfo, name: string) => info.schema.getType(name) as GraphQLObjectType;

/** What a `requests` field's nodes ask for: relations in the order they first appear, and items' evidence. */
export interface RequestWants {
  relations: Relation[];
  /** Evidence of which items: all, or only those with this `excluded` (an `items(excluded:)` argument). */
  itemEvidence: 'all' | boolean | null;
}

export function requestWants(info: GraphQLResolveInfo): RequestWants {
  const request = objectType(info, 'Request');
  const edges = fieldsOf(info, info.fieldNodes.map((f) => f.selectionSet), objectType(info, 'RequestConnection'))
    .filter((f) => f.name.value === 'edges');
  const nodes = fieldsOf(info, edges.map((f) => f.selectionSet), objectType(info, 'RequestEdge')).filter((f) => f.name.value === 'node');
  const relations: Relation[] = [];
  let itemEvidence: RequestWants['itemEvidence'] = null;
  const itemType = objectType(info, 'RequestItem');
  for (const field of fieldsOf(info, nodes.map((f) => f.selectionSet), request)) {
    const relation = RELATION_OF[field.name.value];
    if (!relation) continue;
    if (!relations.includes(relation)) relations.push(relation);
    if (relation !== 'items' || !fieldsOf(info, [field.selectionSet], itemType).some((f) => f.name.value === 'evidence')) continue;
    let excluded: unknown;
    try {
      ({ excluded } = getArgumentValues(request.getFields().items!, field, info.variableValues));
    } catch {
      continue; // the field itself will fail on its arguments and load nothing
    }
    const these = excluded == null ? 'all' : Boolean(excluded);
    itemEvidence = itemEvidence === null || itemEvidence === these ? these : 'all';
  }
  return { relations, itemEvidence };
}

/**
 * Loads what the selection asks for under a page of requests (its edges' nodes). Never fails: a failed
 * batch leaves its keys unloaded (not in `now`'s values), and the fields fail with its error, as they
 * would have without this.
 */
export async function prefetchRequests(page: { edges: readonly { node: { id: string } }[] }, info: GraphQLResolveInfo, ctx: Context) {
  if (page.edges.length === 0) return;
  const { relations, itemEvidence } = requestWants(info);
  if (relations.length === 0) return;
  const l = ctx.loaders;
  const ids = page.edges.map((e) => e.node.id);
  const loaders = { parties: l.partiesByRequest, items: l.itemsByRequest, responses: l.responsesByRequest };
  await Promise.all(relations.map(async (r) => {
    const results = await loaders[r].loadMany(ids);
    // A failed batch forgets its keys (DataLoader); keep its error for the fields, which would otherwise
    // send the statement again, where the fields' own loads would have failed together once.
    results.forEach((result, i) => {
      if (result instanceof Error) loaders[r].prime(ids[i]!, result);
    });
  }));
  if (itemEvidence === null) return;
  const itemIds: string[] = [];
  for (const id of ids) {
    if (!l.itemsByRequest.has(id)) return;
    for (const item of l.itemsByRequest.now(id) as Awaited<ReturnType<typeof l.itemsByRequest.load>>) {
      if (itemEvidence === 'all' || item.excluded === itemEvidence) itemIds.push(item.id);
    }
  }
  if (itemIds.length === 0) return;
  const results = await l.evidenceByItem.loadMany(itemIds);
  results.forEach((result, i) => {
    if (result instanceof Error) l.evidenceByItem.prime(itemIds[i]!, result);
  });
}
