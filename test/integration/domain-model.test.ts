/**
 * The richer model over HTTP against the seeded database: status over time with its support, facts
 * from the public record with citations, disputed dates kept with every claim, quantities, responses
 * naming the items they answer, evidence attribution and hedging, dated memberships, and the
 * annotation corrections of issue 10.
 */
import { ok, refused, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

const SUPPORT = `supportKind evidence { quote attributedTo { description actor { slug } } hedged document { slug } } citations { title publisher url published note }`;

describe('status over time', () => {
  const MATTIS = `query ($early: PartialDate, $mid: PartialDate, $late: PartialDate) { request(slug: "mattis-2018-nato-iraq-mission") {
    status
    before: status(asOf: $early) beforeEntry: statusEntry(asOf: $early) { status }
    march: status(asOf: $mid) marchEntry: statusEntry(asOf: $mid) { status date ${SUPPORT} }
    december: status(asOf: $late) decemberEntry: statusEntry(asOf: $late) { status date ${SUPPORT} }
    current: statusEntry { status }
    statusHistory { status date note request { slug } }
  } }`;

  it("tells the 2018 US request's status as of March and December 2018, each with its support", async () => {
    const r = ok(await s.gql(MATTIS, { early: '2017', mid: '2018-03', late: '2018-12' })).request;
    expect(r.statusHistory.map((e: { status: string; date: string }) => [e.status, e.date])).toEqual([
      ['PENDING', '2018-01'], ['UNDER_CONSIDERATION', '2018-02'], ['ACCEPTED', '2018-07-11'],
    ]);
    expect(r.statusHistory.every((e: { request: { slug: string } }) => e.request.slug === 'mattis-2018-nato-iraq-mission')).toBe(true);
    // The current status is the latest entry; before the first entry the status is UNKNOWN.
    expect([r.status, r.current.status]).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect([r.before, r.beforeEntry]).toEqual(['UNKNOWN', null]);
    // March 2018: under consideration, supported by spans of the Reuters report (an unnamed NATO official).
    expect(r.march).toBe('UNDER_CONSIDERATION');
    expect(r.marchEntry).toMatchObject({ status: 'UNDER_CONSIDERATION', date: '2018-02', supportKind: 'EVIDENCE', citations: [] });
    expect(r.marchEntry.evidence.map((e: { quote: string }) => e.quote)).toContain('the alliance is "looking into how we can step-up our training efforts"');
    expect(r.marchEntry.evidence.find((e: { quote: string }) => e.quote.startsWith('the alliance is')).attributedTo).toEqual({ description: 'a NATO official', actor: null });
    // December 2018: accepted, from the public record (the Brussels summit declaration), not the corpus.
    expect(r.december).toBe('ACCEPTED');
    expect(r.decemberEntry).toMatchObject({ status: 'ACCEPTED', date: '2018-07-11', supportKind: 'CITATION', evidence: [] });
    expect(r.decemberEntry.citations).toEqual([expect.objectContaining({
      title: 'Brussels Summit Declaration', url: 'https://www.nato.int/cps/en/natohq/official_texts_156624.htm', published: '2018-07-11',
    })]);
  });

  it('takes the end of a partial asOf date: by the end of 2018-07, the July decision counts', async () => {
    const q = 'query ($at: PartialDate) { request(slug: "mattis-2018-nato-iraq-mission") { status(asOf: $at) } }';
    expect(ok(await s.gql(q, { at: '2018-07-10' })).request.status).toBe('UNDER_CONSIDERATION');
    expect(ok(await s.gql(q, { at: '2018-07' })).request.status).toBe('ACCEPTED');
    expect(ok(await s.gql(q, { at: '2018-01' })).request.status).toBe('PENDING');
    refused(await s.gql(q, { at: '2018-13' }), 'BAD_USER_INPUT');
  });

  it('records the 2003 request for Turkey as accepted by the Defence Planning Committee on 16 February 2003', async () => {
    const r = ok(await s.gql(`{ request(slug: "us-2003-nato-help-turkey") {
      status statusHistory { status date ${SUPPORT} }
      responses { stance date responder { slug } items { key: description } ${SUPPORT} }
    } }`)).request;
    expect(r.status).toBe('ACCEPTED');
    expect(r.statusHistory.map((e: { status: string; date: string; supportKind: string }) => [e.status, e.date, e.supportKind])).toEqual([
      ['UNDER_CONSIDERATION', '2003', 'EVIDENCE'], ['ACCEPTED', '2003-02-16', 'CITATION'],
    ]);
    expect(r.statusHistory[1].citations[0].url).toBe('https://www.nato.int/docu/pr/2003/p030216e.htm');
    const dpc = r.responses.find((x: { responder: { slug: string } }) => x.responder.slug === 'nato');
    expect(dpc).toMatchObject({ stance: 'ACCEPTS', date: '2003-02-16', supportKind: 'CITATION', evidence: [] });
  });

  it('gives every seeded request a history whose latest entry is its status, and every entry some support', async () => {
    const d = ok(await s.gql(`{ requests(first: 100) { edges { node { slug status statusHistory { status supportKind } } } } }`)).requests;
    expect(d.edges).toHaveLength(6);
    for (const { node } of d.edges) {
      expect(node.statusHistory.length).toBeGreaterThan(0);
      expect({ slug: node.slug, status: node.statusHistory.at(-1).status }).toEqual({ slug: node.slug, status: node.status });
      for (const e of node.statusHistory) expect(e.supportKind).not.toBe('NONE');
    }
  });
});

describe('disputed dates', () => {
  it("keeps all three dates claimed for Allawi's letter, says which one the record uses and why", async () => {
    const e = ok(await s.gql(`{ event(slug: "allawi-letter-2004") {
      start dateNote dateClaims { id date datePrecision claim used note evidence { quote attributedTo { description } } citations { publisher url published } }
    } }`)).event;
    expect(e.dateClaims.map((c: { date: string; used: boolean }) => [c.date, c.used])).toEqual([
      ['2004-06-20', false], ['2004-06-21', true], ['2004-06-22', false],
    ]);
    const [dod, afp, nato] = e.dateClaims;
    expect(afp.date).toBe(e.start);
    expect(afp.note).toMatch(/Used/);
    expect(afp.evidence).toEqual([{ quote: 'The letter was received Monday', attributedTo: { description: 'a NATO official' } }]);
    expect(dod).toMatchObject({ claim: 'a June 20 letter', evidence: [] });
    expect(dod.citations[0]).toMatchObject({ published: '2004-06-27', url: 'https://www.dvidshub.net/news/534641/nato-expected-support-call-help-iraq' });
    expect(nato.citations[0]).toMatchObject({ publisher: 'NATO (NATO Update)', published: '2004-06-22' });
    expect(e.dateNote).toMatch(/20, 21|June 20|21 June/);
    // A date claim is a Node whose evidence points back at it.
    const n = ok(await s.gql('query ($id: ID!) { node(id: $id) { __typename ... on DateClaim { claim } } }', { id: afp.id })).node;
    expect(n).toEqual({ __typename: 'DateClaim', claim: 'The letter was received Monday' });
  });
});

describe('numbers, answered items, attribution and hedging', () => {
  it('gives the training missions their numbers as written', async () => {
    const d = ok(await s.gql(`{
      ntmi: event(slug: "nato-training-mission-iraq") { start end quantities { amount unit qualifier text } citations { url } }
      ntim: event(slug: "nato-training-implementation-mission-2004") { start end quantities { amount unit qualifier text } }
      team: event(slug: "nato-training-team-iraq-2017") { quantities { amount qualifier text } }
    }`));
    expect([d.ntmi.start, d.ntmi.end]).toEqual(['2004-12-16', '2011-12-31']);
    expect(d.ntmi.quantities.map((q: { amount: number; qualifier: string }) => [q.amount, q.qualifier])).toEqual([[360, 'UP_TO'], [1000, 'ABOUT'], [500, 'ABOUT']]);
    expect(d.ntmi.quantities[1].text).toBe('about 1,000 Iraqi officers in the country');
    expect(d.ntmi.citations.length).toBeGreaterThan(0);
    expect([d.ntim.start, d.ntim.end]).toEqual(['2004-07-30', '2004-12-16']);
    expect(d.ntim.quantities).toEqual([{ amount: 50, unit: 'officers', qualifier: 'ABOUT', text: 'about 50 officers' }]);
    expect(d.team.quantities).toEqual([{ amount: 20, qualifier: 'LESS_THAN', text: 'they number less than 20' }]);
  });

  it("dates NATO's answers to Allawi right: an offer at Istanbul, the implementation mission in July, NTM-I in December", async () => {
    const r = ok(await s.gql(`{ request(slug: "allawi-2004-nato-assistance") {
      status responses { stance date responder { slug } event { slug } items { category } quantities { amount } supportKind }
      items { category answeredBy { date } }
    } }`)).request;
    expect(r.status).toBe('FULFILLED');
    const nato = r.responses.filter((x: { responder: { slug: string }; stance: string }) => x.responder.slug === 'nato' && x.stance === 'ACCEPTS');
    expect(nato.map((x: { date: string; event: { slug: string } }) => [x.date, x.event.slug])).toEqual([
      ['2004-06-28', 'istanbul-summit-2004'],
      ['2004-07-30', 'nato-training-implementation-mission-2004'],
      ['2004-12-16', 'nato-training-mission-iraq'],
      ['2005-02-22', 'brussels-summit-2005'],
    ]);
    expect(nato[0]).toMatchObject({ items: [{ category: 'TRAINING' }], supportKind: 'CITATION' });
    expect(nato[2].items.map((i: { category: string }) => i.category).sort()).toEqual(['TECHNICAL_ASSISTANCE', 'TRAINING']);
    expect(nato[3].quantities.map((q: { amount: number }) => q.amount)).toEqual([360, 1000, 500]);
    const training = r.items.find((i: { category: string }) => i.category === 'TRAINING');
    expect(training.answeredBy.map((x: { date: string }) => x.date)).toEqual(expect.arrayContaining(['2004-06-28', '2004-07-30', '2004-12-16']));
  });

  it('says who is speaking and when the wording is hedged', async () => {
    const r = ok(await s.gql(`{ request(slug: "allawi-2004-nato-assistance") {
      responses { summary responder { slug } evidence { quote hedged attributedTo { description actor { slug } } } }
    } }`)).request;
    const spans = r.responses.flatMap((x: { evidence: unknown[] }) => x.evidence) as { quote: string; hedged: boolean; attributedTo: any }[];
    const hedged = spans.find((e) => e.quote.startsWith('in a possible sign of agreement'))!;
    expect(hedged).toMatchObject({ hedged: true, attributedTo: { actor: { slug: 'jaap-de-hoop-scheffer' }, description: null } });
    const official = spans.find((e) => e.quote === 'certainly allies are considering the request and discussing it')!;
    expect(official).toMatchObject({ hedged: false, attributedTo: { description: 'a NATO official', actor: null } });
    const conditional = r.responses.find((x: { summary: string }) => x.summary.includes('could not slam'));
    expect(conditional.responder.slug).toBe('jaap-de-hoop-scheffer');
  });
});

describe('dated memberships and roles', () => {
  it('dates NATO memberships from accession, with a citation, and leaves an unknown end null', async () => {
    const d = ok(await s.gql(`{
      belgium: actor(slug: "belgium") { memberOf { kind since until dateNote to { slug } citations { url } } }
      bulgaria: actor(slug: "bulgaria") { memberOf { since until } }
      poland: actor(slug: "poland") { memberOf { to { slug } since until } }
    }`));
    expect(d.belgium.memberOf).toEqual([expect.objectContaining({
      kind: 'MEMBER_OF', since: '1949', until: null, to: { slug: 'nato' }, citations: [{ url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm' }],
    })]);
    expect(d.bulgaria.memberOf).toEqual([{ since: '2004-03-29', until: null }]);
    expect(d.poland.memberOf).toEqual(expect.arrayContaining([{ to: { slug: 'us-led-coalition' }, since: '2003-03', until: '2008-10' }]));
  });

  it("hands NATO's Secretary-Generalship over without overlap, each term with a citation", async () => {
    const d = ok(await s.gql(`{ actor(slug: "nato") { officeHolders { title from to holder { slug } citations { url } } } }`)).actor;
    const sg = d.officeHolders.filter((r: { title: string }) => r.title === 'Secretary General');
    expect(sg.map((r: { holder: { slug: string }; from: string; to: string }) => [r.holder.slug, r.from, r.to])).toEqual([
      ['jaap-de-hoop-scheffer', '2004-01-01', '2009-07-31'], ['jens-stoltenberg', '2014-10-01', '2024-09-30'],
    ]);
    for (const r of sg) expect(r.citations.length).toBe(1);
  });
});

describe('annotation corrections', () => {
  it("does not count the Pentagon's refusal to discuss the letter as an answer to the US request", async () => {
    const d = ok(await s.gql(`{
      michael: actor(slug: "johnny-michael") { responses { totalCount } events { edges { node { slug kind } } } }
      mattis: request(slug: "mattis-2018-nato-iraq-mission") { responses { responder { slug } } items { description } }
    }`));
    expect(d.michael.responses.totalCount).toBe(0);
    expect(d.michael.events.edges.map((e: any) => e.node)).toEqual([{ slug: 'pentagon-declines-to-discuss-letter-2018', kind: 'STATEMENT' }]);
    expect(d.mattis.responses.map((r: any) => r.responder.slug)).not.toContain('johnny-michael');
    // The diplomats' other ideas (bomb disposal, vehicles, medical) were not in the letter.
    expect(d.mattis.items.map((i: any) => i.description).join(' ')).not.toMatch(/bomb disposal/);
  });

  it('keeps upcoming events PLANNED, calls a call a MEETING, and no longer ties the US 2004 request to Istanbul', async () => {
    const d = ok(await s.gql(`{
      istanbul: event(slug: "istanbul-summit-2004") { status citations { url } }
      transfer: event(slug: "transfer-of-sovereignty-2004") { status start dateClaims { date used } }
      call: event(slug: "bush-allawi-call-2004") { kind }
      us: request(slug: "us-2004-nato-iraq-training") { madeAt { slug } items(excluded: true) { category } status }
    }`));
    expect(d.istanbul.status).toBe('PLANNED');
    expect(d.istanbul.citations).toEqual([{ url: 'https://www.nato.int/docu/pr/2004/p04-098e.htm' }]);
    expect(d.transfer).toEqual({ status: 'PLANNED', start: '2004-06-28', dateClaims: [{ date: '2004-06-28', used: true }, { date: '2004-06-30', used: false }] });
    expect(d.call.kind).toBe('MEETING');
    expect(d.us).toEqual({ madeAt: null, items: [], status: 'ACCEPTED' });
  });

  it('drops actors found only in the publisher\'s later legal notice, and counts every NATO mention', async () => {
    const d = ok(await s.gql(`{
      russia: actor(slug: "russia") { id } ukraine: actor(slug: "ukraine") { id } rferl: actor(slug: "rfe-rl") { id }
      doc: document(slug: "003_c24ebd90a8b61ee5") { actors(first: 1) { edges { mentionCount node { slug } } } }
      ayad: actor(name: "Ayad Allawi") { slug } haidar: actor(name: "Haidar al-Abadi") { slug }
    }`));
    expect([d.russia, d.ukraine, d.rferl]).toEqual([null, null, null]);
    expect(d.doc.actors.edges[0]).toEqual({ mentionCount: 16, node: { slug: 'nato' } });
    expect([d.ayad.slug, d.haidar.slug]).toEqual(['iyad-allawi', 'haider-al-abadi']);
  });

  it("records France's and Germany's 2005 contributions, the allies' donations and their 2018 reluctance", async () => {
    const d = ok(await s.gql(`{
      france: actor(slug: "france") { responses { edges { node { stance date request { slug } } } } }
      donations: event(slug: "allied-equipment-donations-iraq") { start evidence { edges { node { quote } } } }
      mattis: request(slug: "mattis-2018-nato-iraq-mission") { responses { stance summary evidence { quote attributedTo { description } } } }
    }`));
    expect(d.france.responses.edges.map((e: any) => e.node)).toEqual(expect.arrayContaining([
      { stance: 'SUPPORTS', date: '2005', request: { slug: 'allawi-2004-nato-assistance' } },
    ]));
    expect(d.donations.evidence.edges.map((e: any) => e.node.quote)).toContain('Individual NATO countries have also donated weapons and other equipment.');
    const reluctant = d.mattis.responses.find((r: any) => r.evidence.some((e: any) => e.quote === 'Few allies want that.'));
    expect(reluctant.stance).toBe('NONCOMMITTAL');
    expect(reluctant.evidence.find((e: any) => e.quote === 'Few allies want that.').attributedTo).toEqual({ description: 'one senior NATO diplomat' });
  });
});

describe('no N+1 on the new fields', () => {
  // The Allawi request reaches every level of this query (history with evidence and citations, answered
  // items, quantities, attributed evidence, a letter with date claims), so a page of it alone and a page
  // of all six requests must run the same statements.
  // Three queries, each within the cost limit.
  const QUERIES = [
    `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Request {
      status(asOf: "2018-03") statusHistory { status evidence { quote } citations { title } }
      dateClaims { date } items { quantities { amount } answeredBy { id } }
    } } }`,
    `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Request {
      responses { items { id } quantities { amount } citations { url } supportKind evidence { attributedTo { actor { slug } } } }
    } } }`,
    `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Request {
      madeAt { dateClaims { claim evidence { quote } citations { url } } quantities { amount } citations { url } }
    } } }`,
  ];
  it('runs the same number of SELECTs for 1 request and for all 6', async () => {
    const ids = ok(await s.gql('{ requests(first: 100) { edges { node { id slug } } } }')).requests.edges.map((e: any) => e.node);
    const allawi = ids.find((r: { slug: string }) => r.slug === 'allawi-2004-nato-assistance').id;
    const run = async (query: string, list: string[]) => {
      s.queries.length = 0;
      ok(await s.gql(query, { ids: list }));
      return s.queries.filter((q) => /^\s*SELECT\b/i.test(q)).length;
    };
    for (const query of QUERIES) {
      const one = await run(query, [allawi]);
      const all = await run(query, [allawi, ...ids.map((r: { id: string }) => r.id).filter((id: string) => id !== allawi)]);
      expect(all).toBe(one);
      expect(all).toBeLessThanOrEqual(20);
    }
  });
});
