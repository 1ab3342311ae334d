import type { Granularity, PerfBucketDocument, PerfRawDocument } from '../database/documents';
import { percentileFromHistogram } from '../ingest/perf-histogram';
import { GRANULARITY_MS } from '../ingest/perf/perf-buckets';
import type { PerformancePointDto } from './dto/performance-series.dto';

function util(bps: number, bandwidthBps: number): number {
  return bandwidthBps > 0 ? bps / bandwidthBps : 0;
}

/** A raw point is one poll interval: its max and p95 are the value itself. */
export function rawPoint(doc: PerfRawDocument, bandwidthBps: number): PerformancePointDto {
  return {
    t: new Date(doc.t).toISOString(),
    inBps: doc.inBps,
    outBps: doc.outBps,
    inUtil: util(doc.inBps, bandwidthBps),
    outUtil: util(doc.outBps, bandwidthBps),
    inBpsMax: doc.inBps,
    outBpsMax: doc.outBps,
    inBpsP95: doc.inBps,
    outBpsP95: doc.outBps,
    errorsPerSec: doc.inErrorsPerSec + doc.outErrorsPerSec,
    discardsPerSec: doc.inDiscardsPerSec + doc.outDiscardsPerSec,
  };
}

/**
 * A bucket holds sums over its samples. Errors and discards are counts, so their
 * rate divides by the time the bucket covers: its whole length, or up to its last
 * sample while it is still filling.
 */
export function bucketPoint(
  doc: PerfBucketDocument,
  granularity: Granularity,
  bandwidthBps: number,
): PerformancePointDto {
  const count = Math.max(doc.count, 1);
  const inBps = doc.in.sumBps / count;
  const outBps = doc.out.sumBps / count;
  const start = new Date(doc.start).getTime();
  const lengthSec = GRANULARITY_MS[granularity] / 1000;
  const coveredSec = Math.min(
    lengthSec,
    Math.max(1, (new Date(doc.lastSampleAt).getTime() - start) / 1000),
  );
  return {
    t: new Date(start).toISOString(),
    inBps,
    outBps,
    inUtil: util(inBps, bandwidthBps),
    outUtil: util(outBps, bandwidthBps),
    inBpsMax: doc.in.maxBps,
    outBpsMax: doc.out.maxBps,
    inBpsP95: percentileFromHistogram(doc.in.hist, 0.95),
    outBpsP95: percentileFromHistogram(doc.out.hist, 0.95),
    errorsPerSec: doc.errorsSum / coveredSec,
    discardsPerSec: doc.discardsSum / coveredSec,
  };
}
