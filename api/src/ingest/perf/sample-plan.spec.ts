import type { InterfaceSample, SnmpSample } from '@circuitcare/collectors/contracts';

import type { CounterStateDocument } from '../../database/documents';
import {
  type InterfaceFacts,
  type PlanContext,
  type SampleMessage,
  planSamples,
} from './sample-plan';

const T0 = Date.UTC(2026, 10, 22, 4, 0, 0);

function itf(ifIndex: number, overrides: Partial<InterfaceSample> = {}): InterfaceSample {
  return {
    ifIndex,
    operStatus: 1,
    highSpeedMbps: 100,
    inOctets: '0',
    outOctets: '0',
    inErrors: 0,
    outErrors: 0,
    inDiscards: 0,
    outDiscards: 0,
    ...overrides,
  };
}

function message(
  step: number,
  interfaces: InterfaceSample[],
  deviceId = 'cpe-1',
  offset = step,
): SampleMessage {
  const polledAt = new Date(T0 + step * 60_000).toISOString();
  const sample: SnmpSample = {
    v: 1,
    sampleId: `${deviceId}@${polledAt}`,
    deviceId,
    mgmtIp: '127.0.1.1',
    polledAt,
    sysUpTime: 100_000 + step * 6000,
    pollerId: 'poller-1',
    interfaces,
  };
  return {
    sample,
    position: { topic: 'cc.snmp.samples.v1', partition: 0, offset: String(offset) },
  };
}

function context(
  states: CounterStateDocument[] = [],
  facts: Record<string, InterfaceFacts> = {},
): PlanContext {
  return {
    states: new Map(states.map((s) => [s._id, s])),
    interfaceFacts: (key) => facts[key],
    expectedIntervalSec: () => 60,
  };
}

/** 60 s at `mbps` Mbit/s in octets, cumulative over `step` polls. */
const octets = (mbps: number, step: number) => String((mbps * 1e6 * 60 * step) / 8);

describe('planSamples', () => {
  it('first sample of an interface is a baseline; the next ones become rate points', () => {
    const plan = planSamples(
      [0, 1, 2].map((s) => message(s, [itf(1, { inOctets: octets(50, s) })])),
      context([], { 'cpe-1:1': { speedBps: 100e6, carriesCircuits: true } }),
    );
    expect(plan.stats).toEqual({
      interfaceSamples: 3,
      rates: 2,
      stale: 0,
      baselines: { first: 1 },
    });
    expect(plan.waves).toHaveLength(3);
    expect(plan.waves[0]!.points).toEqual([]);
    expect(plan.waves[1]!.points[0]!.rates.inBps).toBe(50e6);
    expect(plan.waves[1]!.points[0]!.rates.inUtil).toBe(0.5);
    expect(plan.waves[2]!.states[0]!.inOctets).toBe(octets(50, 2));
  });

  it('puts the k-th sample of each interface into wave k, interfaces side by side', () => {
    const plan = planSamples(
      [
        message(0, [itf(1), itf(2)]),
        message(1, [itf(1), itf(2)]),
        message(1, [itf(1)], 'cpe-2', 9),
      ],
      context(),
    );
    expect(plan.waves.map((w) => w.states.map((s) => s._id))).toEqual([
      ['cpe-1:1', 'cpe-1:2', 'cpe-2:1'],
      ['cpe-1:1', 'cpe-1:2'],
    ]);
  });

  it('skips samples at or before the stored state (redelivery) and continues after it', () => {
    const first = planSamples(
      [0, 1].map((s) => message(s, [itf(1, { inOctets: octets(10, s) })])),
      context(),
    );
    const stored = first.waves[1]!.states[0]!;
    const again = planSamples(
      [0, 1, 2].map((s) => message(s, [itf(1, { inOctets: octets(10, s) })])),
      context([stored]),
    );
    expect(again.stats.stale).toBe(2);
    expect(again.stats.rates).toBe(1);
    expect(again.waves[0]!.points[0]!.t).toEqual(new Date(T0 + 120_000));
  });

  it('uses ifHighSpeed when the interface is not in the inventory', () => {
    const plan = planSamples(
      [0, 1].map((s) => message(s, [itf(1, { outOctets: octets(25, s) })])),
      context(),
    );
    expect(plan.waves[1]!.points[0]!.rates.outUtil).toBe(0.25);
  });

  it('derives poll alarms: linkDown on oper down, congestion on high utilisation, clears later', () => {
    const facts = { 'cpe-1:1': { speedBps: 100e6, carriesCircuits: true } };
    const plan = planSamples(
      [
        message(0, [itf(1)]),
        message(1, [itf(1, { operStatus: 2 })]),
        message(2, [itf(1, { inOctets: octets(95, 1) })]),
        message(3, [itf(1, { inOctets: octets(95, 1) })]),
      ],
      context([], facts),
    );
    const events = plan.waves.map((w) =>
      w.alarmEvents.map((e) => `${e.action} ${e.reductionKey} ${e.sourceSystemId}`),
    );
    expect(events).toEqual([
      [],
      ['raise linkDown|cpe-1:1 poll'],
      ['clear linkDown|cpe-1:1 poll', 'raise congestion|cpe-1:1 poll'],
      ['clear congestion|cpe-1:1 poll'],
    ]);
    expect(plan.waves[2]!.states[0]!.conditions).toEqual({
      operDown: false,
      congestion: true,
      highErrorRate: false,
    });
    expect(plan.waves[1]!.alarmEvents[0]!.position.offset).toBe('1');
  });

  it('a device restart gives a baseline for all its interfaces', () => {
    const msgs = [
      message(0, [itf(1, { inOctets: '999999999' })]),
      message(1, [itf(1, { inOctets: '10' })]),
    ];
    msgs[1]!.sample.sysUpTime = 500;
    expect(planSamples(msgs, context()).stats.baselines).toEqual({ first: 1, restart: 1 });
  });
});
