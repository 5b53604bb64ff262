/**
 * A page of `documents` reads only the columns its nodes ask for (lookahead on plain fields), and
 * answers exactly as a page that reads every column: in every order, forward and backward, with the
 * fields that need more than a column (body, excerpt) and with fragments (then every column is read).
 */
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s.close(); });

const ALL = 'id slug title publisher url published publishedPrecision publishedNote language wordCount contentHash version createdAt updatedAt';
type Page = {
  edges: { cursor: string; node: Record<string, unknown> & { id: string; title: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};
const pageStatement = () => s.queries.filter((q) => /FROM "Document" t/.test(q) && /LIMIT/.test(q));

it('selects the id, the sort key and the plain fields asked for, nothing else', async () => {
  s.queries.length = 0;
  ok(await s.gql('{ documents(first: 3) { edges { node { id title published } } } }'));
  const [sql] = pageStatement();
  expect(sql).toBeDefined();
  const selected = /^SELECT (.*?) FROM/.exec(sql!)![1]!;
  expect(selected.split(', ').sort()).toEqual(['t."id"', 't."published"', 't."title"']);

  s.queries.length = 0;
  ok(await s.gql('{ documents(first: 3, orderBy: { field: CREATED_AT }) { edges { node { slug } } } }'));
  expect(/^SELECT (.*?) FROM/.exec(pageStatement()[0]!)![1]!.split(', ').sort()).toEqual(['t."createdAt"', 't."id"', 't."slug"']);
});

it.each(['PUBLISHED', 'TITLE', 'CREATED_AT'])('answers as a page of every column does, ordered by %s, forward and backward', async (field) => {
  for (const [window, cursorArg] of [['first: 2', 'after'], ['last: 2', 'before']] as const) {
    const narrow = `query ($c: String) { documents(${window}, ${cursorArg}: $c, orderBy: { field: ${field} }) { edges { cursor node { id title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const wide = `query ($c: String) { documents(${window}, ${cursorArg}: $c, orderBy: { field: ${field} }) { edges { cursor node { ${ALL} excerpt(length: 40) } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    let cursor: string | null = null;
    for (let i = 0; i < 3; i++) {
      const a: Page = ok(await s.gql(narrow, { c: cursor })).documents;
      const b: Page = ok(await s.gql(wide, { c: cursor })).documents;
      expect(a.pageInfo).toEqual(b.pageInfo);
      expect(a.edges.map((e) => [e.cursor, e.node.id, e.node.title])).toEqual(b.edges.map((e) => [e.cursor, e.node.id, e.node.title]));
      for (const e of b.edges) for (const f of ALL.split(' ')) expect(e.node[f]).not.toBeUndefined();
      cursor = window.startsWith('first') ? a.pageInfo.endCursor : a.pageInfo.startCursor;
      if (!cursor) break;
    }
  }
});

it('reads every column when the nodes are selected through a fragment, and answers every field', async () => {
  const viaFragment = ok(await s.gql(`{ documents(first: 2) { edges { node { ...D } } } } fragment D on Document { ${ALL} }`)).documents;
  const plain = ok(await s.gql(`{ documents(first: 2) { edges { node { ${ALL} } } } }`)).documents;
  expect(viaFragment).toEqual(plain);
  expect(plain.edges[0].node.wordCount).toBeGreaterThan(0);
  expect(plain.edges[0].node.contentHash).toMatch(/^[0-9a-f]{64}$/);
});
