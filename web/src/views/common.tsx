import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, setToken, useToken, type Loaded } from '../api.ts';
import type { Explained } from '../errors.ts';
import { href } from '../router.ts';

/** Sets the tab title, so history entries and screen readers name the view. */
export function useTitle(title: string): void {
  useEffect(() => { document.title = `${title} · dossier`; }, [title]);
}

/** A token form: the token goes to this tab's session storage (never a URL) and every view reloads with it. */
export function SignIn({ label = 'Token' }: { label?: string }) {
  const id = useId();
  const token = useToken();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const token = String(new FormData(e.currentTarget).get('token') ?? '').trim();
    e.currentTarget.reset();
    if (token) setToken(token);
  };
  return (
    <form className="sign-in" onSubmit={submit} aria-label="Sign in with a token">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="token" type="password" autoComplete="off" required />
      <button type="submit">Sign in</button>
      {token !== '' && <button type="button" onClick={() => setToken('')}>Forget the token</button>}
    </form>
  );
}

/** An error in words, with what can be done about it: sign in, reload, or try again. */
export function ErrorNote({ error, onReload }: { error: Explained; onReload?: (() => void) | undefined }) {
  return (
    <div className="error-note">
      <p role="alert" className="error" data-code={error.code}>{error.text}</p>
      {error.action === 'sign-in' && <SignIn />}
      {error.action === 'reload' && onReload && <button type="button" onClick={onReload}>Reload</button>}
      {error.action === 'retry' && onReload && <button type="button" onClick={onReload}>Try again</button>}
    </div>
  );
}

export function Load<T>({ result, reload, children }: { result: Loaded<T>; reload?: () => void; children: (data: T) => ReactNode }) {
  if (result.state === 'loading') return <p role="status">Loading…</p>;
  if (result.state === 'error') return <ErrorNote error={result.error} onReload={reload} />;
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

/** A text box suggesting actors by name or alias (a typeahead); picking one puts its slug in the box. */
export function ActorInput({ label, name, value = '', required = false }: { label: string; name: string; value?: string; required?: boolean }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [options, setOptions] = useState<{ slug: string; name: string; aliases: string[] }[]>([]);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim().length < 2) return setOptions([]);
    let live = true;
    const t = setTimeout(() => {
      api().actorSuggestions({ text: text.trim(), first: 8 }).then(
        (r) => live && setOptions(r.actors.edges.map((e) => e.node)),
        () => live && setOptions([]),
      );
    }, 150);
    return () => { live = false; clearTimeout(t); };
  }, [text]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} list={`${id}-list`} value={text} autoComplete="off" placeholder="name or alias"
        required={required} onChange={(e) => setText(e.target.value)} />
      <datalist id={`${id}-list`}>
        {options.map((o) => <option key={o.slug} value={o.slug}>{[o.name, ...o.aliases].join(' · ')}</option>)}
      </datalist>
    </div>
  );
}

