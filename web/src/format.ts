/** Display helpers: enum values and partial dates in words, at the precision the source gives. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const words = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

/** "2004", "June 2004" or "21 June 2004": never more precise than the source. */
export function partialDate(date: string | null | undefined): string {
  if (!date) return 'date unknown';
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The interval a partial date covers, in ms since the epoch: a year or month is drawn whole. */
export function dateRange(date: string): [number, number] {
  const [y = 1970, m, d] = date.split('-').map(Number);
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
}

export const REQUEST_STATUSES = ['PENDING', 'UNDER_CONSIDERATION', 'ACCEPTED', 'PARTIALLY_ACCEPTED', 'DECLINED', 'FULFILLED', 'UNKNOWN'] as const;
export const ITEM_CATEGORIES = ['TRAINING', 'EQUIPMENT', 'TECHNICAL_ASSISTANCE', 'TROOPS', 'FUNDING', 'MISSION', 'ADVICE', 'OTHER'] as const;
