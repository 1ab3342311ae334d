import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Collection, Db } from 'mongodb';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type { CustomerDocument } from '../database/documents';
import { toCsv } from '../performance/csv-format';
import { coverPeriod } from './bucket-cover';
import type {
  CustomerStatisticsDto,
  MttrPointDto,
  StatisticsDto,
  StatisticsQueryDto,
  TopTalkerDto,
} from './dto/statistics.dto';
import { ReportDataRepository } from './report-data.repository';
import type { Actor } from './reports.service';
import { TICKET_FACTS, type TicketFactsReader } from './ticket-facts.reader';
import { type TicketFact, ticketFigures } from './ticket-figures';
import { utilisationOf } from './utilisation-figures';

const WEEK = 7 * 86_400_000;
const MAX_RANGE = 400 * 86_400_000;

/**
 * Performance and service statistics per customer and across customers (NOC and
 * management): tickets by type, state and cause, SLA compliance, MTTR by week, alarm
 * volumes, top talkers; exportable as CSV and XLSX.
 */
@Injectable()
export class StatisticsService {
  private readonly customers: Collection<CustomerDocument>;

  constructor(
    private readonly data: ReportDataRepository,
    @Inject(TICKET_FACTS) private readonly tickets: TicketFactsReader,
    private readonly audit: AuditService,
    @Inject(MONGO_DB) db: Db,
  ) {
    this.customers = db.collection(COLLECTIONS.customers);
  }

  async compute(scope: AccessScope, query: StatisticsQueryDto, now: Date): Promise<StatisticsDto> {
    const from = new Date(query.from);
    const to = new Date(Math.min(new Date(query.to).getTime(), now.getTime()));
    if (from >= to)
      throw new RequestValidationException([
        { path: 'to', message: 'to must be later than from (and from in the past)' },
      ]);
    if (to.getTime() - from.getTime() > MAX_RANGE)
      throw new RequestValidationException([
        { path: 'to', message: 'to must be at most 400 days after from' },
      ]);
    const customers = await this.customersOf(scope, query.customerId);
    const rows: CustomerStatisticsDto[] = [];
    const allFacts: TicketFact[] = [];
    const talkers: TopTalkerDto[] = [];
    const segments = coverPeriod(from.getTime(), to.getTime());
    for (const c of customers) {
      const circuits = await this.data.circuitsOf(scope, c._id);
      const facts = await this.tickets.createdIn(scope, c._id, from, to);
      const alarms = await this.data.alarmsRaisedIn(scope, c._id, from, to);
      allFacts.push(...facts);
      rows.push(
        row(
          c._id,
          c.name,
          circuits.length,
          facts,
          alarms.map((a) => a.perceivedSeverity),
        ),
      );
      const buckets = await this.data.bucketsOf(
        circuits.map((x) => x.aEnd),
        segments,
      );
      for (const x of circuits) {
        const b = buckets.get(`${x.aEnd.deviceId}:${x.aEnd.ifIndex}`) ?? [];
        const f = utilisationOf(b, x.bandwidthBps);
        if (f.samples > 0)
          talkers.push({
            circuitId: x._id,
            customerId: c._id,
            bandwidthBps: x.bandwidthBps,
            meanBps: (f.inMeanBps ?? 0) + (f.outMeanBps ?? 0),
            p95Util: f.p95Util,
          });
      }
    }
    const total = row(
      '*',
      '*',
      rows.reduce((s, r) => s + r.circuits, 0),
      allFacts,
      [],
    );
    total.alarms = rows.reduce((s, r) => s + r.alarms, 0);
    for (const r of rows)
      for (const [k, v] of Object.entries(r.alarmsBySeverity))
        total.alarmsBySeverity[k] = (total.alarmsBySeverity[k] ?? 0) + v;
    const trend: MttrPointDto[] = [];
    for (let t = from.getTime(); t < to.getTime(); t += WEEK) {
      const week = ticketFigures(
        allFacts.filter(
          (f) =>
            f.resolutionDate &&
            f.resolutionDate.getTime() >= t &&
            f.resolutionDate.getTime() < t + WEEK,
        ),
      );
      trend.push({
        from: new Date(t).toISOString(),
        resolved: week.resolved,
        mttrMinutes: week.mttrMinutes,
      });
    }
    talkers.sort((a, b) => b.meanBps - a.meanBps || a.circuitId.localeCompare(b.circuitId));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      customers: rows,
      total,
      mttrTrend: trend,
      topTalkers: talkers.slice(0, 10),
    };
  }

  async export(
    actor: Actor,
    query: StatisticsQueryDto,
    format: 'csv' | 'xlsx',
    now: Date,
  ): Promise<{ fileName: string; body: Buffer }> {
    const s = await this.compute(actor.scope, query, now);
    const header = [
      'customer_id',
      'customer_name',
      'circuits',
      'tickets',
      'incidents',
      'mttr_minutes',
      'restore_compliance_ratio',
      'response_compliance_ratio',
      'alarms',
      'tickets_by_type',
      'tickets_by_status',
      'incidents_by_cause',
      'alarms_by_severity',
    ];
    const fmt = (r: Record<string, number>): string =>
      Object.entries(r)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
    const lines = [...s.customers, s.total].map((r) => [
      r.customerId,
      r.customerName,
      r.circuits,
      r.tickets,
      r.incidents,
      r.mttrMinutes,
      r.restoreCompliance,
      r.responseCompliance,
      r.alarms,
      fmt(r.ticketsByType),
      fmt(r.ticketsByStatus),
      fmt(r.incidentsByCause),
      fmt(r.alarmsBySeverity),
    ]);
    const name =
      `statistics-${query.customerId ?? 'all'}-${s.from.slice(0, 10)}-${s.to.slice(0, 10)}`.replace(
        /[^A-Za-z0-9._-]/g,
        '_',
      );
    let body: Buffer;
    if (format === 'csv') {
      body = Buffer.from(toCsv(header, lines), 'utf8');
    } else {
      const book = new ExcelJS.Workbook();
      book.creator = 'CircuitCare';
      const sheet = book.addWorksheet('customers');
      sheet.addRow(header).font = { bold: true };
      for (const l of lines)
        sheet.addRow(l.map((v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v)));
      const trend = book.addWorksheet('mttr_trend');
      trend.addRow(['week_from_utc', 'resolved', 'mttr_minutes']).font = { bold: true };
      for (const p of s.mttrTrend) trend.addRow([p.from, p.resolved, p.mttrMinutes]);
      const top = book.addWorksheet('top_talkers');
      top.addRow([
        'circuit_id',
        'customer_id',
        'bandwidth_bps',
        'mean_bps',
        'p95_util_ratio',
      ]).font = { bold: true };
      for (const t of s.topTalkers)
        top.addRow([t.circuitId, t.customerId, t.bandwidthBps, t.meanBps, t.p95Util]);
      body = Buffer.from(await book.xlsx.writeBuffer());
    }
    await this.audit.record({
      actor: actor.principal,
      action: 'statistics.export',
      customerId: query.customerId ?? null,
      target: { type: 'statistics', id: query.customerId ?? '*' },
      outcome: 'success',
      detail: { format, customers: s.customers.length, from: s.from, to: s.to },
      ip: actor.ip,
    });
    return { fileName: `${name}.${format}`, body };
  }

  private async customersOf(
    scope: AccessScope,
    requested: string | undefined,
  ): Promise<CustomerDocument[]> {
    const notFound = (): never => {
      throw new NotFoundException(`Customer ${requested} not found.`);
    };
    let ids: string[] | null;
    switch (scope.kind) {
      case 'all':
        ids = requested ? [requested] : null;
        break;
      case 'customers':
        ids = requested
          ? scope.customerIds.includes(requested)
            ? [requested]
            : notFound()
          : [...scope.customerIds];
        break;
      case 'org-subtree':
      case 'dispatched':
      case 'none':
        ids = [];
    }
    const found =
      ids === null
        ? await this.customers.find({}).sort({ _id: 1 }).toArray()
        : (await Promise.all(ids.map((id) => this.customers.findOne({ _id: id })))).filter(
            (c): c is CustomerDocument => c !== null,
          );
    if (requested && found.length === 0) notFound();
    return found;
  }
}

function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function row(
  customerId: string,
  customerName: string,
  circuits: number,
  facts: readonly TicketFact[],
  severities: readonly string[],
): CustomerStatisticsDto {
  const t = ticketFigures(facts);
  return {
    customerId,
    customerName,
    circuits,
    tickets: t.tickets,
    incidents: t.incidents,
    mttrMinutes: t.mttrMinutes,
    restoreCompliance: t.restoreCompliance,
    responseCompliance: t.responseCompliance,
    ticketsByType: t.byType,
    ticketsByStatus: t.byStatus,
    incidentsByCause: t.byCause,
    alarms: severities.length,
    alarmsBySeverity: tally(severities),
  };
}
