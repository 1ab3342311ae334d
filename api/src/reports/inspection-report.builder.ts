import { Inject, Injectable } from '@nestjs/common';

import type { AccessScope } from '../auth/access-scope';
import { AvailabilityService } from '../availability/availability.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GRANULARITY_MS } from '../ingest/perf/perf-buckets';
import { coverPeriod } from './bucket-cover';
import type { InspectionReportDataDto } from './dto/inspection-report.dto';
import { type CircuitHealth, inspectionFindings } from './inspection-findings';
import { ReportDataRepository } from './report-data.repository';
import type { Period } from './report-period';
import type { ReportLanguage } from './report.document';
import { utilisationOf } from './utilisation-figures';
import type { ProgressSink } from './vip-report.builder';

/**
 * The inspection (巡检): a health check of every circuit of a customer over a period —
 * silence, flapping, error and discard rates, long-high utilisation, restarted CPEs, SLA
 * breaches — ranked with a suggested action for each finding.
 */
@Injectable()
export class InspectionReportBuilder {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly data: ReportDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(
    scope: AccessScope,
    customerId: string,
    period: Period,
    language: ReportLanguage,
    now: Date,
    progress: ProgressSink,
  ): Promise<InspectionReportDataDto> {
    const to = new Date(Math.min(period.to.getTime(), now.getTime()));
    const customer = await this.data.customer(customerId);
    await progress(0.05, 'circuits');
    const circuits = await this.data.circuitsOf(scope, customerId);
    const keys = circuits.map((c) => `${c.aEnd.deviceId}:${c.aEnd.ifIndex}`);
    const [states, intervals, alarms] = await Promise.all([
      this.data.pollStates(keys),
      this.data.pollIntervals(circuits.map((c) => c.aEnd.deviceId)),
      this.data.alarmsRaisedIn(scope, customerId, period.from, to),
    ]);
    await progress(0.2, 'availability');
    const figures = new Map(
      (await this.availability.figuresOfCustomer(scope, customerId, period.from, to, now)).map(
        (f) => [f.circuit._id, f.figures],
      ),
    );
    await progress(0.4, 'counters');
    const buckets = await this.data.bucketsOf(
      circuits.map((c) => c.aEnd),
      coverPeriod(period.from.getTime(), to.getTime()),
    );
    const linkDowns = new Map<string, number>();
    for (const a of alarms) {
      if (a.probableCause !== 'linkDown') continue;
      for (const id of a.affectedCircuitIds) linkDowns.set(id, (linkDowns.get(id) ?? 0) + 1);
    }
    const health: CircuitHealth[] = circuits.map((c, k) => {
      const state = states.get(keys[k]!);
      const rows = buckets.get(keys[k]!) ?? [];
      const seconds = rows.reduce(
        (s, b) => s + (b.granularity ? GRANULARITY_MS[b.granularity] / 1000 : 0),
        0,
      );
      const f = figures.get(c._id);
      const polledAt = state ? new Date(state.polledAt) : null;
      return {
        circuitId: c._id,
        circuitName: c.name,
        deviceId: c.aEnd.deviceId,
        lastPolledAt: polledAt,
        pollIntervalSec: intervals.get(c.aEnd.deviceId) ?? 60,
        restartedAt: state && polledAt ? new Date(polledAt.getTime() - state.sysUpTime * 10) : null,
        linkDowns: linkDowns.get(c._id) ?? 0,
        errorsPerSec:
          seconds > 0 ? rows.reduce((s, b) => s + (b.errorsSum ?? 0), 0) / seconds : null,
        discardsPerSec:
          seconds > 0 ? rows.reduce((s, b) => s + (b.discardsSum ?? 0), 0) / seconds : null,
        p95Util: utilisationOf(rows, c.bandwidthBps).p95Util,
        slaBreached: f ? !f.slaMet : false,
        availability: f?.availability ?? null,
      };
    });
    await progress(0.8, 'findings');
    const findings = inspectionFindings(
      health,
      { from: period.from, to },
      { upgradeThreshold: this.config.REPORT_UPGRADE_P95_THRESHOLD },
      language,
    );
    const byKind: Record<string, number> = {};
    for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    const withFindings = new Set(findings.map((f) => f.circuitId));
    return {
      kind: 'inspection',
      customerId,
      customerName: (language === 'en' ? customer?.nameEn : customer?.name) ?? customerId,
      from: period.from.toISOString(),
      to: to.toISOString(),
      generatedAt: now.toISOString(),
      circuits: circuits.length,
      healthyCircuits: circuits.filter((c) => !withFindings.has(c._id)).length,
      byKind,
      findings,
    };
  }
}
