import { type CircuitHealth, inspectionFindings } from './inspection-findings';

const NOW = Date.UTC(2026, 10, 20, 12, 0);
const period = { from: new Date(NOW - 7 * 86_400_000), to: new Date(NOW) };
const healthy = (id: string, extra: Partial<CircuitHealth> = {}): CircuitHealth => ({
  circuitId: id,
  circuitName: id,
  deviceId: `cpe-${id}`,
  lastPolledAt: new Date(NOW - 60_000),
  pollIntervalSec: 60,
  restartedAt: new Date(NOW - 100 * 86_400_000),
  linkDowns: 0,
  errorsPerSec: 0,
  discardsPerSec: 0,
  p95Util: 0.3,
  slaBreached: false,
  availability: 1,
  ...extra,
});

describe('inspectionFindings', () => {
  it('finds nothing on healthy circuits', () => {
    expect(
      inspectionFindings([healthy('a'), healthy('b')], period, { upgradeThreshold: 0.8 }, 'en'),
    ).toEqual([]);
  });

  it('ranks critical before major before minor, the worst excess first, each with an action', () => {
    const findings = inspectionFindings(
      [
        healthy('c1', { p95Util: 0.85 }),
        healthy('c2', { lastPolledAt: new Date(NOW - 3600_000) }),
        healthy('c3', { linkDowns: 4, errorsPerSec: 0.05 }),
        healthy('c4', { restartedAt: new Date(NOW - 86_400_000) }),
        healthy('c5', { p95Util: 0.97, slaBreached: true, availability: 0.998 }),
        healthy('c6', { lastPolledAt: null }),
      ],
      period,
      { upgradeThreshold: 0.8 },
      'zh-CN',
    );
    expect(findings.map((f) => `${f.rank} ${f.severity} ${f.kind} ${f.circuitId}`)).toEqual([
      '1 critical no-recent-samples c6',
      '2 critical no-recent-samples c2',
      '3 critical long-high-utilisation c5',
      '4 critical sla-breached c5',
      '5 major flapping c3',
      '6 major long-high-utilisation c1',
      '7 minor high-error-rate c3',
      '8 minor device-rebooted c4',
    ]);
    expect(findings[1]!.detail).toBe('长时间未采集到性能数据: 60 min');
    expect(findings.every((f) => f.action.length > 0)).toBe(true);
  });
});
