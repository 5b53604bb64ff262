/**
 * DataLoader batching: a nested query costs one SQL statement per relation level, however many parents
 * the page holds. The same query with a page of 1 and a page of all records must run the same number of
 * SELECTs, and that number must stay under a fixed bound.
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { testStore } from '../helpers/db.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

/** Runs a query and returns the SELECT statements it ran (Prisma may add PRAGMAs, BEGIN/COMMIT…). */
async function selectsOf(query: string, variables: Record<string, unknown>) {
  s.queries.length = 0;
  const r = await s.gql(query, variables);
  expect(r.errors).toBeUndefined();
  const selects = s.queries.filter((q) => /^\s*SELECT\b/i.test(q));
  return { data: r.data, selects };
}

/** A readable failure message: the counts and the statements (table and filter only). */
function describeRun(label: string, selects: string[]) {
  const short = selects.map((q) => q.replace(/\s+/g, ' ').replace(/^SELECT .*? FROM /i, 'FROM ').slice(0, 160));
  return `${label}: ${selects.length} SELECTs\n  ${short.join('\n  ')}`;
}

/**
 * Where the stores differ on purpose: over SQLite every statement of one level completes in the same
 * tick, so each DataLoader is asked once per level and the count is exact. Over PostgreSQL independent
 * round trips (evidence by request and by response, say) finish at different moments, so a loader reached
 * by two paths may be asked twice: the count still does not grow with the page, but can differ by a
 * few between runs. There the test allows that many more, and no more.
 */
const SPLIT_BATCHES = testStore === 'postgresql' ? 3 : 0;

function expectSameCount(small: string[], large: string[], bound: number) {
  const message = `${describeRun('small page', small)}\n${describeRun('large page', large)}\nbound: ${bound} (+${SPLIT_BATCHES})`;
  if (Math.abs(small.length - large.length) > SPLIT_BATCHES || large.length > bound + SPLIT_BATCHES) throw new Error(message);
  expect(Math.abs(large.length - small.length)).toBeLessThanOrEqual(SPLIT_BATCHES);
  expect(large.length).toBeLessThanOrEqual(bound + SPLIT_BATCHES);
}

describe('requests with their parties, items, responses and evidence', () => {
  const QUERY = `query ($n: Int) { requests(first: $n) { edges { node {
    requesters { name }
    addressees { name }
    items { category evidence { quote document { title } } }
    responses { stance responder { name } evidence { quote document { title } } }
    evidence { edges { node { quote document { title } } } }
  } } } }`;

  /*
   * One SELECT per relation level, whatever the page size (measured: 7):
   *   1 requests page
   *   1 parties (requesters and addressees share one loader), joined to their actors
   *   1 items        1 item evidence, joined to its documents
   *   1 responses, joined to their responders    1 response evidence, joined to its documents
   *   1 request evidence, joined to its documents
   * (the joins prime the actor and document loaders: no level of lookups by id follows).
   * The bound adds a margin of 1; a query per request or per item would exceed it at once.
   */
  const BOUND = 8;

  it('runs the same number of SELECTs for 1 request and for all 6, within the bound', async () => {
    const one = await selectsOf(QUERY, { n: 1 });
    const all = await selectsOf(QUERY, { n: 6 });
    expect(one.data.requests.edges).toHaveLength(1);
    expect(all.data.requests.edges).toHaveLength(6);
    // The large page really does fan out: many items, responses and evidence spans.
    const nodes = all.data.requests.edges.map((e: { node: any }) => e.node);
    expect(nodes.flatMap((n: any) => n.items)).toHaveLength(17);
    expect(nodes.flatMap((n: any) => n.responses)).toHaveLength(26);
    expect(nodes.flatMap((n: any) => n.evidence.edges).length).toBeGreaterThan(10);
    expectSameCount(one.selects, all.selects, BOUND);
  });

  it('the first request alone needs every level too (so the comparison is fair)', async () => {
    const one = await selectsOf(QUERY, { n: 1 });
    const node = one.data.requests.edges[0].node;
    // The undated request comes first: it has items and responses with evidence.
    expect(node.items.length).toBeGreaterThan(0);
    expect(node.responses.length).toBeGreaterThan(0);
    expect(node.responses[0].evidence.length).toBeGreaterThan(0);
  });
});

describe('the benchmark\'s nested request page', () => {
  const QUERY = `query ($n: Int) { requests(first: $n) { edges { node { id summary status date
    requesters { name } addressees { name }
    items { category excluded evidence { quote document { title } } }
    responses { stance responder { name } } } } } }`;

  /*
   * As many statements as the hand-written floor (bench/operations.ts), 5: the page; parties joined to
   * their actors; items; responses joined to their responders; item evidence joined to its documents.
   * The joined rows prime the actor and document loaders, so no level of lookups by id follows.
   */
  it('runs 5 SELECTs, the floor\'s count, for 1 request and for all 6', async () => {
    const read = async (n: number) => {
      const r = await selectsOf(QUERY, { n });
      // The response cache's data-version read is not part of the operation.
      return { ...r, selects: r.selects.filter((q) => !/FROM "DataVersion"/.test(q)) };
    };
    const one = await read(1);
    const all = await read(6);
    expect(all.data.requests.edges.flatMap((e: any) => e.node.items.flatMap((i: any) => i.evidence)).length).toBeGreaterThan(5);
    expect(all.data.requests.edges.every((e: any) => e.node.requesters.length > 0 && e.node.addressees.length > 0)).toBe(true);
    if (one.selects.length !== 5) throw new Error(describeRun('one request', one.selects));
    expectSameCount(one.selects, all.selects, 5);
  });
});

describe('actors with their aliases, roles, memberships and mentions', () => {
  const QUERY = `query ($n: Int) { actors(first: $n) { edges { node {
    aliases
    roles { title of { name } }
    memberOf { to { name } }
    mentions(first: 3) { edges { node { quote document { slug } } } }
  } } } }`;

  /*
   * One SELECT per relation level (measured: 7):
   *   1 actors page
   *   1 aliases   1 roles   1 relations (memberOf)   1 mentions (evidence by actor)
   *   1 actors for roles.of and memberOf.to (one loader)
   *   1 documents of the mentions
   * The bound adds a margin of 1.
   */
  const BOUND = 8;

  it('runs the same number of SELECTs for 5 actors and for 50, within the bound', async () => {
    const five = await selectsOf(QUERY, { n: 5 });
    const fifty = await selectsOf(QUERY, { n: 50 });
    expect(five.data.actors.edges).toHaveLength(5);
    expect(fifty.data.actors.edges).toHaveLength(50);
    const nodes = fifty.data.actors.edges.map((e: { node: any }) => e.node);
    expect(nodes.filter((n: any) => n.memberOf.length > 0).length).toBeGreaterThan(20);
    expect(nodes.filter((n: any) => n.roles.length > 0).length).toBeGreaterThan(5);
    const fiveNodes = five.data.actors.edges.map((e: { node: any }) => e.node);
    // The small page has roles or memberships too, so both runs resolve every level.
    expect(fiveNodes.some((n: any) => n.memberOf.length > 0)).toBe(true);
    expectSameCount(five.selects, fifty.selects, BOUND);
  });
});

describe('lists filtered by an actor, with matchedVia', () => {
  const QUERY = `query ($n: Int) {
    requests(first: $n, filter: { actor: "nato" }) { edges { node { slug } matchedVia { via principal { slug } actor { slug } role { title } } } }
    timeline(first: $n, actors: ["iraq", "nato"]) { edges { date matchedVia { via actor { slug } } } }
  }`;

  /*
   * Measured: 10 SELECTs, whatever the page size once every kind of entry is on it (the affiliation
   * statements start with WITH and are not counted here: one per list):
   *   1 actors by slug (both lists' references in one batch)
   *   1 timeline page   1 requests page   1 request rows (list and timeline entries share the loader)
   *   1 events   1 responses   1 parties   1 participants   1 actors of the matches
   *   1 roles is not needed (no role asked in the timeline; the requests list's matches have none)
   * The bound adds a margin; a query per edge would exceed it at once.
   */
  const BOUND = 12;

  it('runs the same number of SELECTs for 40 entries and for 100, within the bound', async () => {
    const some = await selectsOf(QUERY, { n: 40 });
    const many = await selectsOf(QUERY, { n: 100 });
    expect(many.data.timeline.edges.length).toBeGreaterThan(40);
    expect(many.data.requests.edges.every((e: any) => e.matchedVia.length > 0)).toBe(true);
    expect(some.data.timeline.edges.every((e: any) => e.matchedVia.length > 0)).toBe(true);
    expectSameCount(some.selects, many.selects, BOUND);
  });
});
