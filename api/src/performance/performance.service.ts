import { Injectable, NotFoundException } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { bucketStart } from '../ingest/perf/perf-buckets';
import { fileNamePart, toCsv } from './csv-format';
import type { PerformanceQueryDto } from './dto/performance-query.dto';
import type { PerformanceSeriesDto } from './dto/performance-series.dto';
import { chooseSource, MAX_RANGE_MS } from './granularity-choice';
import { bucketPoint, rawPoint } from './performance-points';
import { PerformanceRepository } from './performance.repository';

const DEFAULT_RANGE_MS = 24 * 3_600_000;

@Injectable()
export class PerformanceService {
  constructor(
    private readonly performance: PerformanceRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The same series as CSV: one row per point, units in the column names, times in UTC
   * ISO 8601. Recorded in the audit log as `performance.export`.
   */
  async exportCsv(
    actor: { principal: VerifiedPrincipal; scope: AccessScope; ip: string | null },
    circuitId: string,
    query: PerformanceQueryDto,
    now: Date,
  ): Promise<{ fileName: string; body: string }> {
    const { series, customerId } = await this.read(actor.scope, circuitId, query, now);
    const body = toCsv(
      [
        'time_utc',
        'in_bps',
        'out_bps',
        'in_util_ratio',
        'out_util_ratio',
        'in_max_bps',
        'out_max_bps',
        'in_p95_bps',
        'out_p95_bps',
        'errors_per_s',
        'discards_per_s',
      ],
      series.points.map((p) => [
        p.t,
        p.inBps,
        p.outBps,
        p.inUtil,
        p.outUtil,
        p.inBpsMax,
        p.outBpsMax,
        p.inBpsP95,
        p.outBpsP95,
        p.errorsPerSec,
        p.discardsPerSec,
      ]),
    );
    await this.audit.record({
      actor: actor.principal,
      action: 'performance.export',
      customerId,
      target: { type: 'circuit', id: circuitId },
      outcome: 'success',
      detail: {
        from: series.from,
        to: series.to,
        granularity: series.granularity,
        rows: series.points.length,
      },
      ip: actor.ip,
    });
    const fileName = [
      'performance',
      fileNamePart(circuitId),
      series.granularity,
      fileNamePart(series.from),
      fileNamePart(series.to),
    ].join('-');
    return { fileName: `${fileName}.csv`, body };
  }

  async series(
    scope: AccessScope,
    circuitId: string,
    query: PerformanceQueryDto,
    now: Date,
  ): Promise<PerformanceSeriesDto> {
    return (await this.read(scope, circuitId, query, now)).series;
  }

  private async read(
    scope: AccessScope,
    circuitId: string,
    query: PerformanceQueryDto,
    now: Date,
  ): Promise<{ series: PerformanceSeriesDto; customerId: string }> {
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
    if (from.getTime() >= to.getTime()) {
      throw new RequestValidationException([
        { path: 'from', message: 'from must be earlier than to' },
      ]);
    }
    if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
      throw new RequestValidationException([
        { path: 'to', message: 'to must be at most 400 days after from' },
      ]);
    }
    const source = chooseSource(from.getTime(), to.getTime());
    // A bucket that started before `from` still holds samples of the range.
    const readFrom = source === 'raw' ? from : bucketStart(from, source);
    const series = await this.performance.seriesForCircuit(scope, circuitId, source, readFrom, to);
    if (!series) {
      throw new NotFoundException(`Circuit ${circuitId} not found.`);
    }
    const { circuit } = series;
    const points =
      series.source === 'raw'
        ? series.raw.map((d) => rawPoint(d, circuit.bandwidthBps))
        : series.buckets.map((d) => bucketPoint(d, series.source, circuit.bandwidthBps));
    return {
      customerId: circuit.customerId,
      series: {
        circuitId: circuit._id,
        interface: { deviceId: circuit.aEnd.deviceId, ifIndex: circuit.aEnd.ifIndex },
        granularity: source,
        bandwidthBps: circuit.bandwidthBps,
        from: from.toISOString(),
        to: to.toISOString(),
        points,
      },
    };
  }
}
