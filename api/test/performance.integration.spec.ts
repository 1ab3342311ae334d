import type { AuditEntryDocument } from '../src/audit/audit-entry';
import { COLLECTIONS } from '../src/database/collections';
import type { CircuitDocument } from '../src/database/documents';
import { binValue, binOf } from '../src/ingest/perf-histogram';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import {
  insertBucket,
  insertCircuit,
  insertCustomer,
  insertRawPoints,
  insertUser,
} from './support/factories';

interface Series {
  circuitId: string;
  interface: { deviceId: string; ifIndex: number };
  granularity: string;
  bandwidthBps: number;
  from: string;
  to: string;
  points: Array<Record<string, number | string | null>>;
}

describe('GET /circuits/{id}/performance', () => {
  let api: ApiHarness;
  let token: string;
  let circuit: CircuitDocument;
  const day = new Date('2026-11-20T00:00:00Z');
  const at = (minutes: number): Date => new Date(day.getTime() + minutes * 60_000);

  beforeAll(async () => {
    api = await startApi(`api_it_perf_${process.pid}`);
    await insertCustomer(api.db, 'bank-a');
    circuit = await insertCircuit(api.db, 'a-1', 'bank-a', ['bank-a-root'], {
      bandwidthBps: 4_000_000,
    });
    await insertRawPoints(api.db, circuit, [at(60), at(61), at(62)], 1_000_000, 3_000_000);
    // 100 one-minute samples: 1..100 Mbit/s, so p95 is 95 Mbit/s within the histogram's 2.5 %.
    const samples = Array.from({ length: 100 }, (_, i) => (i + 1) * 1_000_000);
    await insertBucket(api.db, circuit, '5m', at(0), 300, samples);
    await insertBucket(api.db, circuit, '5m', at(5), 300, [2_000_000]);
    await insertBucket(api.db, circuit, '1h', at(0), 3600, samples);
    await insertBucket(api.db, circuit, '1d', day, 86400, samples);
    await insertUser(api.db, 'bank-a.admin', 'customer-admin', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
    });
    await insertCustomer(api.db, 'bank-b');
    await insertUser(api.db, 'bank-b.admin', 'customer-admin', {
      customerId: 'bank-b',
      orgUnitId: 'bank-b-root',
    });
    token = await api.login('bank-a.admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  const series = async (from: Date, to: Date): Promise<Series> => {
    const res = await api.get(
      `/circuits/a-1/performance?from=${from.toISOString()}&to=${to.toISOString()}`,
      token,
    );
    expect(res.status).toBe(200);
    return (await res.json()) as Series;
  };

  it('reads raw points for a range up to 6 h, utilisation against the circuit bandwidth', async () => {
    const s = await series(at(0), at(6 * 60));
    expect(s).toMatchObject({
      circuitId: 'a-1',
      granularity: 'raw',
      bandwidthBps: 4_000_000,
      interface: { deviceId: circuit.aEnd.deviceId, ifIndex: 2 },
    });
    expect(s.points.map((p) => p.t)).toEqual([at(60), at(61), at(62)].map((d) => d.toISOString()));
    expect(s.points[0]).toEqual({
      t: at(60).toISOString(),
      inBps: 1_000_000,
      outBps: 3_000_000,
      inUtil: 0.25,
      outUtil: 0.75,
      inBpsMax: 1_000_000,
      outBpsMax: 3_000_000,
      inBpsP95: 1_000_000,
      outBpsP95: 3_000_000,
      errorsPerSec: 0.75,
      discardsPerSec: 1,
    });
  });

  it('reads 5-minute buckets up to 3 days, with max and histogram p95', async () => {
    // `from` inside the first bucket: that bucket still counts.
    const s = await series(at(2), at(24 * 60));
    expect(s.granularity).toBe('5m');
    expect(s.points.map((p) => p.t)).toEqual([at(0).toISOString(), at(5).toISOString()]);
    const [first] = s.points;
    expect(first!.inBps).toBeCloseTo(50_500_000);
    expect(first!.inBpsMax).toBe(100_000_000);
    expect(first!.inBpsP95).toBe(binValue(binOf(95_000_000)));
    expect(Math.abs((first!.inBpsP95 as number) / 95_000_000 - 1)).toBeLessThan(0.025);
    expect(first!.errorsPerSec).toBeCloseTo(2);
  });

  it('reads hourly buckets up to 60 days and daily ones beyond', async () => {
    expect((await series(day, new Date(day.getTime() + 10 * 86_400_000))).granularity).toBe('1h');
    const daily = await series(
      new Date(day.getTime() - 100 * 86_400_000),
      new Date(day.getTime() + 86_400_000),
    );
    expect(daily.granularity).toBe('1d');
    expect(daily.points).toHaveLength(1);
    expect(daily.points[0]!.t).toBe(day.toISOString());
  });

  it('defaults to the last 24 hours', async () => {
    const res = await api.get('/circuits/a-1/performance', token);
    const s = (await res.json()) as Series;
    expect(s.granularity).toBe('5m');
    expect(new Date(s.to).getTime() - new Date(s.from).getTime()).toBe(86_400_000);
  });

  it('exports the series as CSV: header with units, UTC ISO times, one row per point, audited', async () => {
    const from = at(2).toISOString();
    const to = at(24 * 60).toISOString();
    const res = await api.get(`/circuits/a-1/performance.csv?from=${from}&to=${to}`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="performance-a-1-5m-2026-11-20T00-02-00.000Z-2026-11-21T00-00-00.000Z.csv"',
    );
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(
      'time_utc,in_bps,out_bps,in_util_ratio,out_util_ratio,in_max_bps,out_max_bps,in_p95_bps,out_p95_bps,errors_per_s,discards_per_s',
    );
    const p95 = binValue(binOf(95_000_000));
    expect(lines[1]).toBe(
      `2026-11-20T00:00:00.000Z,50500000,50500000,12.625,12.625,100000000,100000000,${p95},${p95},2,0`,
    );
    expect(lines[2]).toMatch(/^2026-11-20T00:05:00.000Z,2000000,2000000,0.5,0.5,2000000,2000000,/);
    expect(lines).toHaveLength(4);

    const audit = await api.db
      .collection<AuditEntryDocument>(COLLECTIONS.auditLog)
      .find({ action: 'performance.export' })
      .toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorName: 'bank-a.admin',
      customerId: 'bank-a',
      targetType: 'circuit',
      targetId: 'a-1',
      outcome: 'success',
    });
  });

  it('answers 404 for a circuit outside the scope, CSV or not, and exports nothing', async () => {
    const other = await api.login('bank-b.admin');
    for (const path of ['/circuits/a-1/performance', '/circuits/a-1/performance.csv']) {
      const res = await api.get(path, other);
      expect(res.status).toBe(404);
      await problemOf(res);
    }
    const audit = await api.db
      .collection<AuditEntryDocument>(COLLECTIONS.auditLog)
      .countDocuments({ action: 'performance.export', actorName: 'bank-b.admin' });
    expect(audit).toBe(0);
  });
});
