/**
 * Lists longer than one page: the first page comes with the view's load, and "Show more" appends the
 * next one (by the API's cursor) in place. On a corpus of 100k documents the requests to one
 * addressee, the matches of a word or an actor's timeline run to thousands; a list that stopped at
 * its first page without saying so would hide most of them.
 */
import { useRef, useState } from 'react';
import type { DossierClient } from '@dossier/sdk';
import { api, explain } from './api.ts';
import type { Explained } from './errors.ts';
import { ErrorNote } from './views/common.tsx';

export interface Page<E> {
  totalCount: number;
  edges: readonly E[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
}

export interface More<E> {
  /** Every edge loaded so far, the first page's first. */
  edges: readonly E[];
  totalCount: number;
  hasMore: boolean;
  busy: boolean;
  error: Explained | null;
  more: () => void;
}

/**
 * The edges of `first` and of every page loaded after it. A new first page (new filters, a reload, a
 * new token) starts over, and an answer for an older first page is dropped.
 */
export function useMore<E>(first: Page<E> | null, next: (c: DossierClient, after: string) => Promise<Page<E>>): More<E> {
  // The pages loaded after a first page belong to it: with another first page they are not shown.
  const [loaded, setLoaded] = useState<{ of: Page<E> | null; pages: Page<E>[]; busy: boolean; error: Explained | null }>({ of: null, pages: [], busy: false, error: null });
  const current = useRef(first);
  current.current = first;
  const mine = loaded.of === first ? loaded : { of: first, pages: [], busy: false, error: null };
  const last = mine.pages.at(-1) ?? first;
  const cursor = last?.pageInfo.hasNextPage ? last.pageInfo.endCursor : null;
  const more = () => {
    if (!cursor || mine.busy) return;
    const of = first;
    setLoaded({ ...mine, busy: true, error: null });
    next(api(), cursor).then(
      (page) => { if (current.current === of) setLoaded((l) => ({ ...l, pages: [...l.pages, page], busy: false })); },
      (e: unknown) => { if (current.current === of) setLoaded((l) => ({ ...l, busy: false, error: explain(e, 'read') })); },
    );
  };
  const edges = first ? [first, ...mine.pages].flatMap((p) => p.edges) : [];
  return { edges, totalCount: last?.totalCount ?? 0, hasMore: Boolean(cursor), busy: mine.busy, error: mine.error, more };
}

/**
 * "Showing 100 of 2,345" and a button for the next page, while there is one. The button stays enabled
 * while a page loads (a disabled button would drop keyboard focus); a second press then does nothing.
 */
export function MoreButton({ list, noun }: { list: More<unknown>; noun: string }) {
  if (!list.hasMore && !list.error) return null;
  return (
    <div className="more">
      <p>Showing {list.edges.length.toLocaleString('en')} of {list.totalCount.toLocaleString('en')} {noun}.</p>
      {list.hasMore && (
        <button type="button" onClick={list.more} aria-disabled={list.busy} aria-busy={list.busy}>
          {list.busy ? 'Loading…' : `Show more ${noun}`}
        </button>
      )}
      {list.error && <ErrorNote error={list.error} onReload={list.more} />}
    </div>
  );
}
