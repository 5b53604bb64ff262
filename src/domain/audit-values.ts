/**
 * What an audit row stores: what changed, not whole records. A creation stores the new row, an update
 * only the fields that changed (their old values in `before`, new ones in `after`), a deletion the whole
 * row (so it can be restored from the log). Columns that can be derived are left out: an evidence span's
 * quote (the body sliced at its offsets) and a new document's body (kept by the document itself and
 * named by its contentHash; a later change or deletion of the body is recorded in full).
 */
type Row = Record<string, unknown>;

const DERIVED_ON_CREATE: Record<string, readonly string[]> = { Evidence: ['quote'], Document: ['body'] };
const DERIVED_ALWAYS: Record<string, readonly string[]> = { Evidence: ['quote'] };

const json = (value: unknown) => JSON.stringify(value ?? null);

function without(row: Row, fields: readonly string[] | undefined): Row {
  if (!fields?.length) return row;
  return Object.fromEntries(Object.entries(row).filter(([k]) => !fields.includes(k)));
}

/** The JSON texts to store for a change of one record, or null when nothing changed. */
export function auditValues(entityType: string, before: unknown, after: unknown): { before: string | null; after: string | null } | null {
  const b = before == null ? null : (before as Row);
  const a = after == null ? null : (after as Row);
  if (b === null && a === null) return null;
  if (b === null) return { before: null, after: JSON.stringify(without(a!, DERIVED_ON_CREATE[entityType])) };
  if (a === null) return { before: JSON.stringify(without(b, DERIVED_ALWAYS[entityType])), after: null };
  const from: Row = {};
  const to: Row = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (DERIVED_ALWAYS[entityType]?.includes(key)) continue;
    if (json(b[key]) === json(a[key])) continue;
    from[key] = b[key] ?? null;
    to[key] = a[key] ?? null;
  }
  // Only a timestamp moved (a no-op write): nothing to record.
  if (Object.keys(to).every((k) => k === 'updatedAt')) return null;
  return { before: JSON.stringify(from), after: JSON.stringify(to) };
}
