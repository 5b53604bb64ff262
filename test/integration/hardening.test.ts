/**
 * Inputs crafted to break the server: cursors from another list or made by hand, and introspection
 * aliased many times. Each is refused with its documented code and the server keeps answering.
 */
import { codes, ok, refused, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursors', () => {
  it('refuses a cursor taken from another ordering of the same list', async () => {
    const byTitle = ok(await s.gql('{ documents(first: 1, orderBy: { field: TITLE }) { pageInfo { endCursor } } }'));
    const after = byTitle.documents.pageInfo.endCursor;
    refused(await s.gql('query($a: String) { documents(first: 1, orderBy: { field: CREATED_AT }, after: $a) { totalCount } }', { a: after }), 'BAD_USER_INPUT');
    refused(await s.gql('query($a: String) { actors(first: 1, after: $a) { totalCount } }', { a: after }), 'BAD_USER_INPUT');
  });

  it('refuses a nested list cursor on a root list, and hand-made cursors of the wrong shape or type', async () => {
    const nested = ok(await s.gql('{ document(slug: "000_86de1592ab15966e") { actors(first: 1) { pageInfo { endCursor } } } }'));
    const bad = [
      nested.document.actors.pageInfo.endCursor,
      cursor([5, 'x', 'name:asc']), // a number where the sort key is text
      cursor([null, 'x', 'name:asc']), // null on a column that is never null
      cursor(['not a date', 'x', 'createdAt:asc']),
      cursor(['a', 'x']),
      'not base64 at all!',
    ];
    for (const a of bad) {
      const r = await s.gql('query($a: String) { actors(first: 1, after: $a) { totalCount } }', { a });
      expect({ a, codes: codes(r) }).toEqual({ a, codes: ['BAD_USER_INPUT'] });
    }
    refused(await s.gql('query($a: String) { actors(first: 1, orderBy: { field: CREATED_AT }, after: $a) { totalCount } }', { a: cursor(['not a date', 'x', 'createdAt:asc']) }), 'BAD_USER_INPUT');
    refused(await s.gql('query($a: String) { search(query: "NATO", after: $a) { totalCount } }', { a: cursor([1e300, 'search', 'search']) }), 'BAD_USER_INPUT');
  });
});

describe('introspection', () => {
  it('answers one introspection query, and refuses it aliased many times', async () => {
    expect(ok(await s.gql('{ __schema { queryType { name } } }'))).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const many = Array.from({ length: 20 }, (_, i) => `a${i}: __schema { types { name } }`).join(' ');
    const r = await s.gql(`{ ${many} }`);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(ok(await s.gql('{ stats { documents } }'))).toEqual({ stats: { documents: 5 } });
  });
});
