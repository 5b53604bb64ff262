/**
 * Hash routes (`#/requests?addressee=nato`): every view has a URL that can be shared and bookmarked,
 * the back button works, and the server needs no fallback route for deep links under any base path.
 */
import { useEffect, useState } from 'react';

export interface Route {
  /** Path segments after `#/`, e.g. ['requests', 'allawi-2004-nato-assistance']. */
  parts: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

export function href(path: string, params?: Record<string, string | undefined> | URLSearchParams): string {
  const q = params instanceof URLSearchParams ? params : new URLSearchParams(
    Object.entries(params ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
  const s = q.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** Replaces the query of the current view (a new history entry, so back undoes a filter change). */
export function navigate(path: string, params?: Record<string, string | undefined> | URLSearchParams): void {
  location.hash = href(path, params);
}
