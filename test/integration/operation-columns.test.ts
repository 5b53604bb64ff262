/**
 * The statements of an operation read only the columns it needs of each row (src/resolvers/shapes.ts):
 * the root lists' pages and the relations' statements, joined rows included. Each operation here is
 * compared with itself made to read whole rows — a root field the analysis does not know
 * (`stats`) makes every statement read every column — edges, cursors and pageInfo alike, and paged on
 * from a cursor the narrow page returned. Over HTTP, on SQLite or PostgreSQL
 * (`npm run test:postgres -- <file>`).
 */
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';
import { narrowAndWide } from '../helpers/narrow-wide.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());


/** The SELECTs an operation sent (without the response cache's data-version read). */
async function run(query: string, variables: Record<string, unknown> = {}) {
  s.queries.length = 0;
  const r = await s.gql(query, variables);
  return { ...r, selects: s.queries.filter((q) => /^\s*SELECT\b/i.test(q) && !/FROM "DataVersion"/.test(q)) };
}

/** `query` narrow and made wide: the same data but for the widening field; both runs returned. */
const both = narrowAndWide(run, 'widen: stats { documents }', (widen) => expect(widen.documents).toBeGreaterThan(0));

/** The columns of `table` a statement selects directly (`t."c"`), and those of the row it joins (`AS "j__c"`). */
function columnsOf(sql: string) {
  const list = /SELECT\s+(.*?)\s+FROM/s.exec(sql.replace(/SELECT \* FROM \(/g, ''))![1]!;
  return {
    own: [...list.matchAll(/(?:^|, )t\."(\w+)"(?! AS "j__)/g)].map((m) => m[1]!),
    joined: [...list.matchAll(/AS "j__(\w+)"/g)].map((m) => m[1]!),
    all: list.trim() === 't.*',
  };
}
const statementOn = (selects: string[], table: string) => selects.find((q) => new RegExp(`FROM "${table}" t\\b`).test(q))!;

describe('the nested page of requests', () => {
  const PAGE = `{ requests(first: 50) { edges { cursor node { id summary status date
    requesters { name } addressees { name }
    items { category excluded evidence { quote document { title } } }
    responses { stance responder { name } } } } pageInfo { endCursor hasNextPage } } }`;

  it('reads the columns shown, the keys the loaders group and join by, and nothing else', async () => {
    const { narrow, wide } = await both(PAGE);
    expect(narrow.selects).toHaveLength(5);
    const of = (table: string) => columnsOf(statementOn(narrow.selects, table));
    expect(of('Request').own.sort()).toEqual(['date', 'id', 'status', 'summary']);
    // A joined row's foreign key is read once, as the joined row's id.
    expect(of('RequestParty')).toMatchObject({ own: ['id', 'requestId', 'side'], joined: ['id', 'name'] });
    expect(of('RequestItem').own).toEqual(['id', 'requestId', 'category', 'excluded']);
    // The quote's span (start, end, document) for a quote too long to store: read from the body then.
    expect(of('Evidence')).toMatchObject({ own: ['id', 'start', 'end', 'quote', 'itemId'], joined: ['id', 'title'] });
    expect(of('RequestResponse')).toMatchObject({ own: ['id', 'requestId', 'stance'], joined: ['id', 'name'] });
    // Made wide, every statement reads every column (Document's but its body).
    expect(columnsOf(statementOn(wide.selects, 'Request')).all).toBe(true);
    expect(columnsOf(statementOn(wide.selects, 'Evidence')).joined).toContain('contentHash');
    expect(columnsOf(statementOn(wide.selects, 'Evidence')).joined).not.toContain('body');
    expect(columnsOf(statementOn(wide.selects, 'RequestParty')).own).toContain('onBehalfOfId');
  });

  it('pages on from a narrow page\'s cursor as from a whole one\'s', async () => {
    const first = ok(await s.gql('{ requests(first: 2) { edges { cursor node { id } } pageInfo { endCursor } } }')).requests;
    const next = `query ($c: String) { requests(first: 2, after: $c) { edges { cursor node { id summary } } pageInfo { endCursor hasNextPage hasPreviousPage } } }`;
    const { narrow } = await both(next, { c: first.pageInfo.endCursor });
    expect(narrow.data.requests.edges).toHaveLength(2);
  });

  it('reads whole rows for an operation with a field it does not know', async () => {
    const { wide } = await both(PAGE);
    const actorColumns = columnsOf(statementOn(wide.selects, 'RequestResponse')).joined;
    expect(actorColumns).toEqual(expect.arrayContaining(['slug', 'description', 'createdAt', 'updatedAt']));
    expect(columnsOf(statementOn(wide.selects, 'RequestItem')).own).toContain('description');
  });
});

describe('root lists of events', () => {
  let kind: string;
  let actor: string;
  beforeAll(async () => {
    const events = ok(await s.gql('{ events(first: 100) { edges { node { kind participants { actor { id } } } } } }')).events.edges;
    kind = events[0].node.kind;
    actor = events.find((e: any) => e.node.participants.length > 0).node.participants[0].actor.id;
  });

  const NODE = 'edges { cursor node { id title start } } pageInfo { endCursor hasNextPage hasPreviousPage startCursor }';
  const cases: [string, string, () => Record<string, unknown>][] = [
    ['by kind', `query ($k: EventKind!) { events(first: 50, filter: { kind: [$k] }) { ${NODE} } }`, () => ({ k: kind })],
    ['by actor', `query ($a: ID!) { events(first: 50, filter: { actor: $a, affiliated: false }) { ${NODE} } }`, () => ({ a: actor })],
    ['by actor and its affiliates', `query ($a: ID!) { events(first: 50, filter: { actor: $a }) { edges { node { id title start } matchedVia { via } } } }`, () => ({ a: actor })],
    ['by dates', `{ events(first: 50, filter: { from: "2004", to: "2014-06" }) { ${NODE} } }`, () => ({})],
    ['by title, last first', `{ events(last: 3, orderBy: { field: TITLE }) { ${NODE} } }`, () => ({})],
    ['with a location', `{ events(first: 50) { edges { node { id location { name countryCode } } } } }`, () => ({})],
  ];

  it.each(cases)('%s: reads only the columns shown and its sort key, and answers as with whole rows', async (_, query, vars) => {
    const { narrow, wide } = await both(query, vars());
    const page = columnsOf(statementOn(narrow.selects, 'Event'));
    expect(page.all).toBe(false);
    expect(page.own).toContain('id');
    expect(page.own).not.toContain('createdAt');
    expect(page.own).not.toContain('summary');
    expect(columnsOf(statementOn(wide.selects, 'Event')).all).toBe(true);
    const edges = narrow.data.events.edges;
    expect(edges.length).toBeGreaterThan(0);
  });

  it('pages on from a narrow page\'s cursor, forwards and backwards, as from a whole one', async () => {
    for (const query of [
      `query ($c: String) { events(first: 2, after: $c) { ${NODE} } }`,
      `query ($c: String) { events(last: 2, before: $c, filter: { from: "2004" }) { ${NODE} } }`,
    ]) {
      const start = await both(query, { c: null });
      const cursor = start.narrow.data.events.pageInfo.endCursor;
      const { narrow } = await both(query, { c: cursor });
      expect(narrow.data.events.edges.length).toBeGreaterThan(0);
    }
  });

  it('a row reached as a Node in the same operation carries the columns that tell its type', async () => {
    const id = ok(await s.gql('{ events(first: 1) { edges { node { id } } } }')).events.edges[0].node.id;
    const query = `query ($id: ID!) { events(first: 5) { edges { node { id } } } node(id: $id) { __typename id ... on Event { title } } }`;
    const { narrow } = await both(query, { id });
    expect(narrow.data.node.__typename).toBe('Event');
  });
});
