import { useId, type FormEvent, type ReactNode } from 'react';
import { useLoad } from '../api.ts';
import { partialDate } from '../format.ts';
import { href, navigate } from '../router.ts';
import { Load, useTitle } from './common.tsx';
import { MoreButton, useMore } from '../paging.tsx';

const PAGE = 20;

/** The server marks matches as [[…]]; they become <mark> elements (text only, never HTML). */
export function highlighted(snippet: string): ReactNode[] {
  return snippet.split(/(\[\[.*?\]\])/).map((part, i) => (part.startsWith('[[') && part.endsWith(']]') ? <mark key={i}>{part.slice(2, -2)}</mark> : part));
}

export function SearchView({ params }: { params: URLSearchParams }) {
  const id = useId();
  const q = params.get('q') ?? '';
  useTitle(q ? `Search: ${q}` : 'Search');
  const [result, reload] = useLoad(`search:${q}`, async (c) => (q ? c.search({ query: q, first: PAGE }) : null));
  const hits = useMore(result.state === 'ok' ? result.data?.search ?? null : null, (c, after) => c.search({ query: q, first: PAGE, after }).then((r) => r.search));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate('search', { q: String(new FormData(e.currentTarget).get('q') ?? '').trim() });
  };
  return (
    <>
      <h1>Search the documents</h1>
      <form role="search" onSubmit={submit}>
        <label htmlFor={id}>Words to find</label>
        <input id={id} name="q" type="search" defaultValue={q} key={q} />
        <button type="submit">Search</button>
      </form>
      <Load result={result} reload={reload}>
        {(data) => data && (
          <>
            <p role="status">{data.search.totalCount} document{data.search.totalCount === 1 ? '' : 's'} match.</p>
            <ol className="results">
              {hits.edges.map((e) => (
                <li key={e.node.id}>
                  <h2><a href={href(`documents/${encodeURIComponent(e.node.slug)}`)}>{highlighted(e.titleHighlight)}</a></h2>
                  <p className="muted">{e.node.publisher} · {partialDate(e.node.published)}</p>
                  <p>{highlighted(e.snippet)}</p>
                </li>
              ))}
            </ol>
            <MoreButton list={hits} noun="documents" />
          </>
        )}
      </Load>
    </>
  );
}
