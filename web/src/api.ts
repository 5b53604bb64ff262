/**
 * The app's one client: the SDK package's typed functions over fetch. The endpoint comes from the
 * page's `<meta name="dossier-api">` (relative to the page, so it follows the server's base path; a
 * host on another origin puts the API's absolute URL there). The token lives in session storage only:
 * never in the URL, gone when the tab closes.
 */
import { useEffect, useRef, useState } from 'react';
import { createDossierClient, type DossierClient } from '@dossier/sdk';
import { explainError, type Doing, type Explained } from './errors.ts';

const TOKEN_KEY = 'dossier.editorToken';

export function endpoint(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="dossier-api"]')?.content || 'graphql';
  return new URL(meta, document.baseURI).toString();
}

const TOKEN_EVENT = 'dossier:token';

export const getToken = (): string => sessionStorage.getItem(TOKEN_KEY) ?? '';
/** Sets (or, with '', forgets) the token; every view reloads what it shows with the new one. */
export function setToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  dispatchEvent(new Event(TOKEN_EVENT));
}

/** The current token, re-rendering when it changes. */
export function useToken(): string {
  const [token, set] = useState(getToken);
  useEffect(() => {
    const on = () => set(getToken());
    addEventListener(TOKEN_EVENT, on);
    return () => removeEventListener(TOKEN_EVENT, on);
  }, []);
  return token;
}

/**
 * The client, with the token when one is set: on reads too, so the app works against a server that
 * requires a token for every operation (REQUIRE_AUTH_FOR_READS). Re-made per call: the token can change.
 * Reads retry once after a network failure; writes never (once sent, a write may have happened).
 */
export function client(doing: Doing = 'read'): DossierClient {
  return createDossierClient({ endpoint: endpoint(), token: getToken() || undefined, retries: doing === 'read' ? 1 : 0, timeoutMs: 20_000 });
}
export const api = (): DossierClient => client('read');
export const editorApi = (): DossierClient => client('write');

/** An error in words, for a read or a write made with the current token (or none). */
export const explain = (e: unknown, doing: Doing): Explained => explainError(e, doing, getToken() !== '');

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: Explained } | { state: 'ok'; data: T };

/**
 * Runs a read when its key changes, and again on reload() or a new token; a stale answer (an older
 * run) is dropped. A reload keeps showing what was there until the new answer arrives, so a view (and
 * what its user was doing in it) stays in place.
 */
export function useLoad<T>(key: string, load: (client: DossierClient) => Promise<T>): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [nonce, setNonce] = useState(0);
  const token = useToken();
  const shown = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    if (shown.current !== key) setResult({ state: 'loading' });
    shown.current = key;
    load(api()).then(
      (data) => live && setResult({ state: 'ok', data }),
      (e: unknown) => live && setResult({ state: 'error', error: explain(e, 'read') }),
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names everything the load reads
  }, [key, nonce, token]);
  return [result, () => setNonce((n) => n + 1)];
}
