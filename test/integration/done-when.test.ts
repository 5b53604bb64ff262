/**
 * Issue 10's "Done when": the analyst's questions, one query each, over HTTP against the seeded
 * database, answered right (roll-up to those acting for an actor, office holders at a date, status over
 * time with its support).
 */
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

it("Iraq's requests to NATO (2004, 2008) with items, exclusions and NATO's responses", async () => {
  const d = ok(await s.gql(`{ requests(filter: { requester: "Iraq", addressee: "NATO", from: "2004", to: "2008" }) {
    edges { node {
      slug date
      items(excluded: false) { category }
      exclusions: items(excluded: true) { category description }
      responses { stance date responder { slug } }
    } }
  } }`)).requests;
  const byYear = Object.fromEntries(d.edges.map((e: any) => [e.node.date.slice(0, 4), e.node]));
  expect(Object.keys(byYear).sort()).toEqual(['2004', '2008']);
  const [y2004, y2008] = [byYear['2004'], byYear['2008']];
  expect(y2004.slug).toBe('allawi-2004-nato-assistance');
  expect(y2004.items.map((i: any) => i.category)).toEqual(expect.arrayContaining(['TRAINING', 'TECHNICAL_ASSISTANCE']));
  expect(y2004.exclusions.map((i: any) => i.category)).toEqual(['TROOPS']);
  // NATO's own answers: Istanbul's offer, the two missions, the 2005 expansion.
  const nato2004 = y2004.responses.filter((r: any) => r.responder.slug === 'nato' && r.stance === 'ACCEPTS').map((r: any) => r.date);
  expect(nato2004).toEqual(['2004-06-28', '2004-07-30', '2004-12-16', '2005-02-22']);
  expect(y2008.slug).toBe('maliki-2008-nato-training-equipment');
  expect(y2008.items.map((i: any) => i.category)).toEqual(expect.arrayContaining(['TRAINING', 'EQUIPMENT']));
  expect(y2008.exclusions.map((i: any) => i.category)).toEqual(['TROOPS']);
  expect(y2008.responses.map((r: any) => r.responder.slug)).toEqual(['jaap-de-hoop-scheffer', 'jaap-de-hoop-scheffer', 'jaap-de-hoop-scheffer']);
});

it("NATO's timeline 2004–2018 holds its Secretary General's answers and the 2008 Council meeting", async () => {
  const t = ok(await s.gql(`{ timeline(actors: ["nato"], from: "2004", to: "2018", first: 100) {
    totalCount edges { date node { __typename ... on Event { slug } ... on RequestResponse { responder { slug } request { slug } } } }
  } }`)).timeline;
  expect(t.totalCount).toBe(t.edges.length);
  const sgAnswers = t.edges.filter((e: any) => e.node.__typename === 'RequestResponse' && ['jaap-de-hoop-scheffer', 'jens-stoltenberg'].includes(e.node.responder.slug));
  // De Hoop Scheffer's answers of 2004 and 2008 (Stoltenberg's is undated, so it has no place on a timeline).
  expect(sgAnswers.map((e: any) => e.date)).toEqual(expect.arrayContaining(['2004-06-24', '2008-04-17']));
  expect(sgAnswers.filter((e: any) => e.node.request.slug === 'maliki-2008-nato-training-equipment')).toHaveLength(3);
  expect(t.edges.some((e: any) => e.node.__typename === 'Event' && e.node.slug === 'maliki-nac-meeting-2008-04-17')).toBe(true);
  const dates = t.edges.map((e: any) => e.date);
  expect(dates).toEqual([...dates].sort());
  expect(dates.at(-1)).toBe('2018-07-11');
});

it("NATO's Secretary General in 2004 and in 2018", async () => {
  const d = ok(await s.gql(`{ actor(name: "NATO") {
    in2004: officeHolders(at: "2004", title: "secretary general") { holder { name } from to citations { url } }
    in2018: officeHolders(at: "2018", title: "secretary general") { holder { name } from to }
  } }`)).actor;
  expect(d.in2004.map((r: any) => r.holder.name)).toEqual(['Jaap de Hoop Scheffer']);
  expect(d.in2004[0].citations).toHaveLength(1);
  expect(d.in2018.map((r: any) => r.holder.name)).toEqual(['Jens Stoltenberg']);
});

it("Iraq's prime minister on 2014-09-08: one person", async () => {
  const d = ok(await s.gql(`{ actor(slug: "iraq") { officeHolders(at: "2014-09-08", title: "prime minister") { holder { name } from to } } }`)).actor;
  expect(d.officeHolders).toEqual([{ holder: { name: 'Haider al-Abadi' }, from: '2014-09-08', to: '2018-10-24' }]);
});

it('every DECLINES response with its responder', async () => {
  const d = ok(await s.gql(`{ responses(filter: { stance: [DECLINES] }, first: 100) {
    totalCount edges { node { stance responder { slug } request { slug } items { category } } }
  } }`)).responses;
  const rows = d.edges.map((e: any) => `${e.node.request.slug}:${e.node.responder.slug}`).sort();
  expect(rows).toEqual([
    'us-2003-nato-help-turkey:france', 'us-2003-nato-help-turkey:germany',
    'us-troops-from-france-germany:france', 'us-troops-from-france-germany:germany',
  ]);
  expect(d.totalCount).toBe(4);
  for (const e of d.edges) expect(e.node.stance).toBe('DECLINES');
  // Each names the item it refused.
  for (const e of d.edges) expect(e.node.items).toHaveLength(1);
});

it("the 2018 US request's status as of 2018-03 and as of 2018-12, with their support", async () => {
  const d = ok(await s.gql(`{ request(slug: "mattis-2018-nato-iraq-mission") {
    march: statusEntry(asOf: "2018-03") { status date supportKind evidence { quote document { slug } } citations { title } }
    december: statusEntry(asOf: "2018-12") { status date supportKind evidence { quote } citations { title publisher url published } }
  } }`)).request;
  expect(d.march).toMatchObject({ status: 'UNDER_CONSIDERATION', date: '2018-02', supportKind: 'EVIDENCE', citations: [] });
  expect(d.march.evidence.every((e: any) => e.document.slug === '003_c24ebd90a8b61ee5')).toBe(true);
  expect(d.december).toMatchObject({ status: 'ACCEPTED', date: '2018-07-11', supportKind: 'CITATION', evidence: [] });
  expect(d.december.citations).toEqual([{
    title: 'Brussels Summit Declaration', publisher: 'NATO (Press Release (2018) 074)',
    url: 'https://www.nato.int/cps/en/natohq/official_texts_156624.htm', published: '2018-07-11',
  }]);
});
