/**
 * Full-text search (ranking, highlights, paging, hostile input) and the timeline (order, types, actor
 * and date filters, paging both ways).
 */
import { startTestServer, type TestServer, ok, refused } from '../helpers/server.ts';
import { dumpTables } from '../helpers/db.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});


interface Hit { cursor: string; score: number; snippet: string; titleHighlight: string; node: { slug: string; title: string } }
interface SearchPage { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null }; edges: Hit[] }

const SEARCH = `query ($q: String!, $first: Int, $after: String) {
  search(query: $q, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor score snippet titleHighlight node { slug title } }
  }
}`;
const search = async (q: string, first?: number, after?: string | null): Promise<SearchPage> =>
  ok(await s.gql(SEARCH, { q, first, after })).search;

/** The highlighted pieces of a snippet: the text between [[ and ]]. */
const marks = (text: string) => [...text.matchAll(/\[\[(.+?)\]\]/g)].map((m) => m[1]!);

describe('search', () => {
  // FTS5's bm25 adds a phrase's weighted hits over the columns (title 5, body 1) before saturating them,
  // so title hits give no bound: ranking the documents with the words in their titles first, and the
  // rest only if those did not fill the page, would not be exact (src/services/search.ts).
  it('ranks a document without the word in its title above documents with it, when its body says it more', async () => {
    const r = await search('training');
    const titled = r.edges.map((e) => marks(e.titleHighlight).length > 0);
    expect(titled[0]).toBe(false);
    expect(titled.slice(1)).toContain(true);
    expect(r.edges[0]!.score).toBeGreaterThan(r.edges[titled.indexOf(true)]!.score);
  });

  it('finds a quoted phrase, best first, with [[highlighted]] snippets and titles', async () => {
    const r = await search('"training mission"');
    expect(r.totalCount).toBe(3);
    expect(r.edges.map((e) => e.node.slug)).toEqual(['003_c24ebd90a8b61ee5', '004_a49028e8fd2b822a', '001_406679a407a0dddd']);
    for (const e of r.edges) {
      const found = marks(e.snippet);
      expect(found.length).toBeGreaterThan(0);
      for (const m of found) expect(m.toLowerCase()).toBe('training mission');
      expect(e.score).toBeGreaterThan(0);
      // The title highlight is the title with marks added.
      expect(e.titleHighlight.replace(/\[\[|\]\]/g, '')).toBe(e.node.title);
    }
    expect(r.edges[0]!.titleHighlight).toBe('NATO to consider larger Iraq [[training mission]]');
    const scores = r.edges.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[2]!);
  });

  it('takes plain words as all-must-match, in any order, case- and accent-insensitive', async () => {
    const both = await search('troops Allawi');
    expect(both.edges.map((e) => e.node.slug).sort()).toEqual(['000_86de1592ab15966e', '002_747cff529a1d3125']);
    const fox = both.edges.find((e) => e.node.slug === '002_747cff529a1d3125')!;
    expect(fox.snippet).toContain('but not [[troops]]');
    expect((await search('NÉGROPONTE')).edges.map((e) => e.node.slug)).toEqual(['002_747cff529a1d3125']);
    expect((await search('negroponte stoltenberg')).totalCount).toBe(0);
  });

  it('pages with first/after through a ranking, with a stable totalCount', async () => {
    const all = await search('NATO', 100);
    expect(all.totalCount).toBe(5);
    expect(all.edges).toHaveLength(5);
    const seen: string[] = [];
    let after: string | null = null;
    const flags: [boolean, boolean][] = [];
    for (let i = 0; i < 10; i++) {
      const page = await search('NATO', 2, after);
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.slug));
      flags.push([page.pageInfo.hasPreviousPage, page.pageInfo.hasNextPage]);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.slug));
    expect(flags).toEqual([[false, true], [true, true], [true, false]]);
    const scores = all.edges.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('asked for totalCount alone, runs the count and not the ranking', async () => {
    s.queries.length = 0;
    const data = ok(await s.gql('{ search(query: "NATO") { totalCount } }'));
    expect(data.search.totalCount).toBe(5);
    expect(s.queries).toHaveLength(1);
    expect(s.queries[0]).toMatch(/COUNT\(\*\)/i);
  });

  it('refuses bad paging arguments with BAD_USER_INPUT', async () => {
    refused(await s.gql(SEARCH, { q: 'NATO', first: 101 }), 'BAD_USER_INPUT');
    refused(await s.gql(SEARCH, { q: 'NATO', first: -1 }), 'BAD_USER_INPUT');
    refused(await s.gql(SEARCH, { q: 'NATO', after: 'garbage!' }), 'BAD_USER_INPUT');
    // A cursor from another list is not a search position.
    const actors = ok(await s.gql('{ actors(first: 1) { pageInfo { endCursor } } }')).actors;
    refused(await s.gql(SEARCH, { q: 'NATO', after: actors.pageInfo.endCursor }), 'BAD_USER_INPUT');
  });

  describe('hostile input is inert', () => {
    let before: Record<string, unknown[]>;
    beforeAll(async () => {
      before = await dumpTables(s.t.db);
    });
    afterAll(async () => {
      const [row] = await s.t.db.$queryRawUnsafe<{ n: bigint | number }[]>('SELECT COUNT(*) AS n FROM "Document"');
      expect(Number(row!.n)).toBe(5);
      expect(await dumpTables(s.t.db)).toEqual(before);
      // Search still works.
      expect((await search('NATO')).totalCount).toBe(5);
    });

    // As FTS5 syntax these would raise SQL errors (INTERNAL_SERVER_ERROR) or change the meaning: "NATO NOT
    // Iraq" would find nothing (Iraq is in every text) and "NATO OR Fox" all five. As words they must all
    // match: "not" is in every text, "Fox" in none.
    it.each([
      ['NATO AND', 5],
      ['"unbalanced', 0],
      ['"training mission', 3],
      ['title:NATO', 0],
      ['NEAR(a b)', 0],
      ['NATO OR Fox', 0],
      ['NATO NOT Iraq', 5],
      ["'); DROP TABLE \"Document\"; --", 0],
      ['Iraq*', 5],
      ['^NATO', 5],
    ])('%j gives a clean result', async (q, count) => {
      const r = await s.gql(SEARCH, { q });
      expect(r.errors).toBeUndefined();
      expect(r.data.search.totalCount).toBe(count);
      expect(r.data.search.edges).toHaveLength(count);
    });

    it('accepts a 500-character query', async () => {
      const r = await s.gql(SEARCH, { q: 'x'.repeat(500) });
      expect(r.errors).toBeUndefined();
      expect(r.data.search.totalCount).toBe(0);
    });

    it.each([
      ['only an asterisk', '*'],
      ['only a dash', '-'],
      ['empty quotes', '""'],
      ['only spaces', '   '],
      ['only punctuation', '!@#$%^&*()_+={}[]|\\:;<>,.?/~`'],
      ['501 characters', 'x'.repeat(501)],
      ['more than 32 words', 'a '.repeat(40)],
    ])('%s is BAD_USER_INPUT', async (_label, q) => {
      refused(await s.gql(SEARCH, { q }), 'BAD_USER_INPUT');
    });
  });
});

describe('timeline', () => {
  const TIMELINE = `query ($actor: ID, $affiliated: Boolean, $from: PartialDate, $to: PartialDate, $first: Int, $after: String, $last: Int, $before: String) {
    timeline(actor: $actor, affiliated: $affiliated, from: $from, to: $to, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor date node {
        __typename
        ... on Event { id start participants { actor { slug } } }
        ... on Request { id date parties { actor { slug } } }
        ... on RequestResponse { id date responder { slug } }
      } }
    }
  }`;
  type Entry = { cursor: string; date: string; node: { __typename: string; id: string; start?: string; date?: string } & Record<string, any> };
  const timeline = async (vars: Record<string, unknown>) => ok(await s.gql(TIMELINE, vars)).timeline as {
    totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; edges: Entry[];
  };
  const nonDecreasing = (dates: string[]) => dates.every((d, i) => i === 0 || dates[i - 1]! <= d);
  const ownDate = (e: Entry) => (e.node.__typename === 'Event' ? e.node.start : e.node.date);

  it('NATO itself (affiliated: false) from 2004 to 2018: its events, requests and responses, in date order', async () => {
    const t = await timeline({ actor: 'nato', affiliated: false, from: '2004', to: '2018', first: 100 });
    expect(t.totalCount).toBe(27);
    expect(t.edges).toHaveLength(27);
    const dates = t.edges.map((e) => e.date);
    expect(nonDecreasing(dates)).toBe(true);
    expect(dates[0]).toBe('2004-06');
    expect(dates.at(-1)).toBe('2018-07-11');
    expect(new Set(t.edges.map((e) => e.node.__typename))).toEqual(new Set(['Event', 'Request', 'RequestResponse']));
    for (const e of t.edges) {
      expect(e.date).toBe(ownDate(e));
      expect(e.date >= '2004' && e.date < '2019').toBe(true);
      // NATO took part in every entry.
      if (e.node.__typename === 'Event') expect(e.node.participants.map((p: any) => p.actor.slug)).toContain('nato');
      if (e.node.__typename === 'Request') expect(e.node.parties.map((p: any) => p.actor.slug)).toContain('nato');
      if (e.node.__typename === 'RequestResponse') expect(e.node.responder.slug).toBe('nato');
    }
    const { actor } = ok(await s.gql('{ actor(slug: "nato") { id } }'));
    const byId = await timeline({ actor: actor.id, affiliated: false, from: '2004', to: '2018', first: 100 });
    expect(byId.edges.map((e) => e.node.id)).toEqual(t.edges.map((e) => e.node.id));
  });

  it('unfiltered: every dated event, request and response, in date order', async () => {
    const t = await timeline({ first: 100 });
    const count = async (table: string, column: string) => {
      const [row] = await s.t.db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}" IS NOT NULL`);
      return Number(row!.n);
    };
    const expected = (await count('Event', 'start')) + (await count('Request', 'date')) + (await count('RequestResponse', 'date'));
    expect(expected).toBe(61);
    expect(t.totalCount).toBe(expected);
    expect(t.edges).toHaveLength(expected);
    expect(nonDecreasing(t.edges.map((e) => e.date))).toBe(true);
    expect(t.edges.every((e) => e.date === ownDate(e))).toBe(true);
    expect(t.edges[0]!.date).toBe('2003');
    const byType = (type: string) => t.edges.filter((e) => e.node.__typename === type).length;
    expect([byType('Event'), byType('Request'), byType('RequestResponse')]).toEqual([33, 5, 23]);
  });

  it('from/to keep entries overlapping the range', async () => {
    const t = await timeline({ from: '2008-04-17', to: '2008-04-17', first: 100 });
    const dates = t.edges.map((e) => e.date);
    // Month- and year-precise entries overlapping the day count too, and so do the Iraq war (2003-03 to
    // 2011-12) and the training mission (2004-12-16 to 2011-12-31): their timeline date is their start.
    expect(dates).toEqual(['2003-03', '2004-12-16', '2008', '2008-04', '2008-04-17', '2008-04-17', '2008-04-17', '2008-04-17', '2008-04-17']);
  });

  it('refuses from after to, bad dates and unknown actors with BAD_USER_INPUT', async () => {
    refused(await s.gql(TIMELINE, { from: '2018', to: '2004' }), 'BAD_USER_INPUT');
    refused(await s.gql(TIMELINE, { from: '2004-06-22', to: '2004-06-21' }), 'BAD_USER_INPUT');
    refused(await s.gql(TIMELINE, { from: '2004-13' }), 'BAD_USER_INPUT');
    refused(await s.gql(TIMELINE, { actor: 'no-such-actor' }), 'BAD_USER_INPUT');
    refused(await s.gql(TIMELINE, { first: 101 }), 'BAD_USER_INPUT');
    refused(await s.gql(TIMELINE, { first: 2, last: 2 }), 'BAD_USER_INPUT');
  });

  it('pages forwards and backwards to the same sequence', async () => {
    const full = (await timeline({ first: 100 })).edges.map((e) => e.node.id);
    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 30; i++) {
      const page = await timeline({ first: 5, after });
      forward.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(full);

    const pages: string[][] = [];
    let before: string | null = null;
    for (let i = 0; i < 30; i++) {
      const page = await timeline({ last: 5, before });
      expect(page.totalCount).toBe(61);
      pages.push(page.edges.map((e) => e.node.id));
      if (i === 0) expect(page.pageInfo.hasNextPage).toBe(false);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(pages[0]).toEqual(full.slice(-5));
    expect(pages.reverse().flat()).toEqual(full);
  });

  it('pages NATO\'s timeline backwards one entry at a time (many entries share a date)', async () => {
    const vars = { actor: 'nato', from: '2004', to: '2018' };
    const full = (await timeline({ ...vars, first: 100 })).edges.map((e) => e.node.id);
    const back: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 40; i++) {
      const page = await timeline({ ...vars, last: 1, before });
      back.unshift(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(back).toEqual(full);
  });
});
