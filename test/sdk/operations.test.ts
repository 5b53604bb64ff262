/**
 * Every SDK operation against a live server (HTTP, migrated and seeded SQLite), called through the typed
 * client as a consumer would: reads over the seed, then every mutation on a text ingested here. The last
 * test checks that no operation was left out and that the SDK covers every mutation of the schema.
 */
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createDossierClient, DossierError, type DossierClient, type EvidenceInput } from '../../packages/sdk/src/index.ts';

const TOKENS = 'ann:editor:editor-secret-1,root:admin:admin-secret-1';
let s: TestServer;
let anon: DossierClient;
let editor: DossierClient;
let admin: DossierClient;
const called = new Set<string>();

/** Records each operation called, for the coverage check at the end. */
function tracked(client: DossierClient): DossierClient {
  return new Proxy(client, {
    get(target, key: string) {
      const fn = target[key as keyof DossierClient] as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => (called.add(key), fn(...args));
    },
  });
}

/** The DossierError a call rejects with (fails the test when it resolves or throws anything else). */
async function failure(call: Promise<unknown>): Promise<DossierError> {
  const e = await call.then(() => null, (err: unknown) => err);
  if (!(e instanceof DossierError)) throw new Error(`expected a DossierError, got ${String(e)}`);
  return e;
}

beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
  const client = (token?: string) => tracked(createDossierClient({ endpoint: s.url, token, retries: 0 }));
  anon = client();
  editor = client('editor-secret-1');
  admin = client('admin-secret-1');
});
afterAll(() => s.close());

const AFP_2004 = '000_86de1592ab15966e';

describe('reads over the seed', () => {
  test('requestDetail: items, exclusions, responses and evidence, by slug and by id', async () => {
    const { request } = await anon.requestDetail({ slug: 'allawi-2004-nato-assistance' });
    expect(request).not.toBeNull();
    expect(request!.requesters.map((a) => a.slug)).toContain('iyad-allawi');
    expect(request!.addressees.map((a) => a.slug)).toEqual(['nato']);
    expect(request!.items.length).toBeGreaterThan(0);
    expect(request!.items.every((i) => !i.excluded)).toBe(true);
    expect(request!.exclusions.map((i) => i.category)).toEqual(['TROOPS']);
    expect(request!.exclusions[0]!.evidence[0]!.quote).toMatch(/troops/i);
    expect(request!.responses.length).toBeGreaterThan(0);
    for (const e of request!.evidence.edges) expect(e.node.context.quote).toBe(e.node.quote);

    const byId = await anon.requestDetail({ id: request!.id });
    expect(byId.request?.slug).toBe('allawi-2004-nato-assistance');
    expect((await anon.requestDetail({ slug: 'no-such-request' })).request).toBeNull();
  });

  test('requestStatusAt: the status at a date with the entry that supports it (typed)', async () => {
    const march = await anon.requestStatusAt({ slug: 'mattis-2018-nato-iraq-mission', asOf: '2018-03' });
    expect(march.request?.status).toBe('UNDER_CONSIDERATION');
    expect(march.request?.statusEntry?.supportKind).toBe('EVIDENCE');
    const december = await anon.requestStatusAt({ slug: 'mattis-2018-nato-iraq-mission', asOf: '2018-12' });
    expect(december.request?.status).toBe('ACCEPTED');
    expect(december.request?.statusEntry?.citations.map((c) => c.publisher)).toEqual(['NATO (Press Release (2018) 074)']);
    const { request } = await anon.requestDetail({ slug: 'mattis-2018-nato-iraq-mission' });
    expect(request!.statusHistory.map((e) => e.status)).toEqual(['PENDING', 'UNDER_CONSIDERATION', 'ACCEPTED']);
  });

  test('documentPage: body, and evidence quotes that are slices of it', async () => {
    const { document } = await anon.documentPage({ slug: AFP_2004, first: 50, excerptLength: 40 });
    expect(document!.excerpt.length).toBeLessThanOrEqual(41);
    expect(document!.actors.edges[0]!.mentionCount).toBeGreaterThan(0);
    expect(document!.requests.totalCount).toBeGreaterThan(0);
    expect(document!.evidence.edges.length).toBeGreaterThan(0);
    for (const { node } of document!.evidence.edges) expect(document!.body.slice(node.start, node.end)).toBe(node.quote);
  });

  test('documents, actors, events, requests: filtered lists', async () => {
    const docs = await anon.documents({ orderBy: { field: 'PUBLISHED' }, first: 10 });
    expect(docs.documents.totalCount).toBe(5);
    const published = docs.documents.edges.map((e) => e.node.published ?? '');
    expect(published).toEqual([...published].sort());

    const states = await anon.actors({ filter: { kind: ['STATE'] }, first: 100 });
    expect(states.actors.edges.map((e) => e.node.slug)).toContain('iraq');
    expect(states.actors.edges.every((e) => e.node.kind === 'STATE')).toBe(true);

    const summits = await anon.events({ filter: { kind: ['SUMMIT'], actor: 'nato' } });
    expect(summits.events.edges.map((e) => e.node.slug)).toContain('istanbul-summit-2004');

    const toNato = await anon.requests({ filter: { addressee: 'nato', excludedCategory: ['TROOPS'] } });
    expect(toNato.requests.edges.map((e) => e.node.slug)).toContain('allawi-2004-nato-assistance');
  });

  test('actorProfile by slug and by name, eventDetail', async () => {
    const { actor } = await anon.actorProfile({ slug: 'nato' });
    expect(actor!.requestsReceived.totalCount).toBeGreaterThan(0);
    expect(actor!.responses.totalCount).toBeGreaterThan(0);
    expect(actor!.coMentions.edges.length).toBeGreaterThan(0);
    const byName = await anon.actorProfile({ name: 'de hoop scheffer' });
    expect(byName.actor?.slug).toBe('jaap-de-hoop-scheffer');
    expect(byName.actor?.roles.length).toBeGreaterThan(0);

    const { event } = await anon.eventDetail({ slug: 'istanbul-summit-2004' });
    expect(event!.kind).toBe('SUMMIT');
    expect(event!.participants.some((p) => p.actor.slug === 'nato')).toBe(true);
  });

  test('timeline: NATO 2004–2018 in date order, a typed union', async () => {
    const { timeline } = await anon.timeline({ actor: 'nato', from: '2004', to: '2018', first: 100 });
    const dates = timeline.edges.map((e) => e.date);
    expect(dates.length).toBe(timeline.totalCount);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= '2004' && d < '2019')).toBe(true);
    const kinds = new Set(timeline.edges.map((e) => e.node.__typename));
    expect(kinds).toEqual(new Set(['Event', 'Request', 'RequestResponse']));
    for (const { node } of timeline.edges) {
      if (node.__typename === 'RequestResponse') expect(typeof node.responder.name).toBe('string');
    }
  });

  test('timeline over several actors, responses by stance and responder, officeHolders at a date', async () => {
    const { timeline } = await anon.timeline({ actors: ['Iraq', 'NATO'], from: '2004', to: '2018', first: 100 });
    expect(timeline.edges.every((e) => e.matchedVia.length > 0)).toBe(true);
    expect(timeline.edges.some((e) => e.matchedVia.some((m) => m.via === 'OFFICE_HOLDER'))).toBe(true);

    const { responses } = await anon.responses({ filter: { stance: ['DECLINES'] }, first: 100 });
    expect(responses.totalCount).toBeGreaterThan(0);
    expect(responses.edges.every((e) => e.node.stance === 'DECLINES')).toBe(true);
    const nato = await anon.responses({ filter: { responder: 'nato', from: '2008', to: '2008' }, first: 100 });
    expect(nato.responses.edges.map((e) => e.node.responder.slug)).toContain('jaap-de-hoop-scheffer');

    const { actor } = await anon.officeHolders({ slug: 'nato', at: '2018', title: 'Secretary General' });
    expect(actor!.officeHolders.map((r) => r.holder.slug)).toEqual(['jens-stoltenberg']);
  });

  test('requestRows, actorSuggestions, actorRef, documentReader: what a reading client shows', async () => {
    const { requests } = await anon.requestRows({ filter: { addressee: 'nato', excludedCategory: ['TROOPS'] } });
    const allawi = requests.edges.map((e) => e.node).find((r) => r.slug === 'allawi-2004-nato-assistance');
    expect(allawi?.items.filter((i) => i.excluded).map((i) => i.category)).toEqual(['TROOPS']);
    expect(allawi?.parties.some((p) => p.side === 'ADDRESSEE' && p.actor.slug === 'nato')).toBe(true);

    const { actors } = await anon.actorSuggestions({ text: 'allaw' });
    expect(actors.edges.map((e) => e.node.slug)).toContain('iyad-allawi');
    // An actor as a user names it (an alias, any case) resolves to the same record as its slug.
    const byAlias = (await anon.actorRef({ name: 'nato' })).actor;
    const bySlug = (await anon.actorRef({ slug: 'nato' })).actor;
    expect(byAlias).toEqual(bySlug);
    expect(bySlug).toEqual({ id: expect.any(String), slug: 'nato', name: 'North Atlantic Treaty Organization' });
    expect((await anon.actorRef({ id: bySlug!.id })).actor?.slug).toBe('nato');

    const { document } = await anon.documentReader({ slug: '002_747cff529a1d3125' }); // "…but not troops"
    expect(document?.evidence.totalCount).toBeGreaterThan(0);
    for (const { node } of document!.evidence.edges) expect(document!.body.slice(node.start, node.end)).toBe(node.quote);
    const excluded = document!.evidence.edges.map((e) => e.node.supports).flatMap((n) => (n.__typename === 'RequestItem' && n.excluded ? [n] : []));
    expect(excluded).toContainEqual(expect.objectContaining({ category: 'TROOPS', request: expect.objectContaining({ slug: 'allawi-2004-nato-assistance' }) }));
  });

  test('search, stats, node', async () => {
    const { search } = await anon.search({ query: '"training mission"', first: 5 });
    expect(search.totalCount).toBeGreaterThan(0);
    expect(search.edges[0]!.snippet).toMatch(/\[\[/);

    const { stats } = await anon.stats();
    expect(stats.documents).toBe(5);
    expect(stats.byYear.map((y) => y.year)).toContain(2004);

    const nato = (await anon.actorProfile({ slug: 'nato', first: 1 })).actor!;
    const { node } = await anon.node({ id: nato.id });
    expect(node?.__typename).toBe('Actor');
    if (node?.__typename === 'Actor') expect(node.slug).toBe('nato');
  });
});

describe('every mutation, on a text ingested here', () => {
  const body = 'Example text for the SDK tests. Minister Jane Example of the Ministry of Testing asked the Alliance for training and equipment, but not troops. The Alliance said it would consider the request at its summit in Exampleville.';
  let documentId: string;
  const quote = (text: string): EvidenceInput => ({ document: documentId, quote: text });

  test('ingestDocument, then the same text again is a CONFLICT naming it', async () => {
    const { ingestDocument } = await editor.ingestDocument({ input: { body, publisher: 'SDK tests', published: '2020-04' } });
    documentId = ingestDocument.document.id;
    expect(ingestDocument.document.title).toMatch(/^Example text for the SDK tests\./); // derived from the first line
    expect(ingestDocument.document.version).toBe(1);

    const e = await failure(editor.ingestDocument({ input: { body, publisher: 'SDK tests' } }));
    expect(e.code).toBe('CONFLICT');
    expect(e.path).toEqual(['ingestDocument']);
    expect(e.is('CONFLICT') && e.extensions.existingId).toBe(documentId);
  });

  test('updateDocument, and a stale version is a CONFLICT with the current one', async () => {
    const { updateDocument } = await editor.updateDocument({ input: { id: documentId, expectedVersion: 1, title: 'SDK test text' } });
    expect(updateDocument.document).toMatchObject({ title: 'SDK test text', version: 2 });
    const e = await failure(editor.updateDocument({ input: { id: documentId, expectedVersion: 1, title: 'stale' } }));
    expect(e.code).toBe('CONFLICT');
    expect(e.is('CONFLICT') && e.extensions.currentVersion).toBe(2);
  });

  test('createActor, updateActor, addActorAlias, removeActorAlias, addActorRole', async () => {
    const ministry = await editor.createActor({ input: { slug: 'ministry-of-testing', name: 'Ministry of Testing', kind: 'ORGANIZATION', evidence: [quote('the Ministry of Testing')] } });
    expect(ministry.createActor.actor).toMatchObject({ slug: 'ministry-of-testing', kind: 'ORGANIZATION', version: 1 });
    const jane = await editor.createActor({ input: { slug: 'jane-example', name: 'Jane Example', kind: 'PERSON' } });

    const updated = await editor.updateActor({ input: { id: ministry.createActor.actor.id, expectedVersion: 1, description: 'A ministry in a test text' } });
    expect(updated.updateActor.actor).toMatchObject({ description: 'A ministry in a test text', version: 2 });

    const added = await editor.addActorAlias({ input: { actor: 'ministry-of-testing', name: 'MoT' } });
    expect(added.addActorAlias.actor.aliases).toContain('MoT');
    const removed = await editor.removeActorAlias({ input: { actor: 'ministry-of-testing', name: 'MoT' } });
    expect(removed.removeActorAlias.actor.aliases).not.toContain('MoT');

    const { addActorRole } = await editor.addActorRole({
      input: { actor: jane.createActor.actor.id, title: 'Minister', of: 'ministry-of-testing', from: '2020', evidence: [quote('Minister Jane Example')] },
    });
    expect(addActorRole.role).toMatchObject({ title: 'Minister', holder: { slug: 'jane-example' }, of: { slug: 'ministry-of-testing' } });
    expect(addActorRole.role.evidence[0]!.quote).toBe('Minister Jane Example');
  });

  test('createEvent, updateEvent, addEventParticipant', async () => {
    const { createEvent } = await editor.createEvent({
      input: {
        slug: 'exampleville-summit', kind: 'SUMMIT', title: 'Exampleville summit', start: '2020-05', location: { name: 'Exampleville' },
        participants: [{ actor: 'nato', role: 'HOST' }], evidence: [quote('its summit in Exampleville')],
      },
    });
    expect(createEvent.event).toMatchObject({ status: 'OCCURRED', startPrecision: 'MONTH', location: { name: 'Exampleville' } });

    const { updateEvent } = await editor.updateEvent({ input: { id: createEvent.event.id, expectedVersion: createEvent.event.version, status: 'PLANNED' } });
    expect(updateEvent.event).toMatchObject({ status: 'PLANNED', version: createEvent.event.version + 1 });

    const { addEventParticipant } = await editor.addEventParticipant({ input: { event: 'exampleville-summit', participant: { actor: 'ministry-of-testing', role: 'ATTENDEE' } } });
    expect(addEventParticipant.participant).toMatchObject({ role: 'ATTENDEE', actor: { slug: 'ministry-of-testing' }, event: { slug: 'exampleville-summit' } });
  });

  test('createRequest, updateRequest, setRequestStatus, addRequestResponse', async () => {
    const { createRequest } = await editor.createRequest({
      input: {
        slug: 'mot-2020-training', summary: 'The Ministry of Testing asked the Alliance for training and equipment, but not troops.',
        channel: 'LETTER', date: '2020-04',
        requesters: [{ actor: 'jane-example', onBehalfOf: 'ministry-of-testing' }], addressees: [{ actor: 'nato' }],
        items: [
          { category: 'TRAINING', description: 'Training', evidence: [quote('training')] },
          { category: 'EQUIPMENT', description: 'Equipment', evidence: [quote('equipment')] },
          { category: 'TROOPS', description: 'Troops', excluded: true, evidence: [quote('but not troops')] },
        ],
        evidence: [quote('asked the Alliance for training and equipment')],
      },
    });
    const created = createRequest.request;
    expect(created.status).toBe('PENDING');
    expect(created.items.map((i) => i.category).sort()).toEqual(['EQUIPMENT', 'TRAINING']);
    expect(created.exclusions.map((i) => i.evidence[0]!.quote)).toEqual(['but not troops']);
    expect(created.parties).toContainEqual({ side: 'REQUESTER', actor: expect.objectContaining({ slug: 'jane-example' }), onBehalfOf: expect.objectContaining({ slug: 'ministry-of-testing' }) });

    const { updateRequest } = await editor.updateRequest({ input: { id: created.id, expectedVersion: created.version, madeAt: 'exampleville-summit' } });
    expect(updateRequest.request.madeAt?.slug).toBe('exampleville-summit');

    const { setRequestStatus } = await editor.setRequestStatus({ input: { id: created.id, expectedVersion: updateRequest.request.version, status: 'UNDER_CONSIDERATION' } });
    expect(setRequestStatus.request.status).toBe('UNDER_CONSIDERATION');

    const { addRequestResponse } = await editor.addRequestResponse({
      input: { request: 'mot-2020-training', responder: 'nato', stance: 'CONSIDERING', event: 'exampleville-summit', summary: 'Would consider it.', evidence: [quote('would consider the request')] },
    });
    expect(addRequestResponse.response).toMatchObject({ stance: 'CONSIDERING', responder: { slug: 'nato' }, event: { slug: 'exampleville-summit' } });
    expect(addRequestResponse.request.responses.map((r) => r.id)).toEqual([addRequestResponse.response.id]);
  });

  test('addEvidence by offsets, removeEvidence', async () => {
    const start = body.indexOf('Jane Example');
    const { actor } = await anon.actorProfile({ slug: 'jane-example', first: 1 });
    const { addEvidence } = await editor.addEvidence({ input: { target: actor!.id, evidence: { document: documentId, start, end: start + 'Jane Example'.length } } });
    expect(addEvidence.evidence).toMatchObject({ quote: 'Jane Example', supports: { __typename: 'Actor', id: actor!.id } });

    const { removeEvidence } = await editor.removeEvidence({ input: { id: addEvidence.evidence.id } });
    expect(removeEvidence.deletedId).toBe(addEvidence.evidence.id);
  });

  test('mergeActors needs admin', async () => {
    await editor.createActor({ input: { slug: 'testing-ministry-duplicate', name: 'Testing Ministry', kind: 'ORGANIZATION' } });
    const input = { into: 'ministry-of-testing', from: 'testing-ministry-duplicate' };
    const e = await failure(editor.mergeActors({ input }));
    expect(e.code).toBe('FORBIDDEN');
    const { mergeActors } = await admin.mergeActors({ input });
    expect(mergeActors.mergedSlug).toBe('testing-ministry-duplicate');
    expect(mergeActors.actor.aliases).toContain('Testing Ministry');
  });

  test('auditLog (admin) lists the writes', async () => {
    const { auditLog } = await admin.auditLog({ operation: 'createRequest' });
    expect(auditLog.totalCount).toBeGreaterThan(0);
    expect(new Set(auditLog.edges.map((e) => e.node.actor))).toEqual(new Set(['ann']));
    expect(auditLog.edges.map((e) => e.node.entityType)).toContain('Request');
    expect((await failure(editor.auditLog())).code).toBe('FORBIDDEN');
  });

  test('deleteDocument (admin): refused while evidence points into it, then cascaded', async () => {
    expect((await failure(admin.deleteDocument({ input: { id: documentId } }))).code).toBe('CONFLICT');
    const { deleteDocument } = await admin.deleteDocument({ input: { id: documentId, cascade: true } });
    expect(deleteDocument).toMatchObject({ deletedId: documentId, evidenceDeleted: expect.any(Number) });
    expect(deleteDocument.evidenceDeleted).toBeGreaterThan(0);
    expect((await anon.documentPage({ id: documentId })).document).toBeNull();
  });
});

describe('typed errors', () => {
  test('NOT_FOUND carries the path of the failing field', async () => {
    const e = await failure(editor.addRequestResponse({ input: { request: 'no-such-request', responder: 'nato', stance: 'ACCEPTS', summary: 'x' } }));
    expect(e).toMatchObject({ code: 'NOT_FOUND', path: ['addRequestResponse'], status: 200, operationName: 'addRequestResponse', attempts: 1 });
    expect(e.errors).toHaveLength(1);
  });

  test('BAD_USER_INPUT for an out-of-range page size', async () => {
    const e = await failure(anon.timeline({ first: 101 }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', path: ['timeline'] });
  });

  test('UNAUTHENTICATED: a write without a token, and a wrong token (HTTP 401)', async () => {
    const noToken = await failure(anon.createActor({ input: { name: 'Nobody', kind: 'OTHER' } }));
    expect(noToken).toMatchObject({ code: 'UNAUTHENTICATED', path: ['createActor'] });
    const wrong = await failure(createDossierClient({ endpoint: s.url, token: 'not-a-valid-token' }).stats());
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, path: undefined });
  });
});

test('every SDK operation was called, and the SDK covers every mutation of the schema', () => {
  const operations = Object.keys(createDossierClient({ endpoint: s.url }));
  expect([...called].sort()).toEqual([...operations].sort());

  const schema = buildSchema(fs.readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  const mutations = Object.keys(schema.getMutationType()!.getFields());
  expect(operations).toEqual(expect.arrayContaining(mutations));
  expect(operations).toEqual(expect.arrayContaining(['documentPage', 'actorProfile', 'requestDetail', 'timeline', 'search', 'stats']));
});
