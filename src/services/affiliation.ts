/**
 * Who acts for whom. A filter naming an actor also matches, by default, the actors acting for it:
 *   - SELF          the actor itself;
 *   - PART_OF       actors that are PART_OF it, transitively (the North Atlantic Council for NATO);
 *   - ON_BEHALF_OF  request parties that spoke on behalf of it or of one of its parts;
 *   - OFFICE_HOLDER people holding a role within it or one of its parts at the record's date (Allawi as
 *                   Prime Minister of Iraq in June 2004).
 * MEMBER_OF does not roll up: a member state does not act for the alliance.
 *
 * A role's unknown `from` or `to` is open (the role may have been held at any date before or after the
 * known bound), as `Actor.roles(at:)` treats it; an undated record matches no office holder, since the
 * role cannot be checked against it.
 *
 * The set is resolved first, by one recursive statement over indexed columns (ActorRelation.toId,
 * ActorRole.withinId); the lists then filter records with IN (SELECT …) joins driven by that small set,
 * passed as one JSON parameter, so its size never meets the bind-parameter limit.
 */
import { readersOf, type DbTx } from '../db/client.ts';
import type { Involvement } from '../db/dated-page-sql.ts';
import { dialectOf, type Dialect } from '../db/dialect.ts';
import { Prisma } from '../generated/prisma/client.ts';

export type MatchKind = 'SELF' | 'PART_OF' | 'ON_BEHALF_OF' | 'OFFICE_HOLDER';

/** An actor acting for a principal named in a filter. */
export interface Affiliate {
  actorId: string;
  principalId: string;
  via: 'SELF' | 'PART_OF' | 'OFFICE_HOLDER';
  /** The role, for OFFICE_HOLDER. */
  roleId: string | null;
  /** First and last day the role can have been held ("0000-00-00"/"9999-99-99" when unknown). */
  fromMin: string;
  toMax: string;
}

export interface Affiliation {
  /** The SQL dialect of the database it was resolved in (affiliatedIds writes SQL for it). */
  dialect: Dialect;
  principalIds: string[];
  affiliated: boolean;
  /** Actors matching at any date: the principals and, when affiliated, their parts. */
  constant: Affiliate[];
  /** Office holders, matching only records whose dates overlap the role's. */
  holders: Affiliate[];
}

const OPEN_START = '0000-00-00';
const OPEN_END = '9999-99-99';

/** The actors acting for the given principals (database ids); the principals alone when !affiliated. */
export async function resolveAffiliation(db: DbTx, principalIds: string[], affiliated = true): Promise<Affiliation> {
  const principals = [...new Set(principalIds)];
  const d = dialectOf(db);
  if (!affiliated) {
    return {
      dialect: d,
      principalIds: principals, affiliated,
      constant: principals.map((id) => ({ actorId: id, principalId: id, via: 'SELF', roleId: null, fromMin: OPEN_START, toMax: OPEN_END })),
      holders: [],
    };
  }
  // Partial dates widen to their first/last day by padding: "2004" → from "2004-01-01", to "2004-99-99"
  // (compared as text only against real days, a "99" bound is the last day of its month or year).
  // A bounded read (the principals' parts and roles, through indexes): the main thread's reader.
  const rows = await readersOf(db).bounded.rows<{ actorId: string; principalId: string; via: Affiliate['via']; roleId: string | null; fromMin: string; toMax: string }>(Prisma.sql`
    WITH RECURSIVE parts("id", "principal") AS (
      SELECT CAST(value AS TEXT), CAST(value AS TEXT) FROM ${d.jsonValues(JSON.stringify(principals))}
      UNION
      SELECT r."fromId", p."principal" FROM parts p ${d.orderedJoin} "ActorRelation" r ON r."toId" = p."id" AND r."kind" = 'PART_OF'
    )
    SELECT CAST(p."id" AS TEXT) AS "actorId", CAST(p."principal" AS TEXT) AS "principalId",
           CASE WHEN p."id" = p."principal" THEN 'SELF' ELSE 'PART_OF' END AS "via",
           CAST(NULL AS TEXT) AS "roleId", CAST(${OPEN_START} AS TEXT) AS "fromMin", CAST(${OPEN_END} AS TEXT) AS "toMax"
      FROM parts p
    UNION ALL
    SELECT ro."actorId", CAST(p."principal" AS TEXT), 'OFFICE_HOLDER', ro."id",
           CASE length(ro."from") WHEN 4 THEN ro."from" || '-01-01' WHEN 7 THEN ro."from" || '-01' ELSE COALESCE(ro."from", CAST(${OPEN_START} AS TEXT)) END,
           CASE length(ro."to") WHEN 4 THEN ro."to" || '-99-99' WHEN 7 THEN ro."to" || '-99' ELSE COALESCE(ro."to", CAST(${OPEN_END} AS TEXT)) END
      FROM parts p ${d.orderedJoin} "ActorRole" ro ON ro."withinId" = p."id"`);
  return {
    dialect: d,
    principalIds: principals, affiliated,
    constant: rows.filter((r) => r.via !== 'OFFICE_HOLDER'),
    holders: rows.filter((r) => r.via === 'OFFICE_HOLDER'),
  };
}

/**
 * The affiliated actors as an IN list. Bound one by one while few, so the planner knows how few: behind
 * `json_each` SQLite assumes a couple of dozen, and for a link whose actor index it deems unselective (few
 * distinct responders) it then scans the whole table instead of searching the index per actor.
 */
const idList = (a: Affiliation, list: string[]) => {
  const ids = [...new Set(list)];
  return ids.length <= 50 ? Prisma.join(ids) : Prisma.sql`SELECT value FROM ${a.dialect.jsonValues(JSON.stringify(ids))}`;
};
const constantList = (a: Affiliation) => idList(a, a.constant.map((c) => c.actorId));
const holderRows = (a: Affiliation) => JSON.stringify(a.holders.map((h) => [h.actorId, h.fromMin, h.toMax]));

/**
 * SQL selecting the ids (column "id") of records (of `table`, with dateMin/dateMax) that an affiliated actor takes part
 * in, through `link`: a table with `linkKey` = the record's id and `actorColumn` = the actor.
 * `onBehalfOf` adds parties speaking for a matched actor; `extra` narrows the link rows (e.g. a side).
 */
export interface LinkOf {
  table: 'Request' | 'Event' | 'RequestResponse';
  link: 'RequestParty' | 'EventParticipant' | 'RequestResponse';
  linkKey: string;
  actorColumn: string;
  onBehalfOf?: boolean;
  extra?: Prisma.Sql;
}

export function affiliatedIds(a: Affiliation, o: LinkOf): Prisma.Sql {
  const dialect = a.dialect;
  const link = Prisma.raw(`"${o.link}"`);
  const key = Prisma.raw(`l."${o.linkKey}"`);
  const actor = Prisma.raw(`l."${o.actorColumn}"`);
  const extra = o.extra ?? Prisma.empty;
  const parts = [Prisma.sql`SELECT ${key} AS "id" FROM ${link} l WHERE ${actor} IN (${constantList(a)})${extra}`];
  if (o.onBehalfOf && a.affiliated) {
    parts.push(Prisma.sql`SELECT ${key} AS "id" FROM ${link} l WHERE l."onBehalfOfId" IN (${constantList(a)})${extra}`);
  }
  if (a.holders.length > 0) {
    const table = Prisma.raw(`"${o.table}"`);
    // The ordered join keeps the office holders outermost (SQLite does not reorder a CROSS JOIN): each is
    // searched in the link's actor index, rather than the link table scanned for them.
    parts.push(Prisma.sql`SELECT ${key} AS "id" FROM ${dialect.jsonRows(holderRows(a), 'h')}
      ${dialect.orderedJoin} ${link} l ON ${actor} = ${dialect.jsonAt('h', 0)}${extra}
      JOIN ${table} d ON d."id" = ${key}
      WHERE d."dateMax" >= ${dialect.jsonAt('h', 1)} AND d."dateMin" <= ${dialect.jsonAt('h', 2)}`);
  }
  return Prisma.join(parts, ' UNION ');
}

/**
 * The same records found three ways (db/dated-page-sql.ts): their ids (`affiliatedIds`), a probe of one
 * record of `o.table` aliased t (for a page walking that table's date index: each condition an index
 * search on the link's (record, actor) key), and the link rows of every affiliated actor (office holders
 * at any date: only to measure how many there are).
 */
export function involvementOf(a: Affiliation, o: LinkOf): Involvement {
  const dialect = a.dialect;
  const extra = o.extra ?? Prisma.empty;
  // The link row's conditions, ORed: one probe reads the record's few link rows once.
  const matches = (l: string) => {
    // On the record itself, `|| ''` keeps SQLite from searching the actor index with these terms
    // (gathering every matching record and sorting them: the drive plan) where this is the walk.
    const actor = Prisma.raw(l === 't' ? `(t."${o.actorColumn}" || '')` : `${l}."${o.actorColumn}"`);
    const list = [Prisma.sql`${actor} IN (${constantList(a)})`];
    if (o.onBehalfOf && a.affiliated) list.push(Prisma.sql`${Prisma.raw(`${l}."onBehalfOfId"`)} IN (${constantList(a)})`);
    if (a.holders.length > 0) {
      // The date check reads the holders' JSON only for a link row whose actor holds one of the roles.
      list.push(Prisma.sql`(${actor} IN (${idList(a, a.holders.map((h) => h.actorId))})
        AND EXISTS (SELECT 1 FROM ${dialect.jsonRows(holderRows(a), 'h')} WHERE ${dialect.jsonAt('h', 0)} = ${actor}
          AND t."dateMax" >= ${dialect.jsonAt('h', 1)} AND t."dateMin" <= ${dialect.jsonAt('h', 2)}))`);
    }
    return Prisma.sql`(${Prisma.join(list, ' OR ')})`;
  };
  const link = Prisma.raw(`"${o.link}"`);
  // A record that is its own link row (a response and its responder) is tested on its own columns.
  const probe = o.link === o.table && o.linkKey === 'id'
    ? matches('t')
    : Prisma.sql`EXISTS (SELECT 1 FROM ${link} l WHERE l.${Prisma.raw(`"${o.linkKey}"`)} = t."id" AND ${matches('l')}${extra})`;
  const actor = Prisma.raw(`l."${o.actorColumn}"`);
  return {
    ids: affiliatedIds(a, o),
    probe,
    links: Prisma.sql`SELECT 1 FROM ${link} l WHERE ${actor} IN (${idList(a, [...a.constant.map((c) => c.actorId), ...a.holders.map((h) => h.actorId)])})${extra}`,
  };
}

/** How one actor on a record (dated [dateMin, dateMax]) matches the affiliation, if it does. */
export interface Match {
  via: MatchKind;
  principalId: string;
  actorId: string;
  roleId: string | null;
}

export function matchesOf(
  a: Affiliation,
  actorId: string,
  onBehalfOfId: string | null,
  dateMin: string | null,
  dateMax: string | null,
): Match[] {
  const out: Match[] = [];
  for (const c of a.constant) {
    if (c.actorId === actorId) out.push({ via: c.via, principalId: c.principalId, actorId, roleId: null });
    else if (a.affiliated && onBehalfOfId != null && c.actorId === onBehalfOfId) {
      out.push({ via: 'ON_BEHALF_OF', principalId: c.principalId, actorId, roleId: null });
    }
  }
  if (dateMin != null && dateMax != null) {
    for (const h of a.holders) {
      if (h.actorId === actorId && dateMax >= h.fromMin && dateMin <= h.toMax) {
        out.push({ via: 'OFFICE_HOLDER', principalId: h.principalId, actorId, roleId: h.roleId });
      }
    }
  }
  return out;
}
