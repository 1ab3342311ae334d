import { buildTopologyIndex } from '../graph/inventory.index';
import { miniNetwork } from '../test/mini-network.fixture';
import { predictedEvidence } from './predicted-evidence';

describe('predictedEvidence', () => {
  const index = buildTopologyIndex(miniNetwork());
  const port = (deviceId: string, peer: string): string => {
    const adj = index.adjacency.get(deviceId)?.find((a) => a.peerDeviceId === peer);
    return `${deviceId}:${adj?.localIfIndex}`;
  };
  const alarmed = (live: ReturnType<typeof predictedEvidence>) =>
    live.alarms.map((a) => `${a.alarmedObject.deviceId}:${a.alarmedObject.ifIndex}`).sort();

  it('a dead element is silent and its neighbours trap the ports facing it', () => {
    const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'P1' }], {
      polls: true,
    });
    expect(live.silentElementIds).toEqual(['P1']);
    expect(alarmed(live)).toEqual([port('A1', 'P1'), port('C1', 'P1'), port('C2', 'P1')].sort());
    expect([...(live.operDownInterfaceIds ?? [])].sort()).toEqual(alarmed(live));
    expect(live.alarms.every((a) => a.probableCause === 'linkDown')).toBe(true);
  });

  it('an interface shut on one end takes the far end down: both ends trap', () => {
    const [, ifIndex] = port('P2', 'A3').split(':');
    const live = predictedEvidence(index, [
      { kind: 'interface-down', deviceId: 'P2', ifIndex: Number(ifIndex) },
    ]);
    expect(alarmed(live)).toEqual([port('A3', 'P2'), port('P2', 'A3')].sort());
    expect(live.silentElementIds).toEqual([]);
  });

  it('silence and traps can be left out (not yet detected, lost)', () => {
    const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'A3' }], {
      silence: false,
      traps: false,
    });
    expect(live).toEqual({ alarms: [], operDownInterfaceIds: [], silentElementIds: [] });
  });

  it('degradations alarm on live, up ports only', () => {
    const live = predictedEvidence(index, [
      { kind: 'congestion', linkId: 'L-P2-A3' },
      { kind: 'errors', linkId: 'L-A1-A2' },
      { kind: 'element-down', deviceId: 'A2' },
    ]);
    const causes = live.alarms.map((a) => a.probableCause);
    expect(causes.filter((c) => c === 'congestion')).toHaveLength(2);
    expect(causes).not.toContain('highErrorRate');
  });
});
