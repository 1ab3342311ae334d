import { Injectable, NotFoundException } from '@nestjs/common';

import type { AccessScope } from '../auth/access-scope';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { bucketStart } from '../ingest/perf/perf-buckets';
import type { PerformanceQueryDto } from './dto/performance-query.dto';
import type { PerformanceSeriesDto } from './dto/performance-series.dto';
import { chooseSource, MAX_RANGE_MS } from './granularity-choice';
import { bucketPoint, rawPoint } from './performance-points';
import { PerformanceRepository } from './performance.repository';

const DEFAULT_RANGE_MS = 24 * 3_600_000;

@Injectable()
export class PerformanceService {
  constructor(private readonly performance: PerformanceRepository) {}

  async series(
    scope: AccessScope,
    circuitId: string,
    query: PerformanceQueryDto,
    now: Date,
  ): Promise<PerformanceSeriesDto> {
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
      circuitId: circuit._id,
      interface: { deviceId: circuit.aEnd.deviceId, ifIndex: circuit.aEnd.ifIndex },
      granularity: source,
      bandwidthBps: circuit.bandwidthBps,
      from: from.toISOString(),
      to: to.toISOString(),
      points,
    };
  }
}
