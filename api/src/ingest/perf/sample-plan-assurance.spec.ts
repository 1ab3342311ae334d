import type { InterfaceSample, SnmpSample } from '@circuitcare/collectors/contracts';

import type { AssuranceOverrideDocument } from '../../assurance/assurance-window.document';
import { DEFAULT_ASSURANCE_THRESHOLDS } from '../../assurance/assurance-window.document';
import { ActiveOverrides } from '../inventory/assurance-overrides.reader';
import { type PlanContext, type SampleMessage, planSamples } from './sample-plan';

const T0 = Date.UTC(2026, 10, 22, 4, 0, 0);
const MBIT = 1e6;

/** Two polls 10 s apart of a 100 Mbit/s port carrying `mbps` both ways. */
function polls(mbps: number): SampleMessage[] {
  const octets = (step: number): string => String(Math.round((mbps * MBIT * 10 * step) / 8));
  return [0, 1].map((step) => {
    const polledAt = new Date(T0 + step * 10_000).toISOString();
    const itf: InterfaceSample = {
      ifIndex: 2,
      operStatus: 1,
      highSpeedMbps: 100,
      inOctets: octets(step),
      outOctets: octets(step),
      inErrors: 0,
      outErrors: 0,
      inDiscards: 0,
      outDiscards: 0,
    };
    const sample: SnmpSample = {
      v: 1,
      sampleId: `cpe-1@${polledAt}`,
      deviceId: 'cpe-1',
      mgmtIp: '127.0.1.1',
      polledAt,
      sysUpTime: 100_000 + step * 1000,
      pollerId: 'poller-1',
      interfaces: [itf],
    };
    return {
      sample,
      position: { topic: 'cc.snmp.samples.v1', partition: 0, offset: String(step) },
    };
  });
}

const override: AssuranceOverrideDocument = {
  _id: 'as-1|cpe-1',
  windowId: 'as-1',
  deviceId: 'cpe-1',
  ifIndexes: [2],
  pollIntervalSec: 10,
  thresholds: DEFAULT_ASSURANCE_THRESHOLDS,
  from: new Date(T0 - 3600_000),
  until: new Date(T0 + 3600_000),
};

function context(overrides: AssuranceOverrideDocument[]): PlanContext {
  const active = new ActiveOverrides(overrides);
  return {
    states: new Map(),
    interfaceFacts: () => ({ speedBps: 100 * MBIT, carriesCircuits: true }),
    expectedIntervalSec: () => 60,
    thresholdsFor: (key, at) => active.thresholds('cpe-1', Number(key.split(':')[1]), at),
  };
}

const raised = (messages: SampleMessage[], ctx: PlanContext): string[] =>
  planSamples(messages, ctx).waves.flatMap((w) =>
    w.alarmEvents
      .filter((e) => e.action === 'raise')
      .map((e) => `${e.probableCause}: ${e.specificProblem}`),
  );

describe('key-period assurance in the sample plan', () => {
  it('raises congestion at 75 % under assurance, not without', () => {
    expect(raised(polls(75), context([]))).toEqual([]);
    expect(raised(polls(75), context([override]))).toEqual([
      'congestion: utilisation at or above 70 % (key-period assurance)',
    ]);
  });

  it('applies only inside the window and only to the listed interfaces', () => {
    const later = { ...override, from: new Date(T0 + 60_000) };
    expect(raised(polls(75), context([later]))).toEqual([]);
    const other = { ...override, ifIndexes: [3] };
    expect(raised(polls(75), context([other]))).toEqual([]);
    expect(
      new ActiveOverrides([override]).pollIntervalSec('cpe-1', new Date(T0 + 2 * 3600_000)),
    ).toBeUndefined();
  });
});
