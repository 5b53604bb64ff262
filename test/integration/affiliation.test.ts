/**
 * Who acts for whom, over HTTP: actor filters by ID, slug or name, rolling up to parts, parties speaking
 * on an actor's behalf and office holders at the record's date; `affiliated: false`; `matchedVia`; the
 * root `responses` list; `officeHolders(at:, title:)`; a timeline over several actors. Assertions rest on
 * records that are right in the texts (or on fixtures made here through the write API), not on counts
 * that depend on annotations still to be corrected.
 */
import { startTestServer, ok, refused, type TestServer } from '../helpers/server.ts';
import { resolveAffiliation, matchesOf } from '../../src/services/affiliation.ts';
import { EDITOR, TOKENS } from '../write/support.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
});
afterAll(() => s.close());

const REQUESTS = `query ($f: RequestFilter, $first: Int, $after: String) {
  requests(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { slug date } matchedVia { via principal { slug } actor { slug } role { title of { slug } } } }
  }
}`;
const requests = async (f: Record<string, unknown>, first = 100) => ok(await s.gql(REQUESTS, { f, first })).requests;
const slugs = (page: { edges: { node: { slug: string } }[] }) => page.edges.map((e) => e.node.slug);

describe('actor filters take a global ID, a slug or any name', () => {
  it('"NATO", "nato" and NATO\'s global ID are the same filter', async () => {
    const { actor } = ok(await s.gql('{ actor(slug: "nato") { id } }'));
    const byName = await requests({ addressee: 'NATO' });
    expect(slugs(byName)).toContain('allawi-2004-nato-assistance');
    expect(slugs(await requests({ addressee: 'nato' }))).toEqual(slugs(byName));
    expect(slugs(await requests({ addressee: actor.id }))).toEqual(slugs(byName));
    expect(slugs(await requests({ addressee: 'north atlantic treaty organization' }))).toEqual(slugs(byName));
  });

  it('an unknown name is BAD_USER_INPUT naming the field', async () => {
    const e = refused(await s.gql(REQUESTS, { f: { requester: 'Atlantis' } }), 'BAD_USER_INPUT');
    expect(e.message).toMatch(/filter\.requester.*Atlantis/);
  });

  it('a name two actors share is BAD_USER_INPUT listing both slugs; either slug still works', async () => {
    for (const slug of ['twin-a', 'twin-b']) {
      ok(await s.gql(`mutation { createActor(input: { slug: "${slug}", name: "Twin ${slug}", kind: ORGANIZATION, aliases: ["The Twins"] }) { actor { id } } }`, {}, EDITOR));
    }
    const e = refused(await s.gql(REQUESTS, { f: { actor: 'the twins' } }), 'BAD_USER_INPUT');
    expect(e.extensions!.candidates).toEqual(['twin-a', 'twin-b']);
    expect(e.message).toMatch(/twin-a, twin-b/);
    expect(ok(await s.gql(REQUESTS, { f: { actor: 'twin-a' } })).requests.totalCount).toBe(0);
  });
});

describe('requests roll up to the actor they were made for', () => {
  it('requester "Iraq" finds the letters of its prime ministers and governments, saying how each matched', async () => {
    const page = await requests({ requester: 'Iraq' });
    expect(slugs(page)).toEqual(expect.arrayContaining(['allawi-2004-nato-assistance', 'maliki-2008-nato-training-equipment']));
    for (const edge of page.edges) expect(edge.matchedVia.length).toBeGreaterThan(0);
    const allawi = page.edges.find((e: any) => e.node.slug === 'allawi-2004-nato-assistance');
    expect(allawi.matchedVia).toEqual(expect.arrayContaining([
      { via: 'OFFICE_HOLDER', principal: { slug: 'iraq' }, actor: { slug: 'iyad-allawi' }, role: { title: 'Prime Minister', of: { slug: 'iraq' } } },
      { via: 'ON_BEHALF_OF', principal: { slug: 'iraq' }, actor: { slug: 'iyad-allawi' }, role: null },
      { via: 'PART_OF', principal: { slug: 'iraq' }, actor: { slug: 'iraqi-interim-government' }, role: null },
    ]));
    // Addressees never count for a requester filter.
    expect(allawi.matchedVia.every((m: any) => m.actor.slug !== 'nato')).toBe(true);
  });

  it('affiliated: false keeps the actor itself only', async () => {
    const own = await requests({ requester: 'iraq', affiliated: false });
    expect(slugs(own)).not.toContain('allawi-2004-nato-assistance');
    for (const edge of own.edges) expect(edge.matchedVia.map((m: any) => m.via)).toEqual(['SELF']);
    const nato = await requests({ addressee: 'nato', affiliated: false });
    expect(slugs(nato)).toContain('allawi-2004-nato-assistance');
    expect(nato.edges[0].matchedVia).toEqual([{ via: 'SELF', principal: { slug: 'nato' }, actor: { slug: 'nato' }, role: null }]);
  });

  it('an office holder counts only at dates inside the role; an unknown role end stays open', async () => {
    const make = async (slug: string, requester: string, date: string) => ok(await s.gql(`mutation ($i: CreateRequestInput!) { createRequest(input: $i) { request { slug } } }`, {
      i: { slug, summary: `fixture ${slug}`, channel: 'LETTER', date, requesters: [{ actor: requester }], addressees: [{ actor: 'nato' }], items: [{ category: 'TRAINING', description: 'trainers' }] },
    }, EDITOR));
    await make('fixture-allawi-2010', 'iyad-allawi', '2010'); // Prime Minister 2004-06-01 to 2005-05 only
    await make('fixture-allawi-2004-07', 'iyad-allawi', '2004-07');
    // A role with a known start and no end, made here so that corrections of the seed cannot move it.
    ok(await s.gql('mutation { createActor(input: { slug: "fixture-envoy", name: "Fixture Envoy", kind: PERSON }) { actor { id } } }', {}, EDITOR));
    ok(await s.gql('mutation { addActorRole(input: { actor: "fixture-envoy", title: "Special Envoy", of: "united-states", from: "2010-03" }) { role { id } } }', {}, EDITOR));
    await make('fixture-envoy-2030', 'fixture-envoy', '2030'); // the unknown end is open
    await make('fixture-envoy-2010-02', 'fixture-envoy', '2010-02'); // before the role began
    const us = await requests({ requester: 'united-states' });
    expect(slugs(us)).toContain('fixture-envoy-2030');
    expect(slugs(us)).not.toContain('fixture-envoy-2010-02');
    const envoy = us.edges.find((e: any) => e.node.slug === 'fixture-envoy-2030');
    expect(envoy.matchedVia).toEqual([{ via: 'OFFICE_HOLDER', principal: { slug: 'united-states' }, actor: { slug: 'fixture-envoy' }, role: { title: 'Special Envoy', of: { slug: 'united-states' } } }]);
  });

  it('status, category and excludedCategory take lists (a single value is a list of one)', async () => {
    const one = await requests({ addressee: 'nato', excludedCategory: 'TROOPS' });
    expect(slugs(one)).toContain('allawi-2004-nato-assistance');
    const both = await requests({ status: ['FULFILLED', 'DECLINED'] });
    expect(slugs(both)).toEqual(expect.arrayContaining(['allawi-2004-nato-assistance', 'us-troops-from-france-germany']));
    const { requests: all } = ok(await s.gql('{ requests(first: 100, filter: { category: [TRAINING, EQUIPMENT] }) { edges { node { items(excluded: false) { category } } } } }'));
    for (const e of all.edges) expect(e.node.items.some((i: any) => ['TRAINING', 'EQUIPMENT'].includes(i.category))).toBe(true);
    refused(await s.gql(REQUESTS, { f: { status: [] } }), 'BAD_USER_INPUT');
  });

  it('pages with cursors and totalCount like every list', async () => {
    const all = await requests({ actor: 'nato' });
    const first = await requests({ actor: 'nato' }, 2);
    expect(first.totalCount).toBe(all.totalCount);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = ok(await s.gql(REQUESTS, { f: { actor: 'nato' }, first: 100, after: first.pageInfo.endCursor })).requests;
    expect([...slugs(first), ...slugs(rest)]).toEqual(slugs(all));
  });
});

describe('hand-written roll-up SQL gives the same answer as a plain evaluation of the rule', () => {
  it('for every actor, requests (either side) and responses equal a scan in JavaScript', async () => {
    const db = s.t.db;
    const [actors, reqs, parties, responses] = await Promise.all([
      db.actor.findMany(), db.request.findMany(), db.requestParty.findMany(), db.requestResponse.findMany(),
    ]);
    for (const actor of actors) {
      const a = await resolveAffiliation(db, [actor.id]);
      const expectedRequests = reqs.filter((r) => parties.some((p) => p.requestId === r.id
        && matchesOf(a, p.actorId, p.onBehalfOfId, r.dateMin, r.dateMax).length > 0)).map((r) => r.slug).sort();
      const gotRequests = slugs(await requests({ actor: actor.slug })).sort();
      expect({ actor: actor.slug, requests: gotRequests }).toEqual({ actor: actor.slug, requests: expectedRequests });
      const expectedResponses = responses.filter((r) => matchesOf(a, r.responderId, null, r.dateMin, r.dateMax).length > 0).length;
      const got = ok(await s.gql('query ($r: ID) { responses(first: 100, filter: { responder: $r }) { totalCount } }', { r: actor.slug })).responses.totalCount;
      expect({ actor: actor.slug, responses: got }).toEqual({ actor: actor.slug, responses: expectedResponses });
    }
  });
});

describe('responses as a root list', () => {
  const RESPONSES = `query ($f: ResponseFilter, $o: ResponseOrder, $first: Int, $after: String) {
    responses(filter: $f, orderBy: $o, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id stance date responder { slug } request { slug } } matchedVia { via actor { slug } role { title } } }
    }
  }`;
  const responses = async (f: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    ok(await s.gql(RESPONSES, { f, first: 100, ...more })).responses;

  it('every DECLINES response with its responder', async () => {
    const page = await responses({ stance: ['DECLINES'] });
    expect(page.totalCount).toBeGreaterThan(0);
    for (const e of page.edges) {
      expect(e.node.stance).toBe('DECLINES');
      expect(e.node.responder.slug).toBeTruthy();
    }
  });

  it('NATO\'s answers include its Secretary General\'s while in office, marked OFFICE_HOLDER', async () => {
    const page = await responses({ responder: 'nato', from: '2008', to: '2008' });
    const scheffer = page.edges.filter((e: any) => e.node.responder.slug === 'jaap-de-hoop-scheffer');
    expect(scheffer.length).toBeGreaterThan(0);
    for (const e of scheffer) expect(e.matchedVia).toEqual([{ via: 'OFFICE_HOLDER', actor: { slug: 'jaap-de-hoop-scheffer' }, role: { title: 'Secretary General' } }]);
    for (const e of page.edges) expect(e.node.date >= '2008' && e.node.date < '2009').toBe(true);
    const own = await responses({ responder: 'nato', affiliated: false, from: '2008', to: '2008' });
    expect(own.edges.every((e: any) => e.node.responder.slug === 'nato')).toBe(true);
  });

  it('by request, in date order both ways, paged by cursor', async () => {
    const asc = await responses({ request: 'allawi-2004-nato-assistance' });
    expect(asc.edges.every((e: any) => e.node.request.slug === 'allawi-2004-nato-assistance')).toBe(true);
    const dates = asc.edges.map((e: any) => e.node.date ?? '');
    expect(dates).toEqual([...dates].sort());
    const desc = await responses({ request: 'allawi-2004-nato-assistance' }, { o: { direction: 'DESC' } });
    expect(desc.edges.map((e: any) => e.node.id)).toEqual(asc.edges.map((e: any) => e.node.id).reverse());
    const p1 = await responses({ request: 'allawi-2004-nato-assistance' }, { first: 2 });
    const p2 = await responses({ request: 'allawi-2004-nato-assistance' }, { first: 100, after: p1.pageInfo.endCursor });
    expect([...p1.edges, ...p2.edges].map((e: any) => e.node.id)).toEqual(asc.edges.map((e: any) => e.node.id));
    expect(p1.totalCount).toBe(asc.totalCount);
  });

  it.each([
    ['an unknown responder', { responder: 'nobody-at-all' }],
    ['an unknown request', { request: 'no-such-request' }],
    ['an empty stance list', { stance: [] }],
    ['a bad date', { from: '2004-13' }],
    ['to before from', { from: '2010', to: '2004' }],
  ])('%s is BAD_USER_INPUT', async (_label, f) => {
    refused(await s.gql(RESPONSES, { f, first: 10 }), 'BAD_USER_INPUT');
  });

  it('a page over 100 is BAD_USER_INPUT', async () => {
    refused(await s.gql(RESPONSES, { f: {}, first: 101 }), 'BAD_USER_INPUT');
  });
});

describe('officeHolders(at:, title:)', () => {
  const Q = `query ($a: String!, $at: PartialDate, $title: String) { actor(slug: $a) { officeHolders(at: $at, title: $title) { title holder { slug } } } }`;
  const holders = async (a: string, at?: string, title?: string) =>
    ok(await s.gql(Q, { a, at, title })).actor.officeHolders.map((r: any) => r.holder.slug);

  it('NATO\'s Secretary General in 2004 and in 2018', async () => {
    expect(await holders('nato', '2004-07', 'secretary general')).toEqual(['jaap-de-hoop-scheffer']);
    expect(await holders('nato', '2018', 'Secretary General')).toEqual(['jens-stoltenberg']);
  });

  it('Iraq\'s prime minister in 2008; a title nobody held gives none; no arguments gives all', async () => {
    expect(await holders('iraq', '2008', 'prime minister')).toEqual(['nuri-al-maliki']);
    expect(await holders('iraq', '2008', 'king')).toEqual([]);
    expect((await holders('iraq')).length).toBeGreaterThanOrEqual(3);
  });

  it('a bad date or an empty title is BAD_USER_INPUT', async () => {
    refused(await s.gql(Q, { a: 'nato', at: '2018-02-30' }), 'BAD_USER_INPUT');
    refused(await s.gql(Q, { a: 'nato', title: '  ' }), 'BAD_USER_INPUT');
  });
});

describe('timeline with roll-up', () => {
  const T = `query ($actor: ID, $actors: [ID!], $affiliated: Boolean, $from: PartialDate, $to: PartialDate) {
    timeline(actor: $actor, actors: $actors, affiliated: $affiliated, from: $from, to: $to, first: 100) {
      totalCount
      edges { date matchedVia { via principal { slug } actor { slug } } node {
        __typename ... on Event { slug } ... on Request { slug } ... on RequestResponse { responder { slug } request { slug } }
      } }
    }
  }`;
  const timeline = async (v: Record<string, unknown>) => ok(await s.gql(T, v)).timeline;
  const keyOf = (e: any) => e.node.slug ?? `${e.node.request.slug}<${e.node.responder.slug}`;

  it('NATO 2004–2018 has its Secretary General\'s answers and the 17 April 2008 North Atlantic Council meeting', async () => {
    const t = await timeline({ actor: 'nato', from: '2004', to: '2018' });
    const keys = t.edges.map(keyOf);
    expect(keys).toContain('maliki-nac-meeting-2008-04-17');
    expect(keys).toContain('maliki-2008-nato-training-equipment<jaap-de-hoop-scheffer');
    const nac = t.edges.find((e: any) => e.node.slug === 'maliki-nac-meeting-2008-04-17');
    expect(nac.matchedVia).toEqual(expect.arrayContaining([{ via: 'PART_OF', principal: { slug: 'nato' }, actor: { slug: 'north-atlantic-council' } }]));
    for (const e of t.edges) expect(e.matchedVia.length).toBeGreaterThan(0);
    const own = await timeline({ actor: 'nato', affiliated: false, from: '2004', to: '2018' });
    expect(own.totalCount).toBeLessThan(t.totalCount);
    expect(own.edges.map(keyOf)).not.toContain('maliki-nac-meeting-2008-04-17');
  });

  it('Iraq\'s timeline has its requests', async () => {
    const keys = (await timeline({ actor: 'iraq' })).edges.map(keyOf);
    expect(keys).toEqual(expect.arrayContaining(['allawi-2004-nato-assistance', 'maliki-2008-nato-training-equipment']));
  });

  it('several actors: the union of their timelines, each entry once', async () => {
    const iraq = (await timeline({ actor: 'iraq' })).edges.map(keyOf);
    const nato = (await timeline({ actor: 'nato' })).edges.map(keyOf);
    const both = await timeline({ actors: ['Iraq', 'NATO'] });
    expect(new Set(both.edges.map(keyOf))).toEqual(new Set([...iraq, ...nato]));
    expect(both.totalCount).toBe(both.edges.length);
    const withActor = await timeline({ actor: 'iraq', actors: ['nato'] });
    expect(withActor.edges.map(keyOf)).toEqual(both.edges.map(keyOf));
  });

  it('an empty or oversized actors list and an unknown actor are BAD_USER_INPUT', async () => {
    refused(await s.gql(T, { actors: [] }), 'BAD_USER_INPUT');
    refused(await s.gql(T, { actors: Array(21).fill('nato') }), 'BAD_USER_INPUT');
    refused(await s.gql(T, { actors: ['nato', 'no-such-actor'] }), 'BAD_USER_INPUT');
  });
});

describe('events roll up too, and their enum filters take lists', () => {
  const E = `query ($f: EventFilter) { events(first: 100, filter: $f) { totalCount edges { node { slug kind status } matchedVia { via actor { slug } } } } }`;
  it('NATO\'s meetings include the North Atlantic Council\'s, unless affiliated: false', async () => {
    const page = ok(await s.gql(E, { f: { actor: 'NATO', kind: ['MEETING', 'SUMMIT'] } })).events;
    expect(page.edges.map((e: any) => e.node.slug)).toContain('maliki-nac-meeting-2008-04-17');
    for (const e of page.edges) expect(['MEETING', 'SUMMIT']).toContain(e.node.kind);
    const own = ok(await s.gql(E, { f: { actor: 'nato', affiliated: false, kind: ['MEETING', 'SUMMIT'] } })).events;
    expect(own.edges.map((e: any) => e.node.slug)).not.toContain('maliki-nac-meeting-2008-04-17');
  });

  it('status takes a list', async () => {
    const page = ok(await s.gql(E, { f: { status: ['OCCURRED', 'PLANNED'] } })).events;
    const all = ok(await s.gql(E, { f: {} })).events;
    expect(page.totalCount).toBe(all.totalCount);
  });
});
