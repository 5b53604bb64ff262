/**
 * Relay cursor pagination: forwards (first/after) and backwards (last/before) through root lists and
 * nested connections, ties on the sort key, nulls, DESC order, pageInfo, totalCount and bad arguments.
 * Every walk is compared with the whole list fetched in one page.
 */
import { startTestServer, type TestServer, ok, refused } from '../helpers/server.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});


interface PageInfo { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
interface Conn { totalCount: number; pageInfo: PageInfo; edges: { cursor: string; node: { id: string } }[] }

/** The connection in a result, found by a path of field names. */
const at = (data: any, path: string[]): Conn => path.reduce((o, k) => o[k], data);

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';
const ARGS = 'first: $first, after: $after, last: $last, before: $before';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';

interface Walk { pages: string[][]; infos: PageInfo[]; totals: number[] }

/**
 * Walks a connection to its end, forwards (first/after) or backwards (last/before), checking each
 * page's pageInfo against its edges. `query` takes $first/$after/$last/$before.
 */
async function walk(query: string, path: string[], size: number, backward = false, extra: Record<string, unknown> = {}): Promise<Walk> {
  const out: Walk = { pages: [], infos: [], totals: [] };
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const vars = backward ? { last: size, before: cursor } : { first: size, after: cursor };
    const conn = at(ok(await s.gql(query, { ...extra, ...vars })), path);
    out.pages.push(conn.edges.map((e) => e.node.id));
    out.infos.push(conn.pageInfo);
    out.totals.push(conn.totalCount);
    expect(conn.edges.length).toBeLessThanOrEqual(size);
    expect(conn.pageInfo.startCursor).toBe(conn.edges[0]?.cursor ?? null);
    expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
    const more = backward ? conn.pageInfo.hasPreviousPage : conn.pageInfo.hasNextPage;
    if (!more) return out;
    expect(conn.edges).toHaveLength(size);
    cursor = backward ? conn.pageInfo.startCursor : conn.pageInfo.endCursor;
  }
  throw new Error('paging did not end after 200 pages');
}

/** Ids of the whole list in one page (at most 100). */
async function all(query: string, path: string[], extra: Record<string, unknown> = {}): Promise<string[]> {
  const conn = at(ok(await s.gql(query, { ...extra, first: 100 })), path);
  expect(conn.pageInfo.hasNextPage).toBe(false);
  expect(conn.edges).toHaveLength(conn.totalCount);
  return conn.edges.map((e) => e.node.id);
}

/** Forwards pages concatenate to the list; backwards pages, taken in reverse order, do too. */
function expectSameList(w: Walk, full: string[], backward = false) {
  const flat = (backward ? [...w.pages].reverse() : w.pages).flat();
  expect(new Set(flat).size).toBe(flat.length); // no duplicates
  expect(flat).toEqual(full); // none missing, same order
}

describe('actors (57) in pages of 7', () => {
  const Q = `query (${VARS}, $order: ActorOrder) { actors(${ARGS}, orderBy: $order) { ${PAGE} } }`;

  it('forwards with first/after: every actor once, in order, with consistent pageInfo and totalCount', async () => {
    const full = await all(Q, ['actors']);
    expect(full).toHaveLength(57);
    const w = await walk(Q, ['actors'], 7);
    expect(w.pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 1]);
    expectSameList(w, full);
    expect(w.totals.every((t) => t === 57)).toBe(true);
    expect(w.infos.map((i) => i.hasNextPage)).toEqual([true, true, true, true, true, true, true, true, false]);
    // After a cursor there are items before the page.
    expect(w.infos.map((i) => i.hasPreviousPage)).toEqual([false, true, true, true, true, true, true, true, true]);
  });

  it('backwards with last/before: the same set, page by page from the end', async () => {
    const full = await all(Q, ['actors']);
    const w = await walk(Q, ['actors'], 7, true);
    expect(w.pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 1]);
    expectSameList(w, full, true);
    // The first backward page holds the last 7 actors, in list order.
    expect(w.pages[0]).toEqual(full.slice(-7));
    expect(w.infos.map((i) => i.hasPreviousPage)).toEqual([true, true, true, true, true, true, true, true, false]);
    expect(w.infos.map((i) => i.hasNextPage)).toEqual([false, true, true, true, true, true, true, true, true]);
  });

  it('orderBy NAME DESC pages to the reverse of ASC', async () => {
    const asc = await all(Q, ['actors']);
    const order = { field: 'NAME', direction: 'DESC' };
    const desc = await all(Q, ['actors'], { order });
    expect(desc).toEqual([...asc].reverse());
    expectSameList(await walk(Q, ['actors'], 7, false, { order }), desc);
    expectSameList(await walk(Q, ['actors'], 7, true, { order }), desc, true);
  });

  it('orderBy CREATED_AT: the seed gives every actor the same timestamp, so pages rely on the id tie-break', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const order = { field: 'CREATED_AT', direction };
      const full = await all(Q, ['actors'], { order });
      expect(full).toHaveLength(57);
      expectSameList(await walk(Q, ['actors'], 7, false, { order }), full);
      expectSameList(await walk(Q, ['actors'], 7, true, { order }), full, true);
    }
  });

  it('first: 0 returns no edges but tells whether there are any', async () => {
    const conn = at(ok(await s.gql(Q, { first: 0 })), ['actors']);
    expect(conn.edges).toEqual([]);
    expect(conn.totalCount).toBe(57);
    expect(conn.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('a page past the end is empty', async () => {
    const full = at(ok(await s.gql(Q, { first: 100 })), ['actors']);
    const conn = at(ok(await s.gql(Q, { first: 5, after: full.pageInfo.endCursor })), ['actors']);
    expect(conn.edges).toEqual([]);
    expect(conn.pageInfo.hasNextPage).toBe(false);
    expect(conn.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe('ties and nulls on the sort key', () => {
  const EVENTS = `query (${VARS}, $order: EventOrder) { events(${ARGS}, orderBy: $order) { ${PAGE} } }`;
  const REQUESTS = `query (${VARS}, $order: RequestOrder) { requests(${ARGS}, orderBy: $order) { ${PAGE} } }`;

  it('events by START (one undated, several sharing a start) one at a time, forwards and backwards', async () => {
    const starts = ok(await s.gql('{ events(first: 100) { edges { node { start } } } }')).events.edges.map((e: { node: { start: string | null } }) => e.node.start);
    // The ties the walk has to get through.
    expect(starts.filter((x: string | null) => x === null)).toHaveLength(1);
    expect(starts.filter((x: string | null) => x === '2004-06')).toHaveLength(3);
    expect(starts.filter((x: string | null) => x === '2004-06-28')).toHaveLength(2);
    const full = await all(EVENTS, ['events']);
    expect(full).toHaveLength(34);
    const fwd = await walk(EVENTS, ['events'], 1);
    expect(fwd.pages).toHaveLength(34);
    expectSameList(fwd, full);
    const back = await walk(EVENTS, ['events'], 1, true);
    expectSameList(back, full, true);
  });

  it('events by START DESC (the undated event last), one at a time, and in pages of 5', async () => {
    const order = { field: 'START', direction: 'DESC' };
    const asc = await all(EVENTS, ['events']);
    const full = await all(EVENTS, ['events'], { order });
    // Ties are broken by id in the sort direction, so DESC is exactly ASC reversed.
    expect(full).toEqual([...asc].reverse());
    expectSameList(await walk(EVENTS, ['events'], 1, false, { order }), full);
    expectSameList(await walk(EVENTS, ['events'], 1, true, { order }), full, true);
    expectSameList(await walk(EVENTS, ['events'], 5, false, { order }), full);
    expectSameList(await walk(EVENTS, ['events'], 5, true, { order }), full, true);
  });

  it('events by TITLE in pages of 3', async () => {
    const order = { field: 'TITLE' };
    const full = await all(EVENTS, ['events'], { order });
    expectSameList(await walk(EVENTS, ['events'], 3, false, { order }), full);
    expectSameList(await walk(EVENTS, ['events'], 3, true, { order }), full, true);
  });

  it('requests by DATE (one undated, two in 2004-06), both directions, ASC and DESC', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const order = { field: 'DATE', direction };
      const full = await all(REQUESTS, ['requests'], { order });
      expect(full).toHaveLength(6);
      expectSameList(await walk(REQUESTS, ['requests'], 1, false, { order }), full);
      expectSameList(await walk(REQUESTS, ['requests'], 1, true, { order }), full, true);
    }
  });

  it('documents by PUBLISHED and CREATED_AT (all created at once) in pages of 2', async () => {
    const DOCS = `query (${VARS}, $order: DocumentOrder) { documents(${ARGS}, orderBy: $order) { ${PAGE} } }`;
    for (const order of [{ field: 'PUBLISHED' }, { field: 'PUBLISHED', direction: 'DESC' }, { field: 'CREATED_AT' }, { field: 'TITLE', direction: 'DESC' }]) {
      const full = await all(DOCS, ['documents'], { order });
      expect(full).toHaveLength(5);
      expectSameList(await walk(DOCS, ['documents'], 2, false, { order }), full);
      expectSameList(await walk(DOCS, ['documents'], 2, true, { order }), full, true);
    }
  });
});

describe('nested connections', () => {
  it('Actor.mentions forwards and backwards', async () => {
    const Q = `query (${VARS}) { actor(slug: "nato") { mentions(${ARGS}) { ${PAGE} } } }`;
    const full = await all(Q, ['actor', 'mentions']);
    expect(full.length).toBeGreaterThan(10);
    const fwd = await walk(Q, ['actor', 'mentions'], 4);
    expectSameList(fwd, full);
    expect(fwd.totals.every((t) => t === full.length)).toBe(true);
    expectSameList(await walk(Q, ['actor', 'mentions'], 4, true), full, true);
  });

  it('Actor.coMentions (sorted by count, descending) forwards and backwards', async () => {
    const Q = `query (${VARS}) { actor(slug: "nato") { coMentions(${ARGS}) { ${PAGE} } } }`;
    const full = await all(Q, ['actor', 'coMentions']);
    expect(full).toHaveLength(56);
    expectSameList(await walk(Q, ['actor', 'coMentions'], 8), full);
    expectSameList(await walk(Q, ['actor', 'coMentions'], 8, true), full, true);
  });

  it('Document.actors (sorted by mention count) forwards and backwards', async () => {
    const Q = `query (${VARS}) { document(slug: "000_86de1592ab15966e") { actors(${ARGS}) { ${PAGE} } } }`;
    const full = await all(Q, ['document', 'actors']);
    expect(full).toHaveLength(18);
    expectSameList(await walk(Q, ['document', 'actors'], 4), full);
    expectSameList(await walk(Q, ['document', 'actors'], 4, true), full, true);
  });

  // The RFE/RL story has 95 spans; several start at the same offset (a short quote inside a longer one).
  it('Document.evidence forwards and backwards', async () => {
    const Q = `query (${VARS}) { document(slug: "001_406679a407a0dddd") { evidence(${ARGS}) { ${PAGE} } } }`;
    const full = await all(Q, ['document', 'evidence']);
    expect(full).toHaveLength(95);
    const fwd = await walk(Q, ['document', 'evidence'], 7);
    expectSameList(fwd, full);
    expect(fwd.pages).toHaveLength(14);
    expectSameList(await walk(Q, ['document', 'evidence'], 7, true), full, true);
  });

  it('Document.evidence of a document with more than 100 spans can be read whole by paging', async () => {
    const Q = `query (${VARS}) { document(slug: "002_747cff529a1d3125") { evidence(${ARGS}) { ${PAGE} } } }`;
    const [row] = await s.t.db.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT COUNT(*) AS n FROM "Evidence" e JOIN "Document" d ON d."id" = e."documentId" WHERE d."slug" = '002_747cff529a1d3125'`,
    );
    const total = Number(row!.n);
    expect(total).toBeGreaterThan(100);
    for (const size of [100, 10]) {
      const w = await walk(Q, ['document', 'evidence'], size);
      const flat = w.pages.flat();
      expect(new Set(flat).size).toBe(flat.length);
      expect(flat).toHaveLength(total);
    }
  });

  it('Request.evidence and Actor.events forwards and backwards', async () => {
    const R = `query (${VARS}) { request(slug: "allawi-2004-nato-assistance") { evidence(${ARGS}) { ${PAGE} } } }`;
    const rFull = await all(R, ['request', 'evidence']);
    expectSameList(await walk(R, ['request', 'evidence'], 2), rFull);
    expectSameList(await walk(R, ['request', 'evidence'], 2, true), rFull, true);
    const A = `query (${VARS}) { actor(slug: "nato") { events(${ARGS}) { ${PAGE} } } }`;
    const aFull = await all(A, ['actor', 'events']);
    expectSameList(await walk(A, ['actor', 'events'], 3), aFull);
    expectSameList(await walk(A, ['actor', 'events'], 3, true), aFull, true);
  });
});

describe('bad paging arguments are BAD_USER_INPUT', () => {
  const Q = `query (${VARS}) { actors(${ARGS}) { edges { node { id } } } }`;
  const NESTED = `query (${VARS}) { actor(slug: "nato") { mentions(${ARGS}) { edges { node { id } } } } }`;

  it.each([
    ['first: 101', { first: 101 }],
    ['first: -1', { first: -1 }],
    ['last: 101', { last: 101 }],
    ['last: -1', { last: -1 }],
    ['first and last together', { first: 2, last: 2 }],
    ['after with last', { last: 2, after: 'WyJBIiwiYSJd' }],
    ['before with first', { first: 2, before: 'WyJBIiwiYSJd' }],
    ['a malformed after cursor', { first: 2, after: 'not a cursor!' }],
    ['a malformed before cursor', { last: 2, before: '%%%' }],
    ['a cursor that is base64 of something else', { first: 2, after: Buffer.from('{"a":1}').toString('base64url') }],
    ['a cursor of the wrong shape', { first: 2, after: Buffer.from('[1,2,3]').toString('base64url') }],
  ])('%s', async (_label, vars) => {
    refused(await s.gql(Q, vars), 'BAD_USER_INPUT');
    refused(await s.gql(NESTED, vars), 'BAD_USER_INPUT');
  });

  it('first: 100 and last: 100 are accepted', async () => {
    expect(ok(await s.gql(Q, { first: 100 })).actors.edges).toHaveLength(57);
    expect(ok(await s.gql(Q, { last: 100 })).actors.edges).toHaveLength(57);
  });
});
