/**
 * The response cache for read operations (RESPONSE_CACHE_MB; 0 turns it off).
 *
 * Where: Fastify hooks on the GraphQL route, after authentication (route onRequest) and the body read,
 * before Apollo. A hit is answered from the stored bytes without parsing, validating, measuring the
 * limits of or executing the operation — the pipeline's fixed cost is what the floor does not pay. An
 * Apollo plugin (`responseForOperation`) would run only after parse, validation and the limits.
 *
 * Key: the operation as sent — query text and/or automatic-persisted-query hash, operationName,
 * variables — plus the viewer's role (anonymous, editor, admin: the audit log answers only admins) and
 * the Accept header (Apollo picks the response's content type from it). Nothing else a resolver reads
 * varies per request. Only POSTs with a JSON body are looked up: they pass Apollo's CSRF check by their
 * content type alone, so a hit never answers a request Apollo would refuse.
 *
 * Validity: every write bumps the data version (src/db/data-version.ts) in its own transaction; each
 * lookup reads it (one statement) and the whole cache is dropped when it moved, so a write by this
 * process, another process on the same file, the seed, a migration or a restore is never served stale.
 * The version is read before the operation runs: an answer that saw a later write is stored under the
 * older version, which can no longer come back.
 *
 * What is stored: an HTTP 200 answer to a query whose response has no `errors`; never a mutation.
 * Memory is bounded by bytes (lru-cache, least recently used first out).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { Counter, Gauge } from 'prom-client';
import { readersOf, sqliteReaderOf, type Db } from '../db/client.ts';
import { DataVersionReader, readDataVersionWith } from '../db/data-version.ts';
import { databaseFile } from '../config.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

export const CACHE_HEADER = 'x-dossier-cache';

interface Entry {
  body: Buffer;
  contentType: string;
  operation: string | null;
}

/** Per request: the key looked up and the data version read before the operation ran. */
interface Pending {
  key: string;
  version: string;
}

export interface ResponseCacheOptions {
  /** Budget in MiB; 0 registers nothing. */
  megabytes: number;
  /** The GraphQL route (with BASE_PATH). */
  path: string;
  db: Db;
  /** DATABASE_URL: on a SQLite file, the cache reads the data version on a connection of its own. */
  databaseUrl: string;
  metrics: Metrics;
  logger: Logger;
}

// Keys and bookkeeping per entry, beyond the body's bytes.
const ENTRY_OVERHEAD = 200;

/** The cache key of a request, or null when it is not one the cache may answer. */
function keyOf(request: FastifyRequest): string | null {
  if (request.method !== 'POST' || !/^application\/json\b/i.test(String(request.headers['content-type'] ?? ''))) return null;
  const body = request.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const query = typeof body.query === 'string' ? body.query : null;
  const extensions = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const hash = typeof extensions?.persistedQuery?.sha256Hash === 'string' ? extensions.persistedQuery.sha256Hash : null;
  if (query === null && hash === null) return null;
  const parts = [request.viewer?.role ?? 'anonymous', String(request.headers.accept ?? ''), query, hash, body.operationName ?? null, body.variables ?? null];
  // The text itself is the key (its length is charged to the budget): hashing it cost more per hit
  // than the map lookup it would save.
  return JSON.stringify(parts);
}

export function registerResponseCache(app: FastifyInstance, options: ResponseCacheOptions): void {
  const { megabytes, path, db, databaseUrl, metrics, logger } = options;
  if (megabytes <= 0) return;
  const maxSize = megabytes * 2 ** 20;
  const entries = new LRUCache<string, Entry>({
    maxSize,
    // One answer may take at most an eighth of the budget, so a huge page does not flush the rest.
    maxEntrySize: Math.max(1, Math.floor(maxSize / 8)),
    sizeCalculation: (e, key) => e.body.length + 2 * key.length + ENTRY_OVERHEAD,
  });
  /** The data version the entries belong to. */
  let current: string | null = null;
  const pending = new WeakMap<FastifyRequest, Pending>();
  // On a SQLite file the version is one prepared statement on a read-only connection of the cache's own
  // (microseconds, synchronous); otherwise (or when that statement fails) it is read through the
  // client's bounded reader: on PostgreSQL `pg` directly, a statement prepared once per connection; in
  // an in-memory database `$queryRaw`.
  const versions = sqliteReaderOf(db) ? new DataVersionReader(databaseFile(databaseUrl)) : undefined;
  const reader = readersOf(db).bounded;
  app.addHook('onClose', async () => versions?.close());
  const readVersionNow = (): string | null | undefined => {
    if (!versions) return undefined;
    try {
      return versions.read();
    } catch {
      return undefined;
    }
  };

  const registers = [metrics.registry];
  const lookups = new Counter({
    name: 'dossier_response_cache_lookups_total',
    help: 'Read operations looked up in the response cache, by result (hit or miss)',
    labelNames: ['result'] as const, registers,
  });
  new Gauge({
    name: 'dossier_response_cache_bytes', help: 'Bytes held by the response cache (bodies and per-entry overhead)', registers,
    collect() { this.set(entries.calculatedSize); },
  });
  new Gauge({
    name: 'dossier_response_cache_entries', help: 'Answers held by the response cache', registers,
    collect() { this.set(entries.size); },
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.url !== path) return;
    const key = keyOf(request);
    if (key === null) return;
    let version: string | null;
    try {
      const now = readVersionNow();
      version = now !== undefined ? now : await readDataVersionWith(reader);
    } catch (error) {
      // Without a version nothing can be known to be fresh: answer without the cache.
      logger.warn('response cache: the data version could not be read', { error: (error as Error).message });
      return;
    }
    if (version === null) return;
    if (version !== current) {
      entries.clear();
      current = version;
    }
    const hit = entries.get(key);
    if (hit) {
      lookups.inc({ result: 'hit' });
      request.report.operation = hit.operation;
      request.report.type = 'query';
      request.report.codes = [];
      return reply.header(CACHE_HEADER, 'hit').header('content-type', hit.contentType).send(hit.body);
    }
    pending.set(request, { key, version });
  });

  // Registered before the compression plugin, so the payload is still the JSON text here.
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const p = pending.get(request);
    if (!p || request.report.type !== 'query') return payload;
    lookups.inc({ result: 'miss' });
    void reply.header(CACHE_HEADER, 'miss');
    const contentType = reply.getHeader('content-type');
    if (reply.statusCode === 200 && request.report.codes.length === 0 && p.version === current
      && typeof payload === 'string' && typeof contentType === 'string') {
      entries.set(p.key, { body: Buffer.from(payload), contentType, operation: request.report.operation });
    }
    return payload;
  });
}
