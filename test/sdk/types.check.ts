/**
 * Type-level checks of the SDK, compiled by `tsc --noEmit` (part of `npm test`) and never run. Each
 * `@ts-expect-error` must meet an error: if the generated types loosened (a field or argument typed
 * `any`, an enum widened to string), the unused directive itself fails the type check.
 */
import { createDossierClient, DossierError, type ItemCategory, type RequestDetailQuery } from '../../packages/sdk/src/index.ts';

export async function typeChecks(): Promise<void> {
  const sdk = createDossierClient({ endpoint: 'http://127.0.0.1:4000/graphql' });
  const { request } = await sdk.requestDetail({ slug: 'allawi-2004-nato-assistance' });

  // Results are typed precisely: enums as unions, nullable lookups as `| null`.
  const category: ItemCategory | undefined = request?.exclusions[0]?.category;
  const quotes: string[] | undefined = request?.items.flatMap((i) => i.evidence.map((e) => e.quote));
  const same: RequestDetailQuery['request'] = request;
  void [category, quotes, same];

  // @ts-expect-error `request` may be null (no request has that slug)
  void request.summary;
  // @ts-expect-error a field that does not exist
  void request?.titel;
  // @ts-expect-error a field requestDetail does not select
  void request?.items[0]?.request;
  // @ts-expect-error an argument requestDetail does not take
  await sdk.requestDetail({ identifier: 'x' });
  // @ts-expect-error an argument of the wrong type
  await sdk.timeline({ first: '10' });
  // @ts-expect-error a required argument missing
  await sdk.search({});
  // @ts-expect-error not a RequestStatus
  await sdk.setRequestStatus({ input: { id: 'x', expectedVersion: 1, status: 'MAYBE' } });

  try {
    await sdk.stats();
  } catch (e) {
    if (e instanceof DossierError) {
      const path: ReadonlyArray<string | number> | undefined = e.path;
      void path;
      // @ts-expect-error not an error code
      void (e.code === 'NOT_FOUNDD');
      // Extensions are typed per code: a stale version's currentVersion is a number, not unknown.
      if (e.is('CONFLICT')) {
        const current: number | undefined = e.extensions.currentVersion;
        const existing: string | undefined = e.extensions.existingId;
        void current; void existing;
      }
      if (e.is('NOT_FOUND')) {
        // @ts-expect-error NOT_FOUND has no currentVersion
        void e.extensions.currentVersion;
      }
    }
  }
}
