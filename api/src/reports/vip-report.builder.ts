import { Inject, Injectable } from '@nestjs/common';

import type { AccessScope } from '../auth/access-scope';
import { AvailabilityService } from '../availability/availability.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { coverPeriod } from './bucket-cover';
import type {
  ReportAssuranceDto,
  ReportCircuitAvailabilityDto,
  ReportIncidentDto,
  ReportTrendPointDto,
  ReportUtilisationDto,
  VipReportDataDto,
} from './dto/vip-report.dto';
import { ReportDataRepository, type ReportCircuit } from './report-data.repository';
import { type Period, periodLabel, previousPeriods, REPORT_TIME_ZONE } from './report-period';
import { TICKET_FACTS, type TicketFactsReader } from './ticket-facts.reader';
import { type TicketFact, ticketFigures } from './ticket-figures';
import { upgradeRecommendation, utilisationOf } from './utilisation-figures';

/** Reports the job's progress: share done (0–1) and what it is doing. */
export type ProgressSink = (share: number, stage: string) => Promise<void>;

const TREND_PERIODS = 3;

const iso = (t: number | Date): string => new Date(t).toISOString();
const mean = (values: readonly number[]): number | null =>
  values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;

/**
 * Builds the VIP/SLA report of one customer: availability per circuit (the availability
 * module's evidence and arithmetic, maintenance excluded), incidents from the tickets,
 * utilisation p95/max from the perf buckets with upgrade recommendations, assurance
 * windows, and the trend over the previous periods.
 */
@Injectable()
export class VipReportBuilder {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly data: ReportDataRepository,
    @Inject(TICKET_FACTS) private readonly tickets: TicketFactsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(
    scope: AccessScope,
    customerId: string,
    period: Period,
    now: Date,
    progress: ProgressSink,
    /** Only these circuits (an assurance window's report); all of the customer's by default. */
    only?: ReadonlySet<string>,
  ): Promise<VipReportDataDto> {
    const keep = (id: string): boolean => !only || only.has(id);
    const keepTicket = (t: TicketFact): boolean => !only || t.circuitIds.some(keep);
    const customer = await this.data.customer(customerId);
    const to = new Date(Math.min(period.to.getTime(), now.getTime()));
    await progress(0.02, 'circuits');
    const circuits = (await this.data.circuitsOf(scope, customerId)).filter((c) => keep(c._id));
    const byId = new Map(circuits.map((c) => [c._id, c]));

    await progress(0.05, 'availability');
    const figures = (
      await this.availability.figuresOfCustomer(scope, customerId, period.from, to, now)
    ).filter((f) => keep(f.circuit._id));
    const availability: ReportCircuitAvailabilityDto[] = figures
      .map(({ circuit, figures: f }) => {
        const c = byId.get(circuit._id);
        return {
          circuitId: circuit._id,
          name: circuit.name,
          product: c?.product ?? '',
          slaClass: circuit.slaClass,
          bandwidthBps: c?.bandwidthBps ?? 0,
          target: f.target,
          availability: f.availability,
          sla: f.slaMet ? ('met' as const) : ('breached' as const),
          unplannedDownSeconds: f.unplannedDownMs / 1000,
          plannedDownSeconds: f.plannedDownMs / 1000,
          allowedDownSeconds: f.allowedDownMs / 1000,
          downIntervals: f.unplannedIntervals.map((i) => ({
            from: iso(i.start),
            to: iso(i.end),
            seconds: (i.end - i.start) / 1000,
          })),
        };
      })
      .sort((a, b) => a.availability - b.availability || a.circuitId.localeCompare(b.circuitId));

    await progress(0.3, 'incidents');
    const facts = (await this.tickets.createdIn(scope, customerId, period.from, to)).filter(
      keepTicket,
    );
    const incidents = await this.incidents(scope, facts);
    const ticketSummary = ticketFigures(facts);

    await progress(0.4, 'utilisation');
    const utilisation = await this.utilisation(
      circuits,
      period.from.getTime(),
      to.getTime(),
      progress,
    );

    await progress(0.85, 'assurance');
    const assurance = await this.assurance(scope, customerId, period, now, facts);

    await progress(0.88, 'trend');
    const trend = await this.trend(scope, customerId, period, now, keep, keepTicket, {
      meanAvailability: mean(availability.map((a) => a.availability)),
      breachingSla: availability.filter((a) => a.sla === 'breached').length,
      incidents: ticketSummary.incidents,
      mttrMinutes: ticketSummary.mttrMinutes,
    });

    const met = availability.filter((a) => a.sla === 'met').length;
    return {
      kind: 'vip',
      customerId,
      customerName: customer?.name ?? customerId,
      customerNameEn: customer?.nameEn ?? customerId,
      from: iso(period.from),
      to: iso(to),
      label: periodLabel(period),
      timeZone: REPORT_TIME_ZONE,
      generatedAt: iso(now),
      upgradeThreshold: this.config.REPORT_UPGRADE_P95_THRESHOLD,
      summary: {
        circuits: availability.length,
        meanAvailability: mean(availability.map((a) => a.availability)),
        worstAvailability: availability[0]?.availability ?? null,
        meetingSla: met,
        breachingSla: availability.length - met,
        unplannedDownSeconds: availability.reduce((s, a) => s + a.unplannedDownSeconds, 0),
        plannedDownSeconds: availability.reduce((s, a) => s + a.plannedDownSeconds, 0),
        incidents: ticketSummary.incidents,
        mttrMinutes: ticketSummary.mttrMinutes,
        restoreCompliance: ticketSummary.restoreCompliance,
        upgradeCandidates: utilisation.filter((u) => u.upgradeToBps !== null).length,
        assuranceWindows: assurance.length,
      },
      availability,
      incidents,
      tickets: {
        tickets: ticketSummary.tickets,
        incidents: ticketSummary.incidents,
        resolved: ticketSummary.resolved,
        mttrMinutes: ticketSummary.mttrMinutes,
        restoreCompliance: ticketSummary.restoreCompliance,
        responseCompliance: ticketSummary.responseCompliance,
        byType: ticketSummary.byType,
        byCause: ticketSummary.byCause,
        byPriority: ticketSummary.byPriority,
      },
      utilisation,
      assurance,
      trend,
    };
  }

  private async incidents(
    scope: AccessScope,
    facts: readonly TicketFact[],
  ): Promise<ReportIncidentDto[]> {
    const faults = facts.filter(
      (t) =>
        t.ticketType === 'fault' &&
        t.mergedInto === null &&
        !['cancelled', 'rejected'].includes(t.status),
    );
    const roots = await this.data.alarmsByIds(
      scope,
      faults.flatMap((t) => (t.rootCauseAlarmId ? [t.rootCauseAlarmId] : [])),
    );
    return faults.map((t) => {
      const root = t.rootCauseAlarmId ? roots.get(t.rootCauseAlarmId) : undefined;
      return {
        ticketId: t.id,
        name: t.name,
        circuitIds: t.circuitIds,
        priority: t.priority,
        severity: t.severity,
        impact: t.impact,
        status: t.status,
        createdAt: iso(t.creationDate),
        resolvedAt: t.resolutionDate ? iso(t.resolutionDate) : null,
        repairMinutes: t.mttrMinutes,
        restoreMet: t.restoreMet,
        cause: t.causeCode ?? root?.probableCause ?? null,
        location: root?.alarmedObject.name ?? null,
      };
    });
  }

  private async utilisation(
    circuits: readonly ReportCircuit[],
    from: number,
    to: number,
    progress: ProgressSink,
  ): Promise<ReportUtilisationDto[]> {
    const segments = coverPeriod(from, to);
    let reported = 0;
    const buckets = await this.data.bucketsOf(
      circuits.map((c) => c.aEnd),
      segments,
      (done) => {
        // Progress writes are cheap but not free: every 5 % of the circuits.
        const share = done / Math.max(1, circuits.length);
        if (share - reported >= 0.05 || done === circuits.length) {
          reported = share;
          void progress(0.4 + 0.45 * share, 'utilisation').catch(() => undefined);
        }
      },
    );
    const threshold = this.config.REPORT_UPGRADE_P95_THRESHOLD;
    return circuits
      .map((c): ReportUtilisationDto => {
        const f = utilisationOf(
          buckets.get(`${c.aEnd.deviceId}:${c.aEnd.ifIndex}`) ?? [],
          c.bandwidthBps,
        );
        const upgrade = upgradeRecommendation(f, c.bandwidthBps, threshold);
        return {
          circuitId: c._id,
          name: c.name,
          bandwidthBps: c.bandwidthBps,
          samples: f.samples,
          inP95Bps: f.inP95Bps,
          outP95Bps: f.outP95Bps,
          inMaxBps: f.inMaxBps,
          outMaxBps: f.outMaxBps,
          p95Util: f.p95Util,
          maxUtil: f.maxUtil,
          meanUtil: f.meanUtil,
          upgradeToBps: upgrade?.suggestedBps ?? null,
        };
      })
      .sort(
        (a, b) => (b.p95Util ?? -1) - (a.p95Util ?? -1) || a.circuitId.localeCompare(b.circuitId),
      );
  }

  private async assurance(
    scope: AccessScope,
    customerId: string,
    period: Period,
    now: Date,
    facts: readonly TicketFact[],
  ): Promise<ReportAssuranceDto[]> {
    const windows = await this.data.assuranceWindowsOf(customerId, period.from, period.to);
    const out: ReportAssuranceDto[] = [];
    for (const w of windows) {
      const start = new Date(w.start);
      const end = new Date(Math.min(new Date(w.end).getTime(), now.getTime()));
      const inWindow = new Set(w.circuitIds);
      const figures =
        end > start
          ? await this.availability.figuresOfCustomer(scope, customerId, start, end, now)
          : [];
      const alarms =
        end > start ? await this.data.alarmsRaisedIn(scope, customerId, start, end) : [];
      out.push({
        windowId: w._id,
        title: w.title,
        start: iso(w.start),
        end: iso(w.end),
        circuits: w.circuitIds.length,
        availability: mean(
          figures.filter((f) => inWindow.has(f.circuit._id)).map((f) => f.figures.availability),
        ),
        alarms: alarms.filter((a) => a.affectedCircuitIds.some((id) => inWindow.has(id))).length,
        incidents: facts.filter(
          (t) =>
            t.ticketType === 'fault' &&
            t.creationDate >= start &&
            t.creationDate < end &&
            t.circuitIds.some((id) => inWindow.has(id)),
        ).length,
        notices: w.noticedAlarmIds.length,
      });
    }
    return out;
  }

  private async trend(
    scope: AccessScope,
    customerId: string,
    period: Period,
    now: Date,
    keep: (circuitId: string) => boolean,
    keepTicket: (t: TicketFact) => boolean,
    current: Omit<ReportTrendPointDto, 'label' | 'from' | 'to'>,
  ): Promise<ReportTrendPointDto[]> {
    const points: ReportTrendPointDto[] = [];
    for (const p of previousPeriods(period, TREND_PERIODS).reverse()) {
      const figures = (
        await this.availability.figuresOfCustomer(scope, customerId, p.from, p.to, now)
      ).filter((f) => keep(f.circuit._id));
      const t = ticketFigures(
        (await this.tickets.createdIn(scope, customerId, p.from, p.to)).filter(keepTicket),
      );
      points.push({
        label: periodLabel(p),
        from: iso(p.from),
        to: iso(p.to),
        meanAvailability: mean(figures.map((f) => f.figures.availability)),
        breachingSla: figures.filter((f) => !f.figures.slaMet).length,
        incidents: t.incidents,
        mttrMinutes: t.mttrMinutes,
      });
    }
    points.push({
      label: periodLabel(period),
      from: iso(period.from),
      to: iso(period.to),
      ...current,
    });
    return points;
  }
}
