import { formatAge, formatBps, formatDateTime, formatMinutes, maskContact } from './format';

describe('format', () => {
  const now = Date.parse('2030-06-01T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('says how old data is in both languages', () => {
    expect(formatAge(ago(20_000), 'zh-CN', now)).toBe('刚刚');
    expect(formatAge(ago(12 * 60_000), 'en', now)).toBe('12 minutes ago');
    expect(formatAge(ago(12 * 60_000), 'zh-CN', now)).toBe('12分钟前');
    expect(formatAge(ago(3 * 3_600_000), 'en', now)).toBe('3 hours ago');
    expect(formatAge(null, 'en', now)).toBe('—');
  });

  it('writes times in China time', () => {
    expect(formatDateTime('2030-06-01T12:00:00Z', 'en')).toBe('01/06/2030, 20:00');
    expect(formatDateTime('2030-06-01T12:00:00Z', 'zh-CN')).toBe('2030/06/01 20:00');
  });

  it('writes SLA minutes and rates', () => {
    expect(formatMinutes(65, 'en')).toBe('1 h 05 min');
    expect(formatMinutes(-7, 'zh-CN')).toBe('7 分钟');
    expect(formatBps(9_600_000)).toBe('9.6 Mb/s');
    expect(formatBps(120_000_000)).toBe('120 Mb/s');
    expect(formatBps(512)).toBe('512 b/s');
  });

  it('masks contacts that the role must not read in full', () => {
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('wang@bank-a.cn')).toBe('w***@bank-a.cn');
    expect(maskContact('138****5678')).toBe('138****5678');
    expect(maskContact(null)).toBe('—');
  });
});
