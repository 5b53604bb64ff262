import { useEffect, type ReactNode } from 'react';
import type { Loaded } from '../api.ts';
import { href } from '../router.ts';

/** Sets the tab title, so history entries and screen readers name the view. */
export function useTitle(title: string): void {
  useEffect(() => { document.title = `${title} · dossier`; }, [title]);
}

export function Load<T>({ result, children }: { result: Loaded<T>; children: (data: T) => ReactNode }) {
  if (result.state === 'loading') return <p role="status">Loading…</p>;
  if (result.state === 'error') return <p role="alert" className="error">{result.message}</p>;
  return <>{children(result.data)}</>;
}

export interface EvidenceLike {
  id: string;
  start: number;
  end: number;
  quote: string;
  document: { slug: string; title: string };
  /** The text hedges the claim ("reportedly", "is expected to"). */
  hedged?: boolean | null | undefined;
  /** Whom the text attributes the claim to. */
  attributedTo?: { description?: string | null | undefined; actor?: { name: string } | null | undefined } | null | undefined;
}

/** A quote with its source: a click opens the document scrolled to and highlighting this span. */
export function Evidence({ items }: { items: readonly EvidenceLike[] }) {
  if (items.length === 0) return <span className="muted">no evidence recorded</span>;
  return (
    <ul className="evidence">
      {items.map((e) => (
        <li key={e.id}>
          <a href={href(`documents/${encodeURIComponent(e.document.slug)}`, { span: `${e.start}-${e.end}` })}>
            <q>{e.quote}</q>
          </a>{' '}
          {e.attributedTo && <span className="muted">according to {e.attributedTo.actor?.name ?? e.attributedTo.description} </span>}
          {e.hedged && <span className="muted">(hedged) </span>}
          <cite>{e.document.title}</cite>
        </li>
      ))}
    </ul>
  );
}

export function ActorLink({ actor }: { actor: { slug: string; name: string } }) {
  return <a href={href(`actors/${encodeURIComponent(actor.slug)}`)}>{actor.name}</a>;
}

export const list = (nodes: ReactNode[]): ReactNode[] =>
  nodes.flatMap((n, i) => (i === 0 ? [n] : [i === nodes.length - 1 ? ' and ' : ', ', n]));
