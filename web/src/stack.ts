/** Laying out a timeline lane. */

/**
 * The row (1, 2, …) of each interval in a lane: the first row where it overlaps nothing drawn before it,
 * so entries of one lane never cover each other (a year-wide entry would hide the days within it).
 * `least` is the narrowest an entry is drawn (a day is a few pixels wide, wider than its time).
 */
export function stack(intervals: readonly (readonly [number, number])[], least: number): number[] {
  const ends: number[] = [];
  return intervals.map(([s, t]) => {
    let row = ends.findIndex((end) => end <= s);
    if (row < 0) row = ends.push(0) - 1;
    ends[row] = Math.max(t, s + least);
    return row + 1;
  });
}
