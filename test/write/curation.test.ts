/**
 * Curation writes over HTTP: actors (aliases, versions, roles, merges), events and participants,
 * requests (parties, items, responses, status) and evidence (offsets, quotes, occurrences). Each
 * refused write is checked for its code and for leaving every table, the audit log included, unchanged.
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { rawQuery } from '../helpers/db.ts';
import { ADMIN, EDITOR, TOKENS, gid, mutate, ok, refusedUnchanged } from './support.ts';

let s: TestServer;

/** The source every span of this file points into. The globe is one code point but two UTF-16 units. */
const BODY = [
  'Quillon Press dispatch on Freedonia and Sylvania.',
  'Rufus T. Firefly, the leader of Freedonia, asked Sylvania for training and equipment, but not troops.',
  'Ambassador Trentino of Sylvania \u{1F30D} considered the request.',
  'Firefly repeated the request. Firefly insisted. Captain Spaulding agreed.',
  'Harpo Marx spoke for Freedonia. Groucho Survivor listened.',
  'The summit of Freedonia and Sylvania met in Brussels.',
].join('\n');

/** Start offsets of every occurrence of `quote` in BODY (UTF-16, as the API counts). */
/** Offset of the globe's first UTF-16 unit. */
const GLOBE = BODY.indexOf('\u{1F30D}');

const at = (quote: string) => {
  const found: number[] = [];
  for (let i = BODY.indexOf(quote); i !== -1; i = BODY.indexOf(quote, i + 1)) found.push(i);
  return found;
};

let doc: { id: string; slug: string };
let freedonia: { id: string; slug: string };
let sylvania: { id: string; slug: string };

beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
  doc = ok(await mutate(s, 'ingestDocument', 'IngestDocumentInput', { body: BODY, publisher: 'Quillon Press', published: '1933-11-18' }, '{ document { id slug body } }'))
    .ingestDocument.document;
  expect((doc as any).body).toBe(BODY);
  freedonia = ok(await createActor({ name: 'Freedonia', kind: 'STATE', slug: 'freedonia' })).createActor.actor;
  sylvania = ok(await createActor({ name: 'Sylvania', kind: 'STATE' })).createActor.actor;
});
afterAll(async () => {
  await s?.close();
});

const SPAN = '{ id start end quote document { id } }';
const ACTOR = `{ actor {
  id slug name kind countryCode description aliases version
  mentions(first: 50) { totalCount edges { node ${SPAN} } }
} }`;

function createActor(input: Record<string, unknown>, headers = EDITOR) {
  return mutate(s, 'createActor', 'CreateActorInput', input, ACTOR, headers);
}
const updateActor = (input: Record<string, unknown>) => mutate(s, 'updateActor', 'UpdateActorInput', input, ACTOR);
const addAlias = (input: Record<string, unknown>) => mutate(s, 'addActorAlias', 'ActorAliasInput', input, ACTOR);
const removeAlias = (input: Record<string, unknown>) => mutate(s, 'removeActorAlias', 'ActorAliasInput', input, ACTOR);
const ev = (quote: string, extra: Record<string, unknown> = {}) => ({ document: doc.slug, quote, ...extra });

/** Every span of a list is the body slice it claims, in this file's document. */
function expectSlices(spans: { start: number; end: number; quote: string; document: { id: string } }[]) {
  expect(spans.length).toBeGreaterThan(0);
  for (const e of spans) {
    expect(e.document.id).toBe(doc.id);
    expect(e.quote).toBe(BODY.slice(e.start, e.end));
  }
}

describe('createActor', () => {
  it('creates an actor with aliases and evidence given by quote (and occurrence)', async () => {
    const a = ok(await createActor({
      name: '  Rufus T. Firefly ', kind: 'PERSON', countryCode: 'bel', description: 'Leader of Freedonia.',
      aliases: ['Firefly', 'The Leader', 'FIREFLY'],
      evidence: [ev('Rufus T. Firefly'), { document: doc.id, quote: 'Firefly', occurrence: 3 }],
    })).createActor.actor;
    expect(a).toMatchObject({ slug: 'rufus-t-firefly', name: 'Rufus T. Firefly', kind: 'PERSON', countryCode: 'BEL', description: 'Leader of Freedonia.', version: 1 });
    expect(a.aliases).toEqual(['Firefly', 'Rufus T. Firefly', 'The Leader']);
    const spans = a.mentions.edges.map((e: any) => e.node);
    expectSlices(spans);
    expect(spans.map((e: any) => [e.start, e.quote])).toEqual([[at('Rufus T. Firefly')[0], 'Rufus T. Firefly'], [at('Firefly')[2], 'Firefly']]);
    const found = ok(await s.gql('{ byAlias: actor(name: "the leader") { id } byName: actor(name: "rufus t. firefly") { id } }'));
    expect(found).toEqual({ byAlias: { id: a.id }, byName: { id: a.id } });
  });

  it('refuses a taken slug with CONFLICT and a malformed one with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'CONFLICT', () => createActor({ name: 'Another NATO', kind: 'ORGANIZATION', slug: 'nato' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => createActor({ name: 'Bad slug', kind: 'OTHER', slug: 'Not A Slug' }));
  });

  it('derives a free slug when the name is taken', async () => {
    const a = ok(await createActor({ name: 'Sylvania', kind: 'OTHER' })).createActor.actor;
    expect(a.slug).toBe(`${sylvania.slug}-2`);
  });

  it.each(['XX', 'ZZZ', 'U.S', 'United States'])('refuses countryCode "%s" with BAD_USER_INPUT', async (countryCode) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => createActor({ name: 'Somewhere', kind: 'STATE', countryCode }));
  });

  it('refuses an empty name, evidence that is not in the document, and unknown documents', async () => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => createActor({ name: '   ', kind: 'PERSON' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => createActor({ name: 'Zeppo', kind: 'PERSON', evidence: [ev('Zeppo Marx')] }));
    await refusedUnchanged(s, 'NOT_FOUND', () => createActor({ name: 'Zeppo', kind: 'PERSON', evidence: [{ document: 'no-such-document', quote: 'Zeppo' }] }));
    // A reference of the wrong type is malformed input, not a missing record.
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => createActor({ name: 'Zeppo', kind: 'PERSON', evidence: [{ document: freedonia.id, quote: 'Zeppo' }] }));
  });
});

describe('actor aliases', () => {
  let firefly: any;
  beforeAll(async () => {
    firefly = ok(await s.gql('{ actor(slug: "rufus-t-firefly") { id slug } }')).actor;
  });

  it('adds an alias (by slug or by global ID)', async () => {
    const a = ok(await addAlias({ actor: firefly.slug, name: 'Captain Spaulding' })).addActorAlias.actor;
    expect(a.aliases).toContain('Captain Spaulding');
    const b = ok(await addAlias({ actor: firefly.id, name: 'Hugo Z. Hackenbush' })).addActorAlias.actor;
    expect(b.aliases).toEqual(expect.arrayContaining(['Captain Spaulding', 'Hugo Z. Hackenbush']));
    expect(ok(await s.gql('{ actor(name: "CAPTAIN SPAULDING") { id } }')).actor).toEqual({ id: firefly.id });
  });

  it.each(['captain spaulding', ' CAPTAIN SPAULDING ', 'Rufus  T.  Firefly', 'firefly'])(
    'refuses the existing name "%s" with CONFLICT',
    async (name) => {
      await refusedUnchanged(s, 'CONFLICT', () => addAlias({ actor: firefly.id, name }));
    },
  );

  it('refuses an unknown actor with NOT_FOUND and an empty name with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => addAlias({ actor: 'no-such-actor', name: 'X' }));
    await refusedUnchanged(s, 'NOT_FOUND', () => addAlias({ actor: gid('Actor', 'nosuchactor'), name: 'X' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => addAlias({ actor: firefly.id, name: ' ' }));
  });

  it('refuses to remove the canonical name with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => removeAlias({ actor: firefly.id, name: 'Rufus T. Firefly' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => removeAlias({ actor: firefly.slug, name: 'rufus t. FIREFLY' }));
  });

  it('refuses to remove a name the actor does not have with NOT_FOUND', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => removeAlias({ actor: firefly.id, name: 'Chicolini' }));
    // Another actor's name is not this actor's alias either.
    await refusedUnchanged(s, 'NOT_FOUND', () => removeAlias({ actor: firefly.id, name: 'Sylvania' }));
  });

  it('removes an alias, case-insensitively', async () => {
    const a = ok(await removeAlias({ actor: firefly.id, name: 'hugo z. hackenbush' })).removeActorAlias.actor;
    expect(a.aliases).not.toContain('Hugo Z. Hackenbush');
    expect(ok(await s.gql('{ actor(name: "Hugo Z. Hackenbush") { id } }')).actor).toBeNull();
  });
});

describe('updateActor', () => {
  let firefly: any;
  beforeAll(async () => {
    firefly = ok(await s.gql('{ actor(slug: "rufus-t-firefly") { id version name } }')).actor;
  });

  it('changes the actor, keeps the old and new names findable, and bumps the version', async () => {
    const a = ok(await updateActor({
      id: firefly.id, expectedVersion: firefly.version, name: 'Rufus Thaddeus Firefly', countryCode: 'usa', description: 'President of Freedonia.',
    })).updateActor.actor;
    expect(a).toMatchObject({ name: 'Rufus Thaddeus Firefly', countryCode: 'USA', description: 'President of Freedonia.', version: firefly.version + 1, slug: 'rufus-t-firefly' });
    expect(a.aliases).toEqual(expect.arrayContaining(['Rufus T. Firefly', 'Rufus Thaddeus Firefly']));
    const found = ok(await s.gql('{ old: actor(name: "rufus t. firefly") { id } new: actor(name: "rufus thaddeus firefly") { id } }'));
    expect(found).toEqual({ old: { id: firefly.id }, new: { id: firefly.id } });
    firefly = a;
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version', async () => {
    const error = await refusedUnchanged(s, 'CONFLICT', () => updateActor({ id: firefly.id, expectedVersion: firefly.version - 1, description: 'Lost update' }));
    expect(error.extensions!.currentVersion).toBe(firefly.version);
    await refusedUnchanged(s, 'CONFLICT', () => updateActor({ id: firefly.id, expectedVersion: firefly.version + 1, description: 'From the future' }));
  });

  it.each(['XYZ', 'US', '840'])('refuses countryCode "%s" with BAD_USER_INPUT', async (countryCode) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => updateActor({ id: firefly.id, expectedVersion: firefly.version, countryCode }));
  });

  it('clears the country code and description with empty strings', async () => {
    const a = ok(await updateActor({ id: firefly.id, expectedVersion: firefly.version, countryCode: '', description: '' })).updateActor.actor;
    expect(a).toMatchObject({ countryCode: null, description: null, version: firefly.version + 1 });
  });

  it('refuses unknown and malformed IDs', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => updateActor({ id: gid('Actor', 'nosuchactor'), expectedVersion: 1, description: 'x' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => updateActor({ id: 'rufus-t-firefly', expectedVersion: 1, description: 'x' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => updateActor({ id: doc.id, expectedVersion: 1, description: 'x' }));
  });
});

describe('addActorRole', () => {
  const ROLE = '{ role { id title from to dateNote holder { id } of { id slug } evidence { start end quote document { id } } } }';
  const addRole = (input: Record<string, unknown>) => mutate(s, 'addActorRole', 'AddActorRoleInput', input, ROLE);

  it('adds a role with partial dates, the state it is held in (slug or ID), and evidence', async () => {
    const firefly = ok(await s.gql('{ actor(slug: "rufus-t-firefly") { id } }')).actor;
    const r = ok(await addRole({
      actor: 'rufus-t-firefly', title: 'President', of: freedonia.id, from: '1933', to: '1933-11-17', dateNote: 'Took office that year.',
      evidence: [ev('the leader of Freedonia')],
    })).addActorRole.role;
    expect(r).toMatchObject({ title: 'President', from: '1933', to: '1933-11-17', dateNote: 'Took office that year.', holder: { id: firefly.id }, of: { id: freedonia.id, slug: 'freedonia' } });
    expectSlices(r.evidence);
    const r2 = ok(await addRole({ actor: firefly.id, title: 'Envoy', of: 'freedonia' })).addActorRole.role;
    expect(r2).toMatchObject({ title: 'Envoy', from: null, to: null, of: { id: freedonia.id } });
    const roles = ok(await s.gql('{ actor(slug: "rufus-t-firefly") { roles { id title } } }')).actor.roles;
    expect(roles.map((x: any) => x.id)).toEqual(expect.arrayContaining([r.id, r2.id]));
    const at1933 = ok(await s.gql('{ actor(slug: "rufus-t-firefly") { roles(at: "1934") { id } } }')).actor.roles;
    expect(at1933.map((x: any) => x.id)).not.toContain(r.id);
  });

  it.each([
    ['the end is before the start', { from: '1934-02', to: '1934-01-31' }],
    ['the end is a year before the start', { from: '1934-06-01', to: '1933' }],
    ['a date is not a date', { from: '1934-00' }],
    ['the title is empty', { title: '  ' }],
  ])('refuses a role where %s with BAD_USER_INPUT', async (_label, fields) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => addRole({ actor: 'rufus-t-firefly', title: 'Minister', ...fields }));
  });

  it('refuses an unknown holder or state with NOT_FOUND', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => addRole({ actor: 'no-such-actor', title: 'Minister' }));
    await refusedUnchanged(s, 'NOT_FOUND', () => addRole({ actor: 'rufus-t-firefly', title: 'Minister', of: 'no-such-state' }));
  });
});

describe('mergeActors', () => {
  const MERGE = '{ actor { id slug version aliases } mergedId mergedSlug }';
  const merge = (input: Record<string, unknown>, headers = ADMIN) => mutate(s, 'mergeActors', 'MergeActorsInput', input, MERGE, headers);

  let survivor: any; // "Groucho Survivor"
  let merged: any; // "Harpo Marx", merged into the survivor
  let event: any;
  let sameSide: any; // a request where both were requesters
  let onBehalf: any; // a request addressed to Harpo, made on Harpo's behalf
  let response: any;
  let role: any; // Harpo's own role
  let roleWithin: any; // a role held within Harpo

  beforeAll(async () => {
    survivor = ok(await createActor({ name: 'Groucho Survivor', kind: 'PERSON', aliases: ['Groucho'], evidence: [ev('Groucho Survivor')] })).createActor.actor;
    merged = ok(await createActor({ name: 'Harpo Marx', kind: 'PERSON', aliases: ['Harpo', 'The Silent One', 'groucho'], evidence: [ev('Harpo Marx')] })).createActor.actor;
    event = ok(await mutate(s, 'createEvent', 'CreateEventInput', {
      kind: 'MEETING', title: 'Marx meeting', start: '1933-11-16',
      participants: [
        { actor: merged.slug, role: 'SPEAKER', evidence: [ev('Harpo Marx spoke')] },
        { actor: merged.id, role: 'ATTENDEE', evidence: [ev('spoke for Freedonia')] },
        { actor: survivor.id, role: 'ATTENDEE', evidence: [ev('Groucho Survivor listened')] },
      ],
    }, '{ event { id slug } }')).createEvent.event;
    sameSide = ok(await mutate(s, 'createRequest', 'CreateRequestInput', {
      summary: 'Harpo and Groucho ask Sylvania for advice', channel: 'MEETING', date: '1933-11-16',
      requesters: [{ actor: merged.id, onBehalfOf: freedonia.id }, { actor: survivor.id }],
      addressees: [{ actor: sylvania.id }],
      items: [{ category: 'ADVICE', description: 'advice' }],
    }, '{ request { id slug } }')).createRequest.request;
    onBehalf = ok(await mutate(s, 'createRequest', 'CreateRequestInput', {
      summary: 'Firefly asks Harpo for funding', channel: 'OTHER',
      requesters: [{ actor: 'rufus-t-firefly', onBehalfOf: merged.id }],
      addressees: [{ actor: merged.slug }],
      items: [{ category: 'FUNDING', description: 'money' }],
    }, '{ request { id slug } }')).createRequest.request;
    response = ok(await mutate(s, 'addRequestResponse', 'AddRequestResponseInput', {
      request: onBehalf.slug, responder: merged.id, stance: 'DECLINES', summary: 'Harpo said nothing.', date: '1933-11-17',
    }, '{ response { id } }')).addRequestResponse.response;
    role = ok(await mutate(s, 'addActorRole', 'AddActorRoleInput', { actor: merged.id, title: 'Spy', of: 'freedonia' }, '{ role { id } }')).addActorRole.role;
    roleWithin = ok(await mutate(s, 'addActorRole', 'AddActorRoleInput', { actor: 'rufus-t-firefly', title: 'Adviser', of: merged.slug }, '{ role { id } }')).addActorRole.role;
  });

  it('is refused to an editor with FORBIDDEN', async () => {
    await refusedUnchanged(s, 'FORBIDDEN', () => merge({ into: survivor.id, from: merged.id }, EDITOR));
  });

  it('refuses merging an actor into itself with BAD_USER_INPUT, unknown actors with NOT_FOUND', async () => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => merge({ into: survivor.id, from: survivor.slug }));
    await refusedUnchanged(s, 'NOT_FOUND', () => merge({ into: survivor.id, from: 'no-such-actor' }));
    await refusedUnchanged(s, 'NOT_FOUND', () => merge({ into: gid('Actor', 'nosuchactor'), from: merged.id }));
  });

  it('moves every reference to the surviving actor', async () => {
    const statsBefore = ok(await s.gql('{ stats { actors evidence } }')).stats;
    const m = ok(await merge({ into: survivor.slug, from: merged.id })).mergeActors;
    expect(m).toMatchObject({ mergedId: merged.id, mergedSlug: 'harpo-marx', actor: { id: survivor.id, slug: survivor.slug, version: survivor.version + 1 } });
    // The merged actor's names are the survivor's aliases (no duplicate "Groucho").
    expect([...m.actor.aliases].sort()).toEqual(['Groucho', 'Groucho Survivor', 'Harpo', 'Harpo Marx', 'The Silent One'].sort());

    const d = ok(await s.gql(`query ($survivor: ID!, $merged: ID!, $event: ID!, $sameSide: ID!, $onBehalf: ID!, $role: ID!, $roleWithin: ID!) {
      byName: actor(name: "harpo marx") { id }
      byAlias: actor(name: "THE SILENT ONE") { id }
      old: actor(id: $merged) { id }
      oldSlug: actor(slug: "harpo-marx") { id }
      oldNode: node(id: $merged) { id }
      survivor: actor(id: $survivor) {
        mentions(first: 50) { edges { node { quote } } }
        roles { id title }
        requestsMade { edges { node { id } } }
        requestsReceived { edges { node { id } } }
        responses { edges { node { id } } }
        events { edges { node { id } } }
      }
      event(id: $event) { participants { actor { id } role evidence { quote } } }
      sameSide: request(id: $sameSide) { requesters { id } parties { actor { id } side onBehalfOf { id } } }
      onBehalf: request(id: $onBehalf) {
        addressees { id } parties { actor { slug } side onBehalfOf { id } } responses { responder { id } }
      }
      role: node(id: $role) { ... on ActorRole { holder { id } of { id } } }
      roleWithin: node(id: $roleWithin) { ... on ActorRole { holder { slug } of { id } } }
      stats { actors evidence }
    }`, { survivor: survivor.id, merged: merged.id, event: event.id, sameSide: sameSide.id, onBehalf: onBehalf.id, role: role.id, roleWithin: roleWithin.id }));

    expect(d.byName).toEqual({ id: survivor.id });
    expect(d.byAlias).toEqual({ id: survivor.id });
    expect(d.old).toBeNull();
    expect(d.oldSlug).toBeNull();
    expect(d.oldNode).toBeNull();

    const sv = d.survivor;
    expect(sv.mentions.edges.map((e: any) => e.node.quote).sort()).toEqual(['Groucho Survivor', 'Harpo Marx']);
    expect(sv.roles.map((r: any) => r.id)).toContain(role.id);
    expect(sv.requestsMade.edges.map((e: any) => e.node.id)).toEqual([sameSide.id]);
    expect(sv.requestsReceived.edges.map((e: any) => e.node.id)).toEqual([onBehalf.id]);
    expect(sv.responses.edges.map((e: any) => e.node.id)).toEqual([response.id]);
    expect(sv.events.edges.map((e: any) => e.node.id)).toEqual([event.id]);

    // Both took part as ATTENDEE: one participation remains, carrying the evidence of both.
    const parts = d.event.participants.map((p: any) => ({ actor: p.actor.id, role: p.role, quotes: p.evidence.map((e: any) => e.quote).sort() }));
    expect(parts.sort((a: any, b: any) => a.role.localeCompare(b.role))).toEqual([
      { actor: survivor.id, role: 'ATTENDEE', quotes: ['Groucho Survivor listened', 'spoke for Freedonia'] },
      { actor: survivor.id, role: 'SPEAKER', quotes: ['Harpo Marx spoke'] },
    ]);
    // Both were requesters: the survivor is listed once.
    expect(d.sameSide.requesters).toEqual([{ id: survivor.id }]);
    expect(d.sameSide.parties.filter((p: any) => p.side === 'REQUESTER')).toHaveLength(1);
    expect(d.onBehalf.addressees).toEqual([{ id: survivor.id }]);
    expect(d.onBehalf.parties).toEqual(expect.arrayContaining([{ actor: { slug: 'rufus-t-firefly' }, side: 'REQUESTER', onBehalfOf: { id: survivor.id } }]));
    expect(d.onBehalf.responses).toEqual([{ responder: { id: survivor.id } }]);
    expect(d.role).toEqual({ holder: { id: survivor.id }, of: { id: freedonia.id } });
    expect(d.roleWithin).toEqual({ holder: { slug: 'rufus-t-firefly' }, of: { id: survivor.id } });
    // One actor fewer; no evidence lost.
    expect(d.stats).toEqual({ actors: statsBefore.actors - 1, evidence: statsBefore.evidence });
  });

  it('leaves no row pointing at the merged actor, and records the merge', async () => {
    const rawId = Buffer.from(merged.id, 'base64url').toString('utf8').split(':')[1]!;
    const columns: [string, string][] = [
      ['Actor', 'id'], ['ActorAlias', 'actorId'], ['ActorRole', 'actorId'], ['ActorRole', 'withinId'], ['ActorRelation', 'fromId'],
      ['ActorRelation', 'toId'], ['EventParticipant', 'actorId'], ['RequestParty', 'actorId'], ['RequestParty', 'onBehalfOfId'],
      ['RequestResponse', 'responderId'], ['Evidence', 'actorId'], ['ActorMerge', 'intoId'],
    ];
    for (const [table, column] of columns) {
      const rows = await rawQuery<unknown>(s.t.db, `SELECT 1 FROM "${table}" WHERE "${column}" = ?`, rawId);
      expect({ table, column, rows: rows.length }).toEqual({ table, column, rows: 0 });
    }
    const merges = await rawQuery<{ fromSlug: string; fromName: string; mergedBy: string }>(s.t.db,
      'SELECT "fromSlug", "fromName", "mergedBy" FROM "ActorMerge" WHERE "fromId" = ?', rawId);
    expect(merges).toEqual([{ fromSlug: 'harpo-marx', fromName: 'Harpo Marx', mergedBy: 'root' }]);

    const audit = ok(await s.gql(`query ($id: ID!) {
      forMerged: auditLog(entity: $id) { edges { node { actor operation entityType entityId before after } } }
      merges: auditLog(operation: "mergeActors", first: 100) { edges { node { actor entityType after } } }
    }`, { id: merged.id }, ADMIN));
    const deletion = audit.forMerged.edges.map((e: any) => e.node).find((n: any) => n.operation === 'mergeActors');
    expect(deletion).toMatchObject({ actor: 'root', entityType: 'Actor', entityId: merged.id, after: null });
    expect(JSON.parse(deletion.before)).toMatchObject({ slug: 'harpo-marx', name: 'Harpo Marx' });
    const types = audit.merges.edges.map((e: any) => e.node.entityType);
    expect(types).toEqual(expect.arrayContaining(['Actor', 'ActorMerge']));
    expect(audit.merges.edges.every((e: any) => e.node.actor === 'root')).toBe(true);
  });

  it('keeps a span both actors cited once (no duplicate evidence)', async () => {
    const x = ok(await createActor({ name: 'Spaulding One', kind: 'PERSON', evidence: [ev('Captain Spaulding')] })).createActor.actor;
    const y = ok(await createActor({ name: 'Spaulding Two', kind: 'PERSON', evidence: [ev('Captain Spaulding'), ev('Spaulding agreed')] })).createActor.actor;
    ok(await merge({ into: x.id, from: y.id }));
    const d = ok(await s.gql(`query ($x: ID!, $doc: ID!) {
      actor(id: $x) { mentions(first: 50) { totalCount edges { node { start end quote } } } }
      document(id: $doc) { actors(first: 100) { edges { mentionCount node { id } } } }
    }`, { x: x.id, doc: doc.id }));
    expect(d.actor.mentions.edges.map((e: any) => e.node.quote).sort()).toEqual(['Captain Spaulding', 'Spaulding agreed']);
    expect(d.actor.mentions.totalCount).toBe(2);
    expect(d.document.actors.edges.find((e: any) => e.node.id === x.id).mentionCount).toBe(2);
  });

  it('merges two members of an alliance into one membership carrying the evidence of both', async () => {
    ok(await merge({ into: 'bulgaria', from: 'belgium' }));
    const d = ok(await s.gql(`{
      bulgaria: actor(slug: "bulgaria") { memberOf { kind to { slug } evidence { quote } } }
      nato: actor(slug: "nato") { members { from { slug } } }
    }`));
    const toNato = d.bulgaria.memberOf.filter((r: any) => r.to.slug === 'nato');
    expect(toNato).toHaveLength(1);
    expect(toNato[0].evidence.map((e: any) => e.quote).sort()).toEqual(['Belgium', 'Bulgaria']);
    const members = d.nato.members.map((m: any) => m.from.slug);
    expect(members.filter((m: string) => m === 'bulgaria')).toHaveLength(1);
    expect(members).not.toContain('belgium');
  });

  it('drops the relation of a part merged into its whole (no actor is part of itself)', async () => {
    const m = ok(await s.gql(`mutation {
      mergeActors(input: { into: "iraqi-security-forces", from: "iraqi-army" }) {
        actor { id memberOf { from { id } to { id } } members { from { id } to { id } } }
      }
    }`, {}, ADMIN)).mergeActors.actor;
    const self = [...m.memberOf, ...m.members].filter((r: any) => r.from.id === m.id && r.to.id === m.id);
    expect(self).toEqual([]);
  });

  it('refuses to merge the merged actor again with NOT_FOUND', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => merge({ into: survivor.id, from: merged.id }));
  });
});

describe('events', () => {
  const EVENT = `{ event {
    id slug kind status title summary start startPrecision end endPrecision dateNote version
    location { name countryCode }
    participants { id actor { id slug } role evidence ${SPAN} }
    evidence(first: 20) { edges { node ${SPAN} } }
  } }`;
  const createEvent = (input: Record<string, unknown>) => mutate(s, 'createEvent', 'CreateEventInput', input, EVENT);
  const updateEvent = (input: Record<string, unknown>) => mutate(s, 'updateEvent', 'UpdateEventInput', input, EVENT);
  const addParticipant = (input: Record<string, unknown>) =>
    mutate(s, 'addEventParticipant', 'AddEventParticipantInput', input, '{ participant { id role actor { slug } event { id } evidence { quote } } }');
  let event: any;

  it('creates an event with participants (by slug and by ID), location and evidence', async () => {
    event = ok(await createEvent({
      kind: 'SUMMIT', title: 'Freedonia\u2013Sylvania summit', summary: 'The two states met.', start: '1933-11', end: '1933-11-20',
      dateNote: 'November, from the dispatch.', location: { name: 'Brussels', countryCode: 'bel' },
      participants: [
        { actor: 'rufus-t-firefly', role: 'HOST', evidence: [ev('Rufus T. Firefly')] },
        { actor: sylvania.id, role: 'ATTENDEE' },
      ],
      evidence: [{ document: doc.id, quote: 'The summit of Freedonia and Sylvania met in Brussels.' }],
    })).createEvent.event;
    expect(event).toMatchObject({
      slug: 'freedonia-sylvania-summit', kind: 'SUMMIT', status: 'OCCURRED', title: 'Freedonia\u2013Sylvania summit',
      start: '1933-11', startPrecision: 'MONTH', end: '1933-11-20', endPrecision: 'DAY', version: 1,
      location: { name: 'Brussels', countryCode: 'BEL' },
    });
    expect(event.participants.map((p: any) => [p.actor.slug, p.role]).sort()).toEqual([['rufus-t-firefly', 'HOST'], [sylvania.slug, 'ATTENDEE']].sort());
    expectSlices(event.participants.flatMap((p: any) => p.evidence));
    expectSlices(event.evidence.edges.map((e: any) => e.node));
    const listed = ok(await s.gql('{ events(filter: { actor: "rufus-t-firefly", kind: SUMMIT }) { edges { node { id } } } }'));
    expect(listed.events.edges.map((e: any) => e.node.id)).toEqual([event.id]);
  });

  it.each([
    ['the end is before the start', { start: '1933-11-20', end: '1933-11-19' }],
    ['there is an end but no start', { end: '1933-11-19' }],
    ['a date is invalid', { start: '1933-02-29' }],
    ['the title is empty', { title: ' ' }],
    ['the location country is not a code', { location: { name: 'Nowhere', countryCode: 'NWH' } }],
  ])('refuses an event where %s with BAD_USER_INPUT', async (_label, fields) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => createEvent({ kind: 'MEETING', title: 'Refused meeting', ...fields }));
  });

  it('refuses unknown participants with NOT_FOUND and a participant listed twice in one input with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => createEvent({ kind: 'MEETING', title: 'Refused meeting', participants: [{ actor: 'no-such-actor', role: 'HOST' }] }));
    // Not CONFLICT: no stored record collides, the input contradicts itself.
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => createEvent({
      kind: 'MEETING', title: 'Refused meeting',
      participants: [{ actor: sylvania.id, role: 'HOST' }, { actor: sylvania.slug, role: 'HOST' }],
    }));
  });

  it('updates an event: omitted fields stay, null clears, the version is bumped', async () => {
    const e = ok(await updateEvent({ id: event.id, expectedVersion: 1, title: 'Renamed summit', status: 'PLANNED', summary: null, end: '1933-12' })).updateEvent.event;
    expect(e).toMatchObject({
      title: 'Renamed summit', status: 'PLANNED', summary: null, start: '1933-11', end: '1933-12', endPrecision: 'MONTH',
      kind: 'SUMMIT', dateNote: 'November, from the dispatch.', location: { name: 'Brussels', countryCode: 'BEL' }, version: 2,
    });
    event = e;
  });

  it('refuses a stale version with CONFLICT, an end before the start with BAD_USER_INPUT, unknown IDs with NOT_FOUND', async () => {
    await refusedUnchanged(s, 'CONFLICT', () => updateEvent({ id: event.id, expectedVersion: 1, title: 'Lost update' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => updateEvent({ id: event.id, expectedVersion: event.version, end: '1933-10' }));
    await refusedUnchanged(s, 'NOT_FOUND', () => updateEvent({ id: gid('Event', 'nosuchevent'), expectedVersion: 1, title: 'x' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => updateEvent({ id: event.slug, expectedVersion: 1, title: 'x' }));
  });

  it('adds a participant, refuses the same one twice with CONFLICT, accepts the same actor in another role', async () => {
    const p = ok(await addParticipant({ event: event.slug, participant: { actor: 'nato', role: 'SUBJECT', evidence: [ev('Quillon Press dispatch')] } }))
      .addEventParticipant.participant;
    expect(p).toMatchObject({ role: 'SUBJECT', actor: { slug: 'nato' }, event: { id: event.id }, evidence: [{ quote: 'Quillon Press dispatch' }] });
    const error = await refusedUnchanged(s, 'CONFLICT', () => addParticipant({ event: event.id, participant: { actor: 'nato', role: 'SUBJECT' } }));
    expect(error.extensions!.existingId).toBe(p.id);
    ok(await addParticipant({ event: event.id, participant: { actor: 'nato', role: 'SPEAKER' } }));
    await refusedUnchanged(s, 'NOT_FOUND', () => addParticipant({ event: 'no-such-event', participant: { actor: 'nato', role: 'HOST' } }));
    await refusedUnchanged(s, 'NOT_FOUND', () => addParticipant({ event: event.id, participant: { actor: 'no-such-actor', role: 'HOST' } }));
  });
});

describe('requests', () => {
  const REQUEST = `{ request {
    id slug summary date datePrecision dateNote channel status version
    madeAt { slug }
    requesters { id slug } addressees { id slug }
    parties { actor { slug } side onBehalfOf { slug } }
    items { id category description excluded evidence ${SPAN} }
    evidence(first: 20) { edges { node ${SPAN} } }
    responses { id }
  } }`;
  const createRequest = (input: Record<string, unknown>) => mutate(s, 'createRequest', 'CreateRequestInput', input, REQUEST);
  const SUMMARY = 'Freedonia asks Sylvania for training and equipment, but not troops';
  const base = () => ({
    summary: SUMMARY, channel: 'LETTER', date: '1933-11-17', dateNote: 'From the dispatch.',
    requesters: [{ actor: 'rufus-t-firefly', onBehalfOf: freedonia.id }],
    addressees: [{ actor: sylvania.id }, { actor: 'nato' }],
    items: [
      { category: 'TRAINING', description: 'training', evidence: [ev('training')] },
      { category: 'EQUIPMENT', description: 'equipment', evidence: [{ document: doc.id, quote: 'equipment' }] },
      { category: 'TROOPS', description: 'troops', excluded: true, evidence: [ev('but not troops')] },
    ],
    evidence: [ev('asked Sylvania for training and equipment, but not troops.')],
  });
  let request: any;

  it('creates a request with parties by slug and global ID, items (one excluded) and evidence', async () => {
    request = ok(await createRequest({ ...base(), madeAt: 'freedonia-sylvania-summit' })).createRequest.request;
    expect(request).toMatchObject({
      slug: 'freedonia-asks-sylvania-for-training-and-equipment-but-not', summary: SUMMARY, date: '1933-11-17', datePrecision: 'DAY',
      dateNote: 'From the dispatch.', channel: 'LETTER', status: 'PENDING', version: 1, madeAt: { slug: 'freedonia-sylvania-summit' },
      requesters: [{ slug: 'rufus-t-firefly' }], responses: [],
    });
    expect(request.addressees.map((a: any) => a.slug).sort()).toEqual(['nato', sylvania.slug].sort());
    expect(request.parties).toEqual(expect.arrayContaining([{ actor: { slug: 'rufus-t-firefly' }, side: 'REQUESTER', onBehalfOf: { slug: 'freedonia' } }]));
    expect(request.items.map((i: any) => [i.category, i.excluded]).sort()).toEqual([['EQUIPMENT', false], ['TRAINING', false], ['TROOPS', true]]);
    const split = ok(await s.gql('query ($id: ID!) { request(id: $id) { no: items(excluded: true) { category } yes: items(excluded: false) { category } } }', { id: request.id }));
    expect(split.request.no).toEqual([{ category: 'TROOPS' }]);
    expect(split.request.yes.map((i: any) => i.category).sort()).toEqual(['EQUIPMENT', 'TRAINING']);
    const spans = [...request.items.flatMap((i: any) => i.evidence), ...request.evidence.edges.map((e: any) => e.node)];
    expect(spans).toHaveLength(4);
    expectSlices(spans);
  });

  it('is listed by the excluded category, not by the asked-for one, and appears in the timeline', async () => {
    const d = ok(await s.gql(`query ($id: ID!) {
      excluded: requests(filter: { excludedCategory: TROOPS }, first: 100) { edges { node { id } } }
      asked: requests(filter: { category: TROOPS }, first: 100) { edges { node { id } } }
      training: requests(filter: { category: TRAINING, requester: "rufus-t-firefly" }) { edges { node { id } } }
      timeline(actor: "rufus-t-firefly") { edges { date node { __typename ... on Request { id } } } }
      day: timeline(from: "1933-11-17", to: "1933-11-17") { edges { node { ... on Request { id } } } }
      doc: document(id: $id) { requests { edges { node { id } } } }
      event(slug: "freedonia-sylvania-summit") { requests { edges { node { id } } } }
    }`, { id: doc.id }));
    const ids = (c: any) => c.edges.map((e: any) => e.node.id);
    expect(ids(d.excluded)).toContain(request.id);
    expect(ids(d.asked)).not.toContain(request.id);
    expect(ids(d.training)).toEqual([request.id]);
    expect(d.timeline.edges).toContainEqual({ date: '1933-11-17', node: { __typename: 'Request', id: request.id } });
    expect(ids(d.day)).toContain(request.id);
    expect(ids(d.doc.requests)).toContain(request.id);
    expect(ids(d.event.requests)).toEqual([request.id]);
  });

  it.each([
    ['no items', () => ({ items: [] })],
    ['no requesters', () => ({ requesters: [] })],
    ['no addressees', () => ({ addressees: [] })],
    ['a requester listed twice', () => ({ requesters: [{ actor: 'rufus-t-firefly' }, { actor: 'rufus-t-firefly' }] })],
    ['an empty summary', () => ({ summary: '  ' })],
    ['an item without a description', () => ({ items: [{ category: 'TRAINING', description: '' }] })],
    ['a bad date', () => ({ date: '1933-11-31' })],
    ['the 3rd item\'s evidence not in the document', () => ({
      items: [...base().items.slice(0, 2), { category: 'TROOPS', description: 'troops', excluded: true, evidence: [ev('but not tanks')] }],
    })],
    ['the 3rd item\'s evidence span out of range', () => ({
      items: [...base().items.slice(0, 2), { category: 'FUNDING', description: 'money', evidence: [{ document: doc.id, start: 0, end: BODY.length + 1 }] }],
    })],
    ['the request evidence ambiguous', () => ({ evidence: [ev('the request')] })],
  ])('refuses a request with %s with BAD_USER_INPUT and writes nothing', async (_label, fields) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => createRequest({ ...base(), slug: 'never-written', ...fields() }));
    expect(ok(await s.gql('{ request(slug: "never-written") { id } }')).request).toBeNull();
  });

  it.each([
    ['an unknown addressee slug', () => ({ addressees: [{ actor: sylvania.slug }, { actor: 'no-such-actor' }] })],
    ['an unknown requester ID', () => ({ requesters: [{ actor: gid('Actor', 'nosuchactor') }] })],
    ['an unknown onBehalfOf', () => ({ requesters: [{ actor: 'rufus-t-firefly', onBehalfOf: 'no-such-state' }] })],
    ['an unknown event', () => ({ madeAt: 'no-such-event' })],
    ['an unknown document in the 3rd item\'s evidence', () => ({
      items: [...base().items.slice(0, 2), { category: 'TROOPS', description: 'troops', evidence: [{ document: 'no-such-document', quote: 'troops' }] }],
    })],
  ])('refuses a request with %s with NOT_FOUND and writes nothing', async (_label, fields) => {
    await refusedUnchanged(s, 'NOT_FOUND', () => createRequest({ ...base(), slug: 'never-written', ...fields() }));
    expect(ok(await s.gql('{ request(slug: "never-written") { id } }')).request).toBeNull();
  });

  it('refuses a taken slug with CONFLICT', async () => {
    await refusedUnchanged(s, 'CONFLICT', () => createRequest({ ...base(), slug: 'allawi-2004-nato-assistance' }));
  });

  it('sets the status with the version, and refuses a stale one with CONFLICT', async () => {
    const r = ok(await mutate(s, 'setRequestStatus', 'SetRequestStatusInput', { id: request.id, expectedVersion: request.version, status: 'UNDER_CONSIDERATION' }, REQUEST))
      .setRequestStatus.request;
    expect(r).toMatchObject({ id: request.id, status: 'UNDER_CONSIDERATION', version: request.version + 1 });
    const error = await refusedUnchanged(s, 'CONFLICT', () =>
      mutate(s, 'setRequestStatus', 'SetRequestStatusInput', { id: request.id, expectedVersion: request.version, status: 'DECLINED' }, REQUEST));
    expect(error.extensions!.currentVersion).toBe(r.version);
    await refusedUnchanged(s, 'BAD_USER_INPUT', () =>
      mutate(s, 'setRequestStatus', 'SetRequestStatusInput', { id: request.slug, expectedVersion: r.version, status: 'DECLINED' }, REQUEST));
    await refusedUnchanged(s, 'NOT_FOUND', () =>
      mutate(s, 'setRequestStatus', 'SetRequestStatusInput', { id: gid('Request', 'nosuchrequest'), expectedVersion: 1, status: 'DECLINED' }, REQUEST));
    const listed = ok(await s.gql('{ requests(filter: { status: UNDER_CONSIDERATION, requester: "rufus-t-firefly" }) { edges { node { id } } } }'));
    expect(listed.requests.edges.map((e: any) => e.node.id)).toEqual([request.id]);
    request = r;
  });

  it('records a response, which bumps the request version (so a stale status change is a CONFLICT)', async () => {
    const add = (input: Record<string, unknown>) => mutate(s, 'addRequestResponse', 'AddRequestResponseInput', input,
      `{ response { id stance date summary responder { slug } event { slug } evidence ${SPAN} } request { id version responses { id } } }`);
    const d = ok(await add({
      request: request.slug, responder: sylvania.id, stance: 'CONSIDERING', date: '1933-11-18', event: 'freedonia-sylvania-summit',
      summary: 'Trentino considered the request.', evidence: [ev('considered the request')],
    })).addRequestResponse;
    expect(d.response).toMatchObject({ stance: 'CONSIDERING', date: '1933-11-18', responder: { slug: sylvania.slug }, event: { slug: 'freedonia-sylvania-summit' } });
    // The globe before the quote counts as two UTF-16 units.
    expect(d.response.evidence).toEqual([{ id: expect.any(String), start: at('considered the request')[0], end: at('considered the request')[0]! + 22, quote: 'considered the request', document: { id: doc.id } }]);
    expect(d.request).toEqual({ id: request.id, version: request.version + 1, responses: [{ id: d.response.id }] });

    await refusedUnchanged(s, 'CONFLICT', () =>
      mutate(s, 'setRequestStatus', 'SetRequestStatusInput', { id: request.id, expectedVersion: request.version, status: 'ACCEPTED' }, '{ request { id } }'));
    await refusedUnchanged(s, 'NOT_FOUND', () => add({ request: request.id, responder: 'no-such-actor', stance: 'ACCEPTS', summary: 'x' }));
    await refusedUnchanged(s, 'NOT_FOUND', () => add({ request: 'no-such-request', responder: sylvania.id, stance: 'ACCEPTS', summary: 'x' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => add({ request: request.id, responder: sylvania.id, stance: 'ACCEPTS', summary: 'x', date: '1933-13' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => add({ request: request.id, responder: sylvania.id, stance: 'ACCEPTS', summary: 'x', evidence: [ev('Zeppo')] }));
    const r = ok(await mutate(s, 'setRequestStatus', 'SetRequestStatusInput', { id: request.id, expectedVersion: d.request.version, status: 'ACCEPTED' }, '{ request { status version } }'));
    expect(r.setRequestStatus.request).toEqual({ status: 'ACCEPTED', version: d.request.version + 1 });
  });
});

describe('evidence', () => {
  const EVIDENCE = `{ evidence { id start end quote document { id } supports { id } } }`;
  const add = (target: string, evidence: Record<string, unknown>) => mutate(s, 'addEvidence', 'AddEvidenceInput', { target, evidence }, EVIDENCE);
  const removeEv = (id: string) => mutate(s, 'removeEvidence', 'RemoveEvidenceInput', { id }, '{ deletedId }');
  let target: string; // a Request
  let item: string; // a RequestItem
  let byOffsets: any;

  beforeAll(async () => {
    const r = ok(await s.gql('{ request(slug: "freedonia-asks-sylvania-for-training-and-equipment-but-not") { id items { id } } }')).request;
    target = r.id;
    item = r.items[0].id;
  });

  it('adds a span by offsets; its quote is the body slice', async () => {
    const start = at('Ambassador Trentino')[0]!;
    byOffsets = ok(await add(target, { document: doc.slug, start, end: start + 19 })).addEvidence.evidence;
    expect(byOffsets).toMatchObject({ start, end: start + 19, quote: 'Ambassador Trentino', document: { id: doc.id }, supports: { id: target } });
  });

  it('adds a span by offsets with a matching quote, after a character outside the BMP', async () => {
    const start = at('considered')[0]!;
    const e = ok(await add(item, { document: doc.id, start, end: start + 10, quote: 'considered' })).addEvidence.evidence;
    expect(e).toMatchObject({ start, end: start + 10, quote: 'considered', supports: { id: item } });
    expect(BODY.slice(e.start, e.end)).toBe('considered');
  });

  it('adds a span around a character outside the BMP; its quote is exactly the body slice', async () => {
    const e = ok(await add(item, { document: doc.id, start: GLOBE - 9, end: GLOBE + 2 })).addEvidence.evidence;
    expect(e.quote).toBe('Sylvania \u{1F30D}');
    const again = ok(await s.gql('query ($id: ID!) { node(id: $id) { ... on Evidence { quote context(chars: 3) { quote } } } }', { id: e.id })).node;
    expect(again).toEqual({ quote: 'Sylvania \u{1F30D}', context: { quote: 'Sylvania \u{1F30D}' } });
  });

  it.each([1, 2, 3])('adds a span by quote and occurrence (%i of "Firefly")', async (occurrence) => {
    const e = ok(await add(item, { document: doc.slug, quote: 'Firefly', occurrence })).addEvidence.evidence;
    expect(e).toMatchObject({ start: at('Firefly')[occurrence - 1], end: at('Firefly')[occurrence - 1]! + 7, quote: 'Firefly' });
  });

  it.each([
    ['the span ends past the body', () => ({ start: 0, end: BODY.length + 1 })],
    ['the span starts before the body', () => ({ start: -1, end: 5 })],
    ['the span starts past the body', () => ({ start: BODY.length, end: BODY.length + 3 })],
    ['end equals start', () => ({ start: 10, end: 10 })],
    ['end is before start', () => ({ start: 10, end: 5 })],
    ['only start is given', () => ({ start: 10 })],
    ['only end is given', () => ({ end: 10 })],
    ['neither offsets nor a quote are given', () => ({})],
    ['the quote is not in the document', () => ({ quote: 'Chicolini' })],
    ['the quote is empty', () => ({ quote: '' })],
    ['the quote is ambiguous without occurrence', () => ({ quote: 'Firefly' })],
    ['the occurrence does not exist', () => ({ quote: 'Firefly', occurrence: 4 })],
    ['the occurrence is zero', () => ({ quote: 'Firefly', occurrence: 0 })],
    ['the quote does not match the offsets', () => ({ start: 0, end: 7, quote: 'Firefly' })],
    ['the quote matches the offsets but for case', () => ({ start: at('Firefly')[1], end: at('Firefly')[1]! + 7, quote: 'firefly' })],
    // A span must not cut a character in half: half a surrogate pair is not text (and cannot be stored).
    ['the span starts between the halves of a surrogate pair', () => ({ start: GLOBE + 1, end: GLOBE + 12 })],
    ['the span ends between the halves of a surrogate pair', () => ({ start: GLOBE - 9, end: GLOBE + 1 })],
    ['the quote is half of a surrogate pair', () => ({ quote: '\uDF0D considered' })],
  ])('refuses evidence where %s with BAD_USER_INPUT', async (_label, span) => {
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => add(target, { document: doc.id, ...span() }));
  });

  it('says how often an ambiguous quote occurs', async () => {
    const error = await refusedUnchanged(s, 'BAD_USER_INPUT', () => add(target, { document: doc.id, quote: 'Firefly' }));
    expect(error.extensions!.occurrences).toBe(3);
  });

  it('refuses targets that cannot carry evidence, or are malformed, with BAD_USER_INPUT', async () => {
    const evidenceId = byOffsets.id;
    for (const t of [doc.id, evidenceId, 'rufus-t-firefly', 'not an id', gid('Nonsense', 'x')]) {
      await refusedUnchanged(s, 'BAD_USER_INPUT', () => add(t, { document: doc.id, quote: 'Quillon Press' }));
    }
  });

  it('refuses an unknown target or document with NOT_FOUND, a document reference of another type with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => add(gid('Request', 'nosuchrequest'), { document: doc.id, quote: 'Quillon Press' }));
    await refusedUnchanged(s, 'NOT_FOUND', () => add(gid('ActorRole', 'nosuchrole'), { document: doc.id, quote: 'Quillon Press' }));
    await refusedUnchanged(s, 'NOT_FOUND', () => add(target, { document: 'no-such-document', quote: 'Quillon Press' }));
    await refusedUnchanged(s, 'NOT_FOUND', () => add(target, { document: gid('Document', 'nosuchdocument'), quote: 'Quillon Press' }));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => add(target, { document: target, quote: 'Quillon Press' }));
  });

  it('refuses the same span on the same record with CONFLICT, by offsets or by quote', async () => {
    const again = await refusedUnchanged(s, 'CONFLICT', () => add(target, { document: doc.id, start: byOffsets.start, end: byOffsets.end }));
    expect(again.extensions!.existingId).toBe(byOffsets.id);
    const byQuote = await refusedUnchanged(s, 'CONFLICT', () => add(target, { document: doc.slug, quote: 'Ambassador Trentino' }));
    expect(byQuote.extensions!.existingId).toBe(byOffsets.id);
    // The same span on another record is fine.
    const other = ok(await add(sylvania.id, { document: doc.slug, quote: 'Ambassador Trentino' })).addEvidence.evidence;
    expect(other).toMatchObject({ start: byOffsets.start, end: byOffsets.end, supports: { id: sylvania.id } });
  });

  it('removes a span', async () => {
    expect(ok(await removeEv(byOffsets.id)).removeEvidence).toEqual({ deletedId: byOffsets.id });
    expect(ok(await s.gql('query ($id: ID!) { node(id: $id) { id } }', { id: byOffsets.id })).node).toBeNull();
    const spans = ok(await s.gql('query ($id: ID!) { request(id: $id) { evidence(first: 50) { edges { node { id } } } } }', { id: target })).request;
    expect(spans.evidence.edges.map((e: any) => e.node.id)).not.toContain(byOffsets.id);
    // Now the span can be added again.
    ok(await add(target, { document: doc.id, start: byOffsets.start, end: byOffsets.end }));
  });

  it('refuses to remove an unknown span with NOT_FOUND, a malformed or mistyped ID with BAD_USER_INPUT', async () => {
    await refusedUnchanged(s, 'NOT_FOUND', () => removeEv(byOffsets.id));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => removeEv('nope'));
    await refusedUnchanged(s, 'BAD_USER_INPUT', () => removeEv(target));
  });
});
