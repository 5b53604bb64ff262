import { dateSpan, parsePartialDate, tryParsePartialDate } from './partial-date.ts';

describe('partial dates', () => {
  it('parses each precision with the first and last day it can mean', () => {
    expect(tryParsePartialDate('2004')).toEqual({ value: '2004', precision: 'YEAR', min: '2004-01-01', max: '2004-12-31' });
    expect(tryParsePartialDate('2008-02')).toEqual({ value: '2008-02', precision: 'MONTH', min: '2008-02-01', max: '2008-02-29' });
    expect(tryParsePartialDate('2005-02')!.max).toBe('2005-02-28');
    expect(tryParsePartialDate('2004-06-21')).toEqual({ value: '2004-06-21', precision: 'DAY', min: '2004-06-21', max: '2004-06-21' });
  });

  it.each(['', '04', '2004-6', '2004-13', '2004-02-30', '2005-02-29', 'June 2004', '2004-06-21T00:00', '0000'])('refuses %p', (text) => {
    expect(tryParsePartialDate(text)).toBeNull();
    expect(() => parsePartialDate(text, 'date')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('sorts as text in chronological order, a coarser date before the finer ones inside it', () => {
    expect(['2004-06-21', '2005', '2004', '2004-06'].sort()).toEqual(['2004', '2004-06', '2004-06-21', '2005']);
  });

  it('spans a start and an end, and refuses an end before the start', () => {
    expect(dateSpan(parsePartialDate('2004-06-28'), parsePartialDate('2004-06-29'))).toEqual({ dateMin: '2004-06-28', dateMax: '2004-06-29' });
    expect(dateSpan(parsePartialDate('2004-06'))).toEqual({ dateMin: '2004-06-01', dateMax: '2004-06-30' });
    expect(() => dateSpan(parsePartialDate('2005'), parsePartialDate('2004'))).toThrow(/before start/);
  });

});
