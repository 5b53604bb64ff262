/**
 * The per-request loader set. Every field resolver that follows a relation goes through one of these,
 * so a page of N parents costs one query per relation, not N (test/integration/n-plus-one.test.ts).
 */
import type { Db } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { Prisma as P } from '../generated/prisma/client.ts';
import { prismaReader, type SqlReader } from '../db/sql-reader.ts';
import { dialectOf } from '../db/dialect.ts';
import { createBatchers, createGate, type BatchGate, type Loader } from './batch.ts';
import { TARGET_COLUMN } from '../domain/evidence-targets.ts';
import { recordCounts, recordPages, type RecordEntry } from './actor-records.ts';

type EvidenceTarget = Prisma.EvidenceCreateManyInput['targetType'];

/** Earliest first, undated first (as ascending partial dates sort everywhere in the API), then by id. */
const dateOrder = <F extends string>(field: F) =>
  [{ [field]: { sort: 'asc', nulls: 'first' } } as { [K in F]: { sort: 'asc'; nulls: 'first' } }, { id: 'asc' as const }];



/** How the loaders' hand-written statements run: the reader, and whether the store is PostgreSQL (see rowsIn, joinedIn). */
interface Via {
  reader: SqlReader;
  postgres: boolean;
}

/**
 * Rows of `table` whose `column` is one of `keys`, in `order`, in hand-written SQL. For the loaders a
 * nested page calls most: a model query costs ~0.5 ms of CPU more than the same statement through the
 * reader (src/db/sql-reader.ts: on SQLite a prepared statement on the main thread, on PostgreSQL a named
 * statement on `pg`, src/db/pg-reader.ts), and the rows are the same objects (dates as Date, booleans as boolean; tested against
 * the ORM's answer). Identifiers are fixed here, never from input; the keys are bound parameters. On
 * PostgreSQL they are one array parameter (`= ANY($1)`): the statement's text is then the same
 * for any number of keys, so it is prepared once per connection (src/db/pg-reader.ts) and planned once.
 */
function rowsIn<T>(via: Via, table: string, column: string, keys: readonly string[], order: string, columns = 't.*', join = ''): Promise<T[]> {
  const key = P.raw(`t."${column}"`);
  const match = via.postgres ? P.sql`${key} = ANY(${[...keys]})` : P.sql`${key} IN (${P.join([...keys])})`;
  return via.reader.rows<T>(P.sql`SELECT ${P.raw(columns)} FROM ${P.raw(`"${table}"`)} t ${P.raw(join)} WHERE ${match} ORDER BY ${P.raw(order)}`);
}

/**
 * A relation's rows with the row each one points at, in one statement (what the floor does): the parent
 * table's columns as they are, the joined table's under `prefix`. `copier`s take them apart again, so
 * the joined rows can prime their by-id loader and the next level asks for nothing.
 */
const prefixed = (alias: string, columns: readonly string[], prefix: string) => columns.map((c) => `${alias}."${c}" AS "${prefix}${c}"`).join(', ');

type Copy = (row: Record<string, unknown>) => Record<string, unknown>;
const copiers = new Map<string, Copy>();
/**
 * A function copying `columns` (read under `prefix`) into a new object of one fixed shape: an object
 * literal, compiled once per column list, costs a fraction of filling an empty object key by key
 * (profiled on a nested page, where it ran for every joined row). The names are the model's own
 * columns (Prisma's field enums), never input.
 */
function copier(columns: readonly string[], prefix = '', from: { column: string; source: string } | null = null): Copy {
  const key = `${prefix}:${columns.join(',')}:${from ? `${from.column}=${from.source}` : ''}`;
  let copy = copiers.get(key);
  if (!copy) {
    const source = (c: string) => (c === from?.column ? from.source : prefix + c);
    const fields = columns.map((c) => `${JSON.stringify(c)}: r[${JSON.stringify(source(c))}]`).join(', ');
    copy = new Function('r', `return { ${fields} };`) as Copy;
    copiers.set(key, copy);
  }
  return copy;
}

/** Every Document column but the body. */
const DOCUMENT_FIELDS = Object.values(P.DocumentScalarFieldEnum).filter((c) => c !== 'body');
const JOINED = 'j__';
const listed = (columns: readonly string[]) => columns.map((c) => `t."${c}"`).join(', ');

/**
 * The models whose statements read only the columns the operation needs (src/resolvers/shapes.ts
 * decides which): the ones a nested page or a root list reads by the dozen or the hundred, whose rows
 * carry columns such a page rarely shows (dates of creation and update decoded into Date objects, every
 * other target of an evidence span, notes, bounds of partial dates). Profiled on the nested page at
 * 10k, building the rows' values was two fifths of the server's CPU, and the same statements with only
 * the columns shown cost a half of it; on a root list of events run on a read worker, copying whole
 * rows back to the main thread was a tenth.
 */
export type Shaped = 'Actor' | 'Document' | 'Event' | 'Evidence' | 'Request' | 'RequestItem' | 'RequestParty' | 'RequestResponse';

/**
 * Every column a statement of each may read, in the order the table stores them; a statement lists the
 * ones it reads in this order, so one set of columns is one statement text (and one compiled row
 * builder). Document's are all but its ~3 KB body, which only its own loader reads.
 */
export const COLUMNS: Record<Shaped, readonly string[]> = {
  Actor: Object.values(P.ActorScalarFieldEnum),
  Document: DOCUMENT_FIELDS,
  Event: Object.values(P.EventScalarFieldEnum),
  Evidence: Object.values(P.EvidenceScalarFieldEnum),
  Request: Object.values(P.RequestScalarFieldEnum),
  RequestItem: Object.values(P.RequestItemScalarFieldEnum),
  RequestParty: Object.values(P.RequestPartyScalarFieldEnum),
  RequestResponse: Object.values(P.RequestResponseScalarFieldEnum),
};

/**
 * The columns an operation reads of each model (each list in COLUMNS order, `id` always in it); a model
 * missing here is read whole.
 */
export type Shape = Partial<Record<Shaped, readonly string[]>>;

type DocumentRow = Omit<Prisma.DocumentModel, 'body'>;

/**
 * Which columns the request's statements read of each model, from the moment `use` is told: every
 * batch sent afterwards reads those, with the keys its loader groups by. Told by a root field's
 * resolver with the columns the whole operation needs (src/resolvers/shapes.ts): the loaders are shared
 * by the whole operation, so a row loaded for one field may reach any field of its type in it. Rows
 * loaded before stay whole (a superset). The rows' TypeScript types stay the models': a row read
 * narrow lacks the columns the operation does not read.
 */
export class RowShapes {
  #shape: Shape = {};

  use(shape: Shape): void {
    this.#shape = shape;
  }

  /** The columns a batch of `model` reads now, with `extra` (a loader's own key) added. */
  columns(model: Shaped, extra?: string): readonly string[] {
    const wanted = this.#shape[model];
    if (!wanted) return COLUMNS[model];
    return extra === undefined || wanted.includes(extra) ? wanted : COLUMNS[model].filter((c) => c === extra || wanted.includes(c));
  }

  /** The columns a root list of `model` reads of its rows, or null for the whole row. */
  selected(model: Shaped): readonly string[] | null {
    return this.#shape[model] ?? null;
  }
}

/** What a loader's definition builds on: the request's store, batchers, row shapes and the other loaders. */
interface Env {
  db: Db;
  via: Via;
  dialect: ReturnType<typeof dialectOf>;
  shapes: RowShapes;
  byId: ReturnType<typeof createBatchers>['byId'];
  groupedBy: ReturnType<typeof createBatchers>['groupedBy'];
  /** The set itself, for a loader that primes another (joinedIn). */
  loaders: Loaders;
}

/**
 * Rows of `table` by `column` joined to the row `fk` points at, which primes `loader` (fetched once,
 * asked for by nearly every query of them). On PostgreSQL the joined row is looked up by its primary key
 * for each row (a LATERAL subquery, which LIMIT keeps the planner from flattening into a plain join):
 * left to choose, it hashed the whole joined table for a page's 150 evidence rows (every Document at
 * 10k: 45–55 ms against 4–13 ms for the lookups, and growing with the corpus).
 */
function joinedIn<T, J extends { id: string }>(
  e: Env, table: string, column: string, order: string, ownColumns: () => readonly string[],
  target: { table: string; fk: string; model: Shaped; loader: () => Loader<string, J | null> },
) {
  const { via, shapes } = e;
  return async (keys: readonly string[]): Promise<T[]> => {
    // The columns as they are when the batch is sent (RowShapes).
    const own = ownColumns();
    const fields = shapes.columns(target.model);
    const join = via.postgres
      ? `CROSS JOIN LATERAL (SELECT ${fields.map((c) => `d."${c}"`).join(', ')} FROM "${target.table}" d WHERE d."id" = t."${target.fk}" LIMIT 1) j`
      : `JOIN "${target.table}" j ON j."id" = t."${target.fk}"`;
    // The foreign key is the joined row's id (an inner join on it): read once, as that id, rather than
    // twice (a string built per row for nothing).
    const mine = copier(own, '', { column: target.fk, source: `${JOINED}id` });
    const theirs = copier(fields, JOINED);
    const selected = listed(own.filter((c) => c !== target.fk));
    const rows = await rowsIn<Record<string, unknown>>(via, table, column, keys, order, `${selected}, ${prefixed('j', fields, JOINED)}`, join);
    const loader = target.loader();
    return rows.map((row) => {
      // Joined rows repeat on a page (the same actors answer many requests): copy each one once.
      const id = row[`${JOINED}id`] as string;
      if (!loader.has(id)) loader.prime(id, theirs(row) as J);
      return mine(row) as T;
    });
  };
}

const evidenceFor = (target: EvidenceTarget) => (e: Env) => {
  const column = TARGET_COLUMN[target];
  return e.groupedBy<string, Prisma.EvidenceModel>(
    joinedIn(e, `Evidence`, column, 't."documentId", t."start", t."id"', () => e.shapes.columns('Evidence', column),
      { table: 'Document', fk: 'documentId', model: 'Document', loader: () => e.loaders.document }),
    (row) => row[column]!,
  );
};

type CitationTarget = 'ACTOR_ROLE' | 'ACTOR_RELATION' | 'EVENT' | 'REQUEST_RESPONSE' | 'REQUEST_STATUS' | 'DATE_CLAIM';
const citationsFor = (target: CitationTarget) => (e: Env) => {
  const column = TARGET_COLUMN[target] as 'roleId' | 'relationId' | 'eventId' | 'responseId' | 'statusId' | 'dateClaimId';
  return e.groupedBy<string, Prisma.CitationModel>(
    (ids) => e.db.citation.findMany({ where: { [column]: { in: [...ids] } }, orderBy: [{ published: 'asc' }, { id: 'asc' }] }),
    (c) => c[column]!,
  );
};
const quantitiesFor = (column: 'itemId' | 'eventId' | 'responseId') => (e: Env) =>
  e.groupedBy<string, Prisma.QuantityModel>(
    (ids) => e.db.quantity.findMany({ where: { [column]: { in: [...ids] } }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    (q) => q[column]!,
  );
const dateClaimsFor = (column: 'eventId' | 'requestId') => (e: Env) =>
  e.groupedBy<string, Prisma.DateClaimModel>(
    (ids) => e.db.dateClaim.findMany({ where: { [column]: { in: [...ids] } }, orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
    (c) => c[column]!,
  );

const bySlug = <T extends { slug: string }>(fetch: (e: Env, slugs: string[]) => Promise<T[]>) => (e: Env) =>
  e.groupedBy<string, T>((slugs) => fetch(e, [...slugs]), (row) => row.slug);

/**
 * The loaders of a request, each defined as how to build it: a request builds only those its
 * resolvers ask for (see LoaderSet).
 */
const DEFINITIONS = {
  /** Rows by slug (a list of at most one), for references given by slug. */
  actorBySlug: bySlug((e, slugs) => e.db.actor.findMany({ where: { slug: { in: slugs } } })),
  documentBySlug: bySlug((e, slugs) => e.db.document.findMany({ where: { slug: { in: slugs } } })),
  eventBySlug: bySlug((e, slugs) => e.db.event.findMany({ where: { slug: { in: slugs } } })),
  requestBySlug: bySlug((e, slugs) => e.db.request.findMany({ where: { slug: { in: slugs } } })),

  /** Documents without their body (titles, dates…: what a page of evidence or hits shows). */
  document: (e: Env) => e.byId((ids) => rowsIn<DocumentRow>(e.via, 'Document', 'id', ids, 't."id"', listed(e.shapes.columns('Document')))),
  /** Bodies, only for the fields that need one (body, excerpt, evidence context). */
  documentBody: (e: Env) => e.byId((ids) => e.db.document.findMany({ where: { id: { in: [...ids] } }, select: { id: true, body: true } })),
  actor: (e: Env) => e.byId((ids) => rowsIn<Prisma.ActorModel>(e.via, 'Actor', 'id', ids, 't."id"', listed(e.shapes.columns('Actor')))),
  event: (e: Env) => e.byId((ids) => e.db.event.findMany({ where: { id: { in: [...ids] } } })),
  request: (e: Env) => e.byId((ids) => rowsIn<Prisma.RequestModel>(e.via, 'Request', 'id', ids, 't."id"', listed(e.shapes.columns('Request')))),
  item: (e: Env) => e.byId((ids) => rowsIn<Prisma.RequestItemModel>(e.via, 'RequestItem', 'id', ids, 't."id"', listed(e.shapes.columns('RequestItem')))),
  response: (e: Env) => e.byId((ids) => rowsIn<Prisma.RequestResponseModel>(e.via, 'RequestResponse', 'id', ids, 't."id"', listed(e.shapes.columns('RequestResponse')))),
  role: (e: Env) => e.byId((ids) => e.db.actorRole.findMany({ where: { id: { in: [...ids] } } })),
  relation: (e: Env) => e.byId((ids) => e.db.actorRelation.findMany({ where: { id: { in: [...ids] } } })),
  participant: (e: Env) => e.byId((ids) => e.db.eventParticipant.findMany({ where: { id: { in: [...ids] } } })),
  evidence: (e: Env) => e.byId((ids) => rowsIn<Prisma.EvidenceModel>(e.via, 'Evidence', 'id', ids, 't."id"', listed(e.shapes.columns('Evidence')))),
  statusEntry: (e: Env) => e.byId((ids) => e.db.requestStatusEntry.findMany({ where: { id: { in: [...ids] } } })),
  dateClaim: (e: Env) => e.byId((ids) => e.db.dateClaim.findMany({ where: { id: { in: [...ids] } } })),

  /** A request's status history in order: by date (undated last), then by order of entry. */
  statusHistoryByRequest: (e: Env) => e.groupedBy(
    (ids) => e.db.requestStatusEntry.findMany({ where: { requestId: { in: [...ids] } }, orderBy: [{ requestId: 'asc' }, { seq: 'asc' }] }),
    (s) => s.requestId,
  ),
  /** Items each response answers (ResponseItem rows). */
  answeredItemsByResponse: (e: Env) => e.groupedBy(
    (ids) => e.db.responseItem.findMany({ where: { responseId: { in: [...ids] } }, orderBy: [{ id: 'asc' }] }),
    (r) => r.responseId,
  ),
  /** Responses that answer each item (ResponseItem rows). */
  answersByItem: (e: Env) => e.groupedBy(
    (ids) => e.db.responseItem.findMany({ where: { itemId: { in: [...ids] } }, orderBy: [{ id: 'asc' }] }),
    (r) => r.itemId,
  ),
  citationsByRole: citationsFor('ACTOR_ROLE'),
  citationsByRelation: citationsFor('ACTOR_RELATION'),
  citationsByEvent: citationsFor('EVENT'),
  citationsByResponse: citationsFor('REQUEST_RESPONSE'),
  citationsByStatus: citationsFor('REQUEST_STATUS'),
  citationsByDateClaim: citationsFor('DATE_CLAIM'),
  quantitiesByItem: quantitiesFor('itemId'),
  quantitiesByEvent: quantitiesFor('eventId'),
  quantitiesByResponse: quantitiesFor('responseId'),
  dateClaimsByEvent: dateClaimsFor('eventId'),
  dateClaimsByRequest: dateClaimsFor('requestId'),

  aliasesByActor: (e: Env) => e.groupedBy(
    (ids) => e.db.actorAlias.findMany({ where: { actorId: { in: [...ids] } }, orderBy: [{ name: 'asc' }] }),
    (a) => a.actorId,
  ),
  rolesByActor: (e: Env) => e.groupedBy(
    (ids) => e.db.actorRole.findMany({ where: { actorId: { in: [...ids] } }, orderBy: dateOrder('from') }),
    (r) => r.actorId,
  ),
  rolesWithin: (e: Env) => e.groupedBy(
    (ids) => e.db.actorRole.findMany({ where: { withinId: { in: [...ids] } }, orderBy: dateOrder('from') }),
    (r) => r.withinId!,
  ),
  relationsFrom: (e: Env) => e.groupedBy(
    (ids) => e.db.actorRelation.findMany({ where: { fromId: { in: [...ids] } }, orderBy: [{ id: 'asc' }] }),
    (r) => r.fromId,
  ),
  relationsTo: (e: Env) => e.groupedBy(
    (ids) => e.db.actorRelation.findMany({ where: { toId: { in: [...ids] } }, orderBy: [{ id: 'asc' }] }),
    (r) => r.toId,
  ),
  participantsByEvent: (e: Env) => e.groupedBy(
    (ids) => e.db.eventParticipant.findMany({ where: { eventId: { in: [...ids] } }, orderBy: [{ role: 'asc' }, { id: 'asc' }] }),
    (p) => p.eventId,
  ),
  partiesByRequest: (e: Env) => e.groupedBy(
    // Enums sort by their names on both stores (CAST): PostgreSQL would sort its enum types in declared order.
    joinedIn<Prisma.RequestPartyModel, Prisma.ActorModel>(e, 'RequestParty', 'requestId', 'CAST(t."side" AS TEXT) DESC, t."id"', () => e.shapes.columns('RequestParty', 'requestId'),
      { table: 'Actor', fk: 'actorId', model: 'Actor', loader: () => e.loaders.actor }),
    (p) => p.requestId,
  ),
  itemsByRequest: (e: Env) => e.groupedBy(
    (ids) => rowsIn<Prisma.RequestItemModel>(e.via, 'RequestItem', 'requestId', ids, 't."excluded", CAST(t."category" AS TEXT), t."id"',
      listed(e.shapes.columns('RequestItem', 'requestId'))),
    (i) => i.requestId,
  ),
  responsesByRequest: (e: Env) => e.groupedBy(
    // Dated first, undated last (written portably: SQLite and PostgreSQL place NULLs differently).
    joinedIn<Prisma.RequestResponseModel, Prisma.ActorModel>(e, 'RequestResponse', 'requestId', 't."date" IS NULL, t."date", t."id"', () => e.shapes.columns('RequestResponse', 'requestId'),
      { table: 'Actor', fk: 'responderId', model: 'Actor', loader: () => e.loaders.actor }),
    (r) => r.requestId,
  ),
  responsesByEvent: (e: Env) => e.groupedBy(
    (ids) => e.db.requestResponse.findMany({ where: { eventId: { in: [...ids] } }, orderBy: dateOrder('date') }),
    (r) => r.eventId!,
  ),
  requestsByEvent: (e: Env) => e.groupedBy(
    (ids) => e.db.request.findMany({ where: { madeAtId: { in: [...ids] } }, orderBy: dateOrder('date') }),
    (r) => r.madeAtId!,
  ),

  evidenceByActor: evidenceFor('ACTOR'),
  evidenceByRole: evidenceFor('ACTOR_ROLE'),
  evidenceByRelation: evidenceFor('ACTOR_RELATION'),
  evidenceByEvent: evidenceFor('EVENT'),
  evidenceByParticipant: evidenceFor('EVENT_PARTICIPANT'),
  evidenceByRequest: evidenceFor('REQUEST'),
  evidenceByItem: evidenceFor('REQUEST_ITEM'),
  evidenceByResponse: evidenceFor('REQUEST_RESPONSE'),
  evidenceByStatus: evidenceFor('REQUEST_STATUS'),
  evidenceByDateClaim: evidenceFor('DATE_CLAIM'),
  evidenceByDocument: (e: Env) => e.groupedBy(
    (ids) => e.db.evidence.findMany({ where: { documentId: { in: [...ids] } }, orderBy: [{ start: 'asc' }, { id: 'asc' }] }),
    (e) => e.documentId,
  ),

  /** Documents with evidence on an event or its participants. */
  documentIdsByEvent: (e: Env) => e.groupedBy(
    async (ids) => {
      const rows = await e.db.evidence.findMany({
        where: { OR: [{ eventId: { in: [...ids] } }, { participant: { eventId: { in: [...ids] } } }] },
        select: { documentId: true, eventId: true, participant: { select: { eventId: true } } },
      });
      return rows.map((r) => ({ documentId: r.documentId, eventId: (r.eventId ?? r.participant?.eventId)! }));
    },
    (r) => r.eventId,
  ),
  /** Documents with evidence on a request, its items or its responses. */
  documentIdsByRequest: (e: Env) => e.groupedBy(
    async (ids) => {
      const list = [...ids];
      const rows = await e.db.evidence.findMany({
        where: { OR: [{ requestId: { in: list } }, { item: { requestId: { in: list } } }, { response: { requestId: { in: list } } }] },
        select: { documentId: true, requestId: true, item: { select: { requestId: true } }, response: { select: { requestId: true } } },
      });
      return rows.map((r) => ({ documentId: r.documentId, requestId: (r.requestId ?? r.item?.requestId ?? r.response?.requestId)! }));
    },
    (r) => r.requestId,
  ),
  /** Events a document has evidence on (directly or through a participant). */
  eventIdsByDocument: (e: Env) => e.groupedBy(
    async (ids) => {
      const rows = await e.db.evidence.findMany({
        where: { documentId: { in: [...ids] }, OR: [{ eventId: { not: null } }, { participantId: { not: null } }] },
        select: { documentId: true, eventId: true, participant: { select: { eventId: true } } },
      });
      return rows.map((r) => ({ documentId: r.documentId, eventId: (r.eventId ?? r.participant?.eventId)! }));
    },
    (r) => r.documentId,
  ),
  /** Requests a document has evidence on (the request, an item or a response). */
  requestIdsByDocument: (e: Env) => e.groupedBy(
    async (ids) => {
      const rows = await e.db.evidence.findMany({
        where: { documentId: { in: [...ids] }, OR: [{ requestId: { not: null } }, { itemId: { not: null } }, { responseId: { not: null } }] },
        select: { documentId: true, requestId: true, item: { select: { requestId: true } }, response: { select: { requestId: true } } },
      });
      return rows.map((r) => ({ documentId: r.documentId, requestId: (r.requestId ?? r.item?.requestId ?? r.response?.requestId)! }));
    },
    (r) => r.documentId,
  ),
  /** Actors a document mentions, with how many spans mention each. */
  mentionCountsByDocument: (e: Env) => e.groupedBy(
    async (ids) => {
      const rows = await e.db.evidence.groupBy({
        by: ['documentId', 'actorId'],
        where: { documentId: { in: [...ids] }, actorId: { not: null } },
        _count: { _all: true },
      });
      return rows.map((r) => ({ documentId: r.documentId, actorId: r.actorId!, count: r._count._all }));
    },
    (r) => r.documentId,
  ),
  /** Other actors mentioned in the documents that mention an actor, with the number of shared documents. */
  coMentionsByActor: (e: Env) => e.groupedBy(
    async (ids) => {
      const rows = await e.db.$queryRaw<{ actorId: string; otherId: string; count: bigint | number }[]>(P.sql`
        SELECT a."actorId" AS "actorId", b."actorId" AS "otherId", COUNT(DISTINCT a."documentId") AS "count"
        FROM "Evidence" a
        JOIN "Evidence" b ON b."documentId" = a."documentId" AND b."actorId" IS NOT NULL AND b."actorId" <> a."actorId"
        WHERE a."actorId" IN (${P.join([...ids])})
        GROUP BY a."actorId", b."actorId"`);
      return rows.map((r) => ({ actorId: r.actorId, otherId: r.otherId, count: Number(r.count) }));
    },
    (r) => r.actorId,
  ),

  /**
   * Pages of an actor's records (requestsMade, events, …) in (date, id) order, ids and dates only:
   * one statement for every parent's page at a level (loaders/actor-records.ts). Keys: recordPageKey.
   */
  actorRecordPage: (e: Env) => e.groupedBy<string, RecordEntry>((keys) => recordPages(e.dialect, (sql) => e.via.reader.rows(sql), keys), (r) => r.k),
  /** How many records each page's list holds (keys: recordCountKey), one statement for all. */
  actorRecordCount: (e: Env) => e.groupedBy<string, { k: string; n: number }>((keys) => recordCounts((sql) => e.via.reader.rows(sql), keys), (r) => r.k),
};

type Definitions = typeof DEFINITIONS;
type LoaderName = keyof Definitions;

/** A request's loaders (and `shapes`, which says which models they read narrow). */
export type Loaders = { readonly [K in LoaderName]: ReturnType<Definitions[K]> } & { readonly shapes: RowShapes };

/**
 * A request's loader set, each loader built when first asked for: a `node(id:)` uses one of ~55, a
 * title list none, and building them all cost a few per cent of such a request's CPU (profiled). The
 * getters live on the prototype, made once; a request makes one object and the loaders it uses.
 */
class LoaderSet {
  readonly env: Env;
  readonly built: { [K in LoaderName]?: ReturnType<Definitions[K]> } = {};

  constructor(env: Omit<Env, 'loaders'>) {
    this.env = { ...env, loaders: this as unknown as Loaders };
  }

  get shapes(): RowShapes {
    return this.env.shapes;
  }
}
for (const name of Object.keys(DEFINITIONS) as LoaderName[]) {
  Object.defineProperty(LoaderSet.prototype, name, {
    get(this: LoaderSet) {
      const built = this.built as Record<LoaderName, unknown>;
      return built[name] ??= DEFINITIONS[name](this.env);
    },
  });
}

/**
 * `gate`: when the request's batches are sent (src/loaders/batch.ts); shared with the request's other
 * statements. `reader`: how the hand-written statements run (default `$queryRaw` on `db`).
 */
export function createLoaders(db: Db, gate: BatchGate = createGate(), reader: SqlReader = prismaReader(db)): Loaders {
  const { byId, groupedBy } = createBatchers(gate);
  const dialect = dialectOf(db);
  const via: Via = { reader, postgres: dialect.provider === 'postgresql' };
  return new LoaderSet({ db, via, dialect, shapes: new RowShapes(), byId, groupedBy }) as unknown as Loaders;
}

/** Forgets everything loaded so far: after a write, the payload's fields must read the new state. */
export function clearLoaders(loaders: Loaders) {
  for (const loader of Object.values((loaders as unknown as LoaderSet).built)) loader.clearAll();
}
