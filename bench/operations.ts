/**
 * The benchmark's operations: each a GraphQL operation for dossier and, where the floor answers it, the
 * same `data` computed with hand-written prepared statements over better-sqlite3 (bench/floor.ts).
 * The runner checks that both answer the same before it measures anything.
 */
import type Database from 'better-sqlite3';

export type OpKind = 'trivial' | 'nested' | 'write';

/** Values taken from the corpus under test (the busiest actors, a real request…). */
export interface Params {
  /** Global IDs. */
  addressee: string;
  requester: string;
  actor: string;
  actorSlug: string;
  request: string;
  /** Words in under 10% of documents, and words in most documents. */
  rareWords: string;
  commonWords: string;
  editorToken: string;
}

export interface Operation {
  name: string;
  kind: OpKind;
  query: string;
  variables: (p: Params, i: number) => Record<string, unknown>;
  /** The hand-written answer: exactly the `data` dossier returns. Absent: dossier only (said in the table). */
  floor?: (q: Floor, v: Record<string, unknown>) => unknown;
}

/** What floor handlers get: prepared statements, cached by SQL text, that count what they run. */
export interface Floor {
  all<T = Record<string, any>>(sql: string, ...params: unknown[]): T[];
  get<T = Record<string, any>>(sql: string, ...params: unknown[]): T | undefined;
}

export function floorOver(db: Database.Database, onStatement: () => void): Floor {
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    onStatement();
    return s;
  };
  return {
    all: (sql, ...params) => stmt(sql).all(...params) as never,
    get: (sql, ...params) => stmt(sql).get(...params) as never,
  };
}

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const dbId = (global: unknown) => Buffer.from(String(global), 'base64url').toString('utf8').split(':')[1]!;
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

type Row = Record<string, any>;
const groupBy = (rows: Row[], key: string) => {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r[key] as string;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

const REQUEST_NODE = `id summary status date
  requesters { name } addressees { name }
  items { category excluded evidence { quote document { title } } }
  responses { stance responder { name } }`;

/** The nested request page's children, one statement per relation for the whole page. */
function requestNodes(q: Floor, requests: Row[]) {
  const ids = requests.map((r) => r.id as string);
  if (!ids.length) return [];
  const parties = groupBy(q.all(`SELECT p."requestId", p."side", a."name" FROM "RequestParty" p JOIN "Actor" a ON a."id" = p."actorId"
    WHERE p."requestId" IN (${marks(ids.length)}) ORDER BY p."side" DESC, p."id"`, ...ids), 'requestId');
  const items = q.all(`SELECT "id", "requestId", "category", "excluded" FROM "RequestItem" WHERE "requestId" IN (${marks(ids.length)})
    ORDER BY "excluded", "category", "id"`, ...ids);
  const itemIds = items.map((i) => i.id as string);
  const evidence = itemIds.length ? groupBy(q.all(`SELECT e."itemId", e."quote", d."title" FROM "Evidence" e JOIN "Document" d ON d."id" = e."documentId"
    WHERE e."itemId" IN (${marks(itemIds.length)}) ORDER BY e."documentId", e."start", e."id"`, ...itemIds), 'itemId') : new Map();
  const itemsBy = groupBy(items, 'requestId');
  const responses = groupBy(q.all(`SELECT r."requestId", r."stance", a."name" FROM "RequestResponse" r JOIN "Actor" a ON a."id" = r."responderId"
    WHERE r."requestId" IN (${marks(ids.length)}) ORDER BY r."date" IS NULL, r."date", r."id"`, ...ids), 'requestId');
  return requests.map((r) => {
    const ps = parties.get(r.id) ?? [];
    return {
      node: {
        id: gid('Request', r.id), summary: r.summary, status: r.status, date: r.date,
        requesters: ps.filter((p) => p.side === 'REQUESTER').map((p) => ({ name: p.name })),
        addressees: ps.filter((p) => p.side === 'ADDRESSEE').map((p) => ({ name: p.name })),
        items: (itemsBy.get(r.id) ?? []).map((i) => ({
          category: i.category, excluded: i.excluded === 1,
          evidence: (evidence.get(i.id) ?? []).map((e: Row) => ({ quote: e.quote, document: { title: e.title } })),
        })),
        responses: (responses.get(r.id) ?? []).map((x) => ({ stance: x.stance, responder: { name: x.name } })),
      },
    };
  });
}

/** A requests page ordered by (date, id), NULL dates first, with `where` (and its params) as the filter. */
function requestPage(q: Floor, where: string, params: unknown[], first: number) {
  const rows = q.all(`SELECT "id", "summary", "status", "date" FROM "Request" r ${where ? `WHERE ${where}` : ''} ORDER BY r."date", r."id" LIMIT ?`, ...params, first);
  return { requests: { edges: requestNodes(q, rows) } };
}

export const OPERATIONS: Operation[] = [
  {
    name: 'documents(first: 20) titles',
    kind: 'trivial',
    query: 'query DocumentTitles { documents(first: 20) { edges { node { id title published } } } }',
    variables: () => ({}),
    floor: (q) => ({
      documents: {
        edges: q.all('SELECT "id", "title", "published" FROM "Document" ORDER BY "published", "id" LIMIT 20')
          .map((d) => ({ node: { id: gid('Document', d.id as string), title: d.title, published: d.published } })),
      },
    }),
  },
  {
    name: 'node(id:) request',
    kind: 'trivial',
    query: 'query Node($id: ID!) { node(id: $id) { id ... on Request { summary status date } } }',
    variables: (p) => ({ id: p.request }),
    floor: (q, v) => {
      const r = q.get('SELECT "id", "summary", "status", "date" FROM "Request" WHERE "id" = ?', dbId(v.id))!;
      return { node: { id: gid('Request', r.id), summary: r.summary, status: r.status, date: r.date } };
    },
  },
  {
    name: 'root totalCounts',
    kind: 'trivial',
    query: 'query Counts { documents { totalCount } actors { totalCount } events { totalCount } requests { totalCount } }',
    variables: () => ({}),
    floor: (q) => {
      const n = (t: string) => ({ totalCount: q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "${t}"`)!.n });
      return { documents: n('Document'), actors: n('Actor'), events: n('Event'), requests: n('Request') };
    },
  },
  {
    name: 'requests(first: 50) nested',
    kind: 'nested',
    query: `query RequestPage { requests(first: 50) { edges { node { ${REQUEST_NODE} } } } }`,
    variables: () => ({}),
    floor: (q) => requestPage(q, '', [], 50),
  },
  {
    name: '  filter: { category: TRAINING }',
    kind: 'nested',
    query: `query RequestsByCategory { requests(first: 50, filter: { category: TRAINING }) { edges { node { ${REQUEST_NODE} } } } }`,
    variables: () => ({}),
    floor: (q) => requestPage(q, `r."id" IN (SELECT "requestId" FROM "RequestItem" WHERE "category" = 'TRAINING' AND "excluded" = 0)`, [], 50),
  },
  {
    name: '  filter: { status, from, to }',
    kind: 'nested',
    query: `query RequestsByStatusDate { requests(first: 50, filter: { status: ACCEPTED, from: "2005", to: "2012-06" }) { edges { node { ${REQUEST_NODE} } } } }`,
    variables: () => ({}),
    floor: (q) => requestPage(q, `r."status" = 'ACCEPTED' AND r."dateMax" >= '2005-01-01' AND r."dateMin" <= '2012-06-30'`, [], 50),
  },
  // The actor filters below ask for the actor itself (`affiliated: false`), the plain filter the floor
  // answers; the default roll-up to those acting for the actor is measured by `npm run bench:rollup`.
  {
    name: '  filter: { addressee }',
    kind: 'nested',
    query: `query RequestsByAddressee($a: ID!) { requests(first: 50, filter: { addressee: $a, affiliated: false }) { edges { node { ${REQUEST_NODE} } } } }`,
    variables: (p) => ({ a: p.addressee }),
    floor: (q, v) => requestPage(q, `r."id" IN (SELECT "requestId" FROM "RequestParty" WHERE "actorId" = ? AND "side" = 'ADDRESSEE')`, [dbId(v.a)], 50),
  },
  {
    name: '  filter: { requester }',
    kind: 'nested',
    query: `query RequestsByRequester($a: ID!) { requests(first: 50, filter: { requester: $a, affiliated: false }) { edges { node { ${REQUEST_NODE} } } } }`,
    variables: (p) => ({ a: p.requester }),
    floor: (q, v) => requestPage(q, `r."id" IN (SELECT "requestId" FROM "RequestParty" WHERE "actorId" = ? AND "side" = 'REQUESTER')`, [dbId(v.a)], 50),
  },
  {
    name: 'events(filter: { actor })',
    kind: 'nested',
    query: 'query EventsByActor($a: ID!) { events(first: 20, filter: { actor: $a, affiliated: false }) { edges { node { id title start } } } }',
    variables: (p) => ({ a: p.actor }),
    floor: (q, v) => ({
      events: {
        edges: q.all(`SELECT "id", "title", "start" FROM "Event" WHERE "id" IN (SELECT "eventId" FROM "EventParticipant" WHERE "actorId" = ?)
          ORDER BY "start", "id" LIMIT 20`, dbId(v.a)).map((e) => ({ node: { id: gid('Event', e.id as string), title: e.title, start: e.start } })),
      },
    }),
  },
  // Kind and date range: a page of one kind walks (kind, start, id); a range walks the start index from
  // the range (src/services/events.ts). The floor's statements are the plain conditions.
  ...([
    ['events(filter: { kind })', 'EventsByKind', 'kind: SUMMIT', `"kind" = 'SUMMIT'`],
    ['events(filter: { from, to })', 'EventsByDates', 'from: "2010", to: "2012-06"', `"dateMax" >= '2010-01-01' AND "dateMin" <= '2012-06-30'`],
  ] as const).map(([name, operation, filter, where]): Operation => ({
    name,
    kind: 'nested',
    query: `query ${operation} { events(first: 50, filter: { ${filter} }) { edges { node { id title start } } } }`,
    variables: () => ({}),
    floor: (q) => ({
      events: {
        edges: q.all(`SELECT "id", "title", "start" FROM "Event" WHERE ${where} ORDER BY "start", "id" LIMIT 50`)
          .map((e) => ({ node: { id: gid('Event', e.id as string), title: e.title, start: e.start } })),
      },
    }),
  })),
  ...(['rare', 'common'] as const).map((which): Operation => ({
    name: `search (${which} words)`,
    kind: 'nested',
    query: 'query Search($q: String!) { search(query: $q, first: 10) { totalCount edges { score snippet node { title } } } }',
    variables: (p) => ({ q: which === 'rare' ? p.rareWords : p.commonWords }),
    // The same strategy as the API (and the same answer, ties included): rank from the index by
    // (bm25, rowid) without reading stored rows, settle ties by documentId, and compute snippets and
    // titles only for the page's rows (plus any row tied with the tenth).
    floor: (q, v) => {
      const match = String(v.q).split(/\s+/).map((w) => `"${w}"`).join(' ');
      const bm25 = 'bm25("DocumentFts", 0.0, 5.0, 1.0)';
      const ranked = q.all<{ row: number; rank: number }>(`SELECT rowid AS "row", ${bm25} AS "rank"
        FROM "DocumentFts" WHERE "DocumentFts" MATCH ? ORDER BY "rank", rowid LIMIT 42`, match);
      const cut = ranked[Math.min(10, ranked.length) - 1];
      let candidates = cut ? ranked.filter((r) => r.rank <= cut.rank) : [];
      if (cut && candidates.length === 42) {
        const tied = q.all<{ row: number }>(`SELECT rowid AS "row" FROM "DocumentFts" WHERE "DocumentFts" MATCH ? AND ${bm25} = ?`, match, cut.rank);
        candidates = [...candidates.filter((r) => r.rank < cut.rank), ...tied.map((t) => ({ row: t.row, rank: cut.rank }))];
      }
      const rows = new Map(q.all(`SELECT f.rowid AS "row", f."documentId", snippet("DocumentFts", 2, '[[', ']]', '…', 24) AS "snippet", d."title"
        FROM "DocumentFts" f JOIN "Document" d ON d."id" = f."documentId"
        WHERE "DocumentFts" MATCH ? AND f.rowid IN (SELECT "value" FROM json_each(?))`, match, JSON.stringify(candidates.map((r) => r.row))).map((r) => [r.row as number, r]));
      const id = (r: { row: number }) => rows.get(r.row)!.documentId as string;
      const top = candidates.sort((a, b) => a.rank - b.rank || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0)).slice(0, 10);
      const total = q.get<{ n: number }>('SELECT COUNT(*) AS n FROM "DocumentFts" WHERE "DocumentFts" MATCH ?', match)!.n;
      return { search: { totalCount: total, edges: top.map((r) => ({ score: -r.rank, snippet: rows.get(r.row)!.snippet, node: { title: rows.get(r.row)!.title } })) } };
    },
  })),
  {
    name: 'actor profile',
    kind: 'nested',
    query: `query ActorProfile($slug: String!) { actor(slug: $slug) { name aliases roles { title from to of { name } }
      requestsMade(first: 20) { edges { node { summary date } } } requestsReceived(first: 20) { edges { node { summary date } } }
      events(first: 20) { edges { node { title start } } } } }`,
    variables: (p) => ({ slug: p.actorSlug }),
  },
  {
    name: 'timeline(actor, first: 50)',
    kind: 'nested',
    query: `query Timeline($a: ID!) { timeline(actor: $a, first: 50) { edges { date node { __typename
      ... on Event { title } ... on Request { summary } ... on RequestResponse { stance } } } } }`,
    variables: (p) => ({ a: p.actor }),
  },
  {
    name: 'createRequest (write)',
    kind: 'write',
    query: `mutation Create($input: CreateRequestInput!) { createRequest(input: $input) { request { id } } }`,
    variables: (p, i) => ({
      input: {
        summary: `Benchmark request ${i} ${Date.now()}`, channel: 'LETTER', date: '2010-05',
        requesters: [{ actor: p.requester }], addressees: [{ actor: p.addressee }],
        items: [{ category: 'TRAINING', description: 'Training for the police' }, { category: 'TROOPS', description: 'Not troops', excluded: true }],
      },
    }),
  },
];
