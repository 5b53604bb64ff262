/** Helpers turning API filter values into Prisma conditions, with BAD_USER_INPUT on bad values. */
import { parsePartialDate } from '../domain/partial-date.ts';
import { badInput } from '../domain/errors.ts';

/**
 * Conditions for records whose [min, max] day range overlaps [from, to]: a record dated "2004-06"
 * matches from "2004-06-21". Undated records never match a date filter.
 */
export function dateRange(minField: string, maxField: string, from?: string | null, to?: string | null) {
  const f = from != null ? parsePartialDate(from, 'from') : null;
  const t = to != null ? parsePartialDate(to, 'to') : null;
  if (f && t && t.max < f.min) throw badInput(`to (${t.value}) is before from (${f.value})`, { field: 'to' });
  const conditions: Record<string, unknown>[] = [];
  if (f) conditions.push({ [maxField]: { gte: f.min } });
  if (t) conditions.push({ [minField]: { lte: t.max } });
  return conditions;
}

/** Trims a free-text filter and rejects empty or oversized ones. */
export function textFilter(value: string, field: string, max = 200): string {
  const v = value.trim();
  if (!v) throw badInput(`${field} must not be empty`, { field });
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  return v;
}
