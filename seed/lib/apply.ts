/**
 * Writes the seed rows in one transaction, as a sync: rows the seed owns (recorded in SeedRecord) are
 * created, updated where a value changed, or deleted when the annotations no longer hold them. Rows
 * that are unchanged are not touched, so a second run leaves every row (timestamps included) as it was;
 * rows added through the API are never touched, and nothing the API changed in the seed's own rows is
 * undone (the rule is in curation.ts): such differences are reported instead of applied.
 */
import { takeWriteLock, type Db, type DbTx } from '../../src/db/client.ts';
import { SEED_MODELS, type SeedRows } from './rows.ts';
import { SeedError } from './errors.ts';
import { ENTITY_TYPE, REFERENCES, SEED_ACTOR, hasForeignDependents, readCuration } from './curation.ts';
import { auditValues } from '../../src/domain/audit-values.ts';

type Row = Record<string, unknown> & { id: string };
/** The part of a Prisma model delegate the sync uses (the generated delegates differ only in types). */
interface Delegate {
  findMany(args: { where: { id: { in: string[] } } }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown>;
  deleteMany(args: { where: { id: { in: string[] } } }): Promise<{ count: number }>;
}

export type SeedCounts = Record<(typeof SEED_MODELS)[number], { created: number; updated: number; deleted: number; total: number }>;

/** A difference between the seed files and the database that the seed left alone, and why. */
export interface SeedDifference {
  /** The seed files stating the record (empty when the files no longer hold it). */
  files: string[];
  /** The record, e.g. "request maliki-2008-nato-training-equipment" or "actor scott-mcclellan, alias …". */
  record: string;
  /** The field, or null for the record as a whole. */
  field: string | null;
  /** What the seed files say (for a field: its value; for a record: "present" or "absent"). */
  seed: unknown;
  /** What the database holds. */
  current: unknown;
  reason: string;
}

export interface SeedResult {
  counts: SeedCounts;
  /** Differences not applied because the API curated the record; empty on a fresh database. */
  notApplied: SeedDifference[];
}

const CHUNK = 500;
/** Models with an optimistic-locking version column. */
const VERSIONED = new Set(['document', 'actor', 'event', 'request']);
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

function changedFields(existing: Row, desired: Row): Record<string, unknown> | null {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(desired)) {
    if ((existing[field] ?? null) !== (value ?? null)) changes[field] = value ?? null;
  }
  return Object.keys(changes).length ? changes : null;
}

export async function applyRows(db: Db, rows: SeedRows): Promise<SeedResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        await takeWriteLock(tx);
        return sync(tx, rows);
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } catch (e) {
    const err = e as { code?: string; meta?: { target?: unknown; modelName?: string }; message: string };
    if (err.code === 'P2002') {
      throw new SeedError([
        `a seed record collides with an existing record that the seed does not own (${err.meta?.modelName ?? 'unknown model'}, unique ${JSON.stringify(err.meta?.target ?? '?')}); rename one of them`,
      ]);
    }
    throw e;
  }
}

async function sync(tx: DbTx, rows: SeedRows): Promise<SeedResult> {
  const counts = {} as SeedCounts;
  const notApplied: SeedDifference[] = [];
  // The seed's own updates and deletions are audited too (as token "seed"); its creations are recorded in
  // SeedRecord instead, so a first start does not fill the log with hundreds of rows.
  const audit: { entityType: string; entityId: string; before: string | null; after: string | null }[] = [];
  const record = (model: string, id: string, before: unknown, after: unknown) => {
    const values = auditValues(ENTITY_TYPE[model as keyof typeof ENTITY_TYPE], before, after);
    if (values) audit.push({ entityType: ENTITY_TYPE[model as keyof typeof ENTITY_TYPE], entityId: id, ...values });
  };
  const delegate = (model: string) => (tx as unknown as Record<string, Delegate>)[model]!;
  const owned = new Map<string, Set<string>>(SEED_MODELS.map((m) => [m, new Set<string>()]));
  for (const r of await tx.seedRecord.findMany()) owned.get(r.model)?.add(r.rowId);
  const desiredIds = SEED_MODELS.flatMap((m) => (rows[m] as Row[]).map((r) => r.id));
  const curation = await readCuration(tx, [...new Set([...desiredIds, ...[...owned.values()].flatMap((s) => [...s])])]);
  const origin = (id: string, fallback: string) => rows.origins.get(id) ?? { files: [], record: fallback };
  const report = (id: string, fallback: string, d: Omit<SeedDifference, 'files' | 'record'>) => notApplied.push({ ...origin(id, fallback), ...d });
  const findRows = async (model: string, ids: string[]) => {
    const found = new Map<string, Row>();
    for (const part of chunks(ids)) for (const row of await delegate(model).findMany({ where: { id: { in: part } } })) found.set(row.id, row);
    return found;
  };
  const label = (model: string, row: Row | undefined, id: string) => {
    const name = [row?.slug, row?.name, row?.title].find((v) => typeof v === 'string');
    return `${model} ${name ?? id}`;
  };

  // Deletes first, children before parents, so a record moved between parents never collides.
  for (const model of [...SEED_MODELS].reverse()) {
    const desired = new Set((rows[model] as Row[]).map((r) => r.id));
    const stale = [...owned.get(model)!].filter((id) => !desired.has(id));
    const present = await findRows(model, stale);
    const deletable: string[] = [];
    const released: string[] = [];
    for (const id of stale) {
      const row = present.get(id);
      if (!row) released.push(id); // already deleted outside the seed: nothing left to do
      else if (curation.touched.has(id) || (await hasForeignDependents(tx, model, id))) {
        report(id, label(model, row, id), {
          field: null, seed: 'absent', current: 'present',
          reason: 'removed from the seed files, but kept: it was changed through the API or records added through the API depend on it',
        });
      } else deletable.push(id);
    }
    for (const id of deletable) record(model, id, present.get(id), null);
    let deleted = 0;
    for (const ids of chunks(deletable)) deleted += (await delegate(model).deleteMany({ where: { id: { in: ids } } })).count;
    for (const ids of chunks([...deletable, ...released])) await tx.seedRecord.deleteMany({ where: { model, rowId: { in: ids } } });
    for (const id of [...deletable, ...released]) owned.get(model)!.delete(id);
    counts[model] = { created: 0, updated: 0, deleted, total: desired.size };
  }

  // Rows the seed owns that are gone (deleted or merged away through the API), and rows not created
  // because they hang under one: parents come first, so this grows as the models are walked.
  const gone = new Set<string>();
  for (const model of SEED_MODELS) {
    const desired = rows[model] as Row[];
    const existing = await findRows(model, desired.map((r) => r.id));
    const create: Row[] = [];
    for (const row of desired) {
      const current = existing.get(row.id);
      if (current) continue;
      if (owned.get(model)!.has(row.id)) {
        gone.add(row.id);
        report(row.id, label(model, row, row.id), { field: null, seed: 'present', current: 'absent', reason: 'deleted or merged away through the API; not re-created' });
        continue;
      }
      const parent = (REFERENCES[model] ?? []).find((column) => typeof row[column] === 'string' && gone.has(row[column] as string));
      if (parent) {
        gone.add(row.id);
        report(row.id, label(model, row, row.id), { field: null, seed: 'present', current: 'absent', reason: `not created: its ${parent.replace(/Id$/, '')} was deleted or merged away through the API` });
        continue;
      }
      create.push(row);
    }
    for (const part of chunks(create)) await delegate(model).createMany({ data: part });
    counts[model].created = create.length;

    for (const row of desired) {
      const before = existing.get(row.id);
      const changes = before && changedFields(before, row);
      if (!changes) continue;
      const curated = curation.fields.get(row.id);
      const apply: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(changes)) {
        if (curated?.has(field)) {
          report(row.id, label(model, row, row.id), { field, seed: value, current: before[field] ?? null, reason: 'changed through the API' });
        } else apply[field] = value;
      }
      if (Object.keys(apply).length === 0) continue;
      // A seed edit is an edit like any other: editors holding the old version must reload.
      const data = VERSIONED.has(model) ? { ...apply, version: { increment: 1 } } : apply;
      await delegate(model).update({ where: { id: row.id }, data });
      record(model, row.id, before, { ...before, ...apply, ...(VERSIONED.has(model) ? { version: (before.version as number) + 1 } : {}) });
      counts[model].updated++;
    }
    const unrecorded = desired.filter((r) => !owned.get(model)!.has(r.id) && !gone.has(r.id)).map((r) => ({ model, rowId: r.id }));
    for (const part of chunks(unrecorded)) await tx.seedRecord.createMany({ data: part });
  }
  for (const part of chunks(audit)) {
    await tx.auditEntry.createMany({ data: part.map((e) => ({ ...e, actor: SEED_ACTOR, operation: 'seed' })) });
  }
  return { counts, notApplied };
}
