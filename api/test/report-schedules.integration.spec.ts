import { COLLECTIONS } from '../src/database/collections';
import type { ReportDocument } from '../src/reports/report.document';
import { type ApiHarness, startApi } from './support/api-harness';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';
import { pdfText } from './support/pdf-tools';
import { SmtpSink } from './support/smtp-sink';
import { eventually } from './support/ticket-fixtures';

/** The base64 body of the MIME part with this content type, decoded. */
function attachmentOf(raw: string, contentType: string): Buffer | null {
  const at = raw.indexOf(`Content-Type: ${contentType}`);
  if (at < 0) return null;
  const body = raw.slice(at).split(/\r?\n\r?\n/)[1] ?? '';
  return Buffer.from(body.split(/\r?\n--/)[0]!.replace(/\s+/g, ''), 'base64');
}

/**
 * The monthly job end to end: a schedule, bull's repeated schedule check, the report job,
 * the PDF and the e-mail over SMTP to a real server on loopback (smtp-server) — no step
 * called by the test, which only waits for the mail.
 */
describe('report schedules: monthly report by e-mail', () => {
  let api: ApiHarness;
  let smtp: SmtpSink;
  let am: string;
  let otherAm: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    api = await startApi(`api_it_rsched_${process.pid}`, {
      SMTP_URL: smtp.url,
      REPORT_SCHEDULE_CHECK_MS: '10000',
    });
    await insertCustomer(api.db, 'bank-m');
    await insertCustomer(api.db, 'bank-n');
    await insertCircuit(api.db, 'm-c1', 'bank-m', ['bank-m-root']);
    await insertUser(api.db, 'am.m', 'account-manager', { assignedCustomerIds: ['bank-m'] });
    await insertUser(api.db, 'am.n', 'account-manager', { assignedCustomerIds: ['bank-n'] });
    am = await api.login('am.m');
    otherAm = await api.login('am.n');
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  const send = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
    fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("mails last month's report with the PDF attached, once", async () => {
    const res = await send('POST', '/report-schedules', am, {
      customerId: 'bank-m',
      dayOfMonth: 1,
      recipients: ['IT.Director@bank-m.example', 'ops@bank-m.example'],
    });
    expect(res.status).toBe(201);
    const schedule = (await res.json()) as { id: string; recipients: string[] };
    expect(schedule.recipients).toEqual(['it.director@bank-m.example', 'ops@bank-m.example']);

    await smtp.waitFor((m) => m.some((x) => x.to.includes('it.director@bank-m.example')), 90_000);
    const mail = smtp.to('it.director@bank-m.example')[0]!;
    expect(mail.to.sort()).toEqual(['it.director@bank-m.example', 'ops@bank-m.example']);
    expect(mail.raw).toMatch(/X-CircuitCare-Report: rpt-/i);
    const pdf = attachmentOf(mail.raw, 'application/pdf');
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf!);
    expect(text).toContain('VIP 客户服务质量报告');
    expect(text).toContain('m-c1');

    const report = await eventually(async () => {
      const r = await api.db
        .collection<ReportDocument>(COLLECTIONS.reports)
        .findOne({ scheduleId: schedule.id });
      return r?.delivery?.status === 'sent' ? r : null;
    });
    expect(report.state).toBe('done');
    // Last month in UTC+8, whole.
    const local = new Date(Date.now() + 8 * 3_600_000);
    const first = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1) - 8 * 3_600_000;
    expect(new Date(report.from).getTime()).toBe(first);

    const listed = (await (await api.get(`/report-schedules/${schedule.id}`, am)).json()) as {
      lastReportId: string;
      lastPeriod: string;
    };
    expect(listed.lastReportId).toBe(report._id);
    expect((await api.get(`/report-schedules/${schedule.id}`, otherAm)).status).toBe(404);
    expect((await send('DELETE', `/report-schedules/${schedule.id}`, otherAm)).status).toBe(404);

    // The next checks find the month done: no second report, no second mail.
    await new Promise((r) => setTimeout(r, 12_000));
    expect(
      await api.db.collection(COLLECTIONS.reports).countDocuments({ scheduleId: schedule.id }),
    ).toBe(1);
    expect(smtp.to('it.director@bank-m.example')).toHaveLength(1);

    const audit = await api.db
      .collection(COLLECTIONS.auditLog)
      .find({ action: 'report.deliver' })
      .toArray();
    expect(audit).toHaveLength(1);
    expect((await send('DELETE', `/report-schedules/${schedule.id}`, am)).status).toBe(204);
  }, 150_000);

  it('refuses schedules for customers outside the scope, and bad recipients', async () => {
    expect(
      (
        await send('POST', '/report-schedules', otherAm, {
          customerId: 'bank-m',
          recipients: ['a@b.example'],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await send('POST', '/report-schedules', am, {
          customerId: 'bank-m',
          recipients: ['not-an-address'],
        })
      ).status,
    ).toBe(400);
  });
});
