import { stack } from '../../web/src/stack.ts';

const year = (y: number) => [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)] as const;
const day = (y: number, m: number, d: number) => [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)] as const;

test('entries that overlap go to separate rows; one that starts after a row ends reuses it', () => {
  // 2004 (a year), a day inside it, another day inside it, then 2005, which starts where 2004 ends.
  expect(stack([year(2004), day(2004, 6, 21), day(2004, 6, 28), year(2005)], 0)).toEqual([1, 2, 2, 1]);
});

test('an entry is never narrower than `least`: two days close together do not share a row', () => {
  const week = 7 * 86_400_000;
  expect(stack([day(2004, 6, 21), day(2004, 6, 24)], 0)).toEqual([1, 1]);
  expect(stack([day(2004, 6, 21), day(2004, 6, 24)], week)).toEqual([1, 2]);
  expect(stack([day(2004, 6, 21), day(2004, 6, 24), day(2004, 7, 10)], week)).toEqual([1, 2, 1]);
});
