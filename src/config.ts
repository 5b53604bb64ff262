/**
 * Runtime configuration, read from the environment once and validated as a whole before the server does
 * any work (migrate, seed, listen): every problem is collected and reported in one message. Every knob is
 * documented in README.md ("Configuration").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTokens } from './auth/tokens.ts';

/**
 * The checkout's root: the nearest directory above this file holding package.json. Found by walking up
 * rather than by a fixed `..`, so the same code works from src/ (tsx, jest) and from compiled dist/src/.
 */
export function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/**
 * The SQLite file a `file:` URL names, as an absolute path. Relative paths are taken from the project
 * root, not the shell's cwd, so the CLI, the server and jest agree; a query string is dropped, as Prisma does.
 */
export function databaseFile(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL must be a SQLite "file:" URL here, got "${redactUrl(url)}"`);
  const location = url.slice('file:'.length).split('?')[0] ?? '';
  if (location === '') throw new Error(`DATABASE_URL "${url}" names no file`);
  if (location === ':memory:') return location;
  // file:///abs/path is a proper file URL; file:./x and file:/abs are Prisma's looser form.
  if (location.startsWith('//')) return fileURLToPath(`file:${location}`);
  return path.resolve(projectRoot, location);
}

export const DEFAULT_DATABASE_URL = 'file:./data/dossier.db';

/** Whether a DATABASE_URL names a PostgreSQL database (`postgresql://…` or `postgres://…`) rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The URL with any password replaced by "***": what logs and error messages show. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

/**
 * DATABASE_URL (or the default): a SQLite `file:` URL with its file made absolute, or a PostgreSQL URL
 * as given. Anything else is refused here, before the server does any work.
 */
export function resolveDatabaseUrl(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (isPostgresUrl(url)) {
    try {
      const parsed = new URL(url);
      if (parsed.hostname === '' && !parsed.searchParams.has('host')) throw new Error('no host');
    } catch {
      throw new Error(`DATABASE_URL "${redactUrl(url)}" is not a valid PostgreSQL URL (postgresql://user:password@host:port/database)`);
    }
    return url;
  }
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a PostgreSQL "postgresql://" URL, got "${redactUrl(url)}"`);
  }
  return `file:${databaseFile(url)}`;
}

/**
 * Read worker threads by default: one per core, at least 2 (so one slow read leaves a worker free for
 * everyone else) and at most 4 (each costs ~9 MB resident).
 */
export function defaultReadWorkers(): number {
  return Math.min(4, Math.max(2, os.availableParallelism()));
}

/**
 * SQLite page cache per connection, in MiB, when SQLITE_CACHE_MB is not set. Each connection (the main
 * one, the main thread's reader, each read worker's) keeps its own; this build of SQLite would give each
 * 16 MB. 8, not 4: the busiest actor's timeline page at 100k documents touches ~6 MB of pages (three
 * date-index walks in one statement), so with 4 MB every run re-read ~1,400 pages from the operating
 * system (5.9 MB of copies per request); with 6 MB or more, none. See bench/RESULTS.md, "Memory after
 * start and at peak" and "The actor profile, the timeline and the write after the merges".
 */
export const DEFAULT_SQLITE_CACHE_MB = 8;

export interface QueryLimits {
  /** Largest accepted HTTP body, in bytes. */
  maxBodyBytes: number;
  /** Deepest field nesting in one operation. */
  maxDepth: number;
  /** Highest estimated cost (see src/server/limits.ts). */
  maxCost: number;
  /** Most aliased fields in one operation. */
  maxAliases: number;
  /** Most lexical tokens in one document (checked while parsing). */
  maxTokens: number;
}

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  production: boolean;
  introspection: boolean;
  /** Seed the database when it is empty on start-up. */
  seedIfEmpty: boolean;
  limits: QueryLimits;
  /** Bearer tokens: `name:role:secret` entries, comma-separated (see README). */
  tokens: string;
  /** Require a token for reads too (and for /metrics). */
  requireAuthForReads: boolean;
  logLevel: LogLevel;
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only; ['*']: any. */
  corsOrigins: string[];
  /** Path prefix of every route ('' or '/something', no trailing slash). */
  basePath: string;
  /** Trust X-Forwarded-* from this many proxy hops for the client address (0: use the socket). */
  trustProxyHops: number;
  /** GraphQL requests one client address may make per minute before 429 RATE_LIMITED (0: no limit). */
  rateLimitPerMinute: number;
  /** After SIGTERM: how long /readyz answers 503 while still serving, before the listener closes. */
  shutdownGraceMs: number;
  /** After the listener closes: how long in-flight requests may take before they are cut. */
  shutdownTimeoutMs: number;
  /** Memory for the response cache of read operations, in MiB (0: no cache). */
  responseCacheMb: number;
  /** Worker threads running plain reads, each with its own read-only connection (0: all on the main thread). */
  readWorkers: number;
  /** How long a write waits for another writer's lock before failing with SERVICE_BUSY. */
  busyTimeoutMs: number;
  /** Run V8 with `--optimize-for-size` (a heap that grows less under load, for 1.3–2.5× the CPU per request; see README "Memory"). */
  optimizeForSize: boolean;
  /** How much V8 lets the heap grow past what survived the last full collection, in percent (0: V8's own choice). */
  heapGrowthPercent: number;
  /** SQLite: page cache of each connection, in MiB. */
  sqliteCacheMb: number;
  /** What executes operations: graphql-jit's compiled code (falling back to graphql-js), or graphql-js alone. */
  executor: GraphqlExecutor;
}

export const GRAPHQL_EXECUTORS = ['compiled', 'graphql-js'] as const;
export type GraphqlExecutor = (typeof GRAPHQL_EXECUTORS)[number];

/** Every problem found in the environment, reported at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  • ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be an integer from ${min} to ${max}, got "${raw}"` });
      return z.NEVER;
    }
    return n;
  });

const bool = (name: string, fallback: boolean) =>
  z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${raw}"` });
    return z.NEVER;
  });

const origins = z.string().optional().transform((raw, ctx) => {
  const list = (raw ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (list.includes('*')) return ['*'];
  for (const o of list) {
    let u: URL | undefined;
    try {
      u = new URL(o);
    } catch {
      // reported below
    }
    // An origin is scheme://host[:port], nothing more: browsers send exactly that in Origin.
    if (!u || !['http:', 'https:'].includes(u.protocol) || u.origin !== o.replace(/\/$/, '')) {
      ctx.addIssue({ code: 'custom', message: `CORS_ORIGINS: "${o}" is not an origin like https://app.example.org (or *)` });
    }
  }
  return list.map((o) => o.replace(/\/$/, ''));
});

const basePath = z.string().optional().transform((raw, ctx) => {
  const p = (raw ?? '').trim().replace(/\/+$/, '');
  if (p !== '' && !/^(\/[A-Za-z0-9._~-]+)+$/.test(p)) {
    ctx.addIssue({ code: 'custom', message: `BASE_PATH must look like /api or /dossier/v1 (letters, digits, ._~-), got "${raw}"` });
    return z.NEVER;
  }
  return p;
});

const envSchema = z.object({
  PORT: int('PORT', 4000, 0, 65_535),
  HOST: z.string().optional().transform((h) => (h === undefined || h === '' ? '127.0.0.1' : h)),
  DATABASE_URL: z.string().optional().transform((raw, ctx) => {
    try {
      return resolveDatabaseUrl(raw || DEFAULT_DATABASE_URL);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  }),
  NODE_ENV: z.string().optional(),
  INTROSPECTION: bool('INTROSPECTION', true),
  SEED_IF_EMPTY: bool('SEED_IF_EMPTY', true),
  MAX_BODY_BYTES: int('MAX_BODY_BYTES', 1_000_000, 1),
  MAX_QUERY_DEPTH: int('MAX_QUERY_DEPTH', 15, 1),
  MAX_QUERY_COST: int('MAX_QUERY_COST', 25_000, 1),
  MAX_ALIASES: int('MAX_ALIASES', 30),
  MAX_TOKENS: int('MAX_TOKENS', 5_000, 1),
  DOSSIER_TOKENS: z.string().optional().transform((raw, ctx) => {
    try {
      parseTokens(raw ?? '');
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
    return raw ?? '';
  }),
  REQUIRE_AUTH_FOR_READS: bool('REQUIRE_AUTH_FOR_READS', false),
  LOG_LEVEL: z.string().optional().transform((raw, ctx) => {
    const level = (raw || 'info').toLowerCase();
    if (!(LOG_LEVELS as readonly string[]).includes(level)) {
      ctx.addIssue({ code: 'custom', message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"` });
      return z.NEVER;
    }
    return level as LogLevel;
  }),
  CORS_ORIGINS: origins,
  BASE_PATH: basePath,
  TRUST_PROXY_HOPS: int('TRUST_PROXY_HOPS', 0, 0, 10),
  RATE_LIMIT_PER_MINUTE: int('RATE_LIMIT_PER_MINUTE', 0, 0, 10_000_000),
  SHUTDOWN_GRACE_MS: int('SHUTDOWN_GRACE_MS', 0, 0, 600_000),
  SHUTDOWN_TIMEOUT_MS: int('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
  RESPONSE_CACHE_MB: int('RESPONSE_CACHE_MB', 32, 0, 4096),
  READ_WORKERS: int('READ_WORKERS', defaultReadWorkers(), 0, 64),
  BUSY_TIMEOUT_MS: int('BUSY_TIMEOUT_MS', 10_000, 0, 600_000),
  OPTIMIZE_FOR_SIZE: bool('OPTIMIZE_FOR_SIZE', false),
  HEAP_GROWTH_PERCENT: int('HEAP_GROWTH_PERCENT', 50, 0, 1000),
  SQLITE_CACHE_MB: int('SQLITE_CACHE_MB', DEFAULT_SQLITE_CACHE_MB, 1, 4096),
  GRAPHQL_EXECUTOR: z.string().optional().transform((raw, ctx) => {
    const executor = (raw || 'compiled').toLowerCase();
    if (!(GRAPHQL_EXECUTORS as readonly string[]).includes(executor)) {
      ctx.addIssue({ code: 'custom', message: `GRAPHQL_EXECUTOR must be one of ${GRAPHQL_EXECUTORS.join(', ')}, got "${raw}"` });
      return z.NEVER;
    }
    return executor as GraphqlExecutor;
  }),
});

/** Reads and validates the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    production: e.NODE_ENV === 'production',
    introspection: e.INTROSPECTION,
    seedIfEmpty: e.SEED_IF_EMPTY,
    limits: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxDepth: e.MAX_QUERY_DEPTH,
      maxCost: e.MAX_QUERY_COST,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
    },
    tokens: e.DOSSIER_TOKENS,
    requireAuthForReads: e.REQUIRE_AUTH_FOR_READS,
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.CORS_ORIGINS,
    basePath: e.BASE_PATH,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    responseCacheMb: e.RESPONSE_CACHE_MB,
    readWorkers: e.READ_WORKERS,
    busyTimeoutMs: e.BUSY_TIMEOUT_MS,
    optimizeForSize: e.OPTIMIZE_FOR_SIZE,
    heapGrowthPercent: e.HEAP_GROWTH_PERCENT,
    sqliteCacheMb: e.SQLITE_CACHE_MB,
    executor: e.GRAPHQL_EXECUTOR,
  };
}
