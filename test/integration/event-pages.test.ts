/**
 * `events(filter: …)` in start order is paged in SQL that walks an index from the filter (services/events.ts):
 * kind and status walk (kind|status, start, id); a date range bounds the start column and adds the
 * events with an end that start before `from`'s year as a second page in the same statement, driven from
 * their rows or, when there are more than HEAVY_LINKS of them, walking the start index. Each page must
 * equal the old answer — every event the old statement (the conditions on dateMin/dateMax, kind, status)
 * matched, sorted by (start, id) and paged by `arrayPage` — edges, cursors, pageInfo and totalCount
 * alike, forwards and backwards and from cursors. Over HTTP, on SQLite or PostgreSQL
 * (`npm run test:postgres -- <file>`).
 */
import { Prisma, type EventKind, type EventStatus } from '../../src/generated/prisma/client.ts';
import { HEAVY_LINKS } from '../../src/db/dated-page-sql.ts';
import type { PageArgs } from '../../src/services/pagination.ts';
import { sqlDateRange, sqlOneOf } from '../../src/services/filters.ts';
import { byDate } from '../../src/resolvers/lookups.ts';
import { toGlobalId } from '../../src/resolvers/global-id.ts';
import { dateSpan, parsePartialDate } from '../../src/domain/partial-date.ts';
import { argText, expectedPage, PAGE_FIELDS, walkAll } from '../helpers/pages.ts';
import { startTestServer, ok, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const BULK = 2600;
const KINDS: EventKind[] = ['MEETING', 'SUMMIT', 'LETTER', 'VISIT', 'STATEMENT'];

/** A spread of partial starts (some undated) with many ties; half of the dated events have an end. */
function datesOf(i: number) {
  if (i % 11 === 0) return { start: null, startPrecision: null, end: null, endPrecision: null, dateMin: null, dateMax: null };
  const y = 2001 + ((i * 7) % 19);
  const m = String(1 + ((i * 5) % 12)).padStart(2, '0');
  const text = i % 3 === 0 ? `${y}` : i % 3 === 1 ? `${y}-${m}` : `${y}-${m}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`;
  const start = parsePartialDate(text, 'start');
  // Ends from the same month to nine years on: long events reach ranges far past their start year.
  const endText = i % 2 === 0 ? (i % 4 === 0 ? `${y + (i % 10)}` : `${y}-${m}-28`) : null;
  const end = endText ? parsePartialDate(endText, 'end') : null;
  return {
    start: text, startPrecision: text.length === 4 ? 'YEAR' as const : text.length === 7 ? 'MONTH' as const : 'DAY' as const,
    end: endText, endPrecision: endText ? (endText.length === 4 ? 'YEAR' as const : 'DAY' as const) : null,
    ...dateSpan(start, end),
  };
}

beforeAll(async () => {
  s = await startTestServer();
  const pad = (i: number) => String(i).padStart(5, '0');
  await s.t.db.event.createMany({
    data: Array.from({ length: BULK }, (_, i) => ({
      id: `bulkev${pad(i)}`, slug: `bulk-event-${i}`, title: `Bulk event ${i}`,
      kind: KINDS[i % KINDS.length]!, status: (i % 6 === 0 ? 'PLANNED' : 'OCCURRED') as EventStatus, ...datesOf(i + 1),
    })),
  });
}, 120_000);
afterAll(() => s?.close());



interface Case {
  kind?: EventKind[];
  status?: EventStatus[];
  from?: string;
  to?: string;
  direction: 'ASC' | 'DESC';
  size: number;
}

/** Every event the old statement matched (the same conditions, without a page), sorted in JavaScript. */
async function allEvents(c: Pick<Case, 'kind' | 'status' | 'from' | 'to'>) {
  const where = [...sqlDateRange(c.from, c.to), ...sqlOneOf('kind', c.kind, 'kind'), ...sqlOneOf('status', c.status, 'status')];
  const rows = await s.t.db.$queryRaw<{ id: string; start: string | null }[]>(Prisma.sql`SELECT t."id" AS "id", t."start" AS "start" FROM "Event" t
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}`);
  return rows.sort(byDate((r) => r.start));
}

/** The events with an end reaching `from`: the second page's link rows. */
async function reaching(from: string) {
  return s.t.db.event.count({ where: { end: { not: null }, dateMax: { gte: parsePartialDate(from, 'from').min } } });
}

describe('events(filter: { kind / status / from / to }) in start order, paged in SQL', () => {
  it('the ranges below put the events with an end reaching them on both sides of the walk threshold', async () => {
    expect(await reaching('2004')).toBeGreaterThanOrEqual(HEAVY_LINKS.Event);
    expect(await reaching('2016-03')).toBeLessThan(HEAVY_LINKS.Event);
    // Some of those start before the range's year: the second page is not empty.
    const early = await allEvents({ from: '2016-03' });
    expect(early.filter((e) => e.start != null && e.start < '2016').length).toBeGreaterThan(20);
  });

  const cases: Case[] = [
    { kind: ['MEETING'], direction: 'ASC', size: 100 },
    { kind: ['SUMMIT'], direction: 'DESC', size: 97 },
    { kind: ['MEETING', 'LETTER'], direction: 'ASC', size: 99 },
    { status: ['PLANNED'], direction: 'ASC', size: 60 },
    { status: ['OCCURRED'], kind: ['VISIT'], direction: 'DESC', size: 80 },
    // Date ranges: each bound alone and both, years, months and days; the events with an end walked
    // (from 2004: more than HEAVY_LINKS reach it) and driven (from 2016-03).
    { from: '2004', direction: 'ASC', size: 100 },
    { from: '2004', to: '2009-06', direction: 'DESC', size: 99 },
    { from: '2016-03', direction: 'ASC', size: 60 },
    { from: '2016-03', to: '2018-02-28', direction: 'DESC', size: 40 },
    { to: '2005-07-14', direction: 'ASC', size: 60 },
    { to: '2003', direction: 'DESC', size: 50 },
    { from: '2011-12-31', to: '2012', direction: 'ASC', size: 20 },
    // Ranges with kind and status.
    { kind: ['SUMMIT'], from: '2010', to: '2012-06', direction: 'ASC', size: 15 },
    { kind: ['MEETING', 'VISIT'], from: '2017-05-02', direction: 'DESC', size: 25 },
    { status: ['PLANNED'], from: '2008', to: '2015', direction: 'ASC', size: 20 },
    { status: ['OCCURRED'], kind: ['LETTER'], to: '2010-10', direction: 'DESC', size: 20 },
  ];
  const list = (values: string[]) => `[${values.join(', ')}]`;
  for (const c of cases) {
    it(`equals the old answer: ${JSON.stringify(c)}`, async () => {
      const asc = await allEvents(c);
      const all = c.direction === 'ASC' ? asc : [...asc].reverse();
      expect(all.length).toBeGreaterThan(2 * c.size);
      const filter = [
        c.kind ? `kind: ${list(c.kind)}` : '', c.status ? `status: ${list(c.status)}` : '',
        c.from ? `from: "${c.from}"` : '', c.to ? `to: "${c.to}"` : '',
      ].filter(Boolean).join(', ');
      const get = async (args: PageArgs) => ok(await s.gql(`{ events(filter: { ${filter} }, orderBy: { field: START, direction: ${c.direction} }, ${argText(args)}) {
        ${PAGE_FIELDS} } }`)).events;
      const dir = c.direction === 'ASC' ? 'asc' : 'desc';
      const pages = await walkAll(get, (args) => expectedPage(all, args, (r) => ({ value: r.start, id: r.id }), () => 'Event', dir, `start:${dir}`), c.size);
      expect(pages).toBeGreaterThan(2);
    }, 120_000);
  }

  it('reads whole rows as the unfiltered list does, takes the start order\'s cursors only, and counts alone', async () => {
    const fields = 'id slug kind status title start startPrecision end endPrecision';
    const paged = ok(await s.gql(`{ events(filter: { from: "2016-03" }, first: 30) { edges { node { ${fields} } } } }`)).events.edges;
    const ids = paged.map((e: any) => e.node.id);
    const nodes = ok(await s.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Event { ${fields} } } }`, { ids })).nodes;
    expect(paged.map((e: any) => e.node)).toEqual(nodes);
    expect(paged.length).toBe(30);
    // A cursor of the unfiltered start order is a cursor of this list too (the same order and tag).
    const unfiltered = ok(await s.gql('{ events(first: 100) { edges { cursor node { id start } } } }')).events.edges;
    const at = unfiltered[99];
    const after = ok(await s.gql(`{ events(filter: { from: "2004" }, first: 5, after: ${JSON.stringify(at.cursor)}) { edges { node { id } } } }`)).events.edges;
    const cmp = byDate<{ id: string; start: string | null }>((x) => x.start);
    const cursorRow = (await allEvents({}))[99]!;
    expect(toGlobalId('Event', cursorRow.id)).toBe(at.node.id);
    const asc = await allEvents({ from: '2004' });
    expect(after.map((e: any) => e.node.id)).toEqual(asc.filter((r) => cmp(r, cursorRow) > 0).slice(0, 5).map((r) => toGlobalId('Event', r.id)));
    const byTitle = ok(await s.gql('{ events(orderBy: { field: TITLE }, first: 1) { pageInfo { endCursor } } }')).events.pageInfo.endCursor;
    const r = await s.gql(`{ events(filter: { from: "2004" }, after: ${JSON.stringify(byTitle)}) { edges { cursor } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const count = ok(await s.gql('{ events(filter: { from: "2004", to: "2009-06" }) { totalCount } }')).events.totalCount;
    expect(count).toBe((await allEvents({ from: '2004', to: '2009-06' })).length);
  });

  it('refuses a range ending before it starts, and empty kind and status lists, as before', async () => {
    for (const f of ['from: "2010", to: "2009-12"', 'kind: []', 'status: [], from: "2004"']) {
      const r = await s.gql(`{ events(filter: { ${f} }) { totalCount edges { node { id } } } }`);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
