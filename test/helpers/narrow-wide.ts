/**
 * The narrow-row suites' comparison (test/integration/operation-columns.test.ts, nested-prefetch.test.ts):
 * an operation run as it is, and again with a root field the column analysis (src/resolvers/shapes.ts)
 * does not know prepended, which makes every model read whole rows. Both must answer the same data but
 * for that field.
 */
type Run = (query: string, variables: Record<string, unknown>) => Promise<{ errors?: unknown; data?: any }>;

/**
 * `both(query, variables)` for a suite: `widen` is the prepended field (`alias: field …`), `widened`
 * checks what it answered (so that it cannot have been refused or empty).
 */
export function narrowAndWide<R extends Awaited<ReturnType<Run>>>(
  run: (query: string, variables: Record<string, unknown>) => Promise<R>,
  widen: string,
  widened: (answer: any) => void,
) {
  const widenedQuery = (query: string) => query.replace(/\{/, `{ ${widen} `);
  return async function both(query: string, variables: Record<string, unknown> = {}) {
    const narrow = await run(query, variables);
    const wide = await run(widenedQuery(query), variables);
    expect(narrow.errors).toBeUndefined();
    expect(wide.errors).toBeUndefined();
    const { widen: answer, ...rest } = wide.data;
    widened(answer);
    expect(narrow.data).toEqual(rest);
    return { narrow, wide };
  };
}
