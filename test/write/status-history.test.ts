/**
 * Curating the richer facts over HTTP: status-history entries through setRequestStatus (dated, with a
 * note, evidence and citations), evidence attribution and hedging, and responses naming the items they
 * answer. Every refused write is checked for its code and for leaving every table unchanged.
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { TOKENS, mutate, ok, refusedUnchanged } from './support.ts';

let s: TestServer;
let doc: { id: string; slug: string };
let request: { id: string; slug: string; version: number; items: { id: string; category: string }[] };

const BODY = 'Ruritania asked the League for trainers and radios. A League official said the League was considering it, perhaps favourably.';

const HISTORY = '{ request { id status version statusHistory { status date dateNote note supportKind evidence { quote hedged attributedTo { description actor { slug } } } citations { title publisher url published note } } } }';
const setStatus = (input: Record<string, unknown>) => mutate(s, 'setRequestStatus', 'SetRequestStatusInput', input, HISTORY);

beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
  doc = ok(await mutate(s, 'ingestDocument', 'IngestDocumentInput', { body: BODY, publisher: 'Strelsau Gazette', published: '1921-05' }, '{ document { id slug } }'))
    .ingestDocument.document;
  const actor = (name: string, kind: string) => mutate(s, 'createActor', 'CreateActorInput', { name, kind }, '{ actor { id slug } }');
  ok(await actor('Ruritania', 'STATE'));
  ok(await actor('League', 'ORGANIZATION'));
  request = ok(await mutate(s, 'createRequest', 'CreateRequestInput', {
    summary: 'Ruritania asks the League for trainers and radios', channel: 'LETTER', date: '1921-05-02',
    requesters: [{ actor: 'ruritania' }], addressees: [{ actor: 'league' }],
    items: [{ category: 'TRAINING', description: 'trainers' }, { category: 'EQUIPMENT', description: 'radios' }],
  }, '{ request { id slug version items { id category } statusHistory { status date note } } }')).createRequest.request;
});
afterAll(async () => {
  await s.close();
});

describe('status history', () => {
  it('starts with the status a request is created with, dated like the request', async () => {
    const r = ok(await s.gql('query ($id: ID!) { node(id: $id) { ... on Request { status statusHistory { status date note supportKind } } } }', { id: request.id })).node;
    expect(r).toEqual({ status: 'PENDING', statusHistory: [{ status: 'PENDING', date: '1921-05-02', note: 'Status when the request was recorded.', supportKind: 'NONE' }] });
  });

  it('appends a dated entry with a note, attributed hedged evidence and a citation; the latest entry is current', async () => {
    const r = ok(await setStatus({
      id: request.id, expectedVersion: request.version, status: 'UNDER_CONSIDERATION', date: '1921-05-20', dateNote: 'Reported that week.',
      note: 'The League was considering it.',
      evidence: [{ document: doc.slug, quote: 'the League was considering it, perhaps favourably', attribution: 'a League official', hedged: true, attributedTo: 'league' }],
      citations: [{ title: 'Minutes of the Council', publisher: 'League of Nations', url: 'https://example.org/minutes', published: '1921-05-21', note: 'Item 4.' }],
    })).setRequestStatus.request;
    expect(r.status).toBe('UNDER_CONSIDERATION');
    expect(r.version).toBe(request.version + 1);
    expect(r.statusHistory.map((e: any) => [e.status, e.date])).toEqual([['PENDING', '1921-05-02'], ['UNDER_CONSIDERATION', '1921-05-20']]);
    expect(r.statusHistory[1]).toMatchObject({
      dateNote: 'Reported that week.', note: 'The League was considering it.', supportKind: 'EVIDENCE_AND_CITATION',
      evidence: [{ quote: 'the League was considering it, perhaps favourably', hedged: true, attributedTo: { description: 'a League official', actor: { slug: 'league' } } }],
      citations: [{ title: 'Minutes of the Council', publisher: 'League of Nations', url: 'https://example.org/minutes', published: '1921-05-21', note: 'Item 4.' }],
    });
    request = { ...request, version: r.version };
  });

  it('keeps an entry dated before the latest as history: the current status does not change', async () => {
    const r = ok(await setStatus({ id: request.id, expectedVersion: request.version, status: 'PENDING', date: '1921-05-10', note: 'Acknowledged.' })).setRequestStatus.request;
    expect(r.status).toBe('UNDER_CONSIDERATION');
    expect(r.statusHistory.map((e: any) => e.date)).toEqual(['1921-05-02', '1921-05-10', '1921-05-20']);
    const asOf = ok(await s.gql('query ($id: ID!) { node(id: $id) { ... on Request { a: status(asOf: "1921-05-15") b: status(asOf: "1921-05") c: status(asOf: "1920") } } }', { id: request.id })).node;
    expect(asOf).toEqual({ a: 'PENDING', b: 'UNDER_CONSIDERATION', c: 'UNKNOWN' });
    request = { ...request, version: r.version };
  });

  it('takes an undated entry as the current status (setRequestStatus as before: id, version, status)', async () => {
    const r = ok(await setStatus({ id: request.id, expectedVersion: request.version, status: 'ACCEPTED' })).setRequestStatus.request;
    expect(r.status).toBe('ACCEPTED');
    expect(r.statusHistory.at(-1)).toMatchObject({ status: 'ACCEPTED', date: null, supportKind: 'NONE' });
    const listed = ok(await s.gql('{ requests(filter: { status: ACCEPTED, requester: "ruritania" }) { edges { node { id } } } }'));
    expect(listed.requests.edges.map((e: any) => e.node.id)).toEqual([request.id]);
    request = { ...request, version: r.version };
  });

  it('refuses bad entries and writes nothing: stale version, bad date, bad URL, bad quote, unknown attributed actor', async () => {
    const base = { id: request.id, expectedVersion: request.version, status: 'DECLINED' };
    await refusedUnchanged(s, 'CONFLICT', () => setStatus({ ...base, expectedVersion: request.version - 1 }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => setStatus({ ...base, date: '1921-02-30' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => setStatus({ ...base, citations: [{ title: 'x', publisher: 'y', url: 'javascript:alert(1)' }] }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => setStatus({ ...base, citations: [{ title: ' ', publisher: 'y' }] }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => setStatus({ ...base, evidence: [{ document: doc.slug, quote: 'not in the text' }] }));
    await refusedUnchanged(s, 'NOT_FOUND', () => setStatus({ ...base, evidence: [{ document: doc.slug, quote: 'trainers', attributedTo: 'no-such-actor' }] }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => setStatus({ ...base, note: 'x'.repeat(2001) }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () =>
      setStatus({ ...base, citations: Array.from({ length: 21 }, (_, i) => ({ title: `t${i}`, publisher: 'p' })) }));
    await refusedUnchanged(s, 'UNAUTHENTICATED', () => mutate(s, 'setRequestStatus', 'SetRequestStatusInput', base, HISTORY, {}));
  });

  it('exposes each entry as a Node that evidence can be added to', async () => {
    const r = ok(await s.gql('query ($id: ID!) { node(id: $id) { ... on Request { statusHistory { id } } } }', { id: request.id })).node;
    const entry = r.statusHistory[0].id;
    const added = ok(await mutate(s, 'addEvidence', 'AddEvidenceInput', { target: entry, evidence: { document: doc.slug, quote: 'Ruritania asked the League' } },
      '{ evidence { quote supports { __typename ... on RequestStatusEntry { status } } } }')).addEvidence.evidence;
    expect(added).toEqual({ quote: 'Ruritania asked the League', supports: { __typename: 'RequestStatusEntry', status: 'PENDING' } });
  });
});

describe('responses naming the items they answer', () => {
  const add = (input: Record<string, unknown>) => mutate(s, 'addRequestResponse', 'AddRequestResponseInput', input,
    '{ response { stance items { category } supportKind citations { title } evidence { attributedTo { description } } } request { items { category answeredBy { stance } } } }');

  it('records a response to one item, with a citation and attributed evidence', async () => {
    const training = request.items.find((i) => i.category === 'TRAINING')!;
    const d = ok(await add({
      request: request.slug, responder: 'league', stance: 'ACCEPTS', summary: 'The League agreed to send trainers.', items: [training.id],
      evidence: [{ document: doc.slug, quote: 'the League was considering it', attribution: 'a League official' }],
      citations: [{ title: 'Council resolution', publisher: 'League of Nations' }],
    })).addRequestResponse;
    expect(d.response).toEqual({
      stance: 'ACCEPTS', items: [{ category: 'TRAINING' }], supportKind: 'EVIDENCE_AND_CITATION',
      citations: [{ title: 'Council resolution' }], evidence: [{ attributedTo: { description: 'a League official' } }],
    });
    const byCategory = Object.fromEntries(d.request.items.map((i: any) => [i.category, i.answeredBy.map((a: any) => a.stance)]));
    expect(byCategory).toEqual({ TRAINING: ['ACCEPTS'], EQUIPMENT: [] });
  });

  it("refuses an item of another request, or one that does not exist, and writes nothing", async () => {
    const other = ok(await s.gql('{ request(slug: "allawi-2004-nato-assistance") { items { id } } }')).request.items[0].id;
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => add({ request: request.slug, responder: 'league', stance: 'DECLINES', summary: 'x', items: [other] }));
    const missing = Buffer.from('RequestItem:nosuchitem').toString('base64url');
    await refusedUnchanged(s, 'NOT_FOUND', () => add({ request: request.slug, responder: 'league', stance: 'DECLINES', summary: 'x', items: [missing] }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => add({ request: request.slug, responder: 'league', stance: 'DECLINES', summary: 'x', items: [request.id] }));
  });
});

describe('roles with public-record citations', () => {
  const addRole = (input: Record<string, unknown>) => mutate(s, 'addActorRole', 'AddActorRoleInput', input,
    '{ role { title from to dateNote citations { title publisher url published } holder { slug } of { slug } } }');

  it('records a term of office from the public record, and refuses a bad citation writing nothing', async () => {
    const role = ok(await addRole({
      actor: 'ruritania', of: 'league', title: 'Member of the Council', from: '1920-01', to: '1926-09', dateNote: 'Public record.',
      citations: [{ title: 'Council members', publisher: 'League of Nations', url: 'https://example.org/council', published: '1926' }],
    })).addActorRole.role;
    expect(role).toEqual({
      title: 'Member of the Council', from: '1920-01', to: '1926-09', dateNote: 'Public record.', holder: { slug: 'ruritania' }, of: { slug: 'league' },
      citations: [{ title: 'Council members', publisher: 'League of Nations', url: 'https://example.org/council', published: '1926' }],
    });
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => addRole({ actor: 'ruritania', title: 'Observer', citations: [{ title: 'x', publisher: 'y', url: 'not a url' }] }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => addRole({ actor: 'ruritania', title: 'Observer', citations: [{ title: 'x', publisher: 'y', published: '1926-13' }] }));
  });
});
