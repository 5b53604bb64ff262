/**
 * The per-request context: the database, a fresh set of loaders (their caches live for one request
 * only), and who is asking (authenticated by src/server/http.ts).
 */
import type { Db } from './db/client.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';
import type { Principal } from './domain/auth.ts';

export interface Context {
  db: Db;
  loaders: Loaders;
  /** Correlates log lines of one HTTP request. */
  requestId: string;
  /** Who is asking: the bearer token's name and role, or null when anonymous. */
  viewer: Principal | null;
}

export function createContext(db: Db, requestId: string, viewer: Principal | null = null): Context {
  return { db, loaders: createLoaders(db), requestId, viewer };
}
