import { buildTopologyIndex } from '../graph/inventory.index';
import { miniNetwork } from '../test/mini-network.fixture';
import { impactOf, targetId } from './impact.analysis';

describe('impactOf', () => {
  const index = buildTopologyIndex(miniNetwork());

  it('carries every circuit and customer through an element', () => {
    const impact = impactOf(index, { type: 'element', deviceId: 'A1' });
    expect(impact).toMatchObject({ found: true, targetName: 'A1', segment: 'access' });
    expect(impact.circuitIds).toEqual(['X-MPLS-1', 'X-MPLS-2', 'X-INET-1', 'Y-MPLS-1']);
    expect(impact.customers).toEqual([
      {
        customerId: 'bank-x',
        customerName: 'bank-x 银行',
        circuitIds: ['X-MPLS-1', 'X-MPLS-2', 'X-INET-1'],
        byProduct: { 'leased-line': 0, 'mpls-vpn': 2, internet: 1, vpdn: 0 },
        bySla: { platinum: 0, gold: 1, silver: 1, bronze: 1 },
      },
      {
        customerId: 'bank-y',
        customerName: 'bank-y 银行',
        circuitIds: ['Y-MPLS-1'],
        byProduct: { 'leased-line': 0, 'mpls-vpn': 1, internet: 0, vpdn: 0 },
        bySla: { platinum: 1, gold: 0, silver: 0, bronze: 0 },
      },
    ]);
    expect(impact.byProduct['mpls-vpn']).toBe(3);
  });

  it('carries the circuits of a link and of an interface', () => {
    expect(impactOf(index, { type: 'link', linkId: 'L-C1-C2' })).toMatchObject({
      targetName: 'C1 ⇄ C2',
      segment: 'core',
      circuitIds: ['Y-MPLS-1'],
    });
    const p1ToA1 = index.adjacency.get('P1')?.find((a) => a.peerDeviceId === 'A1');
    const impact = impactOf(index, {
      type: 'interface',
      deviceId: 'P1',
      ifIndex: p1ToA1?.localIfIndex ?? 0,
    });
    expect(impact.circuitIds).toEqual(['X-MPLS-1', 'X-INET-1', 'Y-MPLS-1']);
    expect(impact.segment).toBe('access');
    expect(impact.targetName).toBe(`P1 GE0/0/${p1ToA1?.localIfIndex}`);
  });

  it('restricts to the visible circuits', () => {
    const impact = impactOf(
      index,
      { type: 'element', deviceId: 'A1' },
      { visibleCircuitIds: new Set(['Y-MPLS-1']) },
    );
    expect(impact.circuitIds).toEqual(['Y-MPLS-1']);
    expect(impact.customers.map((c) => c.customerId)).toEqual(['bank-y']);
  });

  it('answers an unknown target with nothing', () => {
    for (const target of [
      { type: 'element', deviceId: 'nope' } as const,
      { type: 'link', linkId: 'nope' } as const,
      { type: 'interface', deviceId: 'A1', ifIndex: 999 } as const,
    ]) {
      expect(impactOf(index, target)).toMatchObject({
        found: false,
        circuitIds: [],
        customers: [],
      });
    }
  });

  it('gives each target a string id', () => {
    expect(targetId({ type: 'interface', deviceId: 'A1', ifIndex: 3 })).toBe('A1:3');
    expect(targetId({ type: 'link', linkId: 'L' })).toBe('L');
    expect(targetId({ type: 'element', deviceId: 'E' })).toBe('E');
  });
});
