/**
 * Bearer tokens from configuration: DOSSIER_TOKENS="name:role:secret,name:role:secret". Roles are
 * `editor` (curation writes) and `admin` (also merges, deletes and the audit log). Secrets are compared
 * in constant time (as SHA-256 digests, so lengths do not leak either) and never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

import type { Principal } from '../domain/auth.ts';

interface TokenEntry extends Principal {
  digest: Buffer;
}

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

export function parseTokens(spec: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  for (const [i, part] of spec.split(',').map((p) => p.trim()).filter(Boolean).entries()) {
    const [name, role, ...rest] = part.split(':');
    const secret = rest.join(':');
    if (!name || (role !== 'editor' && role !== 'admin') || secret.length < 8) {
      // Never echo the entry: a malformed one may be a bare secret.
      throw new Error(`DOSSIER_TOKENS: entry ${i + 1} is not name:editor|admin:secret with a secret of 8+ characters`);
    }
    entries.push({ name, role, digest: digest(secret) });
  }
  return entries;
}

export type AuthResult = { principal: Principal | null } | { invalid: true };

/** Reads an `Authorization: Bearer <token>` header. No header: anonymous; a wrong token: invalid. */
export function authenticate(header: string | undefined, tokens: TokenEntry[]): AuthResult {
  if (!header) return { principal: null };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return { invalid: true };
  const given = digest(m[1]!);
  let found: TokenEntry | null = null;
  // Compare against every token, so timing does not tell which (or whether one) matched early.
  for (const t of tokens) if (timingSafeEqual(given, t.digest)) found = t;
  return found ? { principal: { name: found.name, role: found.role } } : { invalid: true };
}
