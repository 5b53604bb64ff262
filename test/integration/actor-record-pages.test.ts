/**
 * An actor's record connections (requestsMade, requestsReceived, events, responses, documents) and the
 * timeline are paged in SQL (src/db/dated-page-sql.ts): a walk of the record table's date index for an
 * actor in more than HEAVY_LINKS link rows, a drive from the link rows below. Each page must equal what
 * the old code gave — every record of the actor loaded and sorted in JavaScript, then paged by
 * `arrayPage` — edges, cursors, pageInfo and totalCount alike, over a data set with a heavy actor (above
 * the threshold in every table) and light ones, forwards and backwards, from cursors, with dates and
 * with affiliation on and off. Over HTTP, on SQLite or PostgreSQL (`npm run test:postgres -- <file>`).
 */
import { Prisma } from '../../src/generated/prisma/client.ts';
import { HEAVY_LINKS } from '../../src/db/dated-page-sql.ts';
import { affiliatedIds, resolveAffiliation } from '../../src/services/affiliation.ts';
import type { PageArgs } from '../../src/services/pagination.ts';
import { requestConditions } from '../../src/services/requests.ts';
import { byDate } from '../../src/resolvers/lookups.ts';
import { toGlobalId, type NodeType } from '../../src/resolvers/global-id.ts';
import { parsePartialDate } from '../../src/domain/partial-date.ts';
import { argText, expectedPage, PAGE_FIELDS, walkAll } from '../helpers/pages.ts';
import { startTestServer, ok, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let heavy: string;
let light: string;
const BULK = 2600;

/** A spread of partial dates (some undated), with many ties. */
function dateOf(i: number): { date: string | null; precision: 'YEAR' | 'MONTH' | 'DAY' | null; min: string | null; max: string | null } {
  if (i % 9 === 0) return { date: null, precision: null, min: null, max: null };
  const y = 2003 + ((i * 7) % 16);
  const text = i % 3 === 0 ? `${y}` : i % 3 === 1 ? `${y}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}` : `${y}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`;
  const d = parsePartialDate(text, 'date');
  return { date: text, precision: text.length === 4 ? 'YEAR' : text.length === 7 ? 'MONTH' : 'DAY', min: d.min, max: d.max };
}

beforeAll(async () => {
  s = await startTestServer();
  const db = s.t.db;
  const iraq = await db.actor.findUniqueOrThrow({ where: { slug: 'iraq' } });
  const allawi = await db.actor.findUniqueOrThrow({ where: { slug: 'iyad-allawi' } });
  const other = await db.actor.create({ data: { slug: 'bulk-other', name: 'Bulk Other', kind: 'ORGANIZATION' } });
  heavy = iraq.id;
  light = (await db.actor.findUniqueOrThrow({ where: { slug: 'nato' } })).id;
  const pad = (i: number) => String(i).padStart(5, '0');
  const events = Array.from({ length: BULK }, (_, i) => {
    const d = dateOf(i);
    return { id: `bulkev${pad(i)}`, slug: `bulk-event-${i}`, kind: 'MEETING' as const, title: `Bulk event ${i}`, start: d.date, startPrecision: d.precision, dateMin: d.min, dateMax: d.max };
  });
  await db.event.createMany({ data: events });
  await db.eventParticipant.createMany({
    data: events.flatMap((e, i) => [
      { eventId: e.id, actorId: i % 2 === 0 ? heavy : other.id, role: 'ATTENDEE' as const },
      // The same actor twice on an event (two roles): still one event.
      ...(i % 10 === 0 ? [{ eventId: e.id, actorId: heavy, role: 'HOST' as const }] : []),
      // The office holder (Prime Minister of Iraq 2004–2005 in the seed) on some events: in Iraq's
      // affiliated timeline when dated within the role.
      ...(i % 50 === 1 ? [{ eventId: e.id, actorId: allawi.id, role: 'SPEAKER' as const }] : []),
    ]),
  });
  const requests = Array.from({ length: BULK }, (_, i) => {
    const d = dateOf(i + 5);
    return { id: `bulkrq${pad(i)}`, slug: `bulk-request-${i}`, summary: `Bulk request ${i}`, channel: 'LETTER' as const, date: d.date, datePrecision: d.precision, dateMin: d.min, dateMax: d.max };
  });
  await db.request.createMany({ data: requests });
  await db.requestParty.createMany({
    data: requests.flatMap((r, i) => [
      { requestId: r.id, actorId: i % 2 === 0 ? heavy : other.id, side: 'REQUESTER' as const },
      // Iraq receives a third of them: fewer than HEAVY_LINKS, so those pages drive from the link.
      { requestId: r.id, actorId: i % 3 === 0 ? heavy : other.id, side: 'ADDRESSEE' as const },
    ]),
  });
  await db.requestResponse.createMany({
    // Twice as many responses: the responses' threshold is twice the others'.
    data: Array.from({ length: 2 * BULK }, (_, i) => {
      const d = dateOf(i + 2);
      return { id: `bulkrs${pad(i)}`, requestId: requests[i % 50]!.id, responderId: i % 2 === 1 ? heavy : other.id, stance: 'ACCEPTS' as const, summary: `Bulk response ${i}`, date: d.date, datePrecision: d.precision, dateMin: d.min, dateMax: d.max };
    }),
  });
  const documents = Array.from({ length: 1200 }, (_, i) => {
    const d = dateOf(i + 1);
    return { id: `bulkdc${pad(i)}`, slug: `bulk-document-${i}`, title: `Bulk document ${i}`, publisher: 'bulk', body: `Iraq said ${i}.`, contentHash: `bulk-${i}`, wordCount: 3, published: d.date, publishedPrecision: d.precision, publishedMin: d.min, publishedMax: d.max };
  });
  await db.document.createMany({ data: documents });
  await db.evidence.createMany({
    data: documents.flatMap((doc, i) => [
      { documentId: doc.id, start: 0, end: 4, quote: 'Iraq', targetType: 'ACTOR' as const, actorId: i % 12 === 5 ? other.id : heavy },
      ...(i % 4 === 0 ? [{ documentId: doc.id, start: 0, end: 4, quote: 'Iraq', targetType: 'ACTOR' as const, actorId: heavy }] : []),
    ]),
  });
}, 120_000);
afterAll(() => s?.close());

type Row = { id: string };
interface ListSpec {
  field: 'requestsMade' | 'requestsReceived' | 'events' | 'responses' | 'documents';
  type: NodeType;
  /** Every record of the actor, as the old resolvers loaded them. */
  all: (actorId: string) => Promise<(Row & { d: string | null })[]>;
}

const SPECS: ListSpec[] = [
  {
    field: 'requestsMade', type: 'Request',
    all: async (a) => {
      const ids = (await s.t.db.requestParty.findMany({ where: { actorId: a, side: 'REQUESTER' } })).map((p) => p.requestId);
      return (await s.t.db.request.findMany({ where: { id: { in: ids } } })).map((r) => ({ id: r.id, d: r.date }));
    },
  },
  {
    field: 'requestsReceived', type: 'Request',
    all: async (a) => {
      const ids = (await s.t.db.requestParty.findMany({ where: { actorId: a, side: 'ADDRESSEE' } })).map((p) => p.requestId);
      return (await s.t.db.request.findMany({ where: { id: { in: ids } } })).map((r) => ({ id: r.id, d: r.date }));
    },
  },
  {
    field: 'events', type: 'Event',
    all: async (a) => {
      const ids = (await s.t.db.eventParticipant.findMany({ where: { actorId: a } })).map((p) => p.eventId);
      return (await s.t.db.event.findMany({ where: { id: { in: [...new Set(ids)] } } })).map((e) => ({ id: e.id, d: e.start }));
    },
  },
  {
    field: 'responses', type: 'RequestResponse',
    all: async (a) => (await s.t.db.requestResponse.findMany({ where: { responderId: a } })).map((r) => ({ id: r.id, d: r.date })),
  },
  {
    field: 'documents', type: 'Document',
    all: async (a) => {
      const ids = (await s.t.db.evidence.findMany({ where: { actorId: a } })).map((e) => e.documentId);
      return (await s.t.db.document.findMany({ where: { id: { in: [...new Set(ids)] } } })).map((d) => ({ id: d.id, d: d.published }));
    },
  },
];




describe("an actor's record connections, paged in SQL", () => {
  it('the heavy actor is above the walk threshold where the test means it to be, and the light one below', async () => {
    const db = s.t.db;
    expect(await db.eventParticipant.count({ where: { actorId: heavy } })).toBeGreaterThan(HEAVY_LINKS.Event);
    expect(await db.requestParty.count({ where: { actorId: heavy, side: 'REQUESTER' } })).toBeGreaterThan(HEAVY_LINKS.Request);
    expect(await db.requestParty.count({ where: { actorId: heavy, side: 'ADDRESSEE' } })).toBeLessThan(HEAVY_LINKS.Request);
    expect(await db.requestResponse.count({ where: { responderId: heavy } })).toBeGreaterThan(HEAVY_LINKS.RequestResponse);
    expect(await db.evidence.count({ where: { actorId: heavy } })).toBeGreaterThan(HEAVY_LINKS.Document);
  });

  for (const spec of SPECS) {
    it(`${spec.field}: every page equals the old sort-everything answer, for a heavy and a light actor`, async () => {
      for (const [actorId, size] of [[heavy, 97], [light, 2]] as const) {
        const list = (await spec.all(actorId)).sort(byDate((r) => r.d));
        const gid = toGlobalId('Actor', actorId);
        const get = async (args: PageArgs) => ok(await s.gql(`{ node(id: ${JSON.stringify(gid)}) { ... on Actor { ${spec.field}(${argText(args)}) {
          ${PAGE_FIELDS} } } } }`)).node[spec.field];
        const pages = await walkAll(get, (args) => expectedPage(list, args, (r) => ({ value: r.d, id: r.id }), () => spec.type), size);
        if (actorId === heavy) expect(pages).toBeGreaterThan(10);
      }
    }, 120_000);
  }

  it('pages a list of actors with their records in one statement per level', async () => {
    const q = (n: number) => `{ actors(first: ${n}, orderBy: { field: NAME }) { edges { node { slug
      requestsMade(first: 3) { totalCount edges { node { id } } } events(first: 3) { totalCount edges { node { id } } }
      responses(last: 2) { totalCount edges { node { id } } } documents(first: 2) { totalCount edges { node { id } } } } } } }`;
    const selects = async (n: number) => {
      s.queries.length = 0;
      const data = ok(await s.gql(q(n)));
      const list = s.queries.filter((x) => /^\s*SELECT\b/i.test(x));
      return { data, n: list.length, q: list.map((x) => x.replace(/\s+/g, ' ').slice(0, 100)) };
    };
    const few = await selects(20);
    const many = await selects(60);
    expect(many.data.actors.edges.length).toBeGreaterThan(few.data.actors.edges.length);
    // The actors; every record page; then requests, events, responses and documents by id; the counts
    // (in one statement, or two when the documents' pages, loaded a step later, ask for theirs later).
    expect(many.n).toBe(few.n);
    expect(many.n).toBeLessThanOrEqual(8);
    expect(many.q.filter((x) => x.includes('AS TEXT) AS "k", t."id"'))).toHaveLength(1);
    const iraq = many.data.actors.edges.find((e: any) => e.node.slug === 'iraq').node;
    expect(iraq.requestsMade.totalCount).toBe(BULK / 2 + (await s.t.db.requestParty.count({ where: { actorId: heavy, side: 'REQUESTER', requestId: { not: { startsWith: 'bulk' } } } })));
    expect(iraq.events.edges).toHaveLength(3);
  });
});

describe('the timeline, paged in SQL', () => {
  /** Every entry of the old UNION (no LIMIT), sorted in JavaScript. */
  async function allEntries(actor: string | null, affiliated: boolean, from?: string, to?: string) {
    const a = actor ? await resolveAffiliation(s.t.db, [actor], affiliated) : null;
    const f = from ? parsePartialDate(from, 'from') : null;
    const t = to ? parsePartialDate(to, 'to') : null;
    const range = Prisma.sql`${f ? Prisma.sql` AND t."dateMax" >= ${f.min}` : Prisma.empty}${t ? Prisma.sql` AND t."dateMin" <= ${t.max}` : Prisma.empty}`;
    const involves = (o: Parameters<typeof affiliatedIds>[1]) => (a ? Prisma.sql` AND t."id" IN (${affiliatedIds(a, o)})` : Prisma.empty);
    const rows = await s.t.db.$queryRaw<{ kind: string; id: string; date: string }[]>(Prisma.sql`
      SELECT 'EVENT' AS "kind", t."id" AS "id", t."start" AS "date" FROM "Event" t
        WHERE t."start" IS NOT NULL${range}${involves({ table: 'Event', link: 'EventParticipant', linkKey: 'eventId', actorColumn: 'actorId' })}
      UNION ALL
      SELECT 'REQUEST', t."id", t."date" FROM "Request" t
        WHERE t."date" IS NOT NULL${range}${involves({ table: 'Request', link: 'RequestParty', linkKey: 'requestId', actorColumn: 'actorId', onBehalfOf: true })}
      UNION ALL
      SELECT 'RESPONSE', t."id", t."date" FROM "RequestResponse" t
        WHERE t."date" IS NOT NULL${range}${involves({ table: 'RequestResponse', link: 'RequestResponse', linkKey: 'id', actorColumn: 'responderId' })}`);
    return rows.sort(byDate((r) => r.date));
  }
  const TYPE: Record<string, NodeType> = { EVENT: 'Event', REQUEST: 'Request', RESPONSE: 'RequestResponse' };

  const cases: { actor: 'heavy' | 'light' | null; affiliated: boolean; from?: string; to?: string; size: number }[] = [
    { actor: 'heavy', affiliated: true, size: 100 },
    { actor: 'heavy', affiliated: false, size: 100 },
    { actor: 'heavy', affiliated: true, from: '2004-06', to: '2005-02-15', size: 41 },
    { actor: 'heavy', affiliated: false, from: '2010', size: 100 },
    { actor: 'light', affiliated: true, size: 5 },
    { actor: 'light', affiliated: false, to: '2005', size: 3 },
    { actor: null, affiliated: true, from: '2016-03-02', size: 100 },
  ];
  for (const c of cases) {
    it(`equals the old sort-everything answer: ${JSON.stringify(c)}`, async () => {
      const actorId = c.actor === 'heavy' ? heavy : c.actor === 'light' ? light : null;
      const list = await allEntries(actorId, c.affiliated, c.from, c.to);
      expect(list.length).toBeGreaterThan(c.size);
      const filter = [actorId ? `actor: ${JSON.stringify(toGlobalId('Actor', actorId))}, affiliated: ${c.affiliated}` : '',
        c.from ? `from: "${c.from}"` : '', c.to ? `to: "${c.to}"` : ''].filter(Boolean).join(', ');
      const get = async (args: PageArgs) => {
        const r = ok(await s.gql(`{ timeline(${[filter, argText(args)].filter(Boolean).join(', ')}) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ... on Node { id } } } } }`)).timeline;
        return r;
      };
      await walkAll(get, (args) => expectedPage(list, args, (r) => ({ value: r.date, id: r.id }), (r) => TYPE[r.kind]!, 'asc', 'timeline'), c.size);
    }, 120_000);
  }

  it('office holders count only within their role: the walk and the drive find the same holder entries', async () => {
    const all = await allEntries(heavy, true);
    const allawi = (await s.t.db.actor.findUniqueOrThrow({ where: { slug: 'iyad-allawi' } })).id;
    const viaHolder = await s.t.db.eventParticipant.findMany({ where: { actorId: allawi, eventId: { startsWith: 'bulkev' } } });
    const ids = new Set(all.map((e) => e.id));
    // Some of the holder's bulk events fall within the role and some outside: both cases are exercised.
    const inside = viaHolder.filter((p) => ids.has(p.eventId));
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(viaHolder.length);
  });
});

describe('events(filter: { actor }), paged in SQL', () => {
  /** Every event the old statement matched (the affiliated ids, the other filters), sorted in JavaScript. */
  async function allEvents(actor: string, affiliated: boolean, kind?: string, from?: string) {
    const a = await resolveAffiliation(s.t.db, [actor], affiliated);
    const f = from ? parsePartialDate(from, 'from') : null;
    const rows = await s.t.db.$queryRaw<{ id: string; start: string | null }[]>(Prisma.sql`SELECT t."id" AS "id", t."start" AS "start" FROM "Event" t
      WHERE t."id" IN (${affiliatedIds(a, { table: 'Event', link: 'EventParticipant', linkKey: 'eventId', actorColumn: 'actorId' })})
      ${kind ? Prisma.sql`AND CAST(t."kind" AS TEXT) = ${kind}` : Prisma.empty} ${f ? Prisma.sql`AND t."dateMax" >= ${f.min}` : Prisma.empty}`);
    return rows.sort(byDate((r) => r.start));
  }
  const cases: { actor: 'heavy' | 'light'; affiliated: boolean; direction: 'ASC' | 'DESC'; kind?: string; from?: string; size: number }[] = [
    { actor: 'heavy', affiliated: true, direction: 'ASC', size: 100 },
    { actor: 'heavy', affiliated: false, direction: 'DESC', size: 100 },
    { actor: 'heavy', affiliated: true, direction: 'DESC', kind: 'MEETING', from: '2009', size: 60 },
    { actor: 'light', affiliated: true, direction: 'ASC', size: 2 },
    { actor: 'light', affiliated: false, direction: 'DESC', size: 1 },
  ];
  for (const c of cases) {
    it(`equals the old answer: ${JSON.stringify(c)}`, async () => {
      const actorId = c.actor === 'heavy' ? heavy : light;
      const asc = await allEvents(actorId, c.affiliated, c.kind, c.from);
      const list = c.direction === 'ASC' ? asc : [...asc].reverse();
      expect(list.length).toBeGreaterThan(c.size);
      const filter = `filter: { actor: ${JSON.stringify(toGlobalId('Actor', actorId))}, affiliated: ${c.affiliated}${c.kind ? `, kind: [${c.kind}]` : ''}${c.from ? `, from: "${c.from}"` : ''} }`;
      const get = async (args: PageArgs) => ok(await s.gql(`{ events(${filter}, orderBy: { field: START, direction: ${c.direction} }, ${argText(args)}) {
        ${PAGE_FIELDS} } }`)).events;
      const dir = c.direction === 'ASC' ? 'asc' : 'desc';
      await walkAll(get, (args) => expectedPage(list, args, (r) => ({ value: r.start, id: r.id }), () => 'Event', dir, `start:${dir}`), c.size);
    }, 120_000);
  }

  it('reads whole rows as the other lists do (dates as DateTime, every field)', async () => {
    const q = (extra: string) => `{ events(filter: { actor: "iraq" ${extra} }, first: 30) { edges { node { id slug kind status title start end startPrecision createdAt updatedAt version } } } }`;
    const paged = ok(await s.gql(q(''))).events.edges;
    // The same events through node(id:) (the loader's read).
    const ids = paged.map((e: any) => e.node.id);
    const nodes = ok(await s.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Event { id slug kind status title start end startPrecision createdAt updatedAt version } } }`, { ids })).nodes;
    expect(paged.map((e: any) => e.node)).toEqual(nodes);
    expect(paged.length).toBe(30);
  });
});

describe('requests(filter: { requester / addressee / actor }), paged in SQL', () => {
  /** Every request the old statement matched (the same conditions, without a page), sorted in JavaScript. */
  async function allRequests(sets: { requester?: string; addressee?: string; actor?: string }, affiliated: boolean, from?: string, to?: string) {
    const resolve = async (id?: string) => (id ? resolveAffiliation(s.t.db, [id], affiliated) : null);
    const where = requestConditions({ requester: await resolve(sets.requester), addressee: await resolve(sets.addressee), actor: await resolve(sets.actor), from, to });
    const rows = await s.t.db.$queryRaw<{ id: string; date: string | null }[]>(Prisma.sql`SELECT t."id" AS "id", t."date" AS "date" FROM "Request" t
      WHERE ${Prisma.join(where, ' AND ')}`);
    return rows.sort(byDate((r) => r.date));
  }
  type Who = 'heavy' | 'light';
  const cases: { requester?: Who; addressee?: Who; actor?: Who; affiliated: boolean; direction: 'ASC' | 'DESC'; from?: string; to?: string; size: number }[] = [
    // Iraq requests above HEAVY_LINKS (the walk), receives below it (the drive); either side: above.
    { requester: 'heavy', affiliated: true, direction: 'ASC', size: 100 },
    { requester: 'heavy', affiliated: false, direction: 'DESC', size: 97 },
    { addressee: 'heavy', affiliated: false, direction: 'ASC', size: 60 },
    { addressee: 'heavy', affiliated: true, direction: 'DESC', from: '2006', to: '2014-05', size: 40 },
    { actor: 'heavy', affiliated: true, direction: 'ASC', from: '2010', size: 100 },
    { actor: 'heavy', affiliated: false, direction: 'DESC', size: 100 },
    { requester: 'heavy', addressee: 'heavy', affiliated: false, direction: 'ASC', size: 30 },
    { actor: 'light', affiliated: true, direction: 'ASC', size: 1 },
    { addressee: 'light', affiliated: false, direction: 'DESC', size: 1 },
  ];
  for (const c of cases) {
    it(`equals the old answer: ${JSON.stringify(c)}`, async () => {
      const idOf = (w?: Who) => (w === 'heavy' ? heavy : w === 'light' ? light : undefined);
      const sets = { requester: idOf(c.requester), addressee: idOf(c.addressee), actor: idOf(c.actor) };
      const asc = await allRequests(sets, c.affiliated, c.from, c.to);
      const list = c.direction === 'ASC' ? asc : [...asc].reverse();
      expect(list.length).toBeGreaterThan(c.size);
      const filter = [...Object.entries(sets).filter(([, v]) => v).map(([k, v]) => `${k}: ${JSON.stringify(toGlobalId('Actor', v!))}`),
        `affiliated: ${c.affiliated}`, c.from ? `from: "${c.from}"` : '', c.to ? `to: "${c.to}"` : ''].filter(Boolean).join(', ');
      const get = async (args: PageArgs) => ok(await s.gql(`{ requests(filter: { ${filter} }, orderBy: { field: DATE, direction: ${c.direction} }, ${argText(args)}) {
        ${PAGE_FIELDS} } }`)).requests;
      const dir = c.direction === 'ASC' ? 'asc' : 'desc';
      const pages = await walkAll(get, (args) => expectedPage(list, args, (r) => ({ value: r.date, id: r.id }), () => 'Request', dir, `date:${dir}`), c.size);
      expect(pages).toBeGreaterThan(2);
    }, 120_000);
  }

  it('reads whole rows as the unfiltered list does, and refuses a cursor of another ordering', async () => {
    const fields = 'id slug summary channel status date datePrecision dateNote';
    const paged = ok(await s.gql(`{ requests(filter: { requester: "iraq" }, first: 30) { edges { node { ${fields} } } } }`)).requests.edges;
    const ids = paged.map((e: any) => e.node.id);
    const nodes = ok(await s.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Request { ${fields} } } }`, { ids })).nodes;
    expect(paged.map((e: any) => e.node)).toEqual(nodes);
    expect(paged.length).toBe(30);
    const byCreation = ok(await s.gql('{ requests(orderBy: { field: CREATED_AT }, first: 1) { pageInfo { endCursor } } }')).requests.pageInfo.endCursor;
    const r = await s.gql(`{ requests(filter: { requester: "iraq" }, after: ${JSON.stringify(byCreation)}) { edges { cursor } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
