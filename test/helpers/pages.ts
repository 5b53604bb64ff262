/**
 * Walking a connection page by page, for the tests that compare a paged list with the answer computed
 * from the whole list (actor record pages, category pages, event pages).
 */
import { arrayPage, type PageArgs } from '../../src/services/pagination.ts';
import { toGlobalId, type NodeType } from '../../src/resolvers/global-id.ts';

/** The selection the paged-list tests ask of a connection: what `expectedPage` computes. */
export const PAGE_FIELDS = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';

/**
 * What `arrayPage` gives for the whole list (already in the list's order), in the API's shape for
 * PAGE_FIELDS: the answer a paged statement must equal.
 */
export function expectedPage<T extends { id: string }>(
  list: T[], args: PageArgs, key: (r: T) => { value: string | null; id: string }, type: (r: T) => NodeType,
  direction: 'asc' | 'desc' = 'asc', tag?: string,
) {
  const p = arrayPage(list, args, key, direction, tag);
  return {
    totalCount: list.length,
    pageInfo: p.pageInfo,
    edges: p.edges.map((e) => ({ cursor: e.cursor, node: { id: toGlobalId(type(e.node), e.node.id) } })),
  };
}

/** Page arguments as GraphQL argument text: `first: 5, after: "…"` (nulls left out). */
export const argText = (args: PageArgs) =>
  Object.entries(args).filter(([, v]) => v != null).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');

/**
 * Every page forwards and backwards (pages of `size`), each compared with `want` for the same arguments;
 * every third page also turns round at its cursor and compares the page on the other side of it.
 * Returns how many pages were walked, so a test can check that it walked more than one.
 */
export async function walkAll(get: (args: PageArgs) => Promise<any>, want: (args: PageArgs) => unknown, size: number) {
  let pages = 0;
  for (const dir of ['forward', 'backward'] as const) {
    let cursor: string | null = null;
    for (;;) {
      const args: PageArgs = dir === 'forward' ? { first: size, after: cursor } : { last: size, before: cursor };
      const got = await get(args);
      expect({ args, got }).toEqual({ args, got: want(args) });
      pages++;
      const more = dir === 'forward' ? got.pageInfo.hasNextPage : got.pageInfo.hasPreviousPage;
      if (!more) break;
      cursor = dir === 'forward' ? got.pageInfo.endCursor : got.pageInfo.startCursor;
      if (pages % 3 === 0 && cursor) {
        const back: PageArgs = dir === 'forward' ? { last: 7, before: cursor } : { first: 7, after: cursor };
        expect({ back, got: await get(back) }).toEqual({ back, got: want(back) });
      }
    }
  }
  return pages;
}
