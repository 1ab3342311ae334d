/**
 * What the network says when given elements, links or interfaces fail: the live state
 * fault location reads. The rules are those of the device simulator
 * (demo/src/simulator/fault-state.model.ts) and of real SNMP devices: a dead element takes
 * its interfaces down and with them the far ends of their links, and says nothing; an
 * interface shut down takes its link's far end down; live elements trap linkDown for each
 * of their ports that went down and are polled so; congestion and errors alarm on live,
 * up ports. For what-if questions, tests and benchmarks.
 */
import type { TopologyIndex } from '../graph/inventory.index';
import type { LiveAlarm, LiveState } from '../live/live-state.model';
import { interfaceId } from '../model/inventory.model';

/** A failure to predict the evidence of. */
export type InjectedFault =
  | { kind: 'element-down'; deviceId: string }
  | { kind: 'link-down'; linkId: string }
  | { kind: 'interface-down'; deviceId: string; ifIndex: number }
  | { kind: 'congestion' | 'errors'; linkId: string }
  | { kind: 'congestion' | 'errors'; deviceId: string; ifIndex: number };

export interface PredictedEvidenceOptions {
  /** Dead elements already detected as silent (takes 3 poll intervals). */
  silence?: boolean;
  /** Live elements traps linkDown for their down ports. */
  traps?: boolean;
  /** Live elements are polled: their down ports are listed as oper-down. */
  polls?: boolean;
  /** Live elements answered a poll a minute after the reports (`lastAnsweredAt`). */
  answers?: boolean;
}

function linkEnds(index: TopologyIndex, linkId: string): string[] {
  const link = index.links.get(linkId);
  if (!link) return [];
  return [
    interfaceId(link.a.deviceId, link.a.ifIndex),
    interfaceId(link.z.deviceId, link.z.ifIndex),
  ];
}

function deviceOf(id: string): string {
  return id.slice(0, id.lastIndexOf(':'));
}

export function predictedEvidence(
  index: TopologyIndex,
  faults: readonly InjectedFault[],
  options: PredictedEvidenceOptions = {},
): LiveState {
  const { silence = true, traps = true, polls = false, answers = false } = options;
  const dead = new Set<string>();
  const down = new Set<string>();
  const degraded = new Map<string, 'congestion' | 'highErrorRate'>();
  for (const fault of faults) {
    switch (fault.kind) {
      case 'element-down':
        dead.add(fault.deviceId);
        for (const id of index.interfacesByElement.get(fault.deviceId) ?? []) down.add(id);
        break;
      case 'link-down':
        for (const id of linkEnds(index, fault.linkId)) down.add(id);
        break;
      case 'interface-down':
        down.add(interfaceId(fault.deviceId, fault.ifIndex));
        break;
      case 'congestion':
      case 'errors': {
        const cause = fault.kind === 'congestion' ? 'congestion' : 'highErrorRate';
        const ids =
          'linkId' in fault
            ? linkEnds(index, fault.linkId)
            : [interfaceId(fault.deviceId, fault.ifIndex)];
        for (const id of ids) degraded.set(id, cause);
        break;
      }
    }
  }
  for (const id of [...down]) {
    const linkId = index.linkOfInterface.get(id);
    if (linkId !== undefined) for (const end of linkEnds(index, linkId)) down.add(end);
  }
  const alarms: LiveAlarm[] = [];
  const operDown: string[] = [];
  const raised = '2026-01-01T00:00:00Z';
  for (const id of down) {
    const deviceId = deviceOf(id);
    if (dead.has(deviceId)) continue;
    const ifIndex = Number(id.slice(id.lastIndexOf(':') + 1));
    if (traps)
      alarms.push({
        _id: `A-linkDown-${id}`,
        alarmedObject: { type: 'interface', deviceId, ifIndex },
        probableCause: 'linkDown',
        perceivedSeverity: 'major',
        serviceImpact: 'down',
        alarmRaisedTime: raised,
      });
    if (polls) operDown.push(id);
  }
  for (const [id, cause] of degraded) {
    const deviceId = deviceOf(id);
    if (dead.has(deviceId) || down.has(id)) continue;
    alarms.push({
      _id: `A-${cause}-${id}`,
      alarmedObject: {
        type: 'interface',
        deviceId,
        ifIndex: Number(id.slice(id.lastIndexOf(':') + 1)),
      },
      probableCause: cause,
      perceivedSeverity: 'minor',
      serviceImpact: 'degraded',
      alarmRaisedTime: raised,
    });
  }
  const live: LiveState = {
    alarms,
    operDownInterfaceIds: operDown,
    silentElementIds: silence ? [...dead] : [],
  };
  if (answers) {
    const answeredAt = Date.parse(raised) + 60_000;
    live.lastAnsweredAt = new Map(
      [...index.elements.keys()].filter((id) => !dead.has(id)).map((id) => [id, answeredAt]),
    );
  }
  return live;
}
