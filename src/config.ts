/**
 * Runtime configuration, read from the environment once. Every knob is documented in README.md
 * ("Configuration").
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The SQLite file a `file:` URL names, as an absolute path. Relative paths are taken from the project
 * root, not the shell's cwd, so the CLI, the server and jest agree; a query string is dropped, as Prisma does.
 */
export function databaseFile(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  const location = url.slice('file:'.length).split('?')[0] ?? '';
  if (location === '') throw new Error(`DATABASE_URL "${url}" names no file`);
  if (location === ':memory:') return location;
  // file:///abs/path is a proper file URL; file:./x and file:/abs are Prisma's looser form.
  if (location.startsWith('//')) return fileURLToPath(`file:${location}`);
  return path.resolve(projectRoot, location);
}

export const DEFAULT_DATABASE_URL = 'file:./data/dossier.db';

/** DATABASE_URL (or the default) with its file made absolute. */
export function resolveDatabaseUrl(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  return `file:${databaseFile(url)}`;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function boolFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

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
  /** Require a token for reads too. */
  requireAuthForReads: boolean;
  logLevel: 'silent' | 'info' | 'debug';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['silent', 'info', 'debug'].includes(logLevel)) throw new Error(`LOG_LEVEL must be silent, info or debug`);
  return {
    port: intFromEnv(env, 'PORT', 4000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: resolveDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL),
    production,
    introspection: boolFromEnv(env, 'INTROSPECTION', true),
    seedIfEmpty: boolFromEnv(env, 'SEED_IF_EMPTY', true),
    limits: {
      maxBodyBytes: intFromEnv(env, 'MAX_BODY_BYTES', 1_000_000),
      maxDepth: intFromEnv(env, 'MAX_QUERY_DEPTH', 15),
      maxCost: intFromEnv(env, 'MAX_QUERY_COST', 25_000),
      maxAliases: intFromEnv(env, 'MAX_ALIASES', 30),
      maxTokens: intFromEnv(env, 'MAX_TOKENS', 5_000),
    },
    tokens: env.DOSSIER_TOKENS ?? '',
    requireAuthForReads: boolFromEnv(env, 'REQUIRE_AUTH_FOR_READS', false),
    logLevel,
  };
}
