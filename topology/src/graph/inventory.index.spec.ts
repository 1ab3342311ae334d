import { miniNetwork } from '../test/mini-network.fixture';
import { buildTopologyIndex } from './inventory.index';
import { linkInterfaceIds, neighboursOf, peerInterfaceOf } from './operator.graph';
import { segmentOfLink, segmentOfRole } from './segment.policy';

describe('buildTopologyIndex', () => {
  const inv = miniNetwork();
  const index = buildTopologyIndex(inv);

  it('indexes every object by id', () => {
    expect(index.elements.size).toBe(inv.elements.length);
    expect(index.interfaces.size).toBe(inv.interfaces.length);
    expect(index.links.size).toBe(inv.links.length);
    expect(index.circuits.get('X-MPLS-1')?.customerId).toBe('bank-x');
  });

  it('builds the adjacency of the operator graph from both ends of each link', () => {
    expect(neighboursOf(index, 'P1').map((a) => a.peerDeviceId)).toEqual(['C1', 'C2', 'A1']);
    expect(neighboursOf(index, 'X-CPE-3').map((a) => a.linkId)).toEqual([
      'L-X-CPE-3-A2-vpn',
      'L-X-CPE-3-A2-inet',
    ]);
    expect(neighboursOf(index, 'nope')).toEqual([]);
  });

  it('finds the far end of an interface and the ends of a link', () => {
    const [a, z] = linkInterfaceIds(index, 'L-C1-C2') ?? [];
    expect(peerInterfaceOf(index, a ?? '')).toMatchObject({ interfaceId: z, deviceId: 'C2' });
    expect(peerInterfaceOf(index, z ?? '')).toMatchObject({ interfaceId: a, deviceId: 'C1' });
    expect(linkInterfaceIds(index, 'nope')).toBeNull();
  });

  it('lists circuits by element, link, interface and customer', () => {
    expect(index.circuitsByElement.get('A1')).toEqual([
      'X-MPLS-1',
      'X-MPLS-2',
      'X-INET-1',
      'Y-MPLS-1',
    ]);
    expect(index.circuitsByLink.get('L-C1-C2')).toEqual(['Y-MPLS-1']);
    expect(index.circuitsByCustomer.get('bank-y')).toEqual(['Y-MPLS-1']);
    // Agrees with what the inventory stores on each interface.
    for (const iface of inv.interfaces) {
      expect([...(index.circuitsByInterface.get(iface._id) ?? [])].sort()).toEqual(
        [...iface.circuitIds].sort(),
      );
    }
  });

  it('indexes the org hierarchy and the customer objects', () => {
    expect(index.orgChildren.get('X-WH')).toEqual(['X-WH-001', 'X-WH-002']);
    expect(index.sitesByCustomer.get('bank-y')).toEqual(['Y-S-PV', 'Y-S-001']);
    expect(index.orgUnitsByCustomer.get('bank-x')).toHaveLength(5);
    expect(index.elementsBySite.get('X-S-PV')).toEqual(['X-HUB']);
  });
});

describe('segments', () => {
  const index = buildTopologyIndex(miniNetwork());
  it('names elements by role', () => {
    expect(segmentOfRole('cpe')).toBe('customer-side');
    expect(segmentOfRole('access')).toBe('access');
    expect(segmentOfRole('pe')).toBe('pe');
    expect(segmentOfRole('core')).toBe('core');
  });
  it('puts access lines and aggregation in access, backbone in core, PE-gateway in pe', () => {
    const link = (id: string) => {
      const l = index.links.get(id);
      if (!l) throw new Error(id);
      return segmentOfLink(l, index.elements);
    };
    expect(link('L-X-CPE-1-A1')).toBe('access');
    expect(link('L-P1-A1')).toBe('access');
    expect(link('L-P1-C1')).toBe('core');
    expect(link('L-C1-C2')).toBe('core');
  });
});
