import { chinaMonth, monthOptions } from './report-period';

describe('report periods', () => {
  it('is a calendar month in China time, whatever the browser’s zone', () => {
    expect(chinaMonth('2026-11')).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
    expect(chinaMonth('2026-12')?.to).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaMonth('2026-13')).toBeNull();
    expect(chinaMonth('nov')).toBeNull();
  });

  it('offers the months up to the current one in China, newest first', () => {
    // 20:00 UTC on 30 November is already 1 December in Beijing.
    const keys = monthOptions(new Date('2026-11-30T20:00:00Z'), 3).map((m) => m.key);
    expect(keys).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(monthOptions(new Date('2026-01-15T00:00:00Z'), 2).map((m) => m.key)).toEqual([
      '2026-01',
      '2025-12',
    ]);
  });
});
