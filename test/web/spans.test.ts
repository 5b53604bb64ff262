import { segments } from '../../web/src/spans.ts';

const text = 'asking for training, but not troops.';
const span = (id: string, quote: string) => ({ id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

test('overlapping spans cut the text into segments, each listing every span covering it', () => {
  const whole = span('request', 'asking for training, but not troops');
  const troops = span('item', 'but not troops');
  const segs = segments(text, [whole, troops]);
  expect(segs.map((s) => s.text).join('')).toBe(text);
  expect(segs.map((s) => [s.text, s.spans.map((x) => x.id)])).toEqual([
    ['asking for training, ', ['request']],
    ['but not troops', ['request', 'item']],
    ['.', []],
  ]);
});

test('spans outside the text or empty are ignored rather than breaking the text', () => {
  const segs = segments(text, [{ id: 'bad', start: 5, end: 500 }, { id: 'empty', start: 3, end: 3 }]);
  expect(segs.map((s) => s.text).join('')).toBe(text);
  expect(segs.every((s) => s.spans.length === 0)).toBe(true);
});
