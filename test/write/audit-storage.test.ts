/**
 * Issue 9 (data safety) over HTTP: every change of a record has its audit row (parents whose version a
 * child write bumps included); audit rows hold what changed, not whole records; long quotes are not
 * copied per span; length limits count text as stored (after NFC).
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { rawQuery } from '../helpers/db.ts';
import { ADMIN, TOKENS, mutate, ok, refusedUnchanged } from './support.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
});
afterAll(() => s.close());

const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');
const createActor = async (name: string) =>
  ok(await mutate(s, 'createActor', 'CreateActorInput', { name, kind: 'PERSON' }, '{ actor { id version } }')).createActor.actor as { id: string; version: number };

/** The audit rows one operation wrote for one record. */
const entriesFor = (operation: string, entityType: string, globalId: string) =>
  s.t.db.auditEntry.findMany({ where: { operation, entityType, entityId: rawId(globalId) }, orderBy: { at: 'asc' } });

/** Asserts the parent's version went from `from` to `from + 1` and that exactly this is audited. */
async function expectVersionBumpAudited(operation: string, entityType: string, globalId: string, from: number) {
  const rows = await entriesFor(operation, entityType, globalId);
  expect(rows).toHaveLength(1);
  expect(JSON.parse(rows[0]!.before!)).toMatchObject({ version: from });
  expect(JSON.parse(rows[0]!.after!)).toMatchObject({ version: from + 1 });
}

describe('version bumps of a parent are audited', () => {
  it('addActorAlias and removeActorAlias', async () => {
    const a = await createActor('Bump Alias Subject');
    ok(await mutate(s, 'addActorAlias', 'ActorAliasInput', { actor: a.id, name: 'Bump Alias' }, '{ actor { version } }'));
    await expectVersionBumpAudited('addActorAlias', 'Actor', a.id, 1);
    ok(await mutate(s, 'removeActorAlias', 'ActorAliasInput', { actor: a.id, name: 'Bump Alias' }, '{ actor { version } }'));
    await expectVersionBumpAudited('removeActorAlias', 'Actor', a.id, 2);
  });

  it('addActorRole', async () => {
    const a = await createActor('Bump Role Subject');
    ok(await mutate(s, 'addActorRole', 'AddActorRoleInput', { actor: a.id, title: 'Minister' }, '{ role { title } }'));
    await expectVersionBumpAudited('addActorRole', 'Actor', a.id, 1);
  });

  it('mergeActors (the actor kept)', async () => {
    const into = await createActor('Bump Merge Keeper');
    const from = await createActor('Bump Merge Leaver');
    ok(await mutate(s, 'mergeActors', 'MergeActorsInput', { into: into.id, from: from.id }, '{ actor { version } }', ADMIN));
    await expectVersionBumpAudited('mergeActors', 'Actor', into.id, 1);
  });

  it('addRequestResponse (the request answered)', async () => {
    const asker = await createActor('Bump Asker');
    const asked = await createActor('Bump Asked');
    const request = ok(await mutate(s, 'createRequest', 'CreateRequestInput', {
      summary: 'Bump request', channel: 'LETTER', requesters: [{ actor: asker.id }], addressees: [{ actor: asked.id }],
      items: [{ category: 'TRAINING', description: 'training' }],
    }, '{ request { id version } }')).createRequest.request;
    ok(await mutate(s, 'addRequestResponse', 'AddRequestResponseInput', {
      request: request.id, responder: asked.id, stance: 'CONSIDERING', summary: 'Considering it',
    }, '{ request { version } }'));
    await expectVersionBumpAudited('addRequestResponse', 'Request', request.id, 1);
  });
});

describe('audit rows hold what changed', () => {
  it('an update stores only the changed fields', async () => {
    const a = await createActor('Diff Subject');
    ok(await mutate(s, 'updateActor', 'UpdateActorInput', { id: a.id, expectedVersion: 1, description: 'Now described' }, '{ actor { version } }'));
    const [row] = await entriesFor('updateActor', 'Actor', a.id);
    expect(JSON.parse(row!.before!)).toEqual({ description: null, version: 1, updatedAt: expect.any(String) });
    expect(JSON.parse(row!.after!)).toEqual({ description: 'Now described', version: 2, updatedAt: expect.any(String) });
  });

  it('50 spans over a 200,000-character document: no quote copied per span, audit rows small', async () => {
    const sentence = 'Iraq asked NATO for training and equipment for its security forces. ';
    const body = sentence.repeat(Math.ceil(200_000 / sentence.length)).slice(0, 200_000);
    const doc = ok(await mutate(s, 'ingestDocument', 'IngestDocumentInput', { body, publisher: 'Storage Press', title: 'Long' }, '{ document { id } }')).ingestDocument.document;
    const ingestAudit = await entriesFor('ingestDocument', 'Document', doc.id);
    expect(ingestAudit[0]!.after!.length).toBeLessThan(2_000); // the body is the document's, not the log's
    const asker = await createActor('Storage Asker');
    const asked = await createActor('Storage Asked');
    const evidence = Array.from({ length: 50 }, (_, i) => ({ document: doc.id, start: i, end: body.length }));
    const auditBefore = await s.t.db.auditEntry.count();
    const created = ok(await mutate(s, 'createRequest', 'CreateRequestInput', {
      summary: 'Storage request', channel: 'LETTER', requesters: [{ actor: asker.id }], addressees: [{ actor: asked.id }],
      items: [{ category: 'TRAINING', description: 'training' }], evidence,
    }, '{ request { id evidence(first: 50) { totalCount edges { node { start end quote } } } } }')).createRequest.request;
    // The API still answers every quote in full.
    expect(created.evidence.totalCount).toBe(50);
    for (const { node } of created.evidence.edges) expect(node.quote).toBe(body.slice(node.start, node.end));
    // ... but neither the spans nor the audit log hold 50 copies of the document.
    const [stored] = await rawQuery<{ n: bigint }>(s.t.db,
      'SELECT coalesce(sum(length(quote)), 0) AS n FROM "Evidence" WHERE "requestId" = ?', rawId(created.id));
    expect(Number(stored!.n)).toBe(0);
    const added = await s.t.db.auditEntry.findMany({ orderBy: { at: 'asc' }, skip: auditBefore });
    // The request, its first status-history entry, its two parties, its item and its 50 spans, each one row.
    expect(added.map((r) => r.operation)).toEqual(Array(55).fill('createRequest'));
    const auditBytes = added.reduce((n, r) => n + (r.before?.length ?? 0) + (r.after?.length ?? 0), 0);
    expect(auditBytes).toBeLessThan(50 * 1_000);
  });

  it('short quotes are stored and read back as given', async () => {
    const doc = ok(await mutate(s, 'ingestDocument', 'IngestDocumentInput', { body: 'Short text about Sylvania and Freedonia.', publisher: 'P' }, '{ document { id } }')).ingestDocument.document;
    const a = ok(await mutate(s, 'createActor', 'CreateActorInput', { name: 'Sylvania Short', kind: 'STATE', evidence: [{ document: doc.id, quote: 'Sylvania' }] },
      '{ actor { id mentions { edges { node { quote } } } } }')).createActor.actor;
    expect(a.mentions.edges.map((e: any) => e.node.quote)).toEqual(['Sylvania']);
    const row = await s.t.db.evidence.findFirstOrThrow({ where: { actorId: rawId(a.id) } });
    expect(row.quote).toBe('Sylvania');
  });
});

describe('length limits count text as stored (NFC)', () => {
  // U+FB2C (HEBREW LETTER SHIN WITH DAGESH AND SHIN DOT) is one code unit that NFC turns into three.
  const SHIN = '\uFB2C';
  it('a 300-unit title of U+FB2C (900 as stored) is refused and nothing is written', async () => {
    expect(SHIN.repeat(300).normalize('NFC')).toHaveLength(900);
    const err = await refusedUnchanged(s, 'BAD_USER_INPUT', () =>
      mutate(s, 'ingestDocument', 'IngestDocumentInput', { body: 'Body for the NFC test.', publisher: 'P', title: SHIN.repeat(300) }, '{ document { id } }'));
    expect(err.message).toMatch(/title must be at most 300 characters as stored/);
    await refusedUnchanged(s, 'BAD_USER_INPUT', () =>
      mutate(s, 'createActor', 'CreateActorInput', { name: SHIN.repeat(100), kind: 'PERSON' }, '{ actor { id } }'));
  });

  it('a title that is 300 units as stored is accepted and stored as given (NFC)', async () => {
    const title = SHIN.repeat(100);
    const doc = ok(await mutate(s, 'ingestDocument', 'IngestDocumentInput', { body: 'Another body for the NFC test.', publisher: 'P', title }, '{ document { title } }')).ingestDocument.document;
    expect(doc.title).toBe(title.normalize('NFC'));
    expect(doc.title).toHaveLength(300);
  });
});
