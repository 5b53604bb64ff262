/**
 * Nested fields of Document, Actor, Event, Request and Evidence, checked against the seed (and, where a
 * field aggregates, against an independent SQL query on the same database).
 */
import { codes, startTestServer, type TestServer, ok, refused } from '../helpers/server.ts';
import { rawQuery } from '../helpers/db.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');


type Conn<T> = { totalCount: number; edges: { node: T }[] };
const nodes = <T>(c: Conn<T>) => c.edges.map((e) => e.node);
const slugsOf = (list: { slug: string }[]) => list.map((x) => x.slug);
const sorted = (list: string[]) => [...list].sort();

const sql = <T>(query: string, ...params: unknown[]) => rawQuery<T>(s.t.db, query, ...params);

const AFP_2004 = '000_86de1592ab15966e';
const FOX_2004 = '002_747cff529a1d3125';
const NATO_2005 = '004_a49028e8fd2b822a';

describe('Document', () => {
  let body: string;

  beforeAll(async () => {
    body = ok(await s.gql(`{ document(slug: "${AFP_2004}") { body } }`)).document.body;
  });

  it('excerpt: the start of the body, cut at a word boundary with an ellipsis, at most `length` characters', async () => {
    const d = ok(await s.gql(`{ document(slug: "${AFP_2004}") {
      default: excerpt
      short: excerpt(length: 20)
      long: excerpt(length: 1000)
    } }`)).document;
    const flat = body.replace(/\s+/g, ' ').trim();
    for (const [text, max] of [[d.default, 280], [d.short, 20], [d.long, 1000]] as [string, number][]) {
      expect(text.length).toBeLessThanOrEqual(max);
      expect(text.endsWith('…')).toBe(true);
      const kept = text.slice(0, -1);
      expect(flat.startsWith(kept)).toBe(true);
      // Cut at a word boundary: the next character of the body is not a letter continuing the last word.
      expect(flat[kept.length]).toMatch(/[\s,;:.-]/);
    }
    expect(d.short).toBe('![]() | The…');
    expect(d.default.length).toBeGreaterThan(200);
  });

  it.each([19, 1001, 0, -5])('excerpt(length: %i) is BAD_USER_INPUT', async (length) => {
    refused(await s.gql(`query ($n: Int) { document(slug: "${AFP_2004}") { excerpt(length: $n) } }`, { n: length }), 'BAD_USER_INPUT');
  });

  it('actors: the actors mentioned, most mentioned first, with mention counts matching the evidence', async () => {
    const d = ok(await s.gql(`{ document(slug: "${AFP_2004}") {
      actors(first: 100) { totalCount edges { mentionCount node { slug } } }
    } }`)).document;
    const rows = await sql<{ slug: string; n: bigint | number }>(`
      SELECT a."slug", COUNT(*) AS n FROM "Evidence" e JOIN "Actor" a ON a."id" = e."actorId"
      JOIN "Document" d ON d."id" = e."documentId" WHERE d."slug" = ? GROUP BY a."slug"`, AFP_2004);
    const expected = Object.fromEntries(rows.map((r) => [r.slug, Number(r.n)]));
    const got = Object.fromEntries(d.actors.edges.map((e: { mentionCount: number; node: { slug: string } }) => [e.node.slug, e.mentionCount]));
    expect(got).toEqual(expected);
    expect(d.actors.totalCount).toBe(18);
    // Every occurrence of the alliance's name is a mention of it (22 in the AFP story).
    expect(d.actors.edges[0]).toEqual({ mentionCount: 22, node: { slug: 'nato' } });
    const counts = d.actors.edges.map((e: { mentionCount: number }) => e.mentionCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });

  it('events: the events the document has evidence on, in date order', async () => {
    const d = ok(await s.gql(`{ document(slug: "${AFP_2004}") { events(first: 100) { totalCount edges { node { slug start } } } } }`)).document;
    const list = nodes<{ slug: string; start: string | null }>(d.events);
    expect(d.events.totalCount).toBe(10);
    expect(list).toHaveLength(10);
    expect(list[0]).toEqual({ slug: 'nato-support-to-poland-iraq', start: '2003' });
    const starts = list.map((e) => e.start ?? '');
    expect(starts).toEqual([...starts].sort());
    expect(slugsOf(list)).toContain('istanbul-summit-2004');
    // The 2018 letter is in another document.
    expect(slugsOf(list)).not.toContain('mattis-letter-2018');
  });

  it('requests: requests with evidence on them, their items or responses, in date order (undated first)', async () => {
    const d = ok(await s.gql(`{ document(slug: "${AFP_2004}") { requests { totalCount edges { node { slug date } } } } }`)).document;
    const list = nodes<{ slug: string; date: string | null }>(d.requests);
    expect(sorted(slugsOf(list))).toEqual([
      'allawi-2004-nato-assistance', 'us-2003-nato-help-turkey', 'us-2004-nato-iraq-training', 'us-troops-from-france-germany',
    ]);
    expect(list.map((r) => r.date)).toEqual([null, '2003', '2004-06', '2004-06']);
    const nato = ok(await s.gql(`{ document(slug: "${NATO_2005}") { requests { edges { node { slug } } } } }`)).document;
    expect(sorted(slugsOf(nodes(nato.requests)))).toEqual(['allawi-2004-nato-assistance', 'us-2004-nato-iraq-training']);
  });

  it('evidence: every span in the document, in text order', async () => {
    const d = ok(await s.gql(`{ document(slug: "${AFP_2004}") {
      evidence(first: 100) { totalCount edges { node { start end quote document { slug } } } }
    } }`)).document;
    expect(d.evidence.totalCount).toBe(124);
    const list = nodes<{ start: number; end: number; quote: string; document: { slug: string } }>(d.evidence);
    expect(list).toHaveLength(100); // the first page of 124
    const starts = list.map((e) => e.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const e of list) {
      expect(e.document.slug).toBe(AFP_2004);
      expect(e.quote).toBe(body.slice(e.start, e.end));
    }
  });
});

describe('Actor', () => {
  const roleTitles = async (slug: string, at: string | null) => {
    const d = ok(await s.gql('query ($slug: String, $at: PartialDate) { actor(slug: $slug) { roles(at: $at) { title of { slug } } } }', { slug, at }));
    return d.actor.roles.map((r: { title: string; of: { slug: string } | null }) => `${r.title} of ${r.of?.slug}`);
  };

  it('aliases: every name, the canonical one included', async () => {
    const d = ok(await s.gql(`{
      allawi: actor(slug: "iyad-allawi") { name aliases }
      scheffer: actor(slug: "jaap-de-hoop-scheffer") { name aliases }
      us: actor(slug: "united-states") { aliases }
    }`));
    expect(d.allawi.name).toBe('Iyad Allawi');
    expect(d.allawi.aliases).toEqual(['Allawi', 'Ayad Allawi', 'Iyad Allawi', 'Mr Allawi']);
    expect(d.scheffer.aliases).toContain('Jaap de Hoop Scheffer');
    expect(d.scheffer.aliases.map((a: string) => a.toLowerCase())).toContain('de hoop scheffer');
    expect(sorted(d.us.aliases)).toEqual(['U.S.', 'US', 'USA', 'United States']);
  });

  it('roles(at:) keeps the roles whose range may include the date', async () => {
    expect(await roleTitles('iyad-allawi', null)).toEqual(['Prime Minister of iraq']);
    expect(await roleTitles('iyad-allawi', '2004-06')).toEqual(['Prime Minister of iraq']);
    expect(await roleTitles('iyad-allawi', '2004')).toEqual(['Prime Minister of iraq']);
    expect(await roleTitles('iyad-allawi', '2005-05-31')).toEqual(['Prime Minister of iraq']);
    expect(await roleTitles('iyad-allawi', '1990')).toEqual([]);
    expect(await roleTitles('iyad-allawi', '2004-05')).toEqual([]);
    expect(await roleTitles('iyad-allawi', '2005-06')).toEqual([]);
    expect(await roleTitles('jaap-de-hoop-scheffer', '2009-08')).toEqual([]);
    expect(await roleTitles('jaap-de-hoop-scheffer', '2008-04-17')).toEqual(['Secretary General of nato']);
    // Negroponte's ambassadorship ran from 2004-06-23 to 2005-03 (public record): not 2018.
    expect(await roleTitles('john-negroponte', '2018')).toEqual([]);
    expect(await roleTitles('john-negroponte', '2005-03-31')).toEqual(['Ambassador to Iraq of united-states']);
    expect(await roleTitles('john-negroponte', '2004-06-22')).toEqual([]);
    // Every seeded role has bounds (the public record, or the dates the texts attest it), so none matches every year.
    expect(await roleTitles('richard-boucher', '2018')).toEqual([]);
    expect(await roleTitles('johnny-michael', '2019')).toEqual([]);
    // Hand-overs do not overlap: one Iraqi prime minister on the day al-Abadi took office.
    expect(await roleTitles('nuri-al-maliki', '2014-09-08')).toEqual([]);
    expect(await roleTitles('haider-al-abadi', '2014-09-08')).toEqual(['Prime Minister of iraq']);
    refused(await s.gql('query ($at: PartialDate) { actor(slug: "iyad-allawi") { roles(at: $at) { title } } }', { at: '2004-13' }), 'BAD_USER_INPUT');
  });

  it('roles carry dates, holder and evidence; officeHolders lists roles held within an organisation', async () => {
    const d = ok(await s.gql(`{ actor(slug: "nato") {
      officeHolders { title from to holder { slug } evidence { quote } }
    } }`)).actor;
    expect(d.officeHolders.map((r: { holder: { slug: string }; from: string; to: string }) => [r.holder.slug, r.from, r.to])).toEqual([
      ['jaap-de-hoop-scheffer', '2004-01-01', '2009-07-31'],
      ['jens-stoltenberg', '2014-10-01', '2024-09-30'],
    ]);
    expect(d.officeHolders[0].evidence.map((e: { quote: string }) => e.quote)).toContain('NATO Secretary General Jaap de Hoop Scheffer');
  });

  it('memberOf / members: NATO has 26 members (MEMBER_OF) and one part (PART_OF)', async () => {
    const d = ok(await s.gql(`{
      nato: actor(slug: "nato") { members { kind from { slug kind } to { slug } evidence { quote } } }
      poland: actor(slug: "poland") { memberOf { kind to { slug } } }
    }`));
    const members = d.nato.members as { kind: string; from: { slug: string; kind: string }; to: { slug: string }; evidence: unknown[] }[];
    const memberOf = members.filter((m) => m.kind === 'MEMBER_OF');
    expect(memberOf).toHaveLength(26);
    expect(memberOf.every((m) => m.to.slug === 'nato' && m.from.kind === 'STATE')).toBe(true);
    expect(memberOf.map((m) => m.from.slug)).toEqual(expect.arrayContaining(['belgium', 'united-states', 'turkey', 'iceland', 'slovenia']));
    expect(new Set(memberOf.map((m) => m.from.slug)).size).toBe(26);
    expect(members.filter((m) => m.kind === 'PART_OF').map((m) => m.from.slug)).toEqual(['north-atlantic-council']);
    expect(members.every((m) => m.evidence.length > 0)).toBe(true);
    expect(sorted(d.poland.memberOf.map((r: { kind: string; to: { slug: string } }) => `${r.kind}:${r.to.slug}`))).toEqual([
      'MEMBER_OF:nato', 'MEMBER_OF:us-led-coalition',
    ]);
  });

  it('requestsMade / requestsReceived, in date order', async () => {
    const d = ok(await s.gql(`{
      nato: actor(slug: "nato") {
        requestsMade { totalCount }
        requestsReceived { totalCount edges { node { slug date } } }
      }
      us: actor(slug: "united-states") { requestsMade { totalCount edges { node { slug date } } } }
      allawi: actor(slug: "iyad-allawi") { requestsMade { edges { node { slug } } } requestsReceived { totalCount } }
      france: actor(slug: "france") { requestsReceived { edges { node { slug } } } }
    }`));
    expect(d.nato.requestsMade.totalCount).toBe(0);
    expect(d.nato.requestsReceived.totalCount).toBe(5);
    expect(nodes<{ date: string }>(d.nato.requestsReceived).map((r) => r.date)).toEqual(['2003', '2004-06', '2004-06', '2008-04-17', '2018-01']);
    expect(nodes<{ slug: string; date: string | null }>(d.us.requestsMade).map((r) => r.date)).toEqual([null, '2003', '2004-06', '2018-01']);
    expect(nodes<{ slug: string }>(d.us.requestsMade)[0]!.slug).toBe('us-troops-from-france-germany');
    expect(slugsOf(nodes(d.allawi.requestsMade))).toEqual(['allawi-2004-nato-assistance']);
    expect(d.allawi.requestsReceived.totalCount).toBe(0);
    expect(slugsOf(nodes(d.france.requestsReceived))).toEqual(['us-troops-from-france-germany']);
  });

  it('responses: the answers the actor gave, in date order', async () => {
    const d = ok(await s.gql(`{ actor(slug: "nato") { responses { totalCount edges { node { date stance responder { slug } request { slug } } } } } }`)).actor;
    expect(d.responses.totalCount).toBe(10);
    const list = nodes<{ date: string; stance: string; responder: { slug: string }; request: { slug: string } }>(d.responses);
    expect(list.map((r) => r.date)).toEqual([
      '2003-02-16', '2004-06', '2004-06-28', '2004-06-28', '2004-07-30', '2004-12-16', '2005-02-22', '2018-02', '2018-02', '2018-07-11',
    ]);
    expect(list.every((r) => r.responder.slug === 'nato')).toBe(true);
    expect(list.filter((r) => r.stance === 'ACCEPTS').map((r) => r.request.slug)).toEqual(
      expect.arrayContaining(['allawi-2004-nato-assistance', 'us-2004-nato-iraq-training']),
    );
  });

  it('events: the events the actor took part in, in date order', async () => {
    const d = ok(await s.gql('{ actor(slug: "jaap-de-hoop-scheffer") { events(first: 100) { totalCount edges { node { slug start } } } } }')).actor;
    const rows = await sql<{ slug: string }>(`
      SELECT DISTINCT e."slug" FROM "EventParticipant" p JOIN "Event" e ON e."id" = p."eventId"
      JOIN "Actor" a ON a."id" = p."actorId" WHERE a."slug" = ?`, 'jaap-de-hoop-scheffer');
    const list = nodes<{ slug: string; start: string | null }>(d.events);
    expect(sorted(slugsOf(list))).toEqual(sorted(rows.map((r) => r.slug)));
    expect(d.events.totalCount).toBe(rows.length);
    expect(slugsOf(list)).toContain('allawi-letter-2004');
    const starts = list.map((e) => e.start ?? '');
    expect(starts).toEqual([...starts].sort());
  });

  it('documents: the documents mentioning the actor, in publication order', async () => {
    const d = ok(await s.gql(`{
      nato: actor(slug: "nato") { documents { totalCount edges { node { slug published } } } }
      mattis: actor(slug: "jim-mattis") { documents { edges { node { slug } } } }
    }`));
    expect(slugsOf(nodes(d.nato.documents))).toEqual([FOX_2004, AFP_2004, NATO_2005, '001_406679a407a0dddd', '003_c24ebd90a8b61ee5']);
    expect(slugsOf(nodes(d.mattis.documents))).toEqual(['003_c24ebd90a8b61ee5']);
  });

  it('coMentions: other actors in the same documents, most shared documents first, counts matching SQL', async () => {
    const d = ok(await s.gql('{ actor(slug: "iyad-allawi") { coMentions(first: 100) { totalCount edges { count node { slug } } } } }')).actor;
    const rows = await sql<{ slug: string; n: bigint | number }>(`
      SELECT b."slug", COUNT(DISTINCT x."documentId") AS n
      FROM "Evidence" x JOIN "Actor" a ON a."id" = x."actorId"
      JOIN "Evidence" y ON y."documentId" = x."documentId" AND y."actorId" IS NOT NULL AND y."actorId" <> x."actorId"
      JOIN "Actor" b ON b."id" = y."actorId"
      WHERE a."slug" = ? GROUP BY b."slug"`, 'iyad-allawi');
    const expected = Object.fromEntries(rows.map((r) => [r.slug, Number(r.n)]));
    const edges = d.coMentions.edges as { count: number; node: { slug: string } }[];
    expect(Object.fromEntries(edges.map((e) => [e.node.slug, e.count]))).toEqual(expected);
    expect(d.coMentions.totalCount).toBe(rows.length);
    expect(edges.map((e) => e.node.slug)).not.toContain('iyad-allawi');
    const counts = edges.map((e) => e.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // NATO is mentioned in every document, so no actor shares more documents with Allawi.
    expect(expected.nato).toBe(Math.max(...counts));
  });

  it('mentions: spans mentioning the actor, each supporting that actor', async () => {
    const d = ok(await s.gql('{ actor(slug: "iyad-allawi") { id mentions(first: 100) { totalCount edges { node { quote supports { __typename id } } } } } }')).actor;
    const [row] = await sql<{ n: bigint | number }>(
      `SELECT COUNT(*) AS n FROM "Evidence" e JOIN "Actor" a ON a."id" = e."actorId" WHERE a."slug" = ?`, 'iyad-allawi',
    );
    expect(d.mentions.totalCount).toBe(Number(row!.n));
    const list = nodes<{ quote: string; supports: { __typename: string; id: string } }>(d.mentions);
    expect(list).toHaveLength(Number(row!.n));
    expect(list.every((m) => m.supports.__typename === 'Actor' && m.supports.id === d.id)).toBe(true);
    expect(list.map((m) => m.quote)).toEqual(expect.arrayContaining(['Mr Allawi', 'The Iraqi prime minister']));
  });
});

describe('Event', () => {
  it('location, participants, requests, responses, documents and evidence of the Istanbul summit', async () => {
    const d = ok(await s.gql(`{ event(slug: "istanbul-summit-2004") {
      location { name countryCode }
      participants { role actor { slug } event { slug } evidence { quote } }
      requests { totalCount edges { node { slug } } }
      responses { stance responder { slug } request { slug } event { slug } }
      documents { totalCount edges { node { slug } } }
      evidence(first: 100) { totalCount edges { node { quote document { slug } supports { __typename ... on Event { slug } } } } }
    } }`)).event;
    expect(d.location).toEqual({ name: 'Istanbul', countryCode: 'TUR' });
    const parts = d.participants as { role: string; actor: { slug: string }; event: { slug: string }; evidence: unknown[] }[];
    expect(sorted(parts.map((p) => `${p.role}:${p.actor.slug}`))).toEqual([
      'ATTENDEE:george-w-bush', 'ATTENDEE:united-states', 'HOST:nato', 'HOST:turkey', 'SUBJECT:iraq',
    ]);
    expect(parts.every((p) => p.event.slug === 'istanbul-summit-2004' && p.evidence.length > 0)).toBe(true);
    // The US request was made before the summit ("recently suggested"), not at it.
    expect(slugsOf(nodes(d.requests))).toEqual([]);
    expect(sorted(d.responses.map((r: { request: { slug: string } }) => r.request.slug))).toEqual(['allawi-2004-nato-assistance', 'us-2004-nato-iraq-training']);
    for (const r of d.responses) expect(r).toMatchObject({ stance: 'ACCEPTS', responder: { slug: 'nato' }, event: { slug: 'istanbul-summit-2004' } });
    // Evidence on the event itself or on a participant: the AFP and Fox stories, in publication order.
    expect(slugsOf(nodes(d.documents))).toEqual([FOX_2004, AFP_2004]);
    expect(d.evidence.totalCount).toBe(3);
    for (const e of nodes<{ supports: { __typename: string; slug: string } }>(d.evidence)) {
      expect(e.supports).toEqual({ __typename: 'Event', slug: 'istanbul-summit-2004' });
    }
  });

  it('location is null when the sources give none', async () => {
    expect(ok(await s.gql('{ event(slug: "stoltenberg-abadi-discussion-2018") { location { name } } }')).event.location).toBeNull();
    const d = ok(await s.gql('{ event(slug: "allawi-letter-2004") { location { name } participants { role actor { slug } } } }')).event;
    expect(d.location).toEqual({ name: 'NATO Headquarters, Brussels' });
    expect(sorted(d.participants.map((p: { role: string; actor: { slug: string } }) => `${p.role}:${p.actor.slug}`))).toEqual([
      'RECIPIENT:jaap-de-hoop-scheffer', 'RECIPIENT:nato', 'SENDER:iyad-allawi',
    ]);
  });
});

describe('Request', () => {
  const ALLAWI = `{ request(slug: "allawi-2004-nato-assistance") {
    requesters { slug } addressees { slug }
    parties { side actor { slug } onBehalfOf { slug } }
    all: items { category excluded }
    asked: items(excluded: false) { category excluded }
    notAsked: items(excluded: true) { category excluded description request { slug } evidence { start end quote document { slug body } } }
    responses { date stance responder { slug } }
    madeAt { slug kind }
    evidence(first: 100) { totalCount edges { node { quote document { slug } } } }
    documents { totalCount edges { node { slug } } }
  } }`;

  it('requesters, addressees and parties with onBehalfOf', async () => {
    const r = ok(await s.gql(ALLAWI)).request;
    expect(sorted(slugsOf(r.requesters))).toEqual(['iraqi-interim-government', 'iyad-allawi']);
    expect(slugsOf(r.addressees)).toEqual(['nato']);
    const parties = (r.parties as { side: string; actor: { slug: string }; onBehalfOf: { slug: string } | null }[])
      .map((p) => `${p.side}:${p.actor.slug}:${p.onBehalfOf?.slug ?? '-'}`);
    expect(sorted(parties)).toEqual([
      'ADDRESSEE:nato:-', 'REQUESTER:iraqi-interim-government:-', 'REQUESTER:iyad-allawi:iraqi-interim-government',
    ]);
  });

  it('items(excluded:) splits what was asked for from what was explicitly not: "but not troops"', async () => {
    const r = ok(await s.gql(ALLAWI)).request;
    expect(r.all).toHaveLength(4);
    expect(sorted(r.asked.map((i: { category: string }) => i.category))).toEqual(['OTHER', 'TECHNICAL_ASSISTANCE', 'TRAINING']);
    expect(r.asked.every((i: { excluded: boolean }) => !i.excluded)).toBe(true);
    expect(r.notAsked).toHaveLength(1);
    const troops = r.notAsked[0];
    expect(troops).toMatchObject({ category: 'TROOPS', excluded: true, request: { slug: 'allawi-2004-nato-assistance' } });
    expect(troops.evidence).toHaveLength(1);
    const ev = troops.evidence[0];
    expect(ev.quote).toBe('but not troops');
    expect(ev.document.slug).toBe(FOX_2004);
    expect(ev.document.body.slice(ev.start, ev.end)).toBe('but not troops');
  });

  it('responses in date order, undated last', async () => {
    const r = ok(await s.gql(ALLAWI)).request;
    expect(r.responses.map((x: { date: string }) => x.date)).toEqual([
      '2004-06', '2004-06', '2004-06', '2004-06', '2004-06-24', '2004-06-28', '2004-07-30', '2004-12-16', '2005', '2005', '2005-02-22',
    ]);
    const mattis = ok(await s.gql('{ request(slug: "mattis-2018-nato-iraq-mission") { responses { date responder { slug } } } }')).request;
    expect(mattis.responses.map((x: { date: string | null }) => x.date)).toEqual(['2018-02', '2018-02', '2018-02', '2018-07-11', null]);
    expect(mattis.responses[4].responder.slug).toBe('jens-stoltenberg');
  });

  it('madeAt, evidence and documents: evidence from the three documents 000, 002 and 004', async () => {
    const r = ok(await s.gql(ALLAWI)).request;
    expect(r.madeAt).toEqual({ slug: 'allawi-letter-2004', kind: 'LETTER' });
    const evDocs = nodes<{ document: { slug: string } }>(r.evidence).map((e) => e.document.slug);
    expect(r.evidence.totalCount).toBe(7);
    expect(sorted([...new Set(evDocs)])).toEqual([AFP_2004, FOX_2004, NATO_2005]);
    // In document and text order: grouped by document.
    const runs = evDocs.filter((slug, i) => slug !== evDocs[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(nodes<{ quote: string }>(r.evidence).map((e) => e.quote)).toContain('The request came ahead of a summit');
    expect(r.documents.totalCount).toBe(3);
    expect(slugsOf(nodes(r.documents))).toEqual([FOX_2004, AFP_2004, NATO_2005]);
    const none = ok(await s.gql('{ request(slug: "us-troops-from-france-germany") { madeAt { slug } } }')).request;
    expect(none.madeAt).toBeNull();
  });
});

describe('Evidence', () => {
  it('context(chars): up to `chars` characters either side, … where cut', async () => {
    const d = ok(await s.gql(`{ document(slug: "${AFP_2004}") {
      body
      evidence(first: 100) { edges { node { start end quote
        c0: context(chars: 0) { before quote after }
        c10: context(chars: 10) { before quote after }
        cDefault: context { before quote after }
        c500: context(chars: 500) { before quote after }
      } } }
    } }`)).document;
    const body: string = d.body;
    type Ctx = { before: string; quote: string; after: string };
    const check = (e: { start: number; end: number; quote: string }, c: Ctx, chars: number) => {
      expect(c.quote).toBe(e.quote);
      const from = Math.max(0, e.start - chars);
      const to = Math.min(body.length, e.end + chars);
      expect(c.before).toBe((from > 0 ? '…' : '') + body.slice(from, e.start));
      expect(c.after).toBe(body.slice(e.end, to) + (to < body.length ? '…' : ''));
    };
    const list = nodes<{ start: number; end: number; quote: string; c0: Ctx; c10: Ctx; cDefault: Ctx; c500: Ctx }>(d.evidence);
    for (const e of list) {
      check(e, e.c0, 0);
      check(e, e.c10, 10);
      check(e, e.cDefault, 80);
      check(e, e.c500, 500);
    }
    // The first span starts 8 characters into the body: nothing is cut before it.
    expect(list[0]!.start).toBe(8);
    expect(list[0]!.cDefault.before).toBe(body.slice(0, 8));
    expect(list[0]!.c10.before.startsWith('…')).toBe(false);
  });

  it.each([-1, 501])('context(chars: %i) is BAD_USER_INPUT', async (chars) => {
    const r = await s.gql(`query ($c: Int) { document(slug: "${AFP_2004}") { evidence(first: 1) { edges { node { context(chars: $c) { quote } } } } } }`, { c: chars });
    expect(codes(r)).toContain('BAD_USER_INPUT');
  });

  it('every evidence span: quote === document.body.slice(start, end), and supports resolves to its record', async () => {
    const rows = await sql<Record<string, string | null> & { id: string; targetType: string }>(
      `SELECT "id", "targetType", "actorId", "roleId", "relationId", "eventId", "participantId", "requestId", "itemId", "responseId", "statusId", "dateClaimId" FROM "Evidence" ORDER BY "id"`,
    );
    expect(rows).toHaveLength(527);
    const TARGET: Record<string, [string, string]> = {
      ACTOR: ['Actor', 'actorId'], ACTOR_ROLE: ['ActorRole', 'roleId'], ACTOR_RELATION: ['ActorRelation', 'relationId'],
      EVENT: ['Event', 'eventId'], EVENT_PARTICIPANT: ['EventParticipant', 'participantId'], REQUEST: ['Request', 'requestId'],
      REQUEST_ITEM: ['RequestItem', 'itemId'], REQUEST_RESPONSE: ['RequestResponse', 'responseId'],
      REQUEST_STATUS: ['RequestStatusEntry', 'statusId'], DATE_CLAIM: ['DateClaim', 'dateClaimId'],
    };
    const bodies = new Map<string, string>(
      ok(await s.gql('{ documents { edges { node { slug body } } } }')).documents.edges.map((e: { node: { slug: string; body: string } }) => [e.node.slug, e.node.body]),
    );
    expect(bodies.size).toBe(5);
    const seenTypes = new Set<string>();
    for (let i = 0; i < rows.length; i += 100) {
      const batch = rows.slice(i, i + 100);
      const d = ok(await s.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) {
        ... on Evidence { id start end quote document { slug } supports { __typename id } }
      } }`, { ids: batch.map((r) => gid('Evidence', r.id)) }));
      batch.forEach((row, j) => {
        const e = d.nodes[j];
        expect(e.id).toBe(gid('Evidence', row.id));
        const body = bodies.get(e.document.slug)!;
        expect(e.quote.length).toBeGreaterThan(0);
        expect(e.quote).toBe(body.slice(e.start, e.end));
        const [type, column] = TARGET[row.targetType]!;
        expect(e.supports).toEqual({ __typename: type, id: gid(type, row[column]!) });
        seenTypes.add(type);
      });
    }
    expect(seenTypes.size).toBe(10);
  });
});
