/**
 * `node(id:)` and `nodes(ids:)` read only the columns the operation needs of a request (the narrow row
 * of src/loaders/index.ts), and answer exactly as a read of every column does: a field outside the
 * narrow row (its version, timestamps, date bounds) makes the operation read the whole row.
 */
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let ids: string[];
beforeAll(async () => {
  s = await startTestServer();
  ids = ok(await s.gql('{ requests(first: 3) { edges { node { id } } } }')).requests.edges.map((e: { node: { id: string } }) => e.node.id);
});
afterAll(async () => { await s.close(); });

const requestStatements = () => s.queries.filter((q) => /FROM "Request" t/.test(q));
const columnsOf = (sql: string) => /^SELECT (.*?) FROM/.exec(sql)![1]!.split(', ').map((c) => c.replace(/^t\./, '').replace(/"/g, ''));
const WIDE = 'id slug summary date datePrecision dateNote channel status version createdAt updatedAt madeAt { id }';

it('reads the narrow row of a request for the fields a node query shows', async () => {
  s.queries.length = 0;
  const narrow = ok(await s.gql('query ($id: ID!) { node(id: $id) { id ... on Request { summary status date } } }', { id: ids[0] })).node;
  const [sql] = requestStatements();
  expect(sql).toBeDefined();
  const columns = columnsOf(sql!);
  expect(columns).toEqual(expect.arrayContaining(['id', 'summary', 'status', 'date', 'channel']));
  for (const c of ['createdAt', 'updatedAt', 'version', 'dateMin', 'dateMax', 'dateNote']) expect(columns).not.toContain(c);
  const wide = ok(await s.gql(`query ($id: ID!) { node(id: $id) { id ... on Request { ${WIDE} } } }`, { id: ids[0] })).node;
  expect(narrow).toEqual({ id: wide.id, summary: wide.summary, status: wide.status, date: wide.date });
});

it('reads every column when a field outside the narrow row is asked for, and answers it', async () => {
  s.queries.length = 0;
  const wide = ok(await s.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Request { ${WIDE} } } }`, { ids })).nodes;
  expect(columnsOf(requestStatements()[0]!)).toEqual(expect.arrayContaining(['createdAt', 'updatedAt', 'version', 'dateNote']));
  expect(wide).toHaveLength(ids.length);
  for (const n of wide) {
    expect(n.version).toBeGreaterThanOrEqual(1);
    expect(Date.parse(n.createdAt)).not.toBeNaN();
    expect(n.channel).toEqual(expect.any(String));
  }
  // The same nodes through the narrow read answer the same values for what they share.
  const narrow = ok(await s.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Request { slug summary status channel date datePrecision } } }', { ids })).nodes;
  expect(narrow).toEqual(wide.map((n: Record<string, unknown>) => ({ id: n.id, slug: n.slug, summary: n.summary, status: n.status, channel: n.channel, date: n.date, datePrecision: n.datePrecision })));
});

it('a node of another type in the same operation still answers every field', async () => {
  const doc = ok(await s.gql('{ documents(first: 1) { edges { node { id } } } }')).documents.edges[0].node.id;
  const both = ok(await s.gql(`query ($r: ID!, $d: ID!) { r: node(id: $r) { ... on Request { summary } } d: node(id: $d) { ... on Document { title wordCount } } }`, { r: ids[0], d: doc }));
  expect(both.r.summary).toEqual(expect.any(String));
  expect(both.d.wordCount).toBeGreaterThan(0);
});
