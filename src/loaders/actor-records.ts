/**
 * The statements behind an actor's record connections (requestsMade, requestsReceived, events,
 * responses, documents): a page per (actor, field, cursor, size) key in (date, id) order, and a count
 * per (actor, field). For a page of parents, one statement per level: the keys' pages joined by
 * UNION ALL, each chosen in the statement between walking the record table's date index and driving from
 * the actor's link rows (src/db/dated-page-sql.ts), so a page costs the same for an actor in three
 * records or in thousands. Identifiers come from the fixed table below; values are bound parameters.
 */
import { Prisma } from '../generated/prisma/client.ts';
import type { Dialect } from '../db/dialect.ts';
import { datedSelects, mergePage, unionAll, type Cursor, type Involvement } from '../db/dated-page-sql.ts';

interface Source {
  table: 'Request' | 'Event' | 'RequestResponse' | 'Document';
  dateColumn: string;
  /** The link table, its column naming the record, its column naming the actor, and a fixed condition on it. */
  link: string;
  key: string;
  actor: string;
  extra?: string;
  /** Whether an actor can be linked to one record more than once (an event in two roles, a document's spans). */
  repeats?: boolean;
}

export const ACTOR_RECORDS = {
  requestsMade: { table: 'Request', dateColumn: 'date', link: 'RequestParty', key: 'requestId', actor: 'actorId', extra: `l."side" = 'REQUESTER'` },
  requestsReceived: { table: 'Request', dateColumn: 'date', link: 'RequestParty', key: 'requestId', actor: 'actorId', extra: `l."side" = 'ADDRESSEE'` },
  events: { table: 'Event', dateColumn: 'start', link: 'EventParticipant', key: 'eventId', actor: 'actorId', repeats: true },
  responses: { table: 'RequestResponse', dateColumn: 'date', link: 'RequestResponse', key: 'id', actor: 'responderId' },
  /** Documents with evidence on the actor (its mentions). */
  documents: { table: 'Document', dateColumn: 'published', link: 'Evidence', key: 'documentId', actor: 'actorId', repeats: true },
} as const satisfies Record<string, Source>;

export type ActorRecords = keyof typeof ACTOR_RECORDS;

/** A page's key: which records of which actor, from where, in which direction, how many. */
export interface RecordPageKey {
  source: ActorRecords;
  actorId: string;
  cursor: Cursor | null;
  scan: 'asc' | 'desc';
  take: number;
}
export const recordPageKey = (k: RecordPageKey) => JSON.stringify([k.source, k.actorId, k.cursor, k.scan, k.take]);
const parseKey = (key: string): RecordPageKey => {
  const [source, actorId, cursor, scan, take] = JSON.parse(key) as [ActorRecords, string, Cursor | null, 'asc' | 'desc', number];
  return { source, actorId, cursor, scan, take };
};

export interface RecordEntry {
  k: string;
  id: string;
  date: string | null;
}


function involvement(s: Source, actorId: string): Involvement {
  const link = Prisma.raw(`"${s.link}" l`);
  const key = Prisma.raw(`l."${s.key}"`);
  const actor = Prisma.raw(`l."${s.actor}"`);
  const extra = 'extra' in s && s.extra ? Prisma.raw(` AND ${s.extra}`) : Prisma.empty;
  return {
    ids: Prisma.sql`SELECT ${key} AS "id" FROM ${link} WHERE ${actor} = ${actorId}${extra}`,
    probe: Prisma.sql`EXISTS (SELECT 1 FROM ${link} WHERE ${key} = t."id" AND ${actor} = ${actorId}${extra})`,
    links: Prisma.sql`SELECT 1 FROM ${link} WHERE ${actor} = ${actorId}${extra}`,
  };
}

/** The pages of `keys`, in key order, in one statement. */
export async function recordPages(dialect: Dialect, query: <T>(sql: Prisma.Sql) => Promise<T[]>, keys: readonly string[]): Promise<RecordEntry[]> {
  const parsed = keys.map(parseKey);
  const selects = keys.flatMap((raw, i) => {
    const k = parsed[i]!;
    const s: Source = ACTOR_RECORDS[k.source];
    return datedSelects({
      dialect, table: s.table, dateColumn: s.dateColumn, nullable: true,
      columns: Prisma.sql`CAST(${raw} AS TEXT) AS "k", t."id" AS "id", t.${Prisma.raw(`"${s.dateColumn}"`)} AS "date"`,
      where: [], involvement: involvement(s, k.actorId), cursor: k.cursor, scan: k.scan, take: k.take,
    });
  });
  const rows = await query<RecordEntry>(unionAll(selects));
  const byKey = new Map<string, RecordEntry[]>(keys.map((k) => [k, []]));
  for (const r of rows) byKey.get(r.k)?.push(r);
  // Of a key's two SELECTs only one returns rows, in order; sorted again since UNION ALL promises no order.
  return keys.flatMap((k, i) => mergePage(byKey.get(k)!, (r) => r.date, parsed[i]!.scan, parsed[i]!.take));
}

/** Keys of counts: `${source}:${actorId}`. */
export const recordCountKey = (source: ActorRecords, actorId: string) => `${source}:${actorId}`;

/**
 * How many records each (field, actor) has: distinct records over the link's (actor, record) index,
 * without reading a row. (The documents of the busiest actor's mentions, through an index on the actor
 * alone, read each span's row: 229 ms for 18k spans at 100k documents; at 10k 6.2 ms, and 0.7 ms with the
 * Evidence (actorId, documentId) index.) One statement for all keys.
 */
export async function recordCounts(query: <T>(sql: Prisma.Sql) => Promise<T[]>, keys: readonly string[]): Promise<{ k: string; n: number }[]> {
  const selects = keys.map((raw) => {
    const at = raw.indexOf(':');
    const s: Source = ACTOR_RECORDS[raw.slice(0, at) as ActorRecords];
    const extra = 'extra' in s && s.extra ? Prisma.raw(` AND ${s.extra}`) : Prisma.empty;
    // Counted in the link's (actor, record) index without reading a row.
    const n = 'repeats' in s && s.repeats ? Prisma.raw(`COUNT(DISTINCT l."${s.key}")`) : Prisma.raw('COUNT(*)');
    return Prisma.sql`SELECT CAST(${raw} AS TEXT) AS "k", ${n} AS "n"
      FROM ${Prisma.raw(`"${s.link}"`)} l WHERE l.${Prisma.raw(`"${s.actor}"`)} = ${raw.slice(at + 1)}${extra}`;
  });
  const rows = await query<{ k: string; n: bigint | number }>(unionAll(selects));
  return rows.map((r) => ({ k: r.k, n: Number(r.n) }));
}
