import { useId, useState, type FormEvent } from 'react';
import { getToken, setToken } from '../api.ts';
import { href } from '../router.ts';
import { useTitle } from './common.tsx';

/** The editor token: kept in this tab's session storage only, never in a URL. */
export function CurationView() {
  useTitle('Curation');
  const id = useId();
  const [saved, setSaved] = useState(getToken() !== '');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setToken(String(new FormData(e.currentTarget).get('token') ?? '').trim());
    setSaved(getToken() !== '');
    e.currentTarget.reset();
  };
  return (
    <>
      <h1>Curation</h1>
      <p>
        With an editor token, select text in any document (for example <a href={href('search', { q: 'NATO' })}>a search result</a>) and
        attach it as evidence for a fact. The token stays in this browser tab only and is forgotten when the tab closes.
      </p>
      <form onSubmit={submit} aria-label="Set the editor token">
        <label htmlFor={id}>Editor token</label>
        <input id={id} name="token" type="password" autoComplete="off" />
        <button type="submit">Use this token</button>
        {saved && <button type="button" onClick={() => { setToken(''); setSaved(false); }}>Forget the token</button>}
      </form>
      <p role="status">{saved ? 'A token is set for this tab.' : 'No token is set: reading only.'}</p>
    </>
  );
}
