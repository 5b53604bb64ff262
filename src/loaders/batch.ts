/**
 * DataLoader factories (graphql/dataloader README: one loader set per request, results in key order).
 * Each turns N parent lookups of one kind into a single query.
 */
import DataLoader from 'dataloader';

/**
 * Resolvers at one level of a query settle over several microtask turns; waiting for the next
 * macrotask gathers them all into one batch, so the query count does not depend on the page size.
 */
const options = { batchScheduleFn: (run: () => void) => setImmediate(run) };

/** Rows by their own id; missing ids resolve to null. */
export function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await fetch(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  }, options);
}

/** Lists of rows grouped by a parent key, in the order the query returned them. */
export function groupedBy<K extends string, T>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K | readonly K[]) {
  return new DataLoader<K, T[]>(async (keys) => {
    const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
    for (const row of await fetch(keys)) {
      const rowKeys = keyOf(row);
      for (const k of typeof rowKeys === 'string' ? [rowKeys as K] : (rowKeys as readonly K[])) groups.get(k)?.push(row);
    }
    return keys.map((k) => groups.get(k)!);
  }, options);
}
