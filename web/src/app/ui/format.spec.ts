import { formatBps, formatDuration, formatPercent, formatRelative } from './format';

describe('formatting', () => {
  it('writes bit rates with the unit that fits', () => {
    expect(formatBps(0, 'en')).toBe('0 b/s');
    expect(formatBps(2_500_000, 'en')).toBe('2.5 Mb/s');
    expect(formatBps(155_000_000, 'zh-CN')).toBe('155 Mb/s');
    expect(formatBps(10e9, 'en')).toBe('10 Gb/s');
    expect(formatBps(null, 'en')).toBe('—');
  });

  it('writes availability with three decimals', () => {
    expect(formatPercent(0.99987, 'en', 3)).toBe('99.987%');
    expect(formatPercent(1, 'zh-CN', 3)).toBe('100.000%');
  });

  it('writes durations in their two largest units, in both languages', () => {
    expect(formatDuration(7500, 'zh-CN')).toBe('2 小时 5 分');
    expect(formatDuration(7500, 'en')).toBe('2 h 5 min');
    expect(formatDuration(90061, 'en')).toBe('1 d 1 h');
    expect(formatDuration(0, 'zh-CN')).toBe('0 秒');
    expect(formatDuration(3600, 'en')).toBe('1 h');
  });

  it('says how long ago', () => {
    const now = Date.parse('2030-01-01T12:00:00Z');
    expect(formatRelative('2030-01-01T11:57:00Z', 'en', now)).toBe('3 min. ago');
    expect(formatRelative('2030-01-01T11:57:00Z', 'zh-CN', now)).toBe('3分钟前');
  });
});
