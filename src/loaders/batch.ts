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

/**
 * A DataLoader that also keeps the values its batches (and primes) have delivered, so a caller can take
 * one synchronously. graphql-js completes a plain value in place, but a promise costs it (and the
 * garbage collector) a promise per field and a microtask per level: on a nested page of ~1,000 relation
 * fields that was most of the Node-side work. A list resolver that has loaded its page's relations
 * ahead (src/resolvers/prefetch.ts) lets the field resolvers below it answer with `now`, which falls
 * back to `load` for anything not loaded yet, so an answer never depends on what was prefetched.
 */
export class Loader<K, V> extends DataLoader<K, V> {
  #values: Map<K, V> | undefined;

  /** Records delivered values (from the batch function, in key order). */
  deliver(keys: readonly K[], values: V[]): V[] {
    const known = (this.#values ??= new Map());
    for (let i = 0; i < keys.length; i++) known.set(keys[i]!, values[i]!);
    return values;
  }

  /** Whether `key`'s value has arrived (then `now(key)` is that value, not a promise). */
  has(key: K): boolean {
    return this.#values?.has(key) ?? false;
  }

  /** The value if it has arrived, else the loader's promise of it. */
  now(key: K): V | Promise<V> {
    const known = this.#values;
    return known !== undefined && known.has(key) ? known.get(key)! : this.load(key);
  }

  /**
   * As DataLoader's: a key already loaded or loading keeps its value. A key still loading when primed
   * may answer `now` with the primed row until its own batch arrives; both are the same row read in
   * the same request (the joined statements prime exactly the columns the by-id statement reads).
   */
  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    super.prime(key, value);
    if (!(value instanceof Error) && !isThenable(value) && !this.has(key)) (this.#values ??= new Map()).set(key, value);
    return this;
  }

  override clear(key: K): this {
    this.#values?.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.#values?.clear();
    return super.clearAll();
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** Applies `f` at once to a value, or when it arrives to a promise: sync in, sync out. */
export function then<T, R>(value: T | Promise<T>, f: (v: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** Loads rows by id, dropping ids whose row vanished, de-duplicated. */
export async function loadAll<T>(loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> }, ids: readonly string[]) {
  const rows = await loader.loadMany([...new Set(ids)]);
  return rows.filter((r): r is Awaited<T> => r !== null && !(r instanceof Error)) as T[];
}

/**
 * The rows of distinct `keys` in first-seen order, missing ones (null) left out — as `loadMany`
 * filtered — synchronously when every one has arrived.
 */
export function allNow<V>(loader: Loader<string, V | null>, keys: readonly string[]): V[] | Promise<V[]> {
  const rows: V[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!loader.has(key)) return loadAll(loader, keys);
    const row = loader.now(key) as V | null;
    if (row !== null) rows.push(row);
  }
  return rows;
}

/** The loader factories of one request, sharing its dispatch gate. */
export function createBatchers(gate: BatchGate) {

  /** Rows by their own id; missing ids resolve to null. */
  function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
    const loader: Loader<string, T | null> = new Loader<string, T | null>(async (ids) => {
      const rows = new Map((await gate.track(fetch(ids))).map((r) => [r.id, r]));
      return loader.deliver(ids, ids.map((id) => rows.get(id) ?? null));
    }, { batchScheduleFn: gate.scheduler('lookup') });
    return loader;
  }

  /** Lists of rows grouped by a parent key, in the order the query returned them. */
  function groupedBy<K extends string, T>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K | readonly K[]) {
    const loader: Loader<K, T[]> = new Loader<K, T[]>(async (keys) => {
      const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
      for (const row of await gate.track(fetch(keys))) {
        const rowKeys = keyOf(row);
        for (const k of typeof rowKeys === 'string' ? [rowKeys as K] : (rowKeys as readonly K[])) groups.get(k)?.push(row);
      }
      return loader.deliver(keys, keys.map((k) => groups.get(k)!));
    }, { batchScheduleFn: gate.scheduler('list') });
    return loader;
  }

  return { byId, groupedBy };
}
