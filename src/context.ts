/**
 * The per-request context: the database, a fresh set of loaders (their caches live for one request
 * only), and who is asking.
 */
import type { Db } from './db/client.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';

export interface Context {
  db: Db;
  loaders: Loaders;
  /** Correlates log lines of one HTTP request. */
  requestId: string;
}

export function createContext(db: Db, requestId: string): Context {
  return { db, loaders: createLoaders(db), requestId };
}
