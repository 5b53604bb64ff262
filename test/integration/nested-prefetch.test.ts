/**
 * A page of requests loads the relations its selection asks for ahead, so the fields below resolve
 * without a promise each (src/resolvers/prefetch.ts). That must change nothing a client sees: every
 * value, order and error is compared here with the same selection answered without the prefetch —
 * the same query with `@include(if: true)` on the edges' `node` (the lookahead leaves fields under a
 * directive to their own loads) and the same nodes read one by one through `node(id:)` — and the
 * statements sent are the same ones, in the same order.
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { testStore } from '../helpers/db.ts';
import { EDITOR, TOKENS, ok } from '../write/support.ts';
import { narrowAndWide } from '../helpers/narrow-wide.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
});
afterAll(async () => {
  await s.close();
});

/** Everything the lookahead knows (parties, items with or without `excluded`, their evidence, responses) and much it does not. */
const REQUEST_FIELDS = `
  fragment Deep on Request {
    id slug summary status date channel
    then: status(asOf: "2005") thenEntry: statusEntry(asOf: "2005-06") { status date }
    requesters { name slug } addressees { name }
    parties { side actor { slug } onBehalfOf { slug } }
    items(excluded: $excluded) { id category description excluded evidence { id quote start end document { id title published } supports { __typename } } }
    asked: items(excluded: false) { id evidence { quote } }
    refused: items(excluded: true) { id category }
    responses { id stance date summary responder { name } evidence { quote document { title } } event { id } items { id } }
    ... on Node { id }
    ...Again
    evidence(first: 2) { edges { node { quote } } pageInfo { hasNextPage } }
    madeAt { id }
  }
  fragment Again on Node { ... on Request { againItems: items { category evidence { id } } responses { responder { slug } } } }`;

/** `$on` is always true: on the node it only turns the lookahead off; the plain list uses it on the cursor. */
const list = (gate: string) => `query ($n: Int, $excluded: Boolean, $on: Boolean!) { requests(first: $n) { edges { cursor @include(if: $on)
  node${gate} { ...Deep } } } }
  ${REQUEST_FIELDS}`;
const LIST = list(' @include(if: $on)');
const PLAIN_LIST = list('');
const ONE = `query ($id: ID!, $excluded: Boolean) { node(id: $id) { ...Deep } } ${REQUEST_FIELDS}`;

/** The statements an operation sent, without the response cache's data-version read. */
async function run(query: string, variables: Record<string, unknown>) {
  s.queries.length = 0;
  const r = await s.gql(query, variables);
  return { ...r, selects: s.queries.filter((q) => /^\s*SELECT\b/i.test(q) && !/FROM "DataVersion"/.test(q)) };
}

describe('a deep page of requests, with and without the prefetch', () => {
  it.each([
    ['no excluded argument', null],
    ['excluded: false', false],
    ['excluded: true', true],
  ])('answers exactly as without it, and as node(id:) does for each request (%s)', async (_, excluded) => {
    const fast = await run(PLAIN_LIST, { n: 20, excluded, on: true });
    const slow = await run(LIST, { n: 20, excluded, on: true });
    expect(fast.errors).toBeUndefined();
    expect(slow.errors).toBeUndefined();
    expect(fast.data).toEqual(slow.data);
    const nodes = fast.data.requests.edges.map((e: { node: any }) => e.node);
    // The page is all 6 seeded requests, with something at every level.
    expect(nodes).toHaveLength(6);
    expect(nodes.flatMap((n: any) => n.items.flatMap((i: any) => i.evidence)).length).toBeGreaterThan(excluded === true ? 0 : 5);
    expect(nodes.flatMap((n: any) => n.responses).length).toBeGreaterThan(5);
    expect(nodes.some((n: any) => n.refused.length > 0)).toBe(true);
    for (const node of nodes) {
      const one = await s.gql(ONE, { id: node.id, excluded });
      expect(one.errors).toBeUndefined();
      expect(one.data.node).toEqual(node);
    }
    // Every relation in one statement per level either way, in the same number.
    expect(fast.selects.length).toBe(slow.selects.length);
  });
});

describe('the benchmark\'s nested request page', () => {
  const page = (gate: string) => `query ($on: Boolean!) { requests(first: 50) { edges { cursor @include(if: $on) node${gate} { id summary status date
    requesters { name } addressees { name }
    items { category excluded evidence { quote document { title } } }
    responses { stance responder { name } } } } } }`;

  it('sends the same 5 statements as without the prefetch, in the same order', async () => {
    const fast = await run(page(''), { on: true });
    const slow = await run(page(' @include(if: $on)'), { on: true });
    expect(fast.data).toEqual(slow.data);
    expect(fast.selects).toHaveLength(5);
    // Over PostgreSQL the statements of one level may be logged in the order their answers arrive.
    const order = (selects: string[]) => (testStore === 'postgresql' ? [...selects].sort() : selects);
    expect(order(fast.selects)).toEqual(order(slow.selects));
  });

  it('loads nothing ahead that is not asked for', async () => {
    const fast = await run('{ requests(first: 50) { edges { node { id summary } } } }', {});
    expect(fast.errors).toBeUndefined();
    expect(fast.selects).toHaveLength(1);
    const skipped = await run(`query ($no: Boolean!) { requests(first: 50) { edges { node { id items @skip(if: $no) { id } } } } }`, { no: true });
    expect(skipped.data.requests.edges[0].node).toEqual({ id: expect.any(String) });
    expect(skipped.selects).toHaveLength(1);
  });
});

describe('after a write in the same operation', () => {
  it('a later payload reads the request as the earlier write left it, not what was loaded before', async () => {
    const page = await s.gql('{ requests(first: 1) { edges { node { id slug responses { id } } } } }');
    const request = page.data.requests.edges[0].node;
    const actor = (await s.gql('{ actors(first: 1) { edges { node { id } } } }')).data.actors.edges[0].node.id;
    const add = (alias: string) => `${alias}: addRequestResponse(input: { request: $r, responder: $a, stance: CONSIDERING, summary: "${alias}" }) {
      response { id } request { responses { id summary } } }`;
    const r = ok(await s.gql(`mutation ($r: ID!, $a: ID!) { ${add('first')} ${add('second')} }`, { r: request.slug, a: actor }, EDITOR));
    const before = request.responses.length;
    expect(r.first.request.responses).toHaveLength(before + 1);
    expect(r.second.request.responses).toHaveLength(before + 2);
    expect(r.second.request.responses.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([r.first.response.id, r.second.response.id]));
    // And a read afterwards sees both, through the page.
    const after = await s.gql('{ requests(first: 1) { edges { node { responses { id } } } } }');
    expect(after.data.requests.edges[0].node.responses).toEqual(r.second.request.responses.map((x: { id: string }) => ({ id: x.id })));
  });
});

describe('a statement of the page that fails', () => {
  let f: TestServer;
  beforeAll(async () => {
    f = await startTestServer();
  });
  afterAll(async () => {
    await f.close();
  });

  /** Errors as a client sees them, but for where in the query text (the two queries differ by a directive). */
  const placeless = (errors: unknown[] | undefined) => errors?.map((e) => ({ ...(e as object), locations: undefined }));

  /** Runs `query` with and without the lookahead while `table` is renamed away (its statements fail). */
  async function withoutTable(table: string, query: (gate: string) => string) {
    await f.t.db.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}Gone"`);
    try {
      f.queries.length = 0;
      const fast = await f.gql(query(''), { on: true });
      const fastSelects = f.queries.filter((q) => /^\s*SELECT\b/i.test(q)).length;
      f.queries.length = 0;
      const slow = await f.gql(query(' @include(if: $on)'), { on: true });
      const slowSelects = f.queries.filter((q) => /^\s*SELECT\b/i.test(q)).length;
      expect(fast.errors?.length).toBeGreaterThan(0);
      expect(fast.errors!.every((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')).toBe(true);
      expect(placeless(fast.errors)).toEqual(placeless(slow.errors));
      expect(fast.data).toEqual(slow.data);
      // The failed statement is not sent again by the fields that needed it.
      expect(fastSelects).toBe(slowSelects);
      return fast;
    } finally {
      await f.t.db.$executeRawUnsafe(`ALTER TABLE "${table}Gone" RENAME TO "${table}"`);
    }
  }

  it('a prefetched relation fails its fields exactly as without the prefetch', async () => {
    const fast = await withoutTable('RequestResponse', (gate) =>
      `query ($on: Boolean!) { requests(first: 3) { edges { cursor @include(if: $on) node${gate} { id items { id } responses { id } } } } }`);
    // responses is non-null: the error reaches the (non-null) list, as it always did.
    expect(fast.data).toBeNull();
    const back = await f.gql('{ requests(first: 3) { edges { node { responses { id } } } } }');
    expect(back.errors).toBeUndefined();
  });

  it('a failing field under a prefetched page nulls only itself', async () => {
    const fast = await withoutTable('Event', (gate) =>
      `query ($on: Boolean!) { requests(first: 6) { edges { cursor @include(if: $on) node${gate} {
        id madeAt { id } items { category evidence { quote } } responses { stance responder { name } } } } } }`);
    const nodes = fast.data.requests.edges.map((e: { node: any }) => e.node);
    expect(nodes).toHaveLength(6);
    expect(fast.errors!.every((e) => e.path?.at(-1) === 'madeAt')).toBe(true);
    expect(nodes.every((n: any) => n.madeAt === null && n.items.length > 0)).toBe(true);
    expect(nodes.flatMap((n: any) => n.responses).length).toBeGreaterThan(5);
  });
});

/**
 * Under a page of requests the statements read only the columns the whole operation needs of each row
 * (src/resolvers/shapes.ts) when every field in it is known there.
 * Each query below is compared with itself made to read whole rows — a root field the analysis does
 * not know (`actors { totalCount }`) widens every model — and with the same records read alone.
 */
describe('narrow rows under a page of requests', () => {
  /** The answer of `query`, narrow, and of the same query made wide: equal but for the widening field. */
  const both = narrowAndWide(run, 'widen: actors(first: 1) { totalCount }', (widen) => expect(widen.totalCount).toBeGreaterThan(0));
  /** The actor columns a statement read through the parties' and responses' joins. */
  const joinedActorColumns = (selects: string[]) =>
    selects.filter((q) => /JOIN "Actor"/.test(q)).map((q) => [...q.matchAll(/AS "j__(\w+)"/g)].map((m) => m[1]));

  it('the benchmark\'s page reads only the columns it shows and the keys, and answers as with whole rows', async () => {
    const { narrow, wide } = await both(`{ requests(first: 50) { edges { node { id summary status date
      requesters { name } addressees { name }
      items { category excluded evidence { quote document { title } } }
      responses { stance responder { name } } } } } }`);
    expect(narrow.selects).toHaveLength(5);
    expect(wide.selects).toHaveLength(6); // and the widening count
    for (const columns of joinedActorColumns(narrow.selects)) expect(columns).toEqual(['id', 'name']);
    for (const columns of joinedActorColumns(wide.selects)) expect(columns).toContain('createdAt');
    const evidence = (selects: string[]) => selects.find((q) => /FROM "Evidence"/.test(q))!;
    expect(evidence(narrow.selects)).not.toMatch(/"roleId"|"createdAt"|"publishedNote"|"j__contentHash"/);
    expect(evidence(wide.selects)).toMatch(/"roleId"/);
    expect(evidence(wide.selects)).toMatch(/"j__publishedNote"/);
  });

  it('a column asked for anywhere in the operation is read wherever its rows are loaded', async () => {
    // `description` and `createdAt` of actors, `publishedNote` of documents and `dateNote` of responses
    // only under one alias or one fragment: the page's rows, shared by the whole operation, carry them.
    const { narrow } = await both(`query { requests(first: 50) { edges { node { id
      requesters { name } addressees { ...Who }
      items { evidence { quote document { title } } }
      again: items { evidence { document { ...When } } }
      responses { stance responder { name } } late: responses { dateNote responder { createdAt } } } } } }
      fragment Who on Actor { description }
      fragment When on Document { publishedNote createdAt }`);
    for (const columns of joinedActorColumns(narrow.selects)) expect(columns).toContain('description');
    const nodes = narrow.data.requests.edges.map((e: { node: any }) => e.node);
    expect(nodes.flatMap((n: any) => n.late).every((r: any) => typeof r.responder.createdAt === 'string')).toBe(true);
    expect(nodes.flatMap((n: any) => n.again.flatMap((i: any) => i.evidence)).every((e: any) => typeof e.document.createdAt === 'string')).toBe(true);
  });

  it('rows of a narrow page reached through node(id:) in the same operation are whole enough, and of the right type', async () => {
    const page = await s.gql(`{ requests(first: 50) { edges { node { id requesters { id } responses { id }
      items { evidence { id document { id } } } } } } }`);
    const nodes = page.data.requests.edges.map((e: { node: any }) => e.node);
    const actor = nodes.flatMap((n: any) => n.requesters)[0].id;
    const response = nodes.flatMap((n: any) => n.responses)[0].id;
    const span = nodes.flatMap((n: any) => n.items.flatMap((i: any) => i.evidence))[0];
    const PAGE = `requests(first: 50) { edges { node { requesters { name } responses { stance responder { name } }
      items { evidence { quote document { title } } } } } }`;
    // Narrow: what node(id:) asks of these rows is in the narrow row; its type is told from the row.
    const narrowNodes = `query ($a: ID!, $r: ID!, $e: ID!, $d: ID!) { ${PAGE}
      a: node(id: $a) { __typename id ... on Actor { name kind } }
      r: node(id: $r) { __typename ... on RequestResponse { stance responder { slug } } }
      e: node(id: $e) { __typename ... on Evidence { quote start document { title } } }
      d: node(id: $d) { __typename ... on Document { title published } } }`;
    const vars = { a: actor, r: response, e: span.id, d: span.document.id };
    const { narrow } = await both(narrowNodes, vars);
    expect(narrow.selects.some((q) => /j__createdAt/.test(q))).toBe(false);
    expect([narrow.data.a.__typename, narrow.data.r.__typename, narrow.data.e.__typename, narrow.data.d.__typename])
      .toEqual(['Actor', 'RequestResponse', 'Evidence', 'Document']);
    // A wide column asked only through node(id:) widens the page's rows too.
    const wideNodes = `query ($a: ID!, $e: ID!) { ${PAGE}
      a: node(id: $a) { ... on Actor { description updatedAt } }
      e: node(id: $e) { ... on Evidence { supports { __typename id } } } }`;
    const { narrow: widenedByNode } = await both(wideNodes, { a: actor, e: span.id });
    expect(widenedByNode.data.a.updatedAt).toEqual(expect.any(String));
    expect(widenedByNode.data.e.supports).toEqual({ __typename: 'RequestItem', id: expect.any(String) });
    const alone = await s.gql('query ($a: ID!, $e: ID!) { a: node(id: $a) { ... on Actor { description updatedAt } } e: node(id: $e) { ... on Evidence { supports { __typename id } } } }', { a: actor, e: span.id });
    expect(widenedByNode.data.a).toEqual(alone.data.a);
    expect(widenedByNode.data.e).toEqual(alone.data.e);
  });

  it('the deep query answers the same narrow and whole', async () => {
    for (const excluded of [null, false, true]) await both(PLAIN_LIST, { n: 20, excluded, on: true });
  });
});
