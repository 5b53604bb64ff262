/**
 * The compiled executor (graphql-jit, src/server/executor.ts) answers exactly as graphql-js does: two
 * servers over one seeded database, one per GRAPHQL_EXECUTOR, get the same operations over HTTP and must
 * return the same status and the same body, byte for byte — data, errors (message, locations, path,
 * extensions) and their order — across successes, field errors, variable coercion errors, abstract types,
 * `node`/`nodes`, fragments, aliases, @include/@skip, introspection and refused mutations.
 */
import { loadConfig, type Config } from '../../src/config.ts';
import { executorStats } from '../../src/server/executor.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { createLogger } from '../../src/server/logger.ts';
import { seededDb, type TestDb } from '../helpers/db.ts';

const AFP_2004 = '000_86de1592ab15966e';

let t: TestDb;
let compiled: RunningServer;
let graphqlJs: RunningServer;

beforeAll(async () => {
  t = await seededDb();
  const base: Config = { ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1', databaseUrl: t.url, responseCacheMb: 0 };
  compiled = await startServer({ ...base, executor: 'compiled' }, t.db, createLogger('silent'));
  graphqlJs = await startServer({ ...base, executor: 'graphql-js' }, t.db, createLogger('silent'));
}, 60_000);

afterAll(async () => {
  await compiled?.close();
  await graphqlJs?.close();
  await t?.close();
});

async function raw(server: RunningServer, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.text() };
}

/** Sends one request to both servers and returns both answers. */
async function both(body: unknown, headers?: Record<string, string>) {
  return { compiled: await raw(compiled, body, headers), graphqlJs: await raw(graphqlJs, body, headers) };
}

/** Ids to ask for, read from the API itself. */
async function ids() {
  const r = JSON.parse((await raw(graphqlJs, { query: `{
    document(slug: "${AFP_2004}") { id }
    actors(first: 2) { edges { node { id } } }
    events(first: 1) { edges { node { id } } }
    requests(first: 1) { edges { node { id slug } } }
  }` })).body);
  return {
    document: r.data.document.id as string,
    actors: r.data.actors.edges.map((e: { node: { id: string } }) => e.node.id) as string[],
    event: r.data.events.edges[0].node.id as string,
    request: r.data.requests.edges[0].node as { id: string; slug: string },
  };
}

type Case = [name: string, body: { query: string; variables?: Record<string, unknown>; operationName?: string }, expect: 'data' | 'errors' | 'both'];

async function cases(): Promise<Case[]> {
  const id = await ids();
  const nodeFields = `
    __typename id
    ... on Document { title published }
    ... on Actor { name kind }
    ... on Event { title start }
    ... on Request { slug status }`;
  return [
    ['a title list', { query: '{ documents(first: 5) { totalCount edges { cursor node { id title published } } pageInfo { hasNextPage endCursor } } }' }, 'data'],
    ['aliases, fragments and __typename', {
      query: `query Two { a: documents(first: 2) { ...Page } b: documents(first: 1, orderBy: { field: TITLE, direction: ASC }) { ...Page } }
        fragment Page on DocumentConnection { __typename totalCount edges { node { ...Doc } } }
        fragment Doc on Document { __typename id title }`,
    }, 'data'],
    ['node and nodes over every kind, through an interface', {
      query: `query ($d: ID!, $ids: [ID!]!) { node(id: $d) { ${nodeFields} } nodes(ids: $ids) { ${nodeFields} } }`,
      variables: { d: id.document, ids: [...id.actors, id.event, id.request.id, 'RG9jdW1lbnQ6bm9uZQ'] },
    }, 'data'],
    ['a malformed node id (a field error)', { query: '{ node(id: "not-an-id") { id } }' }, 'errors'],
    ['a union: the timeline of an actor', {
      query: `query ($a: ID) { timeline(actor: $a, first: 10) { totalCount edges { date node { __typename
        ... on Event { id title } ... on Request { id slug } ... on RequestResponse { id date stance } } } } }`,
      variables: { a: id.actors[0] },
    }, 'data'],
    ['evidence: the interface of what it supports', {
      query: `{ document(slug: "${AFP_2004}") { evidence(first: 5) { totalCount edges { node { quote start end supports { __typename id } } } } } }`,
    }, 'data'],
    ['the nested request page', {
      query: `{ requests(first: 5) { totalCount edges { node { id slug summary status date requesters { name } addressees { name }
        items { category excluded evidence { quote document { title } } } responses { stance responder { name } } } } } }`,
    }, 'data'],
    ['@include and @skip by variables', {
      query: `query ($with: Boolean!, $without: Boolean!) { documents(first: 3) { totalCount @skip(if: $without)
        edges { node { id title @include(if: $with) published @skip(if: $with) ... on Document @include(if: $without) { slug } } } } }`,
      variables: { with: true, without: false },
    }, 'data'],
    ['@include and @skip, the other way round', {
      query: `query ($with: Boolean!, $without: Boolean!) { documents(first: 3) { totalCount @skip(if: $without)
        edges { node { id title @include(if: $with) published @skip(if: $with) ... on Document @include(if: $without) { slug } } } } }`,
      variables: { with: false, without: true },
    }, 'data'],
    ['a field error beside data (an argument out of range)', {
      query: `query ($c: Int) { document(slug: "${AFP_2004}") { title evidence(first: 1) { edges { node { context(chars: $c) { quote } } } } } }`,
      variables: { c: 501 },
    }, 'both'],
    ['a bad cursor', { query: 'query ($a: String) { actors(first: 1, after: $a) { totalCount } }', variables: { a: 'garbage' } }, 'errors'],
    ['a variable of the wrong type', { query: 'query ($n: Int) { documents(first: $n) { totalCount } }', variables: { n: 'five' } }, 'errors'],
    ['a required variable missing', { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: {} }, 'errors'],
    ['an enum variable out of its values', {
      query: 'query ($o: DocumentOrder) { documents(first: 1, orderBy: $o) { totalCount } }', variables: { o: { field: 'NOPE', direction: 'ASC' } },
    }, 'errors'],
    ['a null for a non-null list item', { query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: [null] } }, 'errors'],
    ['an operation chosen by name', {
      query: 'query A { documents(first: 1) { totalCount } } query B { actors(first: 1) { totalCount } }', operationName: 'B',
    }, 'data'],
    ['no operation of that name', { query: 'query A { documents(first: 1) { totalCount } }', operationName: 'C' }, 'errors'],
    ['introspection of a type', { query: '{ __type(name: "TimelineItem") { kind name possibleTypes { name } } __typename }' }, 'data'],
    ['a mutation refused without a token', {
      query: 'mutation ($i: CreateActorInput!) { createActor(input: $i) { actor { id } } }', variables: { i: { name: 'Nobody', kind: 'PERSON' } },
    }, 'errors'],
  ];
}

describe('the compiled executor answers as graphql-js does', () => {
  it('byte for byte, for each operation, and runs them compiled', async () => {
    const before = { ...executorStats };
    const seen = { data: 0, errors: 0 };
    for (const [name, body, expected] of await cases()) {
      // Twice: the first request compiles the operation, the second runs the cached compiled code.
      for (let round = 0; round < 2; round++) {
        const r = await both(body);
        expect({ name, ...r.compiled }).toEqual({ name, ...r.graphqlJs });
        const parsed = JSON.parse(r.graphqlJs.body) as { data?: unknown; errors?: unknown[] };
        // Each case exercises what it says it does (a case that silently errors would compare nothing).
        if (expected !== 'errors') expect({ name, data: parsed.data != null }).toEqual({ name, data: true });
        if (expected !== 'data') expect({ name, errors: (parsed.errors?.length ?? 0) > 0 }).toEqual({ name, errors: true });
        else expect({ name, errors: parsed.errors }).toEqual({ name, errors: undefined });
        if (parsed.data != null) seen.data++;
        if (parsed.errors) seen.errors++;
      }
    }
    expect(seen.data).toBeGreaterThan(20);
    expect(seen.errors).toBeGreaterThan(10);
    // The compiled side really ran compiled code: each operation compiled once, then reused.
    expect(executorStats.refused).toBe(before.refused);
    expect(executorStats.compiledRuns - before.compiledRuns).toBeGreaterThan(25);
    expect(executorStats.compiled - before.compiled).toBeLessThan(executorStats.compiledRuns - before.compiledRuns);
  }, 120_000);

  it('answers a variable that does not coerce with HTTP 400 and BAD_USER_INPUT, as graphql-js does', async () => {
    const r = await both({ query: 'query ($n: Int!) { documents(first: $n) { totalCount } }', variables: { n: 1.5 } });
    expect(r.compiled).toEqual(r.graphqlJs);
    expect(r.compiled.status).toBe(400);
    expect(JSON.parse(r.compiled.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
