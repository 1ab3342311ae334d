import { buildTopologyIndex } from '../graph/inventory.index';
import type { TopologyIndex } from '../graph/inventory.index';
import type { LiveState } from '../live/live-state.model';
import { miniNetwork } from '../test/mini-network.fixture';
import { locateFaults } from './fault-location.algorithm';
import type { FaultLocationResult } from './fault-location.model';
import { predictedEvidence } from './predicted-evidence';
import type { PredictedEvidenceOptions, InjectedFault } from './predicted-evidence';

describe('locateFaults', () => {
  let index: TopologyIndex;
  beforeAll(() => {
    index = buildTopologyIndex(miniNetwork());
  });

  const port = (deviceId: string, peer: string): string => {
    const adj = index.adjacency.get(deviceId)?.find((a) => a.peerDeviceId === peer);
    if (!adj) throw new Error(`${deviceId} has no link to ${peer}`);
    return `${deviceId}:${adj.localIfIndex}`;
  };
  const locate = (
    faults: InjectedFault[],
    options?: PredictedEvidenceOptions,
  ): FaultLocationResult => locateFaults(index, predictedEvidence(index, faults, options));
  const suspectsByCircuit = (r: FaultLocationResult): Record<string, string> =>
    Object.fromEntries(r.circuits.map((c) => [c.circuitId, c.suspect.id]));

  it('finds nothing in a quiet network', () => {
    expect(locateFaults(index, { alarms: [] })).toEqual({ circuits: [], causes: [] });
  });

  it('locates a dead PE from its neighbours alone, as one cause for all its circuits', () => {
    const result = locate([{ kind: 'element-down', deviceId: 'P1' }], { silence: false });
    expect(result.causes).toHaveLength(1);
    const [cause] = result.causes;
    expect(cause?.suspect).toMatchObject({ kind: 'element', id: 'P1', segment: 'pe' });
    expect(cause?.circuitIds).toEqual(['X-MPLS-1', 'X-INET-1', 'Y-MPLS-1']);
    expect(cause?.customers).toEqual([
      { customerId: 'bank-x', circuitIds: ['X-MPLS-1', 'X-INET-1'] },
      { customerId: 'bank-y', circuitIds: ['Y-MPLS-1'] },
    ]);
    expect(suspectsByCircuit(result)).toEqual({
      'X-MPLS-1': 'P1',
      'X-INET-1': 'P1',
      'Y-MPLS-1': 'P1',
    });
    // Neighbours C1, C2 and A1 each report the port facing P1.
    expect(cause?.evidence.map((e) => e.interfaceId).sort()).toEqual(
      [port('A1', 'P1'), port('C1', 'P1'), port('C2', 'P1')].sort(),
    );
    expect(cause?.evidence[0]?.reason).toMatch(
      /reports linkDown on GE0\/0\/\d+, the port facing P1/,
    );
    expect(result.circuits.every((c) => c.segment === 'pe' && c.severity === 'down')).toBe(true);
  });

  it('is more confident about a dead element once it is silent', () => {
    const quick = locate([{ kind: 'element-down', deviceId: 'P1' }], { silence: false });
    const later = locate([{ kind: 'element-down', deviceId: 'P1' }], { silence: true });
    expect(later.causes[0]?.suspect.id).toBe('P1');
    expect(later.causes[0]?.confidence).toBeGreaterThan(quick.causes[0]?.confidence ?? 1);
    expect(later.causes[0]?.evidence.some((e) => e.kind === 'silent')).toBe(true);
    expect(quick.causes[0]?.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('reads a silent element with most neighbour reports lost as the element, not a link', () => {
    const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'P1' }]);
    const oneReport = {
      ...live,
      alarms: live.alarms.filter((a) => a.alarmedObject.deviceId === 'C1'),
    };
    const result = locateFaults(index, oneReport);
    expect(result.causes.map((c) => c.suspect.id)).toEqual(['P1']);
    expect(result.causes[0]?.confidence).toBeLessThan(0.8);
  });

  it('locates an access ring node down, with the CPEs facing it as evidence', () => {
    const result = locate([{ kind: 'element-down', deviceId: 'A1' }]);
    expect(result.causes.map((c) => c.suspect.id)).toEqual(['A1']);
    expect(result.causes[0]?.suspect.segment).toBe('access');
    expect(Object.keys(suspectsByCircuit(result)).sort()).toEqual(
      ['X-INET-1', 'X-MPLS-1', 'X-MPLS-2', 'Y-MPLS-1'].sort(),
    );
    expect(new Set(result.circuits.map((c) => c.suspect.id))).toEqual(new Set(['A1']));
  });

  it('shows a circuit only the evidence on its own route, counting the rest', () => {
    const result = locate([{ kind: 'element-down', deviceId: 'A1' }], { silence: false });
    const y = result.circuits.find((c) => c.circuitId === 'Y-MPLS-1');
    // Y's route: Y-CPE-1 → A1 → P1: the CPE's WAN port and P1's port facing A1.
    expect(y?.evidence.map((e) => e.interfaceId).sort()).toEqual(
      [port('P1', 'A1'), port('Y-CPE-1', 'A1')].sort(),
    );
    expect(y?.evidence.some((e) => e.deviceId.startsWith('X-'))).toBe(false);
    expect(y?.otherSupportingFacts).toBe((result.causes[0]?.evidence.length ?? 0) - 2);
  });

  it('locates a single dead CPE from the access port facing it (customer-side)', () => {
    const quick = locate([{ kind: 'element-down', deviceId: 'X-CPE-1' }], { silence: false });
    expect(quick.causes).toHaveLength(1);
    expect(quick.causes[0]?.suspect).toMatchObject({ id: 'X-CPE-1', segment: 'customer-side' });
    expect(suspectsByCircuit(quick)).toEqual({ 'X-MPLS-1': 'X-CPE-1' });
    const silent = locate([{ kind: 'element-down', deviceId: 'X-CPE-1' }], { silence: true });
    expect(silent.causes[0]?.confidence).toBeGreaterThan(quick.causes[0]?.confidence ?? 1);
    expect(silent.causes[0]?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('locates a core link down from both ends', () => {
    const result = locate([{ kind: 'link-down', linkId: 'L-C1-C2' }]);
    expect(result.causes).toHaveLength(1);
    expect(result.causes[0]?.suspect).toMatchObject({
      kind: 'link',
      id: 'L-C1-C2',
      segment: 'core',
      name: 'C1 ⇄ C2',
    });
    expect(result.causes[0]?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(suspectsByCircuit(result)).toEqual({ 'Y-MPLS-1': 'L-C1-C2' });
  });

  it('locates an access link down (both the CPE and the access node report)', () => {
    const result = locate([{ kind: 'link-down', linkId: 'L-X-CPE-1-A1' }]);
    expect(result.causes.map((c) => c.suspect.id)).toEqual(['L-X-CPE-1-A1']);
    expect(result.causes[0]?.suspect.segment).toBe('access');
  });

  it('locates an interface shut on one end as its link', () => {
    const [, ifIndex] = port('P2', 'A3').split(':');
    const result = locate([{ kind: 'interface-down', deviceId: 'P2', ifIndex: Number(ifIndex) }]);
    expect(result.causes.map((c) => c.suspect.id)).toEqual(['L-P2-A3']);
    expect(result.causes[0]?.suspect.interfaceIds).toContain(port('P2', 'A3'));
    expect(Object.keys(suspectsByCircuit(result)).sort()).toEqual(
      ['X-MPLS-1', 'X-MPLS-2', 'X-MPLS-3', 'Y-MPLS-1'].sort(),
    );
  });

  it('locates a link from one end reporting when the far element has other links up', () => {
    const live: LiveState = {
      alarms: [
        {
          _id: 'a1',
          alarmedObject: {
            type: 'interface',
            deviceId: 'C1',
            ifIndex: Number(port('C1', 'C2').split(':')[1]),
          },
          probableCause: 'linkDown',
          perceivedSeverity: 'major',
          alarmRaisedTime: new Date(),
        },
      ],
    };
    const result = locateFaults(index, live);
    expect(result.causes.map((c) => c.suspect.id)).toEqual(['L-C1-C2']);
    expect(result.causes[0]?.confidence).toBeLessThan(0.9);
  });

  it('reads one report on an access line as the line when the CPE answered polls since', () => {
    const live = predictedEvidence(index, [{ kind: 'link-down', linkId: 'L-X-CPE-1-A1' }]);
    // The CPE's own linkDown trap was lost: only A1's port facing it reports.
    const lost = { ...live, alarms: live.alarms.filter((a) => a.alarmedObject.deviceId === 'A1') };
    expect(locateFaults(index, lost).causes[0]?.suspect.id).toBe('X-CPE-1');
    const raised = Date.parse('2026-01-01T00:00:00Z');
    const answered = locateFaults(index, {
      ...lost,
      lastAnsweredAt: new Map([['X-CPE-1', raised + 30_000]]),
    });
    expect(answered.causes.map((c) => c.suspect.id)).toEqual(['L-X-CPE-1-A1']);
    // A poll answered before the report (or within the clock slack) says nothing.
    const before = locateFaults(index, {
      ...lost,
      lastAnsweredAt: new Map([['X-CPE-1', raised + 2_000]]),
    });
    expect(before.causes[0]?.suspect.id).toBe('X-CPE-1');
  });

  it('takes polled oper-down interfaces as evidence when traps were lost', () => {
    const result = locate([{ kind: 'element-down', deviceId: 'A2' }], {
      traps: false,
      polls: true,
      silence: false,
    });
    expect(result.causes.map((c) => c.suspect.id)).toEqual(['A2']);
    expect(result.causes[0]?.evidence.every((e) => e.kind === 'oper-down')).toBe(true);
    expect(result.causes[0]?.evidence[0]?.reason).toMatch(/polled operationally down/);
  });

  it('separates simultaneous faults into their causes', () => {
    const result = locate([
      { kind: 'element-down', deviceId: 'P1' },
      { kind: 'element-down', deviceId: 'X-CPE-3' },
    ]);
    expect(result.causes.map((c) => c.suspect.id).sort()).toEqual(['P1', 'X-CPE-3']);
    const inet = result.circuits.find((c) => c.circuitId === 'X-INET-1');
    // Both are on X-INET-1's route; equally severe, the more confident one is named.
    expect(inet?.otherCauseIds).toHaveLength(1);
    expect(suspectsByCircuit(result)['X-MPLS-3']).toBe('X-CPE-3');
  });

  it('locates degradations with lower severity: a congested link, an erroring port', () => {
    const congested = locate([{ kind: 'congestion', linkId: 'L-P2-A3' }]);
    expect(congested.causes).toHaveLength(1);
    expect(congested.causes[0]).toMatchObject({
      severity: 'degraded',
      suspect: { kind: 'link', id: 'L-P2-A3' },
    });
    const [, ifIndex] = port('A2', 'P2').split(':');
    const errors = locate([{ kind: 'errors', deviceId: 'A2', ifIndex: Number(ifIndex) }]);
    expect(errors.causes[0]).toMatchObject({
      severity: 'degraded',
      suspect: { kind: 'interface', id: port('A2', 'P2') },
    });
    expect(errors.circuits.map((c) => c.circuitId)).toEqual(['X-MPLS-2', 'X-MPLS-3']);
  });

  it('prefers an outage to a degradation on the same circuit', () => {
    const result = locate([
      { kind: 'congestion', linkId: 'L-P2-A3' },
      { kind: 'element-down', deviceId: 'X-CPE-2' },
    ]);
    const x2 = result.circuits.find((c) => c.circuitId === 'X-MPLS-2');
    expect(x2).toMatchObject({ severity: 'down', suspect: { id: 'X-CPE-2' } });
    expect(x2?.otherCauseIds).toEqual(['degraded|link|L-P2-A3']);
    expect(result.circuits[0]?.severity).toBe('down');
  });

  it('reads an element alarmed down as a whole', () => {
    const result = locateFaults(index, {
      alarms: [
        {
          _id: 'e1',
          alarmedObject: { type: 'element', deviceId: 'A3', ifIndex: null },
          probableCause: 'equipmentMalfunction',
          perceivedSeverity: 'critical',
          serviceImpact: 'down',
          alarmRaisedTime: new Date(),
        },
      ],
    });
    expect(result.causes[0]?.suspect.id).toBe('A3');
    expect(result.causes[0]?.evidence[0]?.reason).toMatch(/raised equipmentMalfunction/);
  });

  it('ignores alarms without service impact (coldStart)', () => {
    const result = locateFaults(index, {
      alarms: [
        {
          _id: 'c1',
          alarmedObject: { type: 'element', deviceId: 'P1', ifIndex: null },
          probableCause: 'coldStart',
          perceivedSeverity: 'warning',
          alarmRaisedTime: new Date(),
        },
      ],
    });
    expect(result.causes).toEqual([]);
  });

  it('gives a silent element whose neighbours all see their ports up a low confidence', () => {
    const result = locateFaults(index, { alarms: [], silentElementIds: ['P2'] });
    expect(result.causes[0]?.suspect.id).toBe('P2');
    expect(result.causes[0]?.confidence).toBeLessThan(0.5);
  });

  it('reports a linkless interface down (a gateway upstream port)', () => {
    const upstream = index.circuits.get('X-INET-1')?.route.at(-1)?.outIfIndex ?? 0;
    const result = locateFaults(index, { alarms: [], operDownInterfaceIds: [`G1:${upstream}`] });
    expect(result.causes[0]?.suspect).toMatchObject({ kind: 'interface', id: `G1:${upstream}` });
    expect(result.circuits.map((c) => c.circuitId)).toEqual(['X-INET-1']);
  });

  it('restricts circuits and causes to the visible circuits, inferring from all evidence', () => {
    const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'A1' }]);
    const result = locateFaults(index, live, { circuitIds: ['Y-MPLS-1'] });
    expect(result.circuits.map((c) => c.circuitId)).toEqual(['Y-MPLS-1']);
    expect(result.causes).toHaveLength(1);
    expect(result.causes[0]?.circuitIds).toEqual(['Y-MPLS-1']);
    expect(result.causes[0]?.customers).toEqual([
      { customerId: 'bank-y', circuitIds: ['Y-MPLS-1'] },
    ]);
    const none = locateFaults(
      index,
      predictedEvidence(index, [{ kind: 'element-down', deviceId: 'X-CPE-1' }]),
      {
        circuitIds: ['Y-MPLS-1'],
      },
    );
    expect(none).toEqual({ circuits: [], causes: [] });
  });

  it("hides other customers' facts from a restricted cause, counting them", () => {
    const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'A1' }]);
    const full = locateFaults(index, live);
    const y = locateFaults(index, live, { circuitIds: ['Y-MPLS-1'] });
    const cause = y.causes[0];
    expect(cause?.evidence.map((e) => e.deviceId).sort()).toEqual(['A1', 'P1', 'Y-CPE-1']);
    expect((cause?.evidence.length ?? 0) + (cause?.hiddenEvidenceCount ?? 0)).toBe(
      full.causes[0]?.evidence.length,
    );
    expect(full.causes[0]?.hiddenEvidenceCount).toBe(0);
    expect(y.circuits[0]?.otherSupportingFacts).toBe(cause?.hiddenEvidenceCount);
  });

  it('carries when each alarm was raised', () => {
    const result = locate([{ kind: 'link-down', linkId: 'L-C1-C2' }]);
    expect(result.causes[0]?.evidence.map((e) => e.raisedAt)).toEqual([
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
    ]);
    const polled = locate([{ kind: 'link-down', linkId: 'L-C1-C2' }], {
      traps: false,
      polls: true,
    });
    expect(polled.causes[0]?.evidence.every((e) => e.raisedAt === null)).toBe(true);
  });

  it('leaves out facts about devices the inventory does not know', () => {
    const result = locateFaults(index, {
      alarms: [
        {
          _id: 'u1',
          alarmedObject: { type: 'interface', deviceId: 'unmanaged:127.9.9.9', ifIndex: 1 },
          probableCause: 'linkDown',
          perceivedSeverity: 'major',
          alarmRaisedTime: new Date(),
        },
      ],
      silentElementIds: ['ghost'],
    });
    expect(result).toEqual({ circuits: [], causes: [] });
  });

  it('gives stable cause ids', () => {
    const result = locate([{ kind: 'link-down', linkId: 'L-C1-C2' }]);
    expect(result.causes[0]?.id).toBe('down|link|L-C1-C2');
  });
});
