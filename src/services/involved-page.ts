/**
 * A root list filtered by an actor (or by anything else found through link rows: a request's item
 * categories), in date order: the same page, cursors and count as sqlKeysetPage gives, but paged like an
 * actor's records (db/dated-page-sql.ts). A busy actor's page walks the table's (date, id) index probing
 * each record's links; a light one's drives from its link rows. The plan is chosen inside the statement,
 * so a page costs about the same for an actor in a few records or in thousands. The list's other
 * filters (`where`) are tested on each row.
 */
import { readersOf, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { datedSelects, mergePage, pageColumns, unionAll, type Involvement } from '../db/dated-page-sql.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { customPage, type PageArgs } from './pagination.ts';

type Query = <T>(sql: Prisma.Sql) => Promise<T[]>;

export interface InvolvedPage<T> {
  table: 'Request' | 'Event';
  /** The date column, a partial date as text or null, and the row's property of the same name. */
  dateColumn: 'date' | 'start';
  direction: 'asc' | 'desc';
  where: Prisma.Sql[];
  involvement: Involvement;
  date: (row: T) => string | null;
  /** The columns the operation reads of the rows (null: all); the page adds its id and date. */
  columns?: readonly string[] | null;
  /** The exact count of the whole filtered list, on the same reader. */
  count: (query: Query) => Promise<number>;
}

export function involvedDatedPage<T extends { id: string }>(db: DbTx, page: PageArgs, o: InvolvedPage<T>) {
  const query: Query = (sql) => readersOf(db).lists.rows(sql);
  return customPage<T>(
    page,
    `${o.dateColumn}:${o.direction}`,
    (r) => ({ value: o.date(r), id: r.id }),
    async (cursor, forward, take) => {
      if (cursor && typeof cursor.value === 'number') {
        const arg = page.before != null ? 'before' : 'after';
        throw badInput(`${arg}: not a cursor returned by this API`, { field: arg });
      }
      // Only totalCount asked for: the page is not read at all.
      if (page.countOnly) return [];
      // customPage scans ascending forwards; a descending list scans the other way.
      const scan = o.direction === 'asc' ? forward : forward === 'asc' ? 'desc' : 'asc';
      const rows = await query<T>(unionAll(datedSelects({
        dialect: dialectOf(db), table: o.table, dateColumn: o.dateColumn, nullable: true,
        columns: Prisma.raw(pageColumns(o.columns, 'id', o.dateColumn)),
        where: o.where, involvement: o.involvement, cursor, scan, take,
      })));
      return mergePage(rows, o.date, scan, take);
    },
    () => o.count(query),
  );
}
