/**
 * Writing documents over HTTP: ingestDocument (normalisation, derived fields, duplicates, refused bodies
 * and metadata), updateDocument (metadata, body changes and the evidence that forbids them, versions)
 * and deleteDocument (roles, cascade, unknown and malformed IDs). Every refused write leaves every table
 * as it was.
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { rawQuery } from '../helpers/db.ts';
import { ADMIN, EDITOR, TOKENS, gid, mutate, ok, refused, refusedUnchanged, sha256 } from './support.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
});
afterAll(async () => {
  await s?.close();
});

const DOC_FIELDS = `{ document {
  id slug title publisher url published publishedPrecision publishedNote language body wordCount contentHash version
} }`;

const ingest = (input: Record<string, unknown>, headers = EDITOR) => mutate(s, 'ingestDocument', 'IngestDocumentInput', input, DOC_FIELDS, headers);
const update = (input: Record<string, unknown>, headers = EDITOR) => mutate(s, 'updateDocument', 'UpdateDocumentInput', input, DOC_FIELDS, headers);
const remove = (input: Record<string, unknown>, headers = ADMIN) =>
  mutate(s, 'deleteDocument', 'DeleteDocumentInput', input, '{ deletedId evidenceDeleted }', headers);

/** A body no other test ingests (content hashes must differ). */
let counter = 0;
const uniqueBody = (text = 'A plain report') => `${text} number ${++counter} about the Quorvex negotiations.\nSecond line.`;

describe('ingestDocument', () => {
  // CRLF line endings and a decomposed "é" (e + combining acute): stored as LF and NFC.
  const RAW = 'Zorblatt accord signed in Cafe\u0301 Town\r\nThe ministers of Freedonia met on Tuesday.\r\nThey agreed on training but not troops.\r\n';
  const STORED = 'Zorblatt accord signed in Caf\u00e9 Town\nThe ministers of Freedonia met on Tuesday.\nThey agreed on training but not troops.\n';
  let doc: any;

  beforeAll(async () => {
    doc = ok(await ingest({
      body: RAW, publisher: 'Freedonia Gazette', url: 'https://gazette.example/zorblatt', published: '2004-06',
      publishedNote: 'From the masthead.',
    })).ingestDocument.document;
  });

  it('stores the body with LF line endings and in NFC', () => {
    expect(doc.body).toBe(STORED);
    expect(doc.body).not.toContain('\r');
    expect(doc.body).toContain('Caf\u00e9');
    expect(doc.body).not.toContain('e\u0301');
    expect(doc.contentHash).toBe(sha256(STORED));
  });

  it('derives the title from the first line, the slug from the title, and counts the words', () => {
    expect(doc.title).toBe('Zorblatt accord signed in Caf\u00e9 Town');
    expect(doc.slug).toBe(`zorblatt-accord-signed-in-cafe-town-${sha256(STORED).slice(0, 8)}`);
    expect(doc.wordCount).toBe(20);
    expect(doc.language).toBe('en');
    expect(doc.version).toBe(1);
  });

  it('keeps the metadata, with a partial publication date and its precision', () => {
    expect(doc).toMatchObject({
      publisher: 'Freedonia Gazette', url: 'https://gazette.example/zorblatt',
      published: '2004-06', publishedPrecision: 'MONTH', publishedNote: 'From the masthead.',
    });
  });

  it('is readable by ID and slug, and found by search and documents', async () => {
    const d = ok(await s.gql(`query ($id: ID!, $slug: String!) {
      byId: document(id: $id) { slug body }
      bySlug: document(slug: $slug) { id }
      search(query: "zorblatt", first: 10) { totalCount edges { node { id } } }
      documents(first: 100) { edges { node { id } } }
      recent: documents(filter: { publisher: "freedonia gazette" }) { totalCount edges { node { id } } }
    }`, { id: doc.id, slug: doc.slug }));
    expect(d.byId).toEqual({ slug: doc.slug, body: STORED });
    expect(d.bySlug.id).toBe(doc.id);
    expect(d.search.edges.map((e: any) => e.node.id)).toEqual([doc.id]);
    expect(d.documents.edges.map((e: any) => e.node.id)).toContain(doc.id);
    expect(d.recent.edges.map((e: any) => e.node.id)).toEqual([doc.id]);
  });

  it('uses the given title when there is one', async () => {
    const d = ok(await ingest({ body: uniqueBody(), publisher: 'P', title: '  Quorvex talks resume  ' })).ingestDocument.document;
    expect(d.title).toBe('Quorvex talks resume');
    expect(d.slug).toMatch(/^quorvex-talks-resume-[0-9a-f]{8}$/);
  });

  it.each([
    ['LF line endings, composed é', STORED],
    ['CRLF line endings, composed é', STORED.replace(/\n/g, '\r\n')],
    ['CR line endings, decomposed é', RAW.replace(/\r\n/g, '\r')],
    ['the very same text', RAW],
  ])('refuses the same text again (%s) with CONFLICT naming the existing document', async (_label, body) => {
    const error = await refusedUnchanged(s, 'CONFLICT', () => ingest({ body, publisher: 'Another publisher', title: 'A copy' }));
    expect(error.extensions!.existingId).toBe(doc.id);
  });

  it.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['white space of every kind', ' \n\t\r\n  \t'],
  ])('refuses an %s body with BAD_USER_INPUT', async (_label, body) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body, publisher: 'P' }));
  });

  it('accepts a body of exactly 200,000 characters and refuses one of 200,001', async () => {
    const exact = `${'Quorvex '.repeat(25_000)}`.slice(0, 199_990) + 'end-marker';
    expect(exact).toHaveLength(200_000);
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body: `${exact}x`, publisher: 'P' }));
    const d = ok(await ingest({ body: exact, publisher: 'P', title: 'Long' })).ingestDocument.document;
    expect(d.body).toHaveLength(200_000);
  });

  it('refuses a body far over the limit with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body: 'word '.repeat(60_000), publisher: 'P' }));
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['vertical tab', '\u000b'],
    ['form feed', '\u000c'],
    ['DEL', '\u007f'],
    ['NEL, a C1 control', '\u0085'],
    ['CSI, a C1 control', '\u009b'],
  ])('refuses a body containing a control character (%s) with BAD_USER_INPUT', async (_label, ch) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body: `Before the character ${ch} after it, in the Quorvex report.`, publisher: 'P' }));
  });

  // A lone surrogate cannot be stored as UTF-8: SQLite would keep something else than what was hashed,
  // measured and returned, and every offset after it would shift.
  it('refuses a body that is not well-formed Unicode (a lone surrogate) with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body: 'Half a character: \ud83c, in the Quorvex report.', publisher: 'P' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body: 'The other half: \udf0d, in the Quorvex report.', publisher: 'P' }));
  });

  it('accepts characters outside the BMP and stores them exactly', async () => {
    const body = 'Flags \u{1F1EE}\u{1F1F6} and a globe \u{1F30D} in the Quorvex report.';
    const d = ok(await ingest({ body, publisher: 'P' })).ingestDocument.document;
    expect(d.body).toBe(body);
    expect(d.contentHash).toBe(sha256(body));
  });

  it('accepts tabs and newlines in a body, verbatim', async () => {
    const body = 'Column one\tColumn two\nTabbed\tQuorvex\trow\n\nLast line';
    const d = ok(await ingest({ body, publisher: 'P' })).ingestDocument.document;
    expect(d.body).toBe(body);
  });

  it.each(['2004-13', '2004-02-30', '04', '2004-6', 'June 2004', '2004-06-21T00:00:00Z'])(
    'refuses published "%s" (as a variable) with BAD_USER_INPUT',
    async (published) => {
      await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body: uniqueBody(), publisher: 'P', published }));
    },
  );

  it('refuses a bad published date given as a literal with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () =>
      s.gql(`mutation { ingestDocument(input: { body: "Quorvex literal text", publisher: "P", published: "2004-13" }) { document { id } } }`, {}, EDITOR));
  });

  it.each(['not a url', 'ftp://files.example/report.txt', 'javascript:alert(1)', '//example.org/no-scheme', 'https://'])(
    'refuses url "%s" with BAD_USER_INPUT',
    async (url) => {
      await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body: uniqueBody(), publisher: 'P', url }));
    },
  );

  it.each([
    ['an empty publisher', { publisher: '  ' }],
    ['a bad language code', { language: 'english' }],
    ['a title with a control character', { title: 'Bad\u0007title' }],
  ])('refuses %s with BAD_USER_INPUT', async (_label, fields) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => ingest({ body: uniqueBody(), publisher: 'P', ...fields }));
  });

  it('needs a token', async () => {
    await refusedUnchanged(s, 'UNAUTHENTICATED', () => ingest({ body: uniqueBody(), publisher: 'P' }, {}));
  });
});

describe('updateDocument', () => {
  let doc: any;

  beforeAll(async () => {
    doc = ok(await ingest({ body: 'Original Plimsoll text about the Wobbegong Quorvex.\nWith a second line.', publisher: 'Plimsoll Post' })).ingestDocument.document;
  });

  it('changes metadata and bumps the version', async () => {
    const d = ok(await update({
      id: doc.id, expectedVersion: 1, title: 'Plimsoll report', publisher: 'Plimsoll Daily',
      url: 'http://plimsoll.example/a', published: '2005-03-04', publishedNote: 'Dated at the top.', language: 'FR',
    })).updateDocument.document;
    expect(d).toMatchObject({
      id: doc.id, title: 'Plimsoll report', publisher: 'Plimsoll Daily', url: 'http://plimsoll.example/a',
      published: '2005-03-04', publishedPrecision: 'DAY', publishedNote: 'Dated at the top.', language: 'fr',
      body: doc.body, version: 2,
    });
    doc = d;
  });

  it('clears the URL with an empty string', async () => {
    const d = ok(await update({ id: doc.id, expectedVersion: doc.version, url: '' })).updateDocument.document;
    expect(d.url).toBeNull();
    expect(d.version).toBe(doc.version + 1);
    doc = d;
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version', async () => {
    const error = await refusedUnchanged(s, 'CONFLICT', () => update({ id: doc.id, expectedVersion: doc.version - 1, title: 'Lost update' }));
    expect(error.extensions!.currentVersion).toBe(doc.version);
  });

  it('refuses bad metadata with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => update({ id: doc.id, expectedVersion: doc.version, published: '2004-13' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => update({ id: doc.id, expectedVersion: doc.version, url: 'mailto:x@example.org' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => update({ id: doc.id, expectedVersion: doc.version, body: 'bad \u0000 body' }));
  });

  it('changes the body of a document no evidence points into (normalised, rehashed, reindexed)', async () => {
    const body = 'Rewritten Snarfblat text\r\nabout Quorvex.';
    const old = ok(await s.gql('{ search(query: "wobbegong") { edges { node { id } } } }'));
    expect(old.search.edges.map((e: any) => e.node.id)).toEqual([doc.id]);
    const d = ok(await update({ id: doc.id, expectedVersion: doc.version, body })).updateDocument.document;
    expect(d.body).toBe('Rewritten Snarfblat text\nabout Quorvex.');
    expect(d.contentHash).toBe(sha256(d.body));
    expect(d.wordCount).toBe(5);
    expect(d.version).toBe(doc.version + 1);
    doc = d;
    const found = ok(await s.gql(`{
      now: search(query: "snarfblat") { edges { node { id } } }
      before: search(query: "wobbegong") { edges { node { id } } }
    }`));
    expect(found.now.edges.map((e: any) => e.node.id)).toEqual([doc.id]);
    expect(found.before.edges.map((e: any) => e.node.id)).not.toContain(doc.id);
  });

  it('refuses a body identical to another document with CONFLICT naming it', async () => {
    const other = ok(await ingest({ body: uniqueBody('Twin text'), publisher: 'P' })).ingestDocument.document;
    const error = await refusedUnchanged(s, 'CONFLICT', () => update({ id: doc.id, expectedVersion: doc.version, body: other.body.replace(/\n/g, '\r\n') }));
    expect(error.extensions!.existingId).toBe(other.id);
  });

  it('refuses a body change with CONFLICT while evidence points into the document, and allows it once removed', async () => {
    const added = ok(await mutate(s, 'addEvidence', 'AddEvidenceInput', {
      target: (ok(await s.gql('{ actor(slug: "nato") { id } }')).actor.id),
      evidence: { document: doc.id, quote: 'Snarfblat' },
    }, '{ evidence { id } }')).addEvidence.evidence;
    const current = ok(await s.gql('query ($id: ID!) { document(id: $id) { version } }', { id: doc.id })).document;

    await refusedUnchanged(s, 'CONFLICT', () => update({ id: doc.id, expectedVersion: current.version, body: 'Another body entirely.' }));
    // Metadata may still change.
    const d = ok(await update({ id: doc.id, expectedVersion: current.version, title: 'Still editable' })).updateDocument.document;

    ok(await mutate(s, 'removeEvidence', 'RemoveEvidenceInput', { id: added.id }, '{ deletedId }'));
    const changed = ok(await update({ id: doc.id, expectedVersion: d.version, body: 'Another body entirely.' })).updateDocument.document;
    expect(changed.body).toBe('Another body entirely.');
  });

  it('refuses a body change of a seed document (evidence points into it) with CONFLICT', async () => {
    const seed = ok(await s.gql('{ document(slug: "000_86de1592ab15966e") { id version evidence { totalCount } } }')).document;
    expect(seed.evidence.totalCount).toBeGreaterThan(0);
    await refusedUnchanged(s, 'CONFLICT', () => update({ id: seed.id, expectedVersion: seed.version, body: 'Replaced.' }));
  });

  it('refuses an unknown document with NOT_FOUND, a malformed or mistyped ID with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => update({ id: gid('Document', 'nosuchdocument'), expectedVersion: 1, title: 'x' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => update({ id: 'not an id!', expectedVersion: 1, title: 'x' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => update({ id: gid('Actor', 'whatever'), expectedVersion: 1, title: 'x' }));
  });
});

describe('deleteDocument', () => {
  const SEED_DOC = '004_a49028e8fd2b822a';

  it('is refused to an editor with FORBIDDEN', async () => {
    const { id } = ok(await s.gql(`{ document(slug: "${SEED_DOC}") { id } }`)).document;
    await refusedUnchanged(s, 'FORBIDDEN', () => remove({ id, cascade: true }, EDITOR));
  });

  it('is refused to an admin with CONFLICT when evidence points into the document and no cascade is asked', async () => {
    const { id } = ok(await s.gql(`{ document(slug: "${SEED_DOC}") { id } }`)).document;
    await refusedUnchanged(s, 'CONFLICT', () => remove({ id }));
    await refusedUnchanged(s, 'CONFLICT', () => remove({ id, cascade: false }));
  });

  it('deletes a seed document and its evidence with cascade', async () => {
    const before = ok(await s.gql(`{
      document(slug: "${SEED_DOC}") { id evidence(first: 100) { totalCount edges { node { id } } } }
      stats { documents evidence }
    }`));
    const { id, evidence } = before.document;
    expect(evidence.totalCount).toBeGreaterThan(0);
    expect(evidence.edges).toHaveLength(Math.min(100, evidence.totalCount)); // the first page; all are counted below

    const d = ok(await remove({ id, cascade: true })).deleteDocument;
    expect(d).toEqual({ deletedId: id, evidenceDeleted: evidence.totalCount });

    const after = ok(await s.gql(`query ($id: ID!, $ids: [ID!]!) {
      document(id: $id) { id }
      bySlug: document(slug: "${SEED_DOC}") { id }
      nodes(ids: $ids) { id }
      stats { documents evidence }
    }`, { id, ids: evidence.edges.map((e: any) => e.node.id) }));
    expect(after.document).toBeNull();
    expect(after.bySlug).toBeNull();
    expect(after.nodes.every((n: unknown) => n === null)).toBe(true);
    expect(after.stats).toEqual({ documents: before.stats.documents - 1, evidence: before.stats.evidence - evidence.totalCount });
    // Nothing else points at the document any more.
    const dangling = await rawQuery<unknown>(s.t.db, 'SELECT "id" FROM "Evidence" WHERE "documentId" = ?', Buffer.from(id, 'base64url').toString().split(':')[1]);
    expect(dangling).toEqual([]);
  });

  it('deletes a document without evidence, without cascade', async () => {
    const doc = ok(await ingest({ body: uniqueBody('Disposable'), publisher: 'P' })).ingestDocument.document;
    expect(ok(await remove({ id: doc.id })).deleteDocument).toEqual({ deletedId: doc.id, evidenceDeleted: 0 });
    expect(ok(await s.gql('query ($id: ID!) { node(id: $id) { id } }', { id: doc.id })).node).toBeNull();
  });

  it('refuses an unknown document with NOT_FOUND', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => remove({ id: gid('Document', 'nosuchdocument'), cascade: true }));
  });

  it('refuses a malformed or mistyped ID with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => remove({ id: '%%%', cascade: true }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => remove({ id: gid('Actor', 'x'), cascade: true }));
  });

  it('needs a token', async () => {
    const r = await remove({ id: gid('Document', 'nosuchdocument') }, {});
    refused(r, 'UNAUTHENTICATED');
  });
});
