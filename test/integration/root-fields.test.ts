/**
 * Every root field of the read API, over HTTP against the seeded database: lookups by global ID, slug
 * and name, each list filter and sort order, stats, and the BAD_USER_INPUT paths of their arguments.
 */
import { codes, startTestServer, type TestServer, ok, refused } from '../helpers/server.ts';
import { dumpTables, rawQuery } from '../helpers/db.ts';

let s: TestServer;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  s = await startTestServer();
  before = await dumpTables(s.t.db);
});
afterAll(async () => {
  // Nothing in this file writes: every refused and accepted query left the tables as they were.
  expect(await dumpTables(s.t.db)).toEqual(before);
  await s.close();
});

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');



const slugs = (conn: { edges: { node: { slug: string } }[] }) => conn.edges.map((e) => e.node.slug);
const sorted = (list: string[]) => [...list].sort();

const DOC = {
  afp2004: '000_86de1592ab15966e',
  rferl2008: '001_406679a407a0dddd',
  fox2004: '002_747cff529a1d3125',
  reuters2018: '003_c24ebd90a8b61ee5',
  nato2005: '004_a49028e8fd2b822a',
};

describe('node and nodes', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    const d = ok(await s.gql(`{
      document(slug: "${DOC.afp2004}") { id }
      actor(slug: "iyad-allawi") { id roles { id } }
      event(slug: "istanbul-summit-2004") { id }
      request(slug: "allawi-2004-nato-assistance") {
        id
        items(excluded: true) { id }
        responses { id }
        evidence(first: 1) { edges { node { id } } }
      }
    }`));
    ids = {
      Document: d.document.id,
      Actor: d.actor.id,
      ActorRole: d.actor.roles[0].id,
      Event: d.event.id,
      Request: d.request.id,
      RequestItem: d.request.items[0].id,
      RequestResponse: d.request.responses[0].id,
      Evidence: d.request.evidence.edges[0].node.id,
    };
  });

  it.each(['Document', 'Actor', 'ActorRole', 'Event', 'Request', 'RequestItem', 'RequestResponse', 'Evidence'])(
    'round-trips the global ID of a %s',
    async (type) => {
      const id = ids[type]!;
      expect(typeof id).toBe('string');
      const d = ok(await s.gql(`query ($id: ID!) {
        node(id: $id) {
          __typename id
          ... on Document { slug }
          ... on Actor { slug }
          ... on ActorRole { title holder { slug } }
          ... on Event { slug }
          ... on Request { slug }
          ... on RequestItem { category excluded request { slug } }
          ... on RequestResponse { request { slug } }
          ... on Evidence { quote }
        }
      }`, { id }));
      expect(d.node.__typename).toBe(type);
      expect(d.node.id).toBe(id);
      const expected: Record<string, object> = {
        Document: { slug: DOC.afp2004 },
        Actor: { slug: 'iyad-allawi' },
        ActorRole: { title: 'Prime Minister', holder: { slug: 'iyad-allawi' } },
        Event: { slug: 'istanbul-summit-2004' },
        Request: { slug: 'allawi-2004-nato-assistance' },
        RequestItem: { category: 'TROOPS', excluded: true, request: { slug: 'allawi-2004-nato-assistance' } },
        RequestResponse: { request: { slug: 'allawi-2004-nato-assistance' } },
        Evidence: {},
      };
      expect(d.node).toMatchObject(expected[type]!);
    },
  );

  it('returns null for a well-formed ID that names no record', async () => {
    for (const type of ['Actor', 'Document', 'Evidence', 'RequestItem']) {
      const r = await s.gql('query ($id: ID!) { node(id: $id) { id } }', { id: gid(type, 'doesnotexist') });
      expect(ok(r).node).toBeNull();
    }
  });

  it.each([
    ['not base64url', 'not an id!'],
    ['an unknown type', gid('Spaceship', 'abc')],
    ['no separator', Buffer.from('Actor').toString('base64url')],
    ['an empty database id', gid('Actor', '')],
    ['too short', 'QQ'],
  ])('refuses a malformed ID (%s) with BAD_USER_INPUT', async (_label, id) => {
    const r = await s.gql('query ($id: ID!) { node(id: $id) { id } }', { id });
    refused(r, 'BAD_USER_INPUT');
    expect(r.data?.node ?? null).toBeNull();
  });

  it('nodes returns the records in the order given, null where none exists', async () => {
    const list = [ids.Event!, gid('Actor', 'nope'), ids.Document!, ids.Actor!];
    const d = ok(await s.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: list }));
    expect(d.nodes).toEqual([
      { __typename: 'Event', id: ids.Event },
      null,
      { __typename: 'Document', id: ids.Document },
      { __typename: 'Actor', id: ids.Actor },
    ]);
  });

  it('nodes accepts 100 IDs and refuses 101 with BAD_USER_INPUT', async () => {
    const hundred = Array.from({ length: 100 }, () => ids.Actor!);
    const d = ok(await s.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: hundred }));
    expect(d.nodes).toHaveLength(100);
    expect(d.nodes.every((n: { id: string }) => n.id === ids.Actor)).toBe(true);

    const r = await s.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [...hundred, ids.Actor] });
    refused(r, 'BAD_USER_INPUT');
  });

  it('nodes refuses a malformed ID among good ones with BAD_USER_INPUT', async () => {
    const r = await s.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [ids.Actor, '%%%'] });
    expect(codes(r)).toContain('BAD_USER_INPUT');
  });
});

describe('document / documents', () => {
  it('finds a document by slug and by ID', async () => {
    const bySlug = ok(await s.gql(`{ document(slug: "${DOC.fox2004}") { id slug title publisher published publishedPrecision } }`)).document;
    expect(bySlug).toMatchObject({
      slug: DOC.fox2004, title: 'Bush Asks NATO for Help in Iraq', publisher: 'Fox News', published: '2004-06', publishedPrecision: 'MONTH',
    });
    const byId = ok(await s.gql('query ($id: ID) { document(id: $id) { slug } }', { id: bySlug.id })).document;
    expect(byId.slug).toBe(DOC.fox2004);
  });

  it('returns null for an unknown slug or ID', async () => {
    expect(ok(await s.gql('{ document(slug: "no-such-document") { id } }')).document).toBeNull();
    expect(ok(await s.gql('query ($id: ID) { document(id: $id) { id } }', { id: gid('Document', 'nope') })).document).toBeNull();
  });

  it('refuses both or neither of id and slug, and the ID of another type', async () => {
    const { document } = ok(await s.gql(`{ document(slug: "${DOC.fox2004}") { id } }`));
    refused(await s.gql(`query ($id: ID) { document(id: $id, slug: "${DOC.fox2004}") { id } }`, { id: document.id }), 'BAD_USER_INPUT');
    refused(await s.gql('{ document { id } }'), 'BAD_USER_INPUT');
    const { actor } = ok(await s.gql('{ actor(slug: "nato") { id } }'));
    refused(await s.gql('query ($id: ID) { document(id: $id) { id } }', { id: actor.id }), 'BAD_USER_INPUT');
    refused(await s.gql('{ document(id: "!!") { id } }'), 'BAD_USER_INPUT');
  });

  it('lists documents by publication date by default, with totalCount', async () => {
    const d = ok(await s.gql('{ documents { totalCount edges { node { slug published } } } }')).documents;
    expect(d.totalCount).toBe(5);
    expect(slugs(d)).toEqual([DOC.fox2004, DOC.afp2004, DOC.nato2005, DOC.rferl2008, DOC.reuters2018]);
  });

  it('filters by publisher (contains, case-insensitive)', async () => {
    const fox = ok(await s.gql('{ documents(filter: { publisher: "fox" }) { totalCount edges { node { slug } } } }')).documents;
    expect(slugs(fox)).toEqual([DOC.fox2004]);
    expect(fox.totalCount).toBe(1);
    const rfe = ok(await s.gql('{ documents(filter: { publisher: "Radio Free Europe" }) { edges { node { slug } } } }')).documents;
    expect(slugs(rfe)).toEqual([DOC.rferl2008]);
    const none = ok(await s.gql('{ documents(filter: { publisher: "Le Monde" }) { totalCount edges { node { slug } } } }')).documents;
    expect(none).toEqual({ totalCount: 0, edges: [] });
  });

  // "contains this text": SQL LIKE wildcards in the text are characters like any other.
  it('takes % and _ in text filters literally', async () => {
    const d = ok(await s.gql(`{
      p1: documents(filter: { publisher: "%" }) { totalCount }
      p2: documents(filter: { publisher: "_" }) { totalCount }
      p3: documents(filter: { publisher: "F_x" }) { totalCount }
      a1: actors(filter: { nameContains: "%" }) { totalCount }
      a2: actors(filter: { nameContains: "_" }) { totalCount }
      e1: events(filter: { location: "%" }) { totalCount }
      e2: events(filter: { location: "Istanb_l" }) { totalCount }
    }`));
    expect(d).toEqual({
      p1: { totalCount: 0 }, p2: { totalCount: 0 }, p3: { totalCount: 0 },
      a1: { totalCount: 0 }, a2: { totalCount: 0 },
      e1: { totalCount: 0 }, e2: { totalCount: 0 },
    });
  });

  it('filters by from/to with partial dates overlapping', async () => {
    const q = 'query ($f: DocumentFilter) { documents(filter: $f) { totalCount edges { node { slug } } } }';
    expect(slugs(ok(await s.gql(q, { f: { from: '2005' } })).documents)).toEqual([DOC.nato2005, DOC.rferl2008, DOC.reuters2018]);
    expect(slugs(ok(await s.gql(q, { f: { to: '2004' } })).documents)).toEqual([DOC.fox2004, DOC.afp2004]);
    // "2004-06" (month) overlaps the day 2004-06-23; "2004-06-23" is that day.
    expect(slugs(ok(await s.gql(q, { f: { from: '2004-06-23', to: '2004-06-23' } })).documents)).toEqual([DOC.fox2004, DOC.afp2004]);
    expect(slugs(ok(await s.gql(q, { f: { from: '2004-06-24', to: '2004-12' } })).documents)).toEqual([DOC.fox2004]);
    expect(slugs(ok(await s.gql(q, { f: { from: '2006', to: '2007' } })).documents)).toEqual([]);
  });

  it('refuses from after to with BAD_USER_INPUT', async () => {
    refused(await s.gql('{ documents(filter: { from: "2010", to: "2005" }) { totalCount } }'), 'BAD_USER_INPUT');
  });

  it('filters by language', async () => {
    const q = 'query ($l: String) { documents(filter: { language: $l }) { totalCount } }';
    expect(ok(await s.gql(q, { l: 'en' })).documents.totalCount).toBe(5);
    expect(ok(await s.gql(q, { l: 'EN' })).documents.totalCount).toBe(5);
    expect(ok(await s.gql(q, { l: 'fr' })).documents.totalCount).toBe(0);
    refused(await s.gql(q, { l: '   ' }), 'BAD_USER_INPUT');
  });

  it('sorts by each order field and direction', async () => {
    const q = 'query ($o: DocumentOrder) { documents(orderBy: $o) { edges { node { slug title } } } }';
    const desc = ok(await s.gql(q, { o: { field: 'PUBLISHED', direction: 'DESC' } })).documents;
    expect(slugs(desc)).toEqual([DOC.reuters2018, DOC.rferl2008, DOC.nato2005, DOC.afp2004, DOC.fox2004]);
    const byTitle = ok(await s.gql(q, { o: { field: 'TITLE' } })).documents;
    expect(byTitle.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'Bush Asks NATO for Help in Iraq',
      "Iraq's Allawi asks NATO for training assistance",
      'NATO to consider larger Iraq training mission',
      "NATO's Assistance to Iraq",
      'NATO: Iraq Asks Alliance For Greater Assistance',
    ]);
    const byTitleDesc = ok(await s.gql(q, { o: { field: 'TITLE', direction: 'DESC' } })).documents;
    expect(slugs(byTitleDesc)).toEqual(slugs(byTitle).reverse());
    const created = ok(await s.gql(q, { o: { field: 'CREATED_AT' } })).documents;
    expect(sorted(slugs(created))).toEqual(sorted(Object.values(DOC)));
  });
});

describe('actor / actors', () => {
  it('finds an actor by slug, by ID and by any of its names, case-insensitively', async () => {
    const nato = ok(await s.gql('{ actor(slug: "nato") { id slug name kind } }')).actor;
    expect(nato).toMatchObject({ slug: 'nato', name: 'North Atlantic Treaty Organization', kind: 'ORGANIZATION' });
    expect(ok(await s.gql('query ($id: ID) { actor(id: $id) { slug } }', { id: nato.id })).actor.slug).toBe('nato');

    const byName = async (name: string) => ok(await s.gql('query ($n: String) { actor(name: $n) { slug } }', { n: name })).actor?.slug ?? null;
    expect(await byName('de Hoop Scheffer')).toBe('jaap-de-hoop-scheffer');
    expect(await byName('DE HOOP SCHEFFER')).toBe('jaap-de-hoop-scheffer');
    expect(await byName('MR ALLAWI')).toBe('iyad-allawi');
    expect(await byName('  iyad   allawi ')).toBe('iyad-allawi');
    expect(await byName('nato')).toBe('nato');
    expect(await byName('north atlantic treaty organization')).toBe('nato');
    expect(await byName('Nouri al-Maliki')).toBe('nuri-al-maliki');
    expect(await byName('daesh')).toBe('islamic-state');
    // A part of a name is not a name.
    expect(await byName('Scheffer')).toBeNull();
    expect(await byName('Nobody At All')).toBeNull();
  });

  it('returns null for an unknown slug or ID', async () => {
    expect(ok(await s.gql('{ actor(slug: "nobody") { id } }')).actor).toBeNull();
    expect(ok(await s.gql('query ($id: ID) { actor(id: $id) { id } }', { id: gid('Actor', 'nobody') })).actor).toBeNull();
  });

  it('refuses none or several of id, slug and name, an empty name, and the ID of another type', async () => {
    refused(await s.gql('{ actor { id } }'), 'BAD_USER_INPUT');
    refused(await s.gql('{ actor(slug: "nato", name: "NATO") { id } }'), 'BAD_USER_INPUT');
    refused(await s.gql('{ actor(name: "   ") { id } }'), 'BAD_USER_INPUT');
    const { document } = ok(await s.gql(`{ document(slug: "${DOC.afp2004}") { id } }`));
    refused(await s.gql('query ($id: ID) { actor(id: $id) { id } }', { id: document.id }), 'BAD_USER_INPUT');
  });

  it('lists all 57 actors by name by default', async () => {
    const d = ok(await s.gql('{ actors(first: 100) { totalCount edges { node { name } } } }')).actors;
    expect(d.totalCount).toBe(57);
    expect(d.edges).toHaveLength(57);
    const names = d.edges.map((e: { node: { name: string } }) => e.node.name);
    // SQLite's default (binary) collation, which is what the keyset cursors compare with.
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const desc = ok(await s.gql('{ actors(first: 100, orderBy: { field: NAME, direction: DESC }) { edges { node { name } } } }')).actors;
    expect(desc.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([...names].reverse());
  });

  it('filters by kind', async () => {
    const q = 'query ($k: [ActorKind!]) { actors(first: 100, filter: { kind: $k }) { totalCount edges { node { slug kind } } } }';
    const counts: Record<string, number> = { STATE: 28, PERSON: 15, ORGANIZATION: 12, GROUP: 2, OTHER: 0 };
    for (const [kind, n] of Object.entries(counts)) {
      const d = ok(await s.gql(q, { k: kind })).actors;
      expect(d.totalCount).toBe(n);
      expect(d.edges).toHaveLength(n);
      expect(d.edges.every((e: { node: { kind: string } }) => e.node.kind === kind)).toBe(true);
    }
    expect(sorted(slugs(ok(await s.gql(q, { k: 'GROUP' })).actors))).toEqual(['islamic-state', 'us-led-coalition']);
  });

  it('filters by country code, case-insensitively, and refuses a code that is not ISO 3166-1 alpha-3', async () => {
    const q = 'query ($c: String, $k: [ActorKind!]) { actors(first: 100, filter: { country: $c, kind: $k }) { totalCount edges { node { slug } } } }';
    const iraqi = [
      'government-of-iraq', 'haider-al-abadi', 'iraq', 'iraqi-army', 'iraqi-defence-ministry', 'iraqi-interim-government',
      'iraqi-security-forces', 'iyad-allawi', 'nuri-al-maliki',
    ];
    expect(sorted(slugs(ok(await s.gql(q, { c: 'IRQ' })).actors))).toEqual(iraqi);
    expect(sorted(slugs(ok(await s.gql(q, { c: 'irq' })).actors))).toEqual(iraqi);
    expect(slugs(ok(await s.gql(q, { c: 'IRQ', k: 'STATE' })).actors)).toEqual(['iraq']);
    expect(sorted(slugs(ok(await s.gql(q, { c: 'NLD' })).actors))).toEqual(['jaap-de-hoop-scheffer', 'netherlands']);
    for (const bad of ['XXX', 'IQ', 'Iraq', '']) refused(await s.gql(q, { c: bad }), 'BAD_USER_INPUT');
  });

  it('filters by a part of the name or of any alias, case-insensitively', async () => {
    const q = 'query ($n: String) { actors(first: 100, filter: { nameContains: $n }) { totalCount edges { node { slug } } } }';
    expect(slugs(ok(await s.gql(q, { n: 'scheffer' })).actors)).toEqual(['jaap-de-hoop-scheffer']);
    expect(slugs(ok(await s.gql(q, { n: 'ISIS' })).actors)).toEqual(['islamic-state']);
    expect(slugs(ok(await s.gql(q, { n: 'maliki' })).actors)).toEqual(['nuri-al-maliki']);
    expect(sorted(slugs(ok(await s.gql(q, { n: 'Secretary' })).actors))).toEqual([]);
    expect(sorted(slugs(ok(await s.gql(q, { n: 'department' })).actors))).toEqual(['pentagon', 'us-state-department']);
    refused(await s.gql(q, { n: '  ' }), 'BAD_USER_INPUT');
    refused(await s.gql(q, { n: 'x'.repeat(201) }), 'BAD_USER_INPUT');
  });
});

describe('event / events', () => {
  const q = `query ($f: EventFilter, $o: EventOrder) {
    events(first: 100, filter: $f, orderBy: $o) { totalCount edges { node { slug start } } }
  }`;
  const eventSlugs = async (f: object) => {
    const d = ok(await s.gql(q, { f })).events;
    expect(d.totalCount).toBe(d.edges.length);
    return sorted(slugs(d));
  };

  it('finds an event by slug and by ID, null when unknown, and refuses both or neither', async () => {
    const e = ok(await s.gql('{ event(slug: "istanbul-summit-2004") { id title kind status start end location { name countryCode } } }')).event;
    expect(e).toMatchObject({
      title: 'NATO Istanbul Summit (2004)', kind: 'SUMMIT', status: 'PLANNED', start: '2004-06-28', end: '2004-06-29',
      location: { name: 'Istanbul', countryCode: 'TUR' },
    });
    expect(ok(await s.gql('query ($id: ID) { event(id: $id) { slug } }', { id: e.id })).event.slug).toBe('istanbul-summit-2004');
    expect(ok(await s.gql('{ event(slug: "nope") { id } }')).event).toBeNull();
    refused(await s.gql('query ($id: ID) { event(id: $id, slug: "istanbul-summit-2004") { id } }', { id: e.id }), 'BAD_USER_INPUT');
    refused(await s.gql('{ event { id } }'), 'BAD_USER_INPUT');
  });

  it('lists all 34 events by start date, undated first', async () => {
    const d = ok(await s.gql(q)).events;
    expect(d.totalCount).toBe(34);
    const starts: (string | null)[] = d.edges.map((e: { node: { start: string | null } }) => e.node.start);
    expect(starts[0]).toBeNull();
    expect(d.edges[0].node.slug).toBe('stoltenberg-abadi-discussion-2018');
    const dated = starts.slice(1) as string[];
    expect(dated).toEqual([...dated].sort());
    const desc = ok(await s.gql(q, { o: { field: 'START', direction: 'DESC' } })).events;
    expect(desc.edges.at(-1).node.slug).toBe('stoltenberg-abadi-discussion-2018');
    expect(desc.edges[0].node.slug).toBe('brussels-summit-2018');
  });

  it('filters by kind and status', async () => {
    expect(await eventSlugs({ kind: 'SUMMIT' })).toEqual([
      'brussels-summit-2005', 'brussels-summit-2018', 'bucharest-summit-2008', 'g8-summit-2004', 'istanbul-summit-2004',
    ]);
    // The texts present these as upcoming (the Istanbul summit and the transfer of sovereignty included).
    expect(await eventSlugs({ status: 'PLANNED' })).toEqual([
      'brussels-summit-2018', 'iraqi-training-education-doctrine-centre', 'istanbul-summit-2004', 'nato-defence-ministers-meeting-2018-02',
      'nato-delegation-baghdad-visit-2008', 'transfer-of-sovereignty-2004',
    ]);
    expect(await eventSlugs({ kind: 'SUMMIT', status: 'PLANNED' })).toEqual(['brussels-summit-2018', 'istanbul-summit-2004']);
  });

  it('filters by from/to: any overlap of the event span counts', async () => {
    expect(await eventSlugs({ from: '2014', to: '2017' })).toEqual(['nato-training-team-iraq-2017', 'war-with-islamic-state']);
    // The training mission ran 2004-12 to 2011-12: it overlaps 2010 though it started long before.
    expect(await eventSlugs({ from: '2010', to: '2010' })).toEqual(['iraq-war-2003', 'nato-training-mission-iraq']);
    expect(await eventSlugs({ from: '2018-07' })).toEqual(['brussels-summit-2018']);
    expect(await eventSlugs({ from: '2004-06-29', to: '2004-06-29' })).toEqual([
      'allied-equipment-donations-iraq', 'bush-allawi-call-2004', 'frattini-statement-2004', 'iraq-war-2003', 'istanbul-summit-2004',
      'mcclellan-statement-2004',
    ]);
    refused(await s.gql(q, { f: { from: '2005', to: '2004' } }), 'BAD_USER_INPUT');
  });

  it('filters by actor, given by slug or by global ID', async () => {
    const bySlug = await eventSlugs({ actor: 'jaap-de-hoop-scheffer' });
    expect(bySlug).toContain('allawi-letter-2004');
    expect(bySlug).toContain('maliki-nac-meeting-2008-04-17');
    expect(bySlug).not.toContain('brussels-summit-2018');
    const { actor } = ok(await s.gql('{ actor(slug: "jaap-de-hoop-scheffer") { id events(first: 100) { edges { node { slug } } } } }'));
    expect(await eventSlugs({ actor: actor.id })).toEqual(bySlug);
    expect(bySlug).toEqual(sorted(slugs(actor.events)));
  });

  it('filters by document, given by slug or by global ID', async () => {
    const bySlug = await eventSlugs({ document: DOC.reuters2018 });
    // Independently: events with evidence in the document, directly or on a participant.
    const rows = await rawQuery<{ slug: string }>(s.t.db, `
      SELECT DISTINCT ev."slug" FROM "Evidence" e
      JOIN "Document" d ON d."id" = e."documentId"
      LEFT JOIN "EventParticipant" p ON p."id" = e."participantId"
      JOIN "Event" ev ON ev."id" = COALESCE(e."eventId", p."eventId")
      WHERE d."slug" = ?`, DOC.reuters2018);
    expect(bySlug).toEqual(sorted(rows.map((r) => r.slug)));
    expect(bySlug).toContain('mattis-letter-2018');
    expect(bySlug).not.toContain('istanbul-summit-2004');
    const { document } = ok(await s.gql(`{ document(slug: "${DOC.reuters2018}") { id } }`));
    expect(await eventSlugs({ document: document.id })).toEqual(bySlug);
  });

  it('filters by location name (contains, case-insensitive) or country code', async () => {
    expect(await eventSlugs({ location: 'Istanbul' })).toEqual(['istanbul-summit-2004']);
    expect(await eventSlugs({ location: 'istanbul' })).toEqual(['istanbul-summit-2004']);
    expect(await eventSlugs({ location: 'BEL' })).toEqual([
      'allawi-letter-2004', 'brussels-summit-2005', 'brussels-summit-2018', 'maliki-brussels-visit-2008', 'maliki-nac-meeting-2008-04-17',
      'mattis-letter-2018', 'nato-defence-ministers-meeting-2018-02', 'training-equipment-coordination-group-2004',
    ]);
    expect(await eventSlugs({ location: 'Baghdad' })).toEqual([
      'basra-baghdad-confrontations-2008', 'nato-delegation-baghdad-visit-2008', 'nato-training-implementation-mission-2004',
      'transfer-of-sovereignty-2004',
    ]);
    expect(await eventSlugs({ location: 'Atlantis' })).toEqual([]);
  });

  it('refuses an unknown actor or document reference, or a reference of the wrong type, with BAD_USER_INPUT', async () => {
    refused(await s.gql(q, { f: { actor: 'no-such-actor' } }), 'BAD_USER_INPUT');
    refused(await s.gql(q, { f: { actor: gid('Actor', 'nobody') } }), 'BAD_USER_INPUT');
    refused(await s.gql(q, { f: { document: 'no-such-document' } }), 'BAD_USER_INPUT');
    const { document } = ok(await s.gql(`{ document(slug: "${DOC.afp2004}") { id } }`));
    refused(await s.gql(q, { f: { actor: document.id } }), 'BAD_USER_INPUT');
  });
});

describe('request / requests', () => {
  const q = `query ($f: RequestFilter, $o: RequestOrder) {
    requests(first: 100, filter: $f, orderBy: $o) { totalCount edges { node { slug date } } }
  }`;
  const requestSlugs = async (f: object) => {
    const d = ok(await s.gql(q, { f })).requests;
    expect(d.totalCount).toBe(d.edges.length);
    return sorted(slugs(d));
  };
  const ALL = [
    'allawi-2004-nato-assistance', 'maliki-2008-nato-training-equipment', 'mattis-2018-nato-iraq-mission',
    'us-2003-nato-help-turkey', 'us-2004-nato-iraq-training', 'us-troops-from-france-germany',
  ];

  it('finds a request by slug and by ID, null when unknown, and refuses both or neither', async () => {
    const r = ok(await s.gql('{ request(slug: "allawi-2004-nato-assistance") { id date datePrecision channel status } }')).request;
    expect(r).toMatchObject({ date: '2004-06', datePrecision: 'MONTH', channel: 'LETTER', status: 'FULFILLED' });
    expect(ok(await s.gql('query ($id: ID) { request(id: $id) { slug } }', { id: r.id })).request.slug).toBe('allawi-2004-nato-assistance');
    expect(ok(await s.gql('{ request(slug: "nope") { id } }')).request).toBeNull();
    refused(await s.gql('query ($id: ID) { request(id: $id, slug: "x") { id } }', { id: r.id }), 'BAD_USER_INPUT');
    refused(await s.gql('{ request { id } }'), 'BAD_USER_INPUT');
  });

  it('lists all six requests by date, undated first; DESC reverses it', async () => {
    const d = ok(await s.gql(q)).requests;
    expect(d.totalCount).toBe(6);
    expect(slugs(d)[0]).toBe('us-troops-from-france-germany');
    expect(d.edges.map((e: { node: { date: string | null } }) => e.node.date)).toEqual([null, '2003', '2004-06', '2004-06', '2008-04-17', '2018-01']);
    const desc = ok(await s.gql(q, { o: { field: 'DATE', direction: 'DESC' } })).requests;
    expect(slugs(desc)).toEqual(slugs(d).reverse());
    expect(sorted(slugs(ok(await s.gql(q, { o: { field: 'CREATED_AT' } })).requests))).toEqual(ALL);
  });

  it('filters by requester, addressee and actor (slug or global ID)', async () => {
    expect(await requestSlugs({ requester: 'iyad-allawi' })).toEqual(['allawi-2004-nato-assistance']);
    const { actor } = ok(await s.gql('{ actor(slug: "iyad-allawi") { id } }'));
    expect(await requestSlugs({ requester: actor.id })).toEqual(['allawi-2004-nato-assistance']);
    // Allawi asked; he was never asked.
    expect(await requestSlugs({ addressee: 'iyad-allawi' })).toEqual([]);
    expect(await requestSlugs({ addressee: 'france' })).toEqual(['us-troops-from-france-germany']);
    expect(await requestSlugs({ addressee: 'nato' })).toEqual(ALL.filter((x) => x !== 'us-troops-from-france-germany'));
    expect(await requestSlugs({ actor: 'united-states' })).toEqual([
      'mattis-2018-nato-iraq-mission', 'us-2003-nato-help-turkey', 'us-2004-nato-iraq-training', 'us-troops-from-france-germany',
    ]);
    expect(await requestSlugs({ requester: 'united-states', addressee: 'germany' })).toEqual(['us-troops-from-france-germany']);
  });

  it('filters by status', async () => {
    expect(await requestSlugs({ status: 'FULFILLED' })).toEqual(['allawi-2004-nato-assistance']);
    expect(await requestSlugs({ status: 'UNDER_CONSIDERATION' })).toEqual(['maliki-2008-nato-training-equipment']);
    // The current status is the latest history entry: NATO launched its Iraq mission in July 2018.
    expect(await requestSlugs({ status: 'ACCEPTED' })).toEqual(['mattis-2018-nato-iraq-mission', 'us-2003-nato-help-turkey', 'us-2004-nato-iraq-training']);
    expect(await requestSlugs({ status: 'PENDING' })).toEqual([]);
  });

  it('filters by category asked for and by category explicitly NOT asked for', async () => {
    expect(await requestSlugs({ category: 'TRAINING' })).toEqual([
      'allawi-2004-nato-assistance', 'maliki-2008-nato-training-equipment', 'mattis-2018-nato-iraq-mission', 'us-2004-nato-iraq-training',
    ]);
    // Only the US asked France and Germany for troops; the others explicitly did not ask for them.
    expect(await requestSlugs({ category: 'TROOPS' })).toEqual(['us-troops-from-france-germany']);
    // Washington's "does not expect NATO to send troops" is context, not an exclusion of its request.
    expect(await requestSlugs({ excludedCategory: 'TROOPS' })).toEqual([
      'allawi-2004-nato-assistance', 'maliki-2008-nato-training-equipment', 'mattis-2018-nato-iraq-mission',
    ]);
    expect(await requestSlugs({ category: 'EQUIPMENT', excludedCategory: 'TROOPS' })).toEqual(['maliki-2008-nato-training-equipment']);
    expect(await requestSlugs({ excludedCategory: 'FUNDING' })).toEqual([]);
  });

  it('filters by from/to (overlap counts; undated requests never match)', async () => {
    expect(await requestSlugs({ from: '2004', to: '2005' })).toEqual(['allawi-2004-nato-assistance', 'us-2004-nato-iraq-training']);
    expect(await requestSlugs({ from: '2004-06-21', to: '2004-06-21' })).toEqual(['allawi-2004-nato-assistance', 'us-2004-nato-iraq-training']);
    expect(await requestSlugs({ from: '2008' })).toEqual(['maliki-2008-nato-training-equipment', 'mattis-2018-nato-iraq-mission']);
    expect(await requestSlugs({ to: '2003-12-31' })).toEqual(['us-2003-nato-help-turkey']);
  });

  it('filters by document (evidence on the request, its items or responses), by slug or global ID', async () => {
    expect(await requestSlugs({ document: DOC.nato2005 })).toEqual(['allawi-2004-nato-assistance', 'us-2004-nato-iraq-training']);
    expect(await requestSlugs({ document: DOC.reuters2018 })).toEqual(['mattis-2018-nato-iraq-mission']);
    const { document } = ok(await s.gql(`{ document(slug: "${DOC.afp2004}") { id } }`));
    expect(await requestSlugs({ document: document.id })).toEqual([
      'allawi-2004-nato-assistance', 'us-2003-nato-help-turkey', 'us-2004-nato-iraq-training', 'us-troops-from-france-germany',
    ]);
  });

  it('refuses unknown actor and document references with BAD_USER_INPUT', async () => {
    for (const f of [{ requester: 'nobody' }, { addressee: 'nobody' }, { actor: 'nobody' }, { document: 'nothing' }, { actor: gid('Event', 'x') }]) {
      refused(await s.gql(q, { f }), 'BAD_USER_INPUT');
    }
  });
});

describe('bad partial dates', () => {
  const BAD_DATES = ['2004-13', 'June 2004', '2004-02-30', '04', '2004/06', '2004-6'];

  it.each(BAD_DATES)('refuses "%s" in a variable with BAD_USER_INPUT', async (date) => {
    refused(await s.gql('query ($d: PartialDate) { events(filter: { to: $d }) { totalCount } }', { d: date }), 'BAD_USER_INPUT');
    refused(await s.gql('query ($d: PartialDate) { requests(filter: { from: $d }) { totalCount } }', { d: date }), 'BAD_USER_INPUT');
    refused(await s.gql('query ($d: PartialDate) { timeline(to: $d) { totalCount } }', { d: date }), 'BAD_USER_INPUT');
    refused(await s.gql('query ($d: PartialDate) { actor(slug: "iyad-allawi") { roles(at: $d) { title } } }', { d: date }), 'BAD_USER_INPUT');
  });

  // A bad literal fails validation; src/server/errors.ts means to report it as BAD_USER_INPUT too (the
  // schema documents "bad date" under BAD_USER_INPUT), not as GRAPHQL_VALIDATION_FAILED.
  it.each(['2004-13', 'June 2004'])('refuses "%s" as a literal with BAD_USER_INPUT', async (date) => {
    refused(await s.gql(`{ documents(filter: { from: "${date}" }) { totalCount } }`), 'BAD_USER_INPUT');
    refused(await s.gql(`{ timeline(from: "${date}") { totalCount } }`), 'BAD_USER_INPUT');
  });

  it('accepts a leap day', async () => {
    expect(ok(await s.gql('{ events(filter: { from: "2004-02-29" }) { totalCount } }')).events.totalCount).toBeGreaterThan(0);
  });
});

describe('stats', () => {
  it('counts match the tables', async () => {
    const st = ok(await s.gql(`{ stats {
      documents actors events requests responses evidence
      actorsByKind { key count } eventsByKind { key count } requestsByStatus { key count }
      itemsByCategory { key count } responsesByStance { key count }
      byYear { year events requests responses }
    } }`)).stats;
    const count = async (table: string, where = '') => {
      const [row] = await s.t.db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${table}" ${where}`);
      return Number(row!.n);
    };
    expect(st).toMatchObject({ documents: 5, actors: 57, events: 34, requests: 6 });
    expect(st.documents).toBe(await count('Document'));
    expect(st.actors).toBe(await count('Actor'));
    expect(st.events).toBe(await count('Event'));
    expect(st.requests).toBe(await count('Request'));
    expect(st.responses).toBe(await count('RequestResponse'));
    expect(st.evidence).toBe(await count('Evidence'));

    const grouped = async (table: string, column: string, where = '') => {
      const rows = await s.t.db.$queryRawUnsafe<{ k: string; n: bigint | number }[]>(
        `SELECT "${column}" AS k, COUNT(*) AS n FROM "${table}" ${where} GROUP BY 1`,
      );
      return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
    };
    const asMap = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));
    expect(asMap(st.actorsByKind)).toEqual(await grouped('Actor', 'kind'));
    expect(asMap(st.eventsByKind)).toEqual(await grouped('Event', 'kind'));
    expect(asMap(st.requestsByStatus)).toEqual(await grouped('Request', 'status'));
    expect(asMap(st.itemsByCategory)).toEqual(await grouped('RequestItem', 'category', 'WHERE NOT "excluded"'));
    expect(asMap(st.responsesByStance)).toEqual(await grouped('RequestResponse', 'stance'));
    // Excluded items are not counted: the only TROOPS item asked for is the US request to France and Germany.
    expect(asMap(st.itemsByCategory).TROOPS).toBe(1);
    // Most frequent first.
    const counts = st.actorsByKind.map((c: { count: number }) => c.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));

    const years = st.byYear.map((y: { year: number }) => y.year);
    expect(years).toEqual([2003, 2004, 2005, 2008, 2014, 2017, 2018]);
    const sum = (k: 'events' | 'requests' | 'responses') => st.byYear.reduce((n: number, y: Record<string, number>) => n + y[k]!, 0);
    expect(sum('events')).toBe(await count('Event', 'WHERE "start" IS NOT NULL'));
    expect(sum('requests')).toBe(await count('Request', 'WHERE "date" IS NOT NULL'));
    expect(sum('responses')).toBe(await count('RequestResponse', 'WHERE "date" IS NOT NULL'));
    expect(st.byYear.find((y: { year: number }) => y.year === 2004)).toEqual({ year: 2004, events: 16, requests: 2, responses: 10 });
  });
});
