/**
 * Partial dates: "2004", "2004-06" or "2004-06-21", as precise as the source and no more.
 *
 * Stored as that ISO text (which sorts chronologically, a coarser date before the finer ones inside it)
 * plus its precision and, for filtering, the first and last calendar day it can mean.
 */
import { badInput } from './errors.ts';

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDate {
  /** Canonical text: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  value: string;
  precision: DatePrecision;
  /** First day it can mean, "YYYY-MM-DD". */
  min: string;
  /** Last day it can mean, "YYYY-MM-DD". */
  max: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses a partial date, or returns null with no exception (for scalars and filters to report). */
export function tryParsePartialDate(text: string): PartialDate | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2] === undefined) {
    return { value: m[1]!, precision: 'YEAR', min: `${m[1]}-01-01`, max: `${m[1]}-12-31` };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  const ym = `${m[1]}-${m[2]}`;
  if (m[3] === undefined) {
    return { value: ym, precision: 'MONTH', min: `${ym}-01`, max: `${ym}-${pad(last)}` };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  const ymd = `${ym}-${m[3]}`;
  return { value: ymd, precision: 'DAY', min: ymd, max: ymd };
}

/** Parses a partial date or raises BAD_USER_INPUT naming the field. */
export function parsePartialDate(text: string, field = 'date'): PartialDate {
  const parsed = tryParsePartialDate(text);
  if (!parsed) {
    throw badInput(
      `${field}: "${text}" is not a partial date; expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)`,
      { field },
    );
  }
  return parsed;
}

/** Builds a PartialDate back from stored columns (the value alone determines the rest). */
export function fromStored(value: string | null | undefined): PartialDate | null {
  return value == null ? null : tryParsePartialDate(value);
}

/**
 * The span a record with a start and an optional end covers, for `dateMin`/`dateMax` columns.
 * Raises BAD_USER_INPUT when the end is before the start.
 */
export function dateSpan(start: PartialDate | null, end: PartialDate | null = null) {
  if (!start && end) throw badInput('an end date needs a start date', { field: 'end' });
  if (start && end && end.max < start.min) {
    throw badInput(`end ${end.value} is before start ${start.value}`, { field: 'end' });
  }
  return { dateMin: start?.min ?? null, dateMax: (end ?? start)?.max ?? null };
}

