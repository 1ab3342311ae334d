import { predictedEvidence } from '../fault/predicted-evidence';
import { buildTopologyIndex } from '../graph/inventory.index';
import { indexLiveState } from '../live/live-state.index';
import { miniNetwork } from '../test/mini-network.fixture';
import { circuitRouteTopology } from './circuit-route.topology';

describe('circuitRouteTopology', () => {
  const index = buildTopologyIndex(miniNetwork());

  it('returns null for an unknown circuit', () => {
    expect(circuitRouteTopology(index, 'nope', { alarms: [] })).toBeNull();
  });

  it('lists the hops in route order with names, segments, interfaces and ends', () => {
    const route = circuitRouteTopology(index, 'X-MPLS-1', { alarms: [] });
    expect(route?.hops.map((h) => h.deviceId)).toEqual([
      'X-CPE-1',
      'A1',
      'P1',
      'C1',
      'P2',
      'A3',
      'X-HUB',
    ]);
    expect(route?.hops.map((h) => h.segment)).toEqual([
      'customer-side',
      'access',
      'pe',
      'core',
      'pe',
      'access',
      'customer-side',
    ]);
    expect(route?.hops[0]).toMatchObject({
      inInterface: null,
      shared: false,
      siteName: 'X-S-001 站',
    });
    expect(route?.hops[1]?.shared).toBe(true);
    expect(route?.hops[6]?.outInterface).toBeNull();
    expect(route?.links.map((l) => [l.linkId, l.segment])).toEqual([
      ['L-X-CPE-1-A1', 'access'],
      ['L-P1-A1', 'access'],
      ['L-P1-C1', 'core'],
      ['L-P2-C1', 'core'],
      ['L-P2-A3', 'access'],
      ['L-X-HUB-A3', 'access'],
    ]);
    expect(route?.aEnd).toMatchObject({ siteId: 'X-S-001', deviceId: 'X-CPE-1' });
    expect(route?.zEnd).toMatchObject({ siteId: 'X-S-PV', deviceId: 'X-HUB' });
    expect(route?.status).toBe('up');
    expect(route?.links.every((l) => l.status === 'up')).toBe(true);
  });

  it('shows a dead PE down, its links down from the neighbours reports', () => {
    const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'P1' }]);
    const route = circuitRouteTopology(index, 'X-MPLS-1', live);
    const p1 = route?.hops.find((h) => h.deviceId === 'P1');
    expect(p1).toMatchObject({ status: 'down', silent: true });
    // Its own ports cannot be seen; its neighbours' ports facing it are down.
    expect(p1?.inInterface?.status).toBe('unknown');
    expect(route?.hops[1]?.outInterface?.status).toBe('down');
    expect(route?.hops[1]?.alarmIds).toHaveLength(1);
    expect(route?.links.find((l) => l.linkId === 'L-P1-A1')?.status).toBe('down');
    expect(route?.status).toBe('down');
  });

  it('shows a link unknown when an end is silent and nothing else is said', () => {
    const route = circuitRouteTopology(index, 'X-MPLS-1', {
      alarms: [],
      silentElementIds: ['C1'],
    });
    expect(route?.links.find((l) => l.linkId === 'L-P1-C1')?.status).toBe('unknown');
    expect(route?.hops.find((h) => h.deviceId === 'C1')?.status).toBe('down');
  });

  it('shows degradations and the alarms on the hops', () => {
    const live = predictedEvidence(index, [{ kind: 'congestion', linkId: 'L-P2-A3' }]);
    const route = circuitRouteTopology(index, 'X-MPLS-1', indexLiveState(live));
    expect(route?.status).toBe('degraded');
    expect(route?.links.find((l) => l.linkId === 'L-P2-A3')?.status).toBe('degraded');
    expect(route?.hops.find((h) => h.deviceId === 'P2')?.status).toBe('up');
    expect(route?.hops.find((h) => h.deviceId === 'P2')?.outInterface?.alarmIds).toHaveLength(1);
  });

  it('is unknown everywhere without live state', () => {
    const route = circuitRouteTopology(index, 'X-MPLS-1');
    expect(route?.status).toBe('unknown');
    expect(route?.hops.every((h) => h.status === 'unknown')).toBe(true);
    expect(route?.links.every((l) => l.status === 'unknown')).toBe(true);
  });

  it('counts a linkless gateway port on the route', () => {
    const upstream = index.circuits.get('X-INET-1')?.route.at(-1)?.outIfIndex ?? 0;
    const route = circuitRouteTopology(index, 'X-INET-1', {
      alarms: [],
      operDownInterfaceIds: [`G1:${upstream}`],
    });
    expect(route?.hops.at(-1)?.outInterface?.status).toBe('down');
    expect(route?.status).toBe('down');
  });
});
