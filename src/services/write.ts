/**
 * What every write shares: the role check, one transaction (on any error nothing is written), the
 * audit entries recorded in that same transaction, optimistic versions, and input checks.
 */
import { createHash } from 'node:crypto';
import { takeWriteLock, type Db, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { assertRole, type Principal, type Role } from '../domain/auth.ts';
import { auditValues } from '../domain/audit-values.ts';
import { badInput, conflict, notFound } from '../domain/errors.ts';

export type Audit = (entityType: string, entityId: string, before: unknown, after: unknown) => void;

/**
 * Writes of one client, one after another, where the store needs it (dialect.queueWrites: PostgreSQL):
 * the database lock in takeWriteLock serialises writers anyway, and queueing them here keeps a burst of
 * writes from holding every pooled connection while they wait for it, and from spending their
 * transaction timeout in that queue. Across processes the database lock still orders them.
 */
const writeQueues = new WeakMap<Db, Promise<unknown>>();

function queued<T>(db: Db, run: () => Promise<T>): Promise<T> {
  if (!dialectOf(db).queueWrites) return run();
  const previous = writeQueues.get(db) ?? Promise.resolve();
  const result = previous.then(run, run);
  writeQueues.set(db, result.catch(() => undefined));
  return result;
}

/**
 * Runs `fn` in one transaction as `who` (who must hold `role`), then records what it audited.
 * Writers are serialised: queued in this process, then the transaction takes the store's write lock
 * first (src/db/client.ts), so writers in other processes queue too.
 */
export async function write<T>(
  db: Db,
  who: Principal | null,
  role: Role,
  operation: string,
  fn: (tx: DbTx, audit: Audit) => Promise<T>,
): Promise<T> {
  const principal = assertRole(who, role);
  return queued(db, () => db.$transaction(
    async (tx) => {
      await takeWriteLock(tx);
      const entries: { entityType: string; entityId: string; before: string | null; after: string | null }[] = [];
      const audit: Audit = (entityType, entityId, before, after) => {
        const values = auditValues(entityType, before, after);
        if (values) entries.push({ entityType, entityId, ...values }); // nothing changed: nothing to record
      };
      const result = await fn(tx, audit);
      if (entries.length) {
        await tx.auditEntry.createMany({ data: entries.map((e) => ({ ...e, actor: principal.name, operation })) });
      }
      return result;
    },
    { maxWait: 30_000, timeout: 30_000 },
  ));
}

type Versioned = 'document' | 'actor' | 'event' | 'request';

/**
 * Applies `data` only if the row still has `expectedVersion`, bumping the version: a stale write is a
 * CONFLICT that says what the current version is, a missing row NOT_FOUND.
 */
export async function updateVersioned<T>(
  tx: DbTx,
  model: Versioned,
  id: string,
  expectedVersion: number,
  data: Record<string, unknown>,
): Promise<{ before: T; after: T }> {
  const delegate = tx[model] as unknown as {
    findUnique(a: { where: { id: string } }): Promise<(T & { version: number }) | null>;
    updateMany(a: { where: { id: string; version: number }; data: Record<string, unknown> }): Promise<{ count: number }>;
  };
  const before = await delegate.findUnique({ where: { id } });
  if (!before) throw notFound(`No ${model} has id ${id}`, { field: 'id' });
  const stale = () => conflict(`The ${model} was changed by someone else: you expected version ${expectedVersion}, it is at version ${before.version}. Reload it and try again.`, {
    field: 'expectedVersion', currentVersion: before.version,
  });
  // An update that changes nothing keeps the version, so it does not make other editors' versions stale.
  if (Object.keys(data).length === 0) {
    if (before.version !== expectedVersion) throw stale();
    return { before, after: before };
  }
  const { count } = await delegate.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw stale();
  return { before, after: (await delegate.findUnique({ where: { id } }))! };
}

/** A required text field: trimmed, non-empty, at most `max` characters, no control characters. */
export function text(value: string, field: string, max: number): string {
  const raw = value.trim();
  if (!raw) throw badInput(`${field} must not be empty`, { field });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(raw)) throw badInput(`${field} must not contain control characters`, { field });
  if (/\p{Cs}/u.test(raw)) throw badInput(`${field} contains an unpaired UTF-16 surrogate (invalid Unicode)`, { field });
  // Counted as stored: NFC can lengthen text (U+FB2C becomes three code units).
  const v = raw.normalize('NFC');
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters as stored (NFC; got ${v.length})`, { field });
  return v;
}

/**
 * Bumps a versioned parent whose children changed (a new alias, role or response), audited like any
 * other change of the record, and returns the updated row.
 */
export async function bumpVersion<T = Record<string, unknown>>(tx: DbTx, audit: Audit, model: Versioned, entityType: string, id: string): Promise<T> {
  const delegate = tx[model] as unknown as {
    findUniqueOrThrow(a: { where: { id: string } }): Promise<Record<string, unknown>>;
    update(a: { where: { id: string }; data: { version: { increment: 1 } } }): Promise<Record<string, unknown>>;
  };
  const before = await delegate.findUniqueOrThrow({ where: { id } });
  const after = await delegate.update({ where: { id }, data: { version: { increment: 1 } } });
  audit(entityType, id, before, after);
  return after as T;
}

/** An optional text field: null/undefined stay as they are; an empty string clears it. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  return text(value, field, max);
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Latin letters and digits of a name, kebab-cased; a name with none (北约) gets a short hash instead. */
export function slugify(text: string): string {
  const latin = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return latin || `r-${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 8)}`;
}

/**
 * The slug for a new record: the one given (CONFLICT if taken), or one derived from its name with
 * -2, -3… appended until free.
 */
export async function newSlug(exists: (slug: string) => Promise<boolean>, given: string | null | undefined, from: string): Promise<string> {
  if (given != null) {
    if (!SLUG.test(given) || given.length > 80) throw badInput('slug must be kebab-case (a-z, 0-9, single hyphens), at most 80 characters', { field: 'slug' });
    if (await exists(given)) throw conflict(`The slug "${given}" is already taken`, { field: 'slug' });
    return given;
  }
  const base = slugify(from);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(candidate))) return candidate;
  }
}
