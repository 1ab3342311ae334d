import type { SnmpSample } from '@circuitcare/collectors/contracts';

import type { CounterStateDocument } from '../../database/documents';
import type { AlarmEvent, AlarmedTarget, EventPosition } from '../alarms/alarm-event';
import { reductionKeyOf } from '../alarms/alarm-event';
import {
  type ConditionFlags,
  type ConditionName,
  type ConditionThresholds,
  type ConditionTransition,
  NO_CONDITIONS,
  THRESHOLDS,
  evaluateConditions,
} from '../alarms/sample-conditions';
import {
  type BaselineReason,
  type CounterReading,
  computeRates,
  effectiveSpeedBps,
} from './counter-rates';
import { type RatePoint, interfaceKey } from './perf-buckets';

/**
 * Plans the writes of a batch of samples. Pure: the service loads the counter states
 * and inventory facts, this decides, the repository writes.
 *
 * Writes are grouped in waves: wave k holds the k-th sample of each interface in the
 * batch, so that one bulkWrite never holds two samples of the same interface (an
 * unordered bulkWrite may apply them in any order, and the monotonic guard would then
 * drop the earlier one). Within a wave: raw points and buckets, then alarm events,
 * then counter states — the state is the "done" mark of a sample.
 */
export interface SampleMessage {
  sample: SnmpSample;
  position: EventPosition;
}

export interface InterfaceFacts {
  /** Inventory speed in bit/s; null when the interface is not in the inventory. */
  speedBps: number | null;
  carriesCircuits: boolean;
}

export interface PlanContext {
  states: ReadonlyMap<string, CounterStateDocument>;
  interfaceFacts(key: string): InterfaceFacts | undefined;
  expectedIntervalSec(deviceId: string): number;
  /** Tighter thresholds for an interface under key-period assurance at `at`; undefined: the defaults. */
  thresholdsFor?(key: string, at: Date): Partial<ConditionThresholds> | undefined;
}

export interface Wave {
  points: RatePoint[];
  alarmEvents: AlarmEvent[];
  states: CounterStateDocument[];
}

export interface PlanStats {
  interfaceSamples: number;
  rates: number;
  /** Samples at or before the stored state: redeliveries (or late duplicates), skipped. */
  stale: number;
  baselines: Partial<Record<BaselineReason, number>>;
}

export interface SamplePlan {
  waves: Wave[];
  stats: PlanStats;
}

export function readingOf(state: CounterStateDocument): CounterReading {
  return {
    polledAtMs: state.polledAt.getTime(),
    sysUpTime: state.sysUpTime,
    inOctets: BigInt(state.inOctets),
    outOctets: BigInt(state.outOctets),
    inErrors: state.inErrors,
    outErrors: state.outErrors,
    inDiscards: state.inDiscards,
    outDiscards: state.outDiscards,
    operStatus: state.operStatus,
  };
}

const CONDITION_EVENTS: Readonly<
  Record<
    ConditionName,
    Pick<AlarmEvent, 'probableCause' | 'alarmType' | 'perceivedSeverity' | 'impact'> & {
      problem: string;
    }
  >
> = {
  operDown: {
    probableCause: 'linkDown',
    alarmType: 'communicationsAlarm',
    perceivedSeverity: 'major',
    impact: 'down',
    problem: 'ifOperStatus down (polled)',
  },
  congestion: {
    probableCause: 'congestion',
    alarmType: 'qualityOfServiceAlarm',
    perceivedSeverity: 'minor',
    impact: 'degraded',
    problem: 'utilisation at or above 90 %',
  },
  highErrorRate: {
    probableCause: 'highErrorRate',
    alarmType: 'communicationsAlarm',
    perceivedSeverity: 'minor',
    impact: 'degraded',
    problem: 'interface errors above 1/s or 0.1 % of packets',
  },
};

export function conditionEvent(
  transition: ConditionTransition,
  target: Extract<AlarmedTarget, { kind: 'interface' }>,
  time: Date,
  position: EventPosition,
  thresholds: ConditionThresholds = THRESHOLDS,
): AlarmEvent {
  const spec = CONDITION_EVENTS[transition.condition];
  const assured = thresholds !== THRESHOLDS;
  const problem = !assured
    ? spec.problem
    : transition.condition === 'congestion'
      ? `utilisation at or above ${Math.round(thresholds.congestionRaise * 100)} % (key-period assurance)`
      : transition.condition === 'highErrorRate'
        ? `interface errors above ${thresholds.errorsPerSecRaise}/s or ${+(thresholds.errorRatioRaise * 100).toFixed(3)} % of packets (key-period assurance)`
        : spec.problem;
  return {
    action: transition.raise ? 'raise' : 'clear',
    reductionKey: reductionKeyOf(spec.probableCause, target),
    probableCause: spec.probableCause,
    specificProblem: problem,
    alarmType: spec.alarmType,
    perceivedSeverity: spec.perceivedSeverity,
    target,
    impact: spec.impact,
    time,
    sourceSystemId: 'poll',
    position,
  };
}

export function planSamples(messages: readonly SampleMessage[], context: PlanContext): SamplePlan {
  const waves: Wave[] = [];
  const stats: PlanStats = { interfaceSamples: 0, rates: 0, stale: 0, baselines: {} };
  const latest = new Map<string, CounterStateDocument>();
  const waveOf = new Map<string, number>();

  for (const { sample, position } of messages) {
    const polledAt = new Date(sample.polledAt);
    const expected = context.expectedIntervalSec(sample.deviceId);
    for (const itf of sample.interfaces) {
      stats.interfaceSamples += 1;
      const key = interfaceKey(sample.deviceId, itf.ifIndex);
      const prevState = latest.get(key) ?? context.states.get(key) ?? null;
      if (prevState !== null && prevState.polledAt.getTime() >= polledAt.getTime()) {
        stats.stale += 1;
        continue;
      }
      const facts = context.interfaceFacts(key);
      const reading: CounterReading = {
        polledAtMs: polledAt.getTime(),
        sysUpTime: sample.sysUpTime,
        inOctets: BigInt(itf.inOctets),
        outOctets: BigInt(itf.outOctets),
        inErrors: itf.inErrors,
        outErrors: itf.outErrors,
        inDiscards: itf.inDiscards,
        outDiscards: itf.outDiscards,
        operStatus: itf.operStatus,
      };
      const outcome = computeRates(prevState === null ? null : readingOf(prevState), reading, {
        speedBps: effectiveSpeedBps(facts?.speedBps, itf.highSpeedMbps),
        expectedIntervalSec: expected,
      });

      const index = waveOf.get(key) ?? 0;
      waveOf.set(key, index + 1);
      let wave = waves[index];
      if (wave === undefined) {
        wave = { points: [], alarmEvents: [], states: [] };
        waves[index] = wave;
      }

      const rates = outcome.kind === 'rate' ? outcome.rates : null;
      if (outcome.kind === 'rate') {
        stats.rates += 1;
        wave.points.push({
          deviceId: sample.deviceId,
          ifIndex: itf.ifIndex,
          t: polledAt,
          rates: outcome.rates,
        });
      } else {
        stats.baselines[outcome.reason] = (stats.baselines[outcome.reason] ?? 0) + 1;
      }

      const prevFlags: ConditionFlags = prevState?.conditions ?? NO_CONDITIONS;
      const tighter = context.thresholdsFor?.(key, polledAt);
      const thresholds = tighter ? { ...THRESHOLDS, ...tighter } : THRESHOLDS;
      const { next, transitions } = evaluateConditions(
        prevFlags,
        { operStatus: itf.operStatus, carriesCircuits: facts?.carriesCircuits ?? false, rates },
        thresholds,
      );
      const target = {
        kind: 'interface' as const,
        deviceId: sample.deviceId,
        ifIndex: itf.ifIndex,
      };
      for (const transition of transitions)
        wave.alarmEvents.push(conditionEvent(transition, target, polledAt, position, thresholds));

      const state: CounterStateDocument = {
        _id: key,
        deviceId: sample.deviceId,
        ifIndex: itf.ifIndex,
        polledAt,
        sysUpTime: sample.sysUpTime,
        inOctets: itf.inOctets,
        outOctets: itf.outOctets,
        inErrors: itf.inErrors,
        outErrors: itf.outErrors,
        inDiscards: itf.inDiscards,
        outDiscards: itf.outDiscards,
        operStatus: itf.operStatus,
        conditions: next,
      };
      wave.states.push(state);
      latest.set(key, state);
    }
  }
  return { waves, stats };
}
