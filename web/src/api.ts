/**
 * The app's one client: the SDK package's typed functions over fetch. The endpoint comes from the
 * page's `<meta name="dossier-api">` (relative to the page, so it follows the server's base path; a
 * host on another origin puts the API's absolute URL there). The editor token lives in session storage
 * only: never in the URL, gone when the tab closes.
 */
import { useEffect, useState } from 'react';
import { createDossierClient, DossierError, type DossierClient } from '@dossier/sdk';

const TOKEN_KEY = 'dossier.editorToken';

export function endpoint(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="dossier-api"]')?.content || 'graphql';
  return new URL(meta, document.baseURI).toString();
}

export const getToken = (): string => sessionStorage.getItem(TOKEN_KEY) ?? '';
export function setToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A client for reads: anonymous, so a mistyped editor token never stops anyone reading. */
export const api = (): DossierClient => createDossierClient({ endpoint: endpoint(), retries: 1, timeoutMs: 20_000 });

/** A client for writes, with the current editor token (re-made per call: the token can change). */
export const editorApi = (): DossierClient =>
  createDossierClient({ endpoint: endpoint(), token: getToken() || undefined, retries: 0, timeoutMs: 20_000 });

/** An error as an analyst should read it: what happened and what to do, not a code. */
export function describeError(e: unknown): string {
  if (!(e instanceof DossierError)) return `Something went wrong: ${String((e as Error | undefined)?.message ?? e)}`;
  if (e.is('CONFLICT')) {
    if (e.extensions.currentVersion !== undefined) {
      return `Someone else changed this record meanwhile (it is now at version ${e.extensions.currentVersion}). Reload the page to see their change, then try again.`;
    }
    return `This would duplicate what is already recorded: ${e.errors[0]?.message ?? e.message}`;
  }
  switch (e.code) {
    case 'UNAUTHENTICATED': return 'The editor token was not accepted. Check it on the Curation page.';
    case 'FORBIDDEN': return 'This token may not make this change (an editor or admin token is needed).';
    case 'NOT_FOUND': return `Not found: ${e.errors[0]?.message ?? ''}`;
    case 'BAD_USER_INPUT': return `The input was refused: ${e.errors[0]?.message ?? ''}`;
    case 'NETWORK_ERROR': return 'The server could not be reached. Check your connection and try again.';
    default: return `The server refused the request (${e.code}): ${e.errors[0]?.message ?? e.message}`;
  }
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

/** Runs a read when its key changes; a stale answer (an older key) is dropped. */
export function useLoad<T>(key: string, load: (client: DossierClient) => Promise<T>): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load(api()).then(
      (data) => live && setResult({ state: 'ok', data }),
      (e: unknown) => live && setResult({ state: 'error', message: describeError(e) }),
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names everything the load reads
  }, [key, nonce]);
  return [result, () => setNonce((n) => n + 1)];
}
