/**
 * The benchmark's operations as PostGraphile v4 asks them (bench/postgraphile/server.mjs: default
 * inflection, connection-filter with relation filters, the extra orderings), each with the mapping of
 * PostGraphile's answer onto dossier's shape, so the runner can check that both carry the same rows in the
 * same order (ids as dossier's global IDs) before it measures anything.
 *
 * `name` is the name of the dossier operation in bench/operations.ts that asks the same question.
 */
import { gid, type Params } from './operations.ts';

type Data = Record<string, any>;

export interface PgOperation {
  name: string;
  query: string;
  variables: (p: Params) => Record<string, unknown>;
  /** PostGraphile's `data` in dossier's shape. */
  toDossier: (data: Data) => unknown;
}

/** The database id inside one of dossier's global IDs. */
const dbId = (global: string) => Buffer.from(global, 'base64url').toString('utf8').split(':')[1]!;

// The nested request node: parties by side in id order, items by (excluded, category name, id), their
// evidence by (document, start, id), responses by date (NULLs last) then id — dossier's orders.
const REQUEST_NODE = `id summary status date
  requesters: requestPartiesByRequestId(condition: { side: REQUESTER }, orderBy: ID_ASC) { nodes { actorByActorId { name } } }
  addressees: requestPartiesByRequestId(condition: { side: ADDRESSEE }, orderBy: ID_ASC) { nodes { actorByActorId { name } } }
  items: requestItemsByRequestId(orderBy: [EXCLUDED_ASC, CATEGORY_NAME_ASC, ID_ASC]) { nodes { category excluded
    evidence: evidencesByItemId(orderBy: [DOCUMENT_ID_ASC, START_ASC, ID_ASC]) { nodes { quote documentByDocumentId { title } } } } }
  responses: requestResponsesByRequestId(orderBy: [DATE_ASC, ID_ASC]) { nodes { stance actorByResponderId { name } } }`;

const requestNode = (r: Data) => ({
  id: gid('Request', r.id), summary: r.summary, status: r.status, date: r.date,
  requesters: r.requesters.nodes.map((p: Data) => ({ name: p.actorByActorId.name })),
  addressees: r.addressees.nodes.map((p: Data) => ({ name: p.actorByActorId.name })),
  items: r.items.nodes.map((i: Data) => ({
    category: i.category, excluded: i.excluded,
    evidence: i.evidence.nodes.map((e: Data) => ({ quote: e.quote, document: { title: e.documentByDocumentId.title } })),
  })),
  responses: r.responses.nodes.map((x: Data) => ({ stance: x.stance, responder: { name: x.actorByResponderId.name } })),
});

/** A requests page (first 50, dossier's order: date with NULLs first, then id) with a connection filter. */
const requestPage = (name: string, operation: string, filter: string, vars: string, variables: PgOperation['variables'] = () => ({})): PgOperation => ({
  name,
  query: `query ${operation}${vars} { allRequests(first: 50, orderBy: [DATE_NULLS_FIRST_ASC, ID_ASC]${filter ? `, filter: ${filter}` : ''}) { nodes { ${REQUEST_NODE} } } }`,
  variables,
  toDossier: (d) => ({ requests: { edges: d.allRequests.nodes.map((r: Data) => ({ node: requestNode(r) })) } }),
});

const party = (side: string) => `{ requestPartiesByRequestId: { some: { actorId: { equalTo: $a }, side: { equalTo: ${side} } } } }`;

export const PG_OPERATIONS: PgOperation[] = [
  {
    name: 'documents(first: 20) titles',
    query: 'query DocumentTitles { allDocuments(first: 20, orderBy: [PUBLISHED_NULLS_FIRST_ASC, ID_ASC]) { nodes { id title published } } }',
    variables: () => ({}),
    toDossier: (d) => ({ documents: { edges: d.allDocuments.nodes.map((n: Data) => ({ node: { id: gid('Document', n.id), title: n.title, published: n.published } })) } }),
  },
  {
    name: 'node(id:) request',
    query: 'query Node($id: String!) { requestById(id: $id) { id summary status date } }',
    variables: (p) => ({ id: dbId(p.request) }),
    toDossier: (d) => ({ node: { id: gid('Request', d.requestById.id), summary: d.requestById.summary, status: d.requestById.status, date: d.requestById.date } }),
  },
  {
    name: 'root totalCounts',
    query: 'query Counts { allDocuments { totalCount } allActors { totalCount } allEvents { totalCount } allRequests { totalCount } }',
    variables: () => ({}),
    toDossier: (d) => ({ documents: d.allDocuments, actors: d.allActors, events: d.allEvents, requests: d.allRequests }),
  },
  requestPage('requests(first: 50) nested', 'RequestPage', '', ''),
  requestPage('  filter: { category: TRAINING }', 'RequestsByCategory',
    '{ requestItemsByRequestId: { some: { category: { equalTo: TRAINING }, excluded: { equalTo: false } } } }', ''),
  requestPage('  filter: { status, from, to }', 'RequestsByStatusDate',
    '{ status: { equalTo: ACCEPTED }, dateMax: { greaterThanOrEqualTo: "2005-01-01" }, dateMin: { lessThanOrEqualTo: "2012-06-30" } }', ''),
  requestPage('  filter: { addressee }', 'RequestsByAddressee', party('ADDRESSEE'), '($a: String!)', (p) => ({ a: dbId(p.addressee) })),
  requestPage('  filter: { requester }', 'RequestsByRequester', party('REQUESTER'), '($a: String!)', (p) => ({ a: dbId(p.requester) })),
  {
    name: 'events(filter: { actor })',
    query: `query EventsByActor($a: String!) { allEvents(first: 20, orderBy: [START_NULLS_FIRST_ASC, ID_ASC],
      filter: { eventParticipantsByEventId: { some: { actorId: { equalTo: $a } } } }) { nodes { id title start } } }`,
    variables: (p) => ({ a: dbId(p.actor) }),
    toDossier: (d) => ({ events: { edges: d.allEvents.nodes.map((e: Data) => ({ node: { id: gid('Event', e.id), title: e.title, start: e.start } })) } }),
  },
];
