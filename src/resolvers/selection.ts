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

/**
 * The fields selected on the nodes of a connection field (`edges { node { … } }`), or null when that
 * cannot be told from plain fields alone (a fragment or an inline fragment anywhere on the way, or an
 * alias naming a field twice is fine: names are what count). Null means "assume everything".
 */
export function nodeFields(info: GraphQLResolveInfo): Set<string> | null {
  const fields = new Set<string>();
  for (const connection of info.fieldNodes) {
    for (const s of connection.selectionSet?.selections ?? []) {
      if (s.kind !== Kind.FIELD) return null;
      if (s.name.value !== 'edges') continue;
      for (const e of s.selectionSet?.selections ?? []) {
        if (e.kind !== Kind.FIELD) return null;
        if (e.name.value !== 'node') continue;
        for (const n of e.selectionSet?.selections ?? []) {
          if (n.kind !== Kind.FIELD) return null;
          fields.add(n.name.value);
        }
      }
    }
  }
  return fields;
}
