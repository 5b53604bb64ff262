/**
 * `requests(filter: { category / excludedCategory })` in date order is paged like an actor's requests
 * (src/services/requests.ts, categoryRequestsPage): a category on more than HEAVY_LINKS item rows walks
 * the requests' date index probing each request's items, a rarer one drives from its item rows. Each page
 * must equal the old answer — every request the old `t."id" IN (SELECT … FROM "RequestItem" …)`
 * statement matched, sorted by (date, id) and paged by `arrayPage` — edges, cursors, pageInfo and
 * totalCount alike, forwards and backwards and from cursors, for both plans and with the other filters
 * (status, from/to, an actor, both category filters). Date ranges without a category too: the service
 * bounds the date column by the range's years (requests.ts, dateBounds), which must not change an
 * answer. Over HTTP, on SQLite or PostgreSQL (`npm run test:postgres -- <file>`).
 */
import { Prisma } from '../../src/generated/prisma/client.ts';
import { HEAVY_LINKS } from '../../src/db/dated-page-sql.ts';
import { resolveAffiliation } from '../../src/services/affiliation.ts';
import type { PageArgs } from '../../src/services/pagination.ts';
import { requestConditions, type RequestFilter } from '../../src/services/requests.ts';
import { sqlDateRange } from '../../src/services/filters.ts';
import { byDate } from '../../src/resolvers/lookups.ts';
import { toGlobalId } from '../../src/resolvers/global-id.ts';
import { parsePartialDate } from '../../src/domain/partial-date.ts';
import type { ItemCategory, RequestStatus } from '../../src/generated/prisma/client.ts';
import { argText, expectedPage, PAGE_FIELDS, walkAll } from '../helpers/pages.ts';
import { startTestServer, ok, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let iraq: string;
let nato: string;
const BULK = 2600;
const STATUSES: RequestStatus[] = ['PENDING', 'ACCEPTED', 'DECLINED', 'FULFILLED', 'UNDER_CONSIDERATION', 'PARTIALLY_ACCEPTED', 'UNKNOWN'];

/** A spread of partial dates (some undated), with many ties. */
function dateOf(i: number) {
  if (i % 9 === 0) return { date: null, datePrecision: null, dateMin: null, dateMax: null };
  const y = 2003 + ((i * 7) % 16);
  const text = i % 3 === 0 ? `${y}` : i % 3 === 1 ? `${y}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}` : `${y}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`;
  const d = parsePartialDate(text, 'date');
  return { date: text, datePrecision: text.length === 4 ? 'YEAR' as const : text.length === 7 ? 'MONTH' as const : 'DAY' as const, dateMin: d.min, dateMax: d.max };
}

/** The items of bulk request i: TRAINING and excluded FUNDING above the walk threshold, the others below. */
function itemsOf(i: number): { category: ItemCategory; excluded: boolean }[] {
  return [
    ...(i % 2 === 0 ? [{ category: 'TRAINING' as const, excluded: false }] : []),
    // Two TRAINING items on one request: still one request.
    ...(i % 10 === 0 ? [{ category: 'TRAINING' as const, excluded: false }] : []),
    ...(i % 7 === 3 ? [{ category: 'EQUIPMENT' as const, excluded: false }] : []),
    ...(i % 13 === 5 ? [{ category: 'ADVICE' as const, excluded: false }] : []),
    ...(i % 3 === 1 ? [{ category: 'TROOPS' as const, excluded: true }] : []),
    ...(i % 4 !== 0 ? [{ category: 'FUNDING' as const, excluded: true }] : []),
  ];
}

beforeAll(async () => {
  s = await startTestServer();
  const db = s.t.db;
  iraq = (await db.actor.findUniqueOrThrow({ where: { slug: 'iraq' } })).id;
  nato = (await db.actor.findUniqueOrThrow({ where: { slug: 'nato' } })).id;
  const other = await db.actor.create({ data: { slug: 'bulk-other', name: 'Bulk Other', kind: 'ORGANIZATION' } });
  const pad = (i: number) => String(i).padStart(5, '0');
  const requests = Array.from({ length: BULK }, (_, i) => ({
    id: `bulkrq${pad(i)}`, slug: `bulk-request-${i}`, summary: `Bulk request ${i}`, channel: 'LETTER' as const,
    status: STATUSES[Math.floor(i / 5) % STATUSES.length]!, ...dateOf(i + 5),
  }));
  await db.request.createMany({ data: requests });
  await db.requestItem.createMany({
    data: requests.flatMap((r, i) => itemsOf(i).map((item, n) => ({ requestId: r.id, ...item, description: `Item ${n} of ${i}` }))),
  });
  await db.requestParty.createMany({
    data: requests.flatMap((r, i) => [
      // Iraq asks in four fifths of them (above HEAVY_LINKS: its page walks), NATO receives one in
      // eleven (below: its page drives); the category is tested on each row either way.
      { requestId: r.id, actorId: i % 5 !== 0 ? iraq : other.id, side: 'REQUESTER' as const },
      { requestId: r.id, actorId: i % 11 === 0 ? nato : other.id, side: 'ADDRESSEE' as const },
    ]),
  });
}, 120_000);
afterAll(() => s?.close());



interface Case {
  category?: ItemCategory[];
  excludedCategory?: ItemCategory[];
  status?: RequestStatus[];
  from?: string;
  to?: string;
  requester?: 'iraq';
  addressee?: 'nato';
  direction: 'ASC' | 'DESC';
  size: number;
}

/** Every request the old statement matched (the same conditions, without a page), sorted in JavaScript. */
async function allRequests(c: Case) {
  const filter: RequestFilter = {
    category: c.category, excludedCategory: c.excludedCategory, status: c.status, from: c.from, to: c.to,
    requester: c.requester ? await resolveAffiliation(s.t.db, [iraq]) : null,
    addressee: c.addressee ? await resolveAffiliation(s.t.db, [nato]) : null,
  };
  // The date range by dateMin/dateMax alone, as the old statement had it (the service adds bounds on the
  // date column that the range implies).
  const where = [...requestConditions({ ...filter, from: null, to: null }), ...sqlDateRange(c.from, c.to)];
  const rows = await s.t.db.$queryRaw<{ id: string; date: string | null }[]>(Prisma.sql`SELECT t."id" AS "id", t."date" AS "date" FROM "Request" t
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}`);
  return rows.sort(byDate((r) => r.date));
}

/** The item rows a category filter counts to choose its plan. */
async function itemRows(categories: ItemCategory[], excluded: boolean) {
  return s.t.db.requestItem.count({ where: { category: { in: categories }, excluded } });
}

describe('requests(filter: { category / excludedCategory }) in date order, paged in SQL', () => {
  it('the bulk categories fall on both sides of the walk threshold, as the cases below mean them to', async () => {
    expect(await itemRows(['TRAINING'], false)).toBeGreaterThanOrEqual(HEAVY_LINKS.Request);
    expect(await itemRows(['FUNDING'], true)).toBeGreaterThanOrEqual(HEAVY_LINKS.Request);
    expect(await itemRows(['EQUIPMENT'], false)).toBeLessThan(HEAVY_LINKS.Request);
    expect(await itemRows(['EQUIPMENT', 'ADVICE'], false)).toBeLessThan(HEAVY_LINKS.Request);
    expect(await itemRows(['TROOPS'], true)).toBeLessThan(HEAVY_LINKS.Request);
  });

  const cases: Case[] = [
    // The walk (a category on more than HEAVY_LINKS item rows).
    { category: ['TRAINING'], direction: 'ASC', size: 100 },
    { category: ['TRAINING'], direction: 'DESC', size: 97 },
    { excludedCategory: ['FUNDING'], direction: 'DESC', size: 100 },
    // The drive (fewer), one category and several.
    { category: ['EQUIPMENT'], direction: 'ASC', size: 20 },
    { category: ['EQUIPMENT', 'ADVICE'], direction: 'DESC', size: 25 },
    { excludedCategory: ['TROOPS'], direction: 'ASC', size: 50 },
    // With the other filters, each plan.
    { category: ['TRAINING'], excludedCategory: ['TROOPS'], direction: 'ASC', size: 30 },
    { category: ['EQUIPMENT'], excludedCategory: ['FUNDING'], direction: 'DESC', size: 15 },
    { category: ['TRAINING'], status: ['PENDING', 'ACCEPTED'], direction: 'DESC', size: 40 },
    { category: ['EQUIPMENT'], status: ['DECLINED'], direction: 'ASC', size: 3 },
    { category: ['TRAINING'], from: '2006', to: '2014-05', direction: 'ASC', size: 40 },
    { excludedCategory: ['TROOPS'], from: '2010-03', direction: 'DESC', size: 30 },
    // A date range without a category (the generic page), each bound alone and both, years and days.
    { status: ['ACCEPTED'], from: '2005', to: '2012-06', direction: 'ASC', size: 10 },
    { status: ['PENDING', 'DECLINED'], from: '2009-07-15', direction: 'DESC', size: 20 },
    { to: '2008-02-29', direction: 'ASC', size: 50 },
    { from: '2011-12-31', to: '2012', direction: 'DESC', size: 5 },
    // An actor chooses the plan (Iraq walks, NATO drives); the category is tested on each row.
    { category: ['TRAINING'], requester: 'iraq', direction: 'ASC', size: 60 },
    { category: ['EQUIPMENT'], requester: 'iraq', from: '2008', direction: 'DESC', size: 20 },
    { category: ['TRAINING'], addressee: 'nato', direction: 'DESC', size: 10 },
    { excludedCategory: ['FUNDING'], addressee: 'nato', status: ['PENDING', 'FULFILLED', 'UNKNOWN'], direction: 'ASC', size: 5 },
  ];
  const list = (values: string[]) => `[${values.join(', ')}]`;
  for (const c of cases) {
    it(`equals the old answer: ${JSON.stringify(c)}`, async () => {
      const asc = await allRequests(c);
      const all = c.direction === 'ASC' ? asc : [...asc].reverse();
      expect(all.length).toBeGreaterThan(2 * c.size);
      const filter = [
        c.category ? `category: ${list(c.category)}` : '', c.excludedCategory ? `excludedCategory: ${list(c.excludedCategory)}` : '',
        c.status ? `status: ${list(c.status)}` : '', c.from ? `from: "${c.from}"` : '', c.to ? `to: "${c.to}"` : '',
        c.requester ? `requester: "${c.requester}"` : '', c.addressee ? `addressee: "${c.addressee}"` : '',
      ].filter(Boolean).join(', ');
      const get = async (args: PageArgs) => ok(await s.gql(`{ requests(filter: { ${filter} }, orderBy: { field: DATE, direction: ${c.direction} }, ${argText(args)}) {
        ${PAGE_FIELDS} } }`)).requests;
      const dir = c.direction === 'ASC' ? 'asc' : 'desc';
      const pages = await walkAll(get, (args) => expectedPage(all, args, (r) => ({ value: r.date, id: r.id }), () => 'Request', dir, `date:${dir}`), c.size);
      expect(pages).toBeGreaterThan(2);
    }, 120_000);
  }

  it('reads whole rows as the unfiltered list does, and takes the cursors of the date order only', async () => {
    const fields = 'id slug summary channel status date datePrecision dateNote';
    const paged = ok(await s.gql(`{ requests(filter: { category: [TRAINING] }, first: 30) { edges { node { ${fields} } } } }`)).requests.edges;
    const ids = paged.map((e: any) => e.node.id);
    const nodes = ok(await s.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Request { ${fields} } } }`, { ids })).nodes;
    expect(paged.map((e: any) => e.node)).toEqual(nodes);
    expect(paged.length).toBe(30);
    // A cursor of the unfiltered date order is a cursor of this list too (the same order and tag).
    const unfiltered = ok(await s.gql('{ requests(first: 40) { edges { cursor node { id date } } } }')).requests.edges;
    const at = unfiltered[39];
    const after = ok(await s.gql(`{ requests(filter: { category: [TRAINING] }, first: 5, after: ${JSON.stringify(at.cursor)}) { edges { node { id } } } }`)).requests.edges;
    const cmp = byDate<{ id: string; date: string | null }>((x) => x.date);
    const asc = await allRequests({ category: ['TRAINING'], direction: 'ASC', size: 5 });
    const cursorRow = (await allRequests({ direction: 'ASC', size: 0 }))[39]!;
    expect(toGlobalId('Request', cursorRow.id)).toBe(at.node.id);
    expect(after.map((e: any) => e.node.id)).toEqual(asc.filter((r) => cmp(r, cursorRow) > 0).slice(0, 5).map((r) => toGlobalId('Request', r.id)));
    const byCreation = ok(await s.gql('{ requests(orderBy: { field: CREATED_AT }, first: 1) { pageInfo { endCursor } } }')).requests.pageInfo.endCursor;
    const r = await s.gql(`{ requests(filter: { category: [TRAINING] }, after: ${JSON.stringify(byCreation)}) { edges { cursor } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an empty category list, as before', async () => {
    for (const f of ['category: []', 'excludedCategory: []', 'category: [TRAINING], excludedCategory: []', 'category: [], requester: "iraq"']) {
      const r = await s.gql(`{ requests(filter: { ${f} }) { totalCount edges { node { id } } } }`);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
