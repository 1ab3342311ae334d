import { Injectable, NotFoundException } from '@nestjs/common';

import { SLA_CLASSES } from '@circuitcare/topology';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { MaintenanceRepository } from '../maintenance/maintenance.repository';
import { fileNamePart, toCsv } from '../performance/csv-format';
import { MAX_RANGE_MS } from '../performance/granularity-choice';
import {
  type AvailabilityFigures,
  availabilityOf,
  type DownEvidence,
  operDownRuns,
  type PlannedEvidence,
} from './availability-calculation';
import {
  type AvailabilityCircuit,
  AvailabilityRepository,
  type DownAlarm,
  type DownSampleRow,
} from './availability.repository';
import type {
  AvailabilityPeriodDto,
  CustomerAvailabilityExportQueryDto,
  CustomerAvailabilityQueryDto,
} from './dto/availability-query.dto';
import type {
  AvailabilityFiguresDto,
  CircuitAvailabilityDto,
  CustomerAvailabilityPageDto,
  TimeIntervalDto,
} from './dto/availability.dto';
import type { Interval } from './intervals';

/**
 * Oper-down polls are read from this long before the period, so that the first poll in
 * the period can find its predecessor (rates need a poll at most 3 × 300 s earlier).
 */
const POLL_LOOKBACK_MS = 15 * 60_000;

export interface CsvExport {
  fileName: string;
  body: string;
}

interface Period {
  from: Date;
  /** End of the measured period: min(requested to, now). */
  to: Date;
}

interface Computed {
  circuit: AvailabilityCircuit;
  figures: AvailabilityFigures;
}

type SortKey = 'availability' | 'unplannedDownSeconds' | 'id' | 'name' | 'slaClass';

@Injectable()
export class AvailabilityService {
  constructor(
    private readonly repository: AvailabilityRepository,
    private readonly maintenance: MaintenanceRepository,
    private readonly audit: AuditService,
  ) {}

  async circuit(
    scope: AccessScope,
    id: string,
    query: AvailabilityPeriodDto,
    now: Date,
  ): Promise<CircuitAvailabilityDto> {
    const period = periodOf(query.from, query.to, now);
    const circuit = await this.repository.circuit(scope, id);
    if (!circuit) {
      throw new NotFoundException(`Circuit ${id} not found.`);
    }
    const [computed] = await this.compute(scope, circuit.customerId, [circuit], period, now, {
      circuitId: id,
    });
    const { figures } = computed!;
    return {
      ...figuresDto(circuit, figures),
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      periodSeconds: figures.periodMs / 1000,
      unplannedIntervals: figures.unplannedIntervals.map(intervalDto),
      evidence: figures.evidence.map((e) => ({
        ...intervalDto(e.interval),
        source: e.source,
        id: e.id,
        description: e.description,
        ongoing: e.ongoing,
      })),
    };
  }

  async customer(
    scope: AccessScope,
    query: CustomerAvailabilityQueryDto,
    now: Date,
  ): Promise<CustomerAvailabilityPageDto> {
    const { customerId, period, computed } = await this.customerFigures(scope, query, now);
    const sorted = sortComputed(computed, query.sort);
    const start = (query.page - 1) * query.pageSize;
    const items = sorted.slice(start, start + query.pageSize);
    const met = computed.filter((c) => c.figures.slaMet).length;
    return {
      customerId,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      periodSeconds: (period.to.getTime() - period.from.getTime()) / 1000,
      aggregate: {
        circuits: computed.length,
        meanAvailability:
          computed.length > 0
            ? computed.reduce((sum, c) => sum + c.figures.availability, 0) / computed.length
            : null,
        meetingSla: met,
        breachingSla: computed.length - met,
        unplannedDownSeconds:
          computed.reduce((sum, c) => sum + c.figures.unplannedDownMs, 0) / 1000,
      },
      items: items.map((c) => figuresDto(c.circuit, c.figures)),
      page: query.page,
      pageSize: query.pageSize,
      total: computed.length,
    };
  }

  /** One row per circuit of the customer in scope (all of them, not a page); audited. */
  async customerCsv(
    actor: { principal: VerifiedPrincipal; scope: AccessScope; ip: string | null },
    query: CustomerAvailabilityExportQueryDto,
    now: Date,
  ): Promise<CsvExport> {
    const { customerId, period, computed } = await this.customerFigures(actor.scope, query, now);
    const rows = sortComputed(computed, query.sort).map(({ circuit, figures: f }) => [
      circuit._id,
      circuit.name,
      circuit.slaClass,
      f.target,
      f.availability,
      f.slaMet ? 'met' : 'breached',
      f.downMs / 1000,
      f.plannedDownMs / 1000,
      f.unplannedDownMs / 1000,
      f.allowedDownMs / 1000,
      f.remainingDownMs / 1000,
      period.from.toISOString(),
      period.to.toISOString(),
    ]);
    const body = toCsv(
      [
        'circuit_id',
        'name',
        'sla_class',
        'target_ratio',
        'availability_ratio',
        'sla',
        'down_s',
        'planned_down_s',
        'unplanned_down_s',
        'allowed_down_s',
        'remaining_down_s',
        'from_utc',
        'to_utc',
      ],
      rows,
    );
    await this.audit.record({
      actor: actor.principal,
      action: 'availability.export',
      customerId,
      target: { type: 'customer', id: customerId },
      outcome: 'success',
      detail: { from: period.from.toISOString(), to: period.to.toISOString(), rows: rows.length },
      ip: actor.ip,
    });
    return {
      fileName: `availability-${fileNamePart(customerId)}-${fileNamePart(period.from.toISOString())}-${fileNamePart(period.to.toISOString())}.csv`,
      body,
    };
  }

  /** The evidence intervals of one circuit, one row each; audited. */
  async circuitCsv(
    actor: { principal: VerifiedPrincipal; scope: AccessScope; ip: string | null },
    id: string,
    query: AvailabilityPeriodDto,
    now: Date,
  ): Promise<CsvExport> {
    const result = await this.circuit(actor.scope, id, query, now);
    const body = toCsv(
      ['source', 'id', 'description', 'from_utc', 'to_utc', 'seconds', 'ongoing'],
      result.evidence.map((e) => [
        e.source,
        e.id,
        e.description,
        e.from,
        e.to,
        e.seconds,
        e.ongoing,
      ]),
    );
    await this.audit.record({
      actor: actor.principal,
      action: 'availability.export',
      customerId: result.customerId,
      target: { type: 'circuit', id },
      outcome: 'success',
      detail: { from: result.from, to: result.to, rows: result.evidence.length },
      ip: actor.ip,
    });
    return {
      fileName: `availability-${fileNamePart(id)}-${fileNamePart(result.from)}-${fileNamePart(result.to)}.csv`,
      body,
    };
  }

  /**
   * The figures of every circuit of `customerId` the scope may see over [from, min(to,
   * now)), for the reports (api/src/reports): the same evidence and arithmetic as the
   * routes above. The caller has checked the customer against the scope.
   */
  async figuresOfCustomer(
    scope: AccessScope,
    customerId: string,
    from: Date,
    to: Date,
    now: Date,
  ): Promise<Array<{ circuit: AvailabilityCircuit; figures: AvailabilityFigures }>> {
    const period = { from, to: new Date(Math.min(to.getTime(), now.getTime())) };
    if (period.to.getTime() <= period.from.getTime()) return [];
    const circuits = await this.repository.circuitsOfCustomer(scope, customerId);
    return this.compute(scope, customerId, circuits, period, now, { customerId });
  }

  private async customerFigures(
    scope: AccessScope,
    query: CustomerAvailabilityExportQueryDto,
    now: Date,
  ): Promise<{ customerId: string; period: Period; computed: Computed[] }> {
    const period = periodOf(query.from, query.to, now);
    const customerId = customerOf(scope, query.customerId);
    if (!(await this.repository.customerExists(customerId))) {
      throw new NotFoundException(`Customer ${customerId} not found.`);
    }
    const circuits = await this.repository.circuitsOfCustomer(scope, customerId);
    const computed = await this.compute(scope, customerId, circuits, period, now, { customerId });
    return { customerId, period, computed };
  }

  /** Reads the evidence of all the circuits at once, then computes each circuit's figures. */
  private async compute(
    scope: AccessScope,
    customerId: string,
    circuits: readonly AvailabilityCircuit[],
    period: Period,
    now: Date,
    windowsOf: { circuitId: string } | { customerId: string },
  ): Promise<Computed[]> {
    if (circuits.length === 0) return [];
    const ids = circuits.map((c) => c._id);
    const ends = circuits.flatMap((c) => [c.aEnd, c.zEnd]);
    const uniqueEnds = [...new Map(ends.map((e) => [`${e.deviceId}:${e.ifIndex}`, e])).values()];
    const [alarms, samples, windows] = await Promise.all([
      this.repository.downAlarms(scope, customerId, ids, period.from, period.to),
      this.repository.operDownSamples(
        uniqueEnds,
        new Date(period.from.getTime() - POLL_LOOKBACK_MS),
        period.to,
      ),
      this.maintenance.plannedDowntime(scope, windowsOf, period.from, period.to),
    ]);
    const alarmsByCircuit = groupBy(alarms, (a) => a.affectedCircuitIds);
    const runsByInterface = operRuns(samples);
    const span: Interval = { start: period.from.getTime(), end: period.to.getTime() };
    return circuits.map((circuit) => {
      const down: DownEvidence[] = [
        ...(alarmsByCircuit.get(circuit._id) ?? []).map((a) => alarmEvidence(a, now, span)),
        ...[circuit.aEnd, circuit.zEnd].flatMap((end) => {
          const key = `${end.deviceId}:${end.ifIndex}`;
          return (runsByInterface.get(key) ?? []).map((interval): DownEvidence => ({
            source: 'oper-status',
            id: key,
            description: 'interface operationally down on consecutive polls',
            interval,
            ongoing: false,
          }));
        }),
      ];
      const planned: PlannedEvidence[] = windows
        .filter((w) => w.circuitIds.includes(circuit._id))
        .map((w) => ({
          source: 'maintenance',
          id: w._id,
          description: w.title,
          interval: { start: new Date(w.start).getTime(), end: new Date(w.end).getTime() },
          ongoing: false,
        }));
      const target = SLA_CLASSES[circuit.slaClass].availabilityTarget;
      return { circuit, figures: availabilityOf(span, target, down, planned) };
    });
  }
}

function periodOf(fromText: string, toText: string, now: Date): Period {
  const from = new Date(fromText);
  const to = new Date(toText);
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
  if (from.getTime() >= now.getTime()) {
    throw new RequestValidationException([{ path: 'from', message: 'from must be in the past' }]);
  }
  return { from, to: new Date(Math.min(to.getTime(), now.getTime())) };
}

/**
 * The customer a per-customer request is about. A customer the scope does not cover is
 * 404 (as for a circuit), whether it exists or not.
 */
function customerOf(scope: AccessScope, requested: string | undefined): string {
  const notFound = (): never => {
    throw new NotFoundException(
      requested ? `Customer ${requested} not found.` : 'Customer not found.',
    );
  };
  switch (scope.kind) {
    case 'all':
      if (!requested) {
        throw new RequestValidationException([
          { path: 'customerId', message: 'customerId is required for operator staff' },
        ]);
      }
      return requested;
    case 'customers':
      if (!requested) {
        if (scope.customerIds.length === 1) return scope.customerIds[0]!;
        throw new RequestValidationException([
          { path: 'customerId', message: 'customerId is required with several customers' },
        ]);
      }
      return scope.customerIds.includes(requested) ? requested : notFound();
    case 'org-subtree':
      return !requested || requested === scope.customerId ? scope.customerId : notFound();
    case 'dispatched':
    case 'none':
      return notFound();
  }
}

function alarmEvidence(a: DownAlarm, now: Date, span: Interval): DownEvidence {
  const start = new Date(a.alarmRaisedTime).getTime();
  // A cleared alarm without a clear time (not written by ingestion) ends at its last change.
  const end =
    a.state === 'raised'
      ? now.getTime()
      : new Date(a.alarmClearedTime ?? a.alarmChangedTime).getTime();
  return {
    source: 'alarm',
    id: a._id,
    description: `${a.probableCause} on ${a.alarmedObject.name}`,
    interval: { start, end },
    ongoing: end >= span.end,
  };
}

function operRuns(samples: readonly DownSampleRow[]): Map<string, Interval[]> {
  const byInterface = new Map<string, { t: number; intervalSec: number }[]>();
  for (const s of samples) {
    const key = `${s.deviceId}:${s.ifIndex}`;
    const list = byInterface.get(key) ?? [];
    list.push({ t: new Date(s.t).getTime(), intervalSec: s.intervalSec });
    byInterface.set(key, list);
  }
  return new Map([...byInterface].map(([key, list]) => [key, operDownRuns(list)]));
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = out.get(key) ?? [];
      list.push(item);
      out.set(key, list);
    }
  }
  return out;
}

function intervalDto(i: Interval): TimeIntervalDto {
  return {
    from: new Date(i.start).toISOString(),
    to: new Date(i.end).toISOString(),
    seconds: (i.end - i.start) / 1000,
  };
}

function figuresDto(c: AvailabilityCircuit, f: AvailabilityFigures): AvailabilityFiguresDto {
  return {
    circuitId: c._id,
    name: c.name,
    customerId: c.customerId,
    slaClass: c.slaClass,
    target: f.target,
    availability: f.availability,
    sla: f.slaMet ? 'met' : 'breached',
    downSeconds: f.downMs / 1000,
    plannedDownSeconds: f.plannedDownMs / 1000,
    unplannedDownSeconds: f.unplannedDownMs / 1000,
    allowedDownSeconds: f.allowedDownMs / 1000,
    remainingDownSeconds: f.remainingDownMs / 1000,
  };
}

const SLA_ORDER = ['platinum', 'gold', 'silver', 'bronze'];

function sortComputed(items: readonly Computed[], spec: string | undefined): Computed[] {
  const keys = (spec ?? 'availability')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({
      field: (t.startsWith('-') ? t.slice(1) : t) as SortKey,
      dir: t.startsWith('-') ? -1 : 1,
    }));
  const value = (c: Computed, field: SortKey): number | string => {
    switch (field) {
      case 'availability':
        return c.figures.availability;
      case 'unplannedDownSeconds':
        return c.figures.unplannedDownMs;
      case 'id':
        return c.circuit._id;
      case 'name':
        return c.circuit.name;
      case 'slaClass':
        return SLA_ORDER.indexOf(c.circuit.slaClass);
    }
  };
  return [...items].sort((a, b) => {
    for (const { field, dir } of keys) {
      const x = value(a, field);
      const y = value(b, field);
      if (x < y) return -dir;
      if (x > y) return dir;
    }
    return a.circuit._id < b.circuit._id ? -1 : a.circuit._id > b.circuit._id ? 1 : 0;
  });
}
