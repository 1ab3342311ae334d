import ExcelJS from 'exceljs';

import { COLLECTIONS } from '../src/database/collections';
import type { MaintenanceWindowDocument, PerfBucketDocument } from '../src/database/documents';
import { binKey, binOf, binValue } from '../src/ingest/perf-histogram';
import type { TicketDocument } from '../src/tickets/ticket.document';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertAlarm, insertCircuit, insertCustomer, insertUser } from './support/factories';
import { isPng, pdfPages, pdfText } from './support/pdf-tools';
import { eventually, ticketDocument } from './support/ticket-fixtures';

const H = 3_600_000;
const MIN = 60_000;

interface Report {
  id: string;
  state: string;
  progress: number;
  stage: string;
  pdfAvailable: boolean;
  error: string | null;
  vip: {
    summary: {
      circuits: number;
      meanAvailability: number;
      breachingSla: number;
      incidents: number;
      mttrMinutes: number;
      restoreCompliance: number;
      upgradeCandidates: number;
    };
    availability: Array<{
      circuitId: string;
      availability: number;
      unplannedDownSeconds: number;
      plannedDownSeconds: number;
      sla: string;
      downIntervals: Array<{ from: string; to: string; seconds: number }>;
    }>;
    incidents: Array<{
      ticketId: string;
      repairMinutes: number;
      cause: string | null;
      location: string | null;
    }>;
    utilisation: Array<{
      circuitId: string;
      samples: number;
      inP95Bps: number;
      p95Util: number;
      maxUtil: number;
      upgradeToBps: number | null;
    }>;
    trend: Array<{ label: string }>;
  } | null;
}

/**
 * A VIP report over the last two full days (UTC), through the real queue (bull on Redis),
 * checked against figures worked out by hand:
 *  - c1 (gold, target 99.95 %): a down alarm D+1h00m00s → D+1h30m15s (1815 s), an approved
 *    maintenance window D+1h20m → D+2h excuses 615 s of it: unplanned 1200 s of 172 800 s.
 *  - c1's A-end: 240 samples at 8.5 Mbit/s on 10 Mbit/s on day 1, and 10 samples at
 *    9.9 Mbit/s on day 2: 250 samples, nearest-rank p95 = rank ⌈0.95 × 250⌉ = 238, one of the 240
 *    at 8.5 Mbit/s (85 % ≥ 80 %): upgrade to 20 Mbit/s; the peak 9.9 Mbit/s is the max.
 *  - tickets: repairs of 90 and 30 minutes (one restored late): MTTR 60 min, 50 % in SLA.
 */
describe('reports: VIP report job end to end', () => {
  let api: ApiHarness;
  let am: string;
  let otherAm: string;
  let viewer: string;
  const now = new Date();
  const day0 = Math.floor(now.getTime() / (24 * H)) * 24 * H - 2 * 24 * H;
  const from = new Date(day0);
  const to = new Date(day0 + 48 * H);

  beforeAll(async () => {
    api = await startApi(`api_it_reports_${process.pid}`);
    await insertCustomer(api.db, 'bank-r', { 'bank-r-wh': 'bank-r-root' });
    await insertCustomer(api.db, 'bank-s');
    await insertUser(api.db, 'am.r', 'account-manager', { assignedCustomerIds: ['bank-r'] });
    await insertUser(api.db, 'am.s', 'account-manager', { assignedCustomerIds: ['bank-s'] });
    await insertUser(api.db, 'view.r', 'customer-viewer', {
      customerId: 'bank-r',
      orgUnitId: 'bank-r-wh',
    });
    const c1 = await insertCircuit(api.db, 'r-c1', 'bank-r', ['bank-r-root', 'bank-r-wh']);
    await insertCircuit(api.db, 'r-c2', 'bank-r', ['bank-r-root'], {
      aEnd: { siteId: 'site-r-c2-a', deviceId: 'cpe-r-c2', mgmtIp: '127.20.0.11', ifIndex: 2 },
    });
    await insertCircuit(api.db, 's-c1', 'bank-s', ['bank-s-root'], {
      aEnd: { siteId: 'site-s-c1-a', deviceId: 'cpe-s-c1', mgmtIp: '127.20.0.12', ifIndex: 2 },
    });
    await insertAlarm(api.db, 'al-r-1', ['bank-r'], ['r-c1'], {
      state: 'cleared',
      serviceImpact: 'down',
      alarmRaisedTime: new Date(day0 + H),
      alarmChangedTime: new Date(day0 + H),
      alarmClearedTime: new Date(day0 + H + 30 * MIN + 15_000),
      probableCause: 'linkDown',
    });
    const window: MaintenanceWindowDocument = {
      _id: 'mw-r-1',
      title: 'PE upgrade',
      description: '',
      elementIds: ['pe-shared-1'],
      linkIds: [],
      start: new Date(day0 + H + 20 * MIN),
      end: new Date(day0 + 2 * H),
      status: 'approved',
      circuitIds: ['r-c1'],
      customerIds: ['bank-r'],
      orgUnitIds: ['bank-r-root', 'bank-r-wh'],
      createdBy: 'planner',
      createdAt: from,
      approvedBy: 'approver',
      approvedAt: from,
      cancelledBy: null,
      cancelledAt: null,
    };
    await api.db
      .collection<MaintenanceWindowDocument>(COLLECTIONS.maintenanceWindows)
      .insertOne(window);
    const bucket = (start: number, value: number, count: number): PerfBucketDocument => {
      const hist = { [binKey(binOf(value))]: count };
      const stats = { sumBps: value * count, maxBps: value, hist };
      return {
        _id: `${c1.aEnd.deviceId}:${c1.aEnd.ifIndex}|1h|${new Date(start).toISOString()}`,
        deviceId: c1.aEnd.deviceId,
        ifIndex: c1.aEnd.ifIndex,
        granularity: '1h',
        start: new Date(start),
        count,
        in: stats,
        out: { sumBps: 1e6 * count, maxBps: 1e6, hist: { [binKey(binOf(1e6))]: count } },
        errorsSum: 0,
        discardsSum: 0,
        downSamples: 0,
        speedBps: 1e7,
        lastSampleAt: new Date(start + H - MIN),
      };
    };
    // As the ingestion folds each sample into all three granularities: day buckets for
    // both days, and hour buckets inside them that the cover must NOT count again.
    const dayBucket = (start: number, value: number, count: number): PerfBucketDocument => ({
      ...bucket(start, value, count),
      _id: `cpe-r-c1:2|1d|${new Date(start).toISOString()}`,
      granularity: '1d',
    });
    await api.db
      .collection<PerfBucketDocument>(COLLECTIONS.perfBuckets)
      .insertMany([
        dayBucket(day0, 8.5e6, 240),
        bucket(day0 + 3 * H, 8.5e6, 10),
        dayBucket(day0 + 24 * H, 9.9e6, 10),
        bucket(day0 + 24 * H, 9.9e6, 10),
      ]);
    await api.db.collection<TicketDocument>(COLLECTIONS.tickets).insertMany([
      ticketDocument(
        {
          _id: 'TT-r-1',
          customerId: 'bank-r',
          orgUnitIds: ['bank-r-root', 'bank-r-wh'],
          circuitIds: ['r-c1'],
          name: 'r-c1 down',
          status: 'closed',
          creationDate: new Date(day0 + H),
          resolutionDate: new Date(day0 + H + 90 * MIN),
          rootCauseAlarmId: 'al-r-1',
          result: {
            mttrMinutes: 90,
            restoreMinutes: 75,
            responseMet: true,
            restoreMet: true,
            reopenCount: 0,
            autoClosed: false,
            confirmedBy: null,
            closedAt: null,
          },
        },
        new Date(day0 + H),
      ),
      ticketDocument(
        {
          _id: 'TT-r-2',
          customerId: 'bank-r',
          orgUnitIds: ['bank-r-root'],
          circuitIds: ['r-c2'],
          name: 'r-c2 slow',
          status: 'resolved',
          impact: 'degraded',
          creationDate: new Date(day0 + 30 * H),
          fieldReport: { arrivedAt: null, causeCode: 'fibre-bend', fixCode: null, progress: [] },
          result: {
            mttrMinutes: 30,
            restoreMinutes: 30,
            responseMet: false,
            restoreMet: false,
            reopenCount: 0,
            autoClosed: false,
            confirmedBy: null,
            closedAt: null,
          },
        },
        new Date(day0 + 30 * H),
      ),
      ticketDocument(
        {
          _id: 'TT-s-1',
          customerId: 'bank-s',
          orgUnitIds: ['bank-s-root'],
          circuitIds: ['s-c1'],
          name: 's-c1 down',
          creationDate: new Date(day0 + 2 * H),
        },
        new Date(day0 + 2 * H),
      ),
    ]);
    am = await api.login('am.r');
    otherAm = await api.login('am.s');
    viewer = await api.login('view.r');
  });

  afterAll(async () => {
    await api?.close();
  });

  const post = (token: string, body: unknown): Promise<Response> =>
    fetch(`${api.baseUrl}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  /**
   * The report's state; null when the request did not get through: the job renders the
   * PDF in this process, and a keep-alive connection closed by the server just as the
   * next poll reuses it is reset (a retry, not a failure).
   */
  const poll = async (id: string): Promise<Report | null> => {
    try {
      return (await (await api.get(`/reports/${id}`, am)).json()) as Report;
    } catch {
      return null;
    }
  };

  it('makes the report on the queue; the figures match the hand-computed ones; the PDF renders and reads', async () => {
    const res = await post(am, {
      customerId: 'bank-r',
      kind: 'vip',
      from: from.toISOString(),
      to: to.toISOString(),
      language: 'zh-CN',
    });
    expect(res.status).toBe(202);
    const queued = (await res.json()) as Report;
    expect(['queued', 'running', 'done']).toContain(queued.state);

    const seenProgress = new Set<number>();
    const done = await eventually(
      async () => {
        const r = await poll(queued.id);
        if (!r) return null;
        seenProgress.add(r.progress);
        if (r.state === 'failed') throw new Error(`report failed: ${r.error}`);
        return r.state === 'done' ? r : null;
      },
      90_000,
      300,
    );
    expect(done.pdfAvailable).toBe(true);
    expect([...seenProgress].some((p) => p === 100)).toBe(true);

    const vip = done.vip!;
    const c1 = vip.availability.find((a) => a.circuitId === 'r-c1')!;
    expect(c1.unplannedDownSeconds).toBe(1200);
    expect(c1.plannedDownSeconds).toBe(615);
    expect(c1.availability).toBeCloseTo(1 - 1200 / 172_800, 12);
    expect(c1.sla).toBe('breached'); // 99.95 % allows 86.4 s over two days
    expect(c1.downIntervals).toEqual([
      {
        from: new Date(day0 + H).toISOString(),
        to: new Date(day0 + H + 20 * MIN).toISOString(),
        seconds: 1200,
      },
    ]);
    expect(vip.availability[0]!.circuitId).toBe('r-c1'); // worst first
    expect(vip.summary.circuits).toBe(2);
    expect(vip.summary.breachingSla).toBe(1);

    const u1 = vip.utilisation.find((u) => u.circuitId === 'r-c1')!;
    expect(u1.samples).toBe(250); // the two day buckets; the hours inside them not twice
    expect(u1.inP95Bps).toBe(binValue(binOf(8.5e6)));
    expect(Math.abs(u1.inP95Bps / 8.5e6 - 1)).toBeLessThan(0.025);
    expect(u1.maxUtil).toBeCloseTo(0.99, 12);
    expect(u1.upgradeToBps).toBe(20e6);
    expect(vip.summary.upgradeCandidates).toBe(1);
    const u2 = vip.utilisation.find((u) => u.circuitId === 'r-c2')!;
    expect(u2.samples).toBe(0);
    expect(u2.p95Util).toBeNull();

    expect(vip.summary.incidents).toBe(2);
    expect(vip.summary.mttrMinutes).toBe(60);
    expect(vip.summary.restoreCompliance).toBe(0.5);
    expect(vip.incidents.map((i) => [i.ticketId, i.repairMinutes, i.cause, i.location])).toEqual([
      ['TT-r-1', 90, 'linkDown', 'PE-1 Gi0/0/7'],
      ['TT-r-2', 30, 'fibre-bend', null],
    ]);
    expect(vip.trend).toHaveLength(4);

    const pdfRes = await api.get(`/reports/${queued.id}/pdf`, am);
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await pdfRes.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('VIP 客户服务质量报告');
    expect(text).toContain('bank-r'); // the customer's name in the factory is its id
    expect(text).toContain('r-c1');
    expect(text).toContain('99.306%'); // 1 − 1200/172800
    expect(text).toContain('20分0秒'); // the down interval, to the second
    expect(text).toContain('TT-r-1');
    expect(text).toContain('fibre-bend');
    expect(text).toMatch(/第\s*2\s*页\s*\/\s*共\s*\d+\s*页/);
    expect(text).not.toContain('s-c1');
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages.every(isPng)).toBe(true);
    // The chart pages carry images: much larger than a page of text only.
    const sizes = pages.map((p) => p.length);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * Math.min(...sizes));

    const audit = await api.db
      .collection(COLLECTIONS.auditLog)
      .find({ targetId: queued.id })
      .toArray();
    expect(audit.map((a) => String(a.action)).sort()).toEqual(['report.export', 'report.request']);
  }, 150_000);

  it('English PDFs read in English', async () => {
    const res = await post(am, {
      customerId: 'bank-r',
      kind: 'vip',
      from: from.toISOString(),
      to: to.toISOString(),
      language: 'en',
    });
    const { id } = (await res.json()) as Report;
    await eventually(async () => (await poll(id))?.state === 'done', 90_000, 300);
    const text = await pdfText(
      Buffer.from(await (await api.get(`/reports/${id}/pdf`, am)).arrayBuffer()),
    );
    expect(text).toContain('VIP Service Quality Report');
    expect(text).toContain('Mean time to repair');
    expect(text).toMatch(/Page 1 of \d+/);
  }, 150_000);

  it('scopes: another account manager, an org-subtree user and unknown customers get nothing', async () => {
    const body = {
      customerId: 'bank-r',
      kind: 'vip',
      from: from.toISOString(),
      to: to.toISOString(),
    };
    const out = await post(otherAm, body);
    expect(out.status).toBe(404);
    const missing = await post(otherAm, { ...body, customerId: 'bank-none' });
    expect(missing.status).toBe(404);
    expect((await problemOf(out)).detail).toBe('Customer bank-r not found.');
    expect((await post(viewer, body)).status).toBe(403);
    const list = (await (await api.get('/reports', otherAm)).json()) as { total: number };
    expect(list.total).toBe(0);
    const mine = (await (await api.get('/reports', am)).json()) as {
      total: number;
      items: Report[];
    };
    expect(mine.total).toBeGreaterThanOrEqual(1);
    expect((await api.get(`/reports/${mine.items[0]!.id}`, otherAm)).status).toBe(404);
    expect((await api.get(`/reports/${mine.items[0]!.id}/pdf`, otherAm)).status).toBe(404);
    const bad = await post(am, { ...body, from: to.toISOString(), to: from.toISOString() });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.[0]?.path).toBe('to');
  });

  it('statistics per customer in scope, as JSON, CSV and XLSX (audited)', async () => {
    const q = `from=${from.toISOString()}&to=${to.toISOString()}`;
    const stats = (await (await api.get(`/statistics?${q}`, am)).json()) as {
      customers: Array<{
        customerId: string;
        incidents: number;
        mttrMinutes: number;
        alarms: number;
        ticketsByStatus: Record<string, number>;
      }>;
      total: { incidents: number };
      topTalkers: Array<{ circuitId: string }>;
    };
    expect(stats.customers.map((c) => c.customerId)).toEqual(['bank-r']);
    expect(stats.customers[0]).toMatchObject({
      incidents: 2,
      mttrMinutes: 60,
      alarms: 1,
      ticketsByStatus: { closed: 1, resolved: 1 },
    });
    expect(stats.topTalkers.map((t) => t.circuitId)).toEqual(['r-c1']);
    const csv = await (await api.get(`/statistics/csv?${q}`, am)).text();
    expect(csv.split('\r\n')[1]).toMatch(/^bank-r,bank-r,2,2,2,60,0\.5,0\.5,1,/);
    const xlsx = await api.get(`/statistics/xlsx?${q}`, am);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.getWorksheet('customers')!.getRow(2).getCell(1).value).toBe('bank-r');
    expect(book.getWorksheet('customers')!.getRow(2).getCell(5).value).toBe(2);
    expect((await api.get(`/statistics?${q}&customerId=bank-s`, am)).status).toBe(404);
    expect((await api.get(`/statistics?${q}`, viewer)).status).toBe(403);
    const exports = await api.db
      .collection(COLLECTIONS.auditLog)
      .countDocuments({ action: 'statistics.export' });
    expect(exports).toBe(2);
  });
});
