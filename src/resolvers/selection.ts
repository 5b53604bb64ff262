/** Lookahead on what a client selected, so services can skip work nobody asked for. */
import { Kind, type GraphQLResolveInfo } from 'graphql';

/**
 * Whether a connection field selects only `totalCount` (and `__typename`): then its page need not be
 * read. Fragments are not followed (answering false just reads the page as usual).
 */
export function onlyTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) => node.selectionSet?.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === 'totalCount' || s.name.value === '__typename'),
  ) ?? false);
}

/**
 * Whether a connection field may select `totalCount`: a field of that name, or a fragment (not
 * followed: a count read for nothing, never one missing).
 */
export function mayCountTotal(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) => node.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === 'totalCount') ?? false);
}
