/**
 * DataLoader factories (graphql/dataloader README: one loader set per request, results in key order).
 * Each turns N parent lookups of one kind into a single query.
 */
import DataLoader from 'dataloader';

/**
 * When a request's batches are sent. With reads on worker threads (src/db/read-pool.ts) the answers of
 * one level's statements arrive in separate macrotasks, so dispatching each batch on the next macrotask
 * would split the next level's loads into as many batches as answers arrived: the query count would
 * depend on timing. Instead a request's pending batches are sent together once none of its statements
 * is running (`track`: the loaders' own, and every other statement of the request, see context.ts),
 * on the next macrotask, which gathers every load the last answer caused: one query per relation per
 * level, the batches of a level still running side by side. Lookups by id (documents, actors: reached
 * from many levels) wait further, until no list batch is pending either, so the documents of request,
 * item and response evidence are fetched in one query rather than one per level.
 */
const MAX_HOLD_MS = 2_000;

export function createGate() {
  let inFlight = 0;
  let scheduled = false;
  let overdue: NodeJS.Timeout | undefined;
  const lists: (() => void)[] = [];
  const lookups: (() => void)[] = [];
  const flush = () => {
    scheduled = false;
    if (inFlight > 0) return;
    clearTimeout(overdue);
    overdue = undefined;
    for (const run of (lists.length ? lists : lookups).splice(0)) run();
    // A batch of cache hits alone fetches nothing: look again for what is still waiting.
    schedule();
  };
  const schedule = () => {
    if (lists.length === 0 && lookups.length === 0) return;
    if (inFlight > 0) {
      // Waiting is an optimisation, never a dependency: batches held this long go out anyway.
      overdue ??= setTimeout(() => {
        overdue = undefined;
        for (const run of [...lists.splice(0), ...lookups.splice(0)]) run();
        schedule();
      }, MAX_HOLD_MS);
      return;
    }
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
  return {
    scheduler(kind: 'list' | 'lookup') {
      return (run: () => void) => {
        (kind === 'list' ? lists : lookups).push(run);
        schedule();
      };
    },
    async track<T>(fetching: Promise<T>): Promise<T> {
      inFlight++;
      try {
        return await fetching;
      } finally {
        inFlight--;
        schedule();
      }
    },
  };
}

export type BatchGate = ReturnType<typeof createGate>;

/** The loader factories of one request, sharing its dispatch gate. */
export function createBatchers(gate: BatchGate) {

  /** Rows by their own id; missing ids resolve to null. */
  function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
    return new DataLoader<string, T | null>(async (ids) => {
      const rows = new Map((await gate.track(fetch(ids))).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    }, { batchScheduleFn: gate.scheduler('lookup') });
  }

  /** Lists of rows grouped by a parent key, in the order the query returned them. */
  function groupedBy<K extends string, T>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K | readonly K[]) {
    return new DataLoader<K, T[]>(async (keys) => {
      const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
      for (const row of await gate.track(fetch(keys))) {
        const rowKeys = keyOf(row);
        for (const k of typeof rowKeys === 'string' ? [rowKeys as K] : (rowKeys as readonly K[])) groups.get(k)?.push(row);
      }
      return keys.map((k) => groups.get(k)!);
    }, { batchScheduleFn: gate.scheduler('list') });
  }

  return { byId, groupedBy };
}
