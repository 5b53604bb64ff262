/**
 * Writes the seed rows in one transaction, as a sync: rows the seed owns (recorded in SeedRecord) are
 * created, updated where a value changed, or deleted when the annotations no longer hold them. Rows
 * that are unchanged are not touched, so a second run leaves every row (timestamps included) as it was;
 * rows added through the API are never touched.
 */
import type { Db } from '../../src/db/client.ts';
import { SEED_MODELS, type SeedRows } from './rows.ts';
import { SeedError } from './errors.ts';

type Row = Record<string, unknown> & { id: string };
/** The part of a Prisma model delegate the sync uses (the generated delegates differ only in types). */
interface Delegate {
  findMany(args: { where: { id: { in: string[] } } }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown>;
  deleteMany(args: { where: { id: { in: string[] } } }): Promise<{ count: number }>;
}

export type SeedCounts = Record<(typeof SEED_MODELS)[number], { created: number; updated: number; deleted: number; total: number }>;

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

export async function applyRows(db: Db, rows: SeedRows): Promise<SeedCounts> {
  try {
    return await db.$transaction(
      async (tx) => {
        const counts = {} as SeedCounts;
        const delegate = (model: string) => (tx as unknown as Record<string, Delegate>)[model]!;
        const owned = new Map<string, Set<string>>();
        for (const r of await tx.seedRecord.findMany()) {
          if (!owned.has(r.model)) owned.set(r.model, new Set());
          owned.get(r.model)!.add(r.rowId);
        }
        // Deletes first, children before parents, so a record moved between parents never collides.
        for (const model of [...SEED_MODELS].reverse()) {
          const desired = new Set((rows[model] as Row[]).map((r) => r.id));
          const stale = [...(owned.get(model) ?? [])].filter((id) => !desired.has(id));
          let deleted = 0;
          for (const ids of chunks(stale)) deleted += (await delegate(model).deleteMany({ where: { id: { in: ids } } })).count;
          for (const ids of chunks(stale)) await tx.seedRecord.deleteMany({ where: { model, rowId: { in: ids } } });
          counts[model] = { created: 0, updated: 0, deleted, total: desired.size };
        }
        for (const model of SEED_MODELS) {
          const desired = rows[model] as Row[];
          const existing = new Map<string, Row>();
          for (const ids of chunks(desired.map((r) => r.id))) {
            for (const row of await delegate(model).findMany({ where: { id: { in: ids } } })) existing.set(row.id, row);
          }
          const missing = desired.filter((r) => !existing.has(r.id));
          for (const part of chunks(missing)) await delegate(model).createMany({ data: part });
          counts[model].created = missing.length;
          for (const row of desired) {
            const before = existing.get(row.id);
            const changes = before && changedFields(before, row);
            if (!changes) continue;
            // A seed edit is an edit like any other: editors holding the old version must reload.
            const data = VERSIONED.has(model) ? { ...changes, version: { increment: 1 } } : changes;
            await delegate(model).update({ where: { id: row.id }, data });
            counts[model].updated++;
          }
          const unrecorded = desired.filter((r) => !owned.get(model)?.has(r.id)).map((r) => ({ model, rowId: r.id }));
          for (const part of chunks(unrecorded)) await tx.seedRecord.createMany({ data: part });
        }
        return counts;
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
