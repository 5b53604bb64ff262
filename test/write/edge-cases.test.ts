/**
 * Writes at the edges: updates that change nothing, duplicates within one input, names with no Latin
 * letters, titles cut next to an emoji, and the audit trail of a merge that drops a duplicate span.
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { ADMIN, TOKENS, mutate, ok, refusedUnchanged } from './support.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
});
afterAll(() => s.close());

const DOC = '001_406679a407a0dddd';

it('keeps the version and writes no audit entry for an update that changes nothing', async () => {
  const actor = ok(await mutate(s, 'createActor', 'CreateActorInput', { name: 'Quiet Council', kind: 'ORGANIZATION' }, '{ actor { id version } }')).createActor.actor;
  const audits = await s.t.db.auditEntry.count();
  const same = ok(await mutate(s, 'updateActor', 'UpdateActorInput', { id: actor.id, expectedVersion: actor.version }, '{ actor { version } }'));
  expect(same.updateActor.actor.version).toBe(actor.version);
  expect(await s.t.db.auditEntry.count()).toBe(audits);
  await refusedUnchanged(s, 'CONFLICT', () => mutate(s, 'updateActor', 'UpdateActorInput', { id: actor.id, expectedVersion: actor.version + 1 }, '{ actor { version } }'));
});

it('refuses the same span twice in one input as BAD_USER_INPUT, naming its place', async () => {
  const span = { document: DOC, quote: 'more training and more equipment' };
  const error = await refusedUnchanged(s, 'BAD_USER_INPUT', () =>
    mutate(s, 'createActor', 'CreateActorInput', { name: 'Twice Quoted', kind: 'OTHER', evidence: [span, span] }, '{ actor { id } }'));
  expect(error.extensions?.field).toBe('evidence[1]');
});

it('gives names without Latin letters a stable hashed slug rather than a placeholder', async () => {
  const a = ok(await mutate(s, 'createActor', 'CreateActorInput', { name: '北约', kind: 'ORGANIZATION' }, '{ actor { slug } }')).createActor.actor;
  const b = ok(await mutate(s, 'createActor', 'CreateActorInput', { name: 'Анкара', kind: 'OTHER' }, '{ actor { slug } }')).createActor.actor;
  expect(a.slug).toMatch(/^r-[0-9a-f]{8}$/);
  expect(b.slug).toMatch(/^r-[0-9a-f]{8}$/);
  expect(a.slug).not.toBe(b.slug);
});

it('never cuts a derived title or an excerpt inside a character', async () => {
  const body = `${'😀'.repeat(100)} and then some words about a request for training assistance.`;
  const doc = ok(await mutate(s, 'ingestDocument', 'IngestDocumentInput', { body, publisher: 'Edge Wire' }, '{ document { title excerpt(length: 21) } }')).ingestDocument.document;
  for (const text of [doc.title, doc.excerpt]) expect(/\p{Cs}/u.test(text)).toBe(false);
  expect(doc.title.endsWith('…')).toBe(true);
});

it('audits every row a merge changes or drops, including a span both actors cited', async () => {
  const quote = { document: DOC, quote: 'Nuri al-Maliki' };
  const make = async (name: string) =>
    ok(await mutate(s, 'createActor', 'CreateActorInput', { name, kind: 'PERSON', evidence: [quote] }, '{ actor { id } }')).createActor.actor.id as string;
  const into = await make('Merge Keeper');
  const from = await make('Merge Leaver');
  const before = await s.t.db.auditEntry.count();
  ok(await mutate(s, 'mergeActors', 'MergeActorsInput', { into, from }, '{ actor { id } }', ADMIN));
  const entries = await s.t.db.auditEntry.findMany({ where: { operation: 'mergeActors' } });
  expect(entries.length).toBe((await s.t.db.auditEntry.count()) - before);
  const dropped = entries.filter((e) => e.entityType === 'Evidence' && e.after === null);
  expect(dropped).toHaveLength(1);
  // The span is recorded by its offsets (its quote is the body's text there, not copied into the log).
  const span = JSON.parse(dropped[0]!.before!);
  const doc = await s.t.db.document.findUniqueOrThrow({ where: { id: span.documentId } });
  expect(doc.body.slice(span.start, span.end)).toBe('Nuri al-Maliki');
  expect(span).not.toHaveProperty('quote');
  expect(entries.map((e) => e.entityType)).toEqual(expect.arrayContaining(['ActorAlias', 'Actor', 'ActorMerge']));
  // The surviving actor's version bump is audited too.
  const intoId = Buffer.from(into, 'base64url').toString('utf8').replace(/^Actor:/, '');
  const kept = entries.find((e) => e.entityType === 'Actor' && e.entityId === intoId);
  expect(JSON.parse(kept!.before!).version + 1).toBe(JSON.parse(kept!.after!).version);
});

it('matches free-text filters without regard to case in any script, and % or _ literally', async () => {
  ok(await mutate(s, 'createEvent', 'CreateEventInput', { kind: 'MEETING', title: 'Talks in Zürich', location: { name: 'Zürich', countryCode: 'CHE' } }, '{ event { id } }'));
  const titles = async (location: string) =>
    ok(await s.gql('query($l: String) { events(filter: { location: $l }) { edges { node { title } } } }', { l: location })).events.edges.map((e: { node: { title: string } }) => e.node.title);
  expect(await titles('ZÜRICH')).toEqual(['Talks in Zürich']);
  expect(await titles('zür')).toEqual(['Talks in Zürich']);
  expect(await titles('%')).toEqual([]);
  expect(await titles('_')).toEqual([]);
});
