import { resolveQuote, spanAt } from './spans.ts';

const body = 'NATO met. Then NATO left — “NATO”.';

describe('evidence spans', () => {
  it('resolves a unique quote to offsets whose slice is the quote', () => {
    const r = resolveQuote(body, 'Then NATO left');
    expect(r).toEqual({ ok: true, span: { start: 10, end: 24, quote: 'Then NATO left' } });
  });

  it('refuses a missing, empty or ambiguous quote, and accepts an explicit occurrence', () => {
    expect(resolveQuote(body, 'Brussels')).toMatchObject({ ok: false, reason: 'missing' });
    expect(resolveQuote(body, '  ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(resolveQuote(body, 'NATO')).toMatchObject({ ok: false, reason: 'ambiguous', count: 3 });
    const third = resolveQuote(body, 'NATO', 3);
    expect(third.ok && body.slice(third.span.start, third.span.end)).toBe('NATO');
    expect(third.ok && third.span.start).toBe(28);
    expect(resolveQuote(body, 'NATO', 4)).toMatchObject({ ok: false, reason: 'no-such-occurrence' });
    expect(resolveQuote(body, 'NATO', 0)).toMatchObject({ ok: false, reason: 'bad-occurrence' });
  });

  it('validates explicit spans against the body', () => {
    expect(spanAt(body, 0, 4).quote).toBe('NATO');
    for (const [s, e] of [[-1, 2], [4, 4], [5, 2], [0, body.length + 1], [0.5, 2]]) {
      expect(() => spanAt(body, s!, e!)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});
