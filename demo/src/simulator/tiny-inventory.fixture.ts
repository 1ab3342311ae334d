import type {
  Circuit,
  NetworkElement,
  NetworkInterface,
  NetworkInventory,
} from '@circuitcare/topology';

/**
 * A hand-made network of four elements for the simulator's tests: a bank CPE, an access
 * switch, a PE and a core router in a line (links L1–L3), one circuit across them.
 * Addresses in 127.77.0.0/24, away from the demo generator's pools.
 */

const el = (
  id: string,
  role: NetworkElement['role'],
  ip: string,
  vendor: string,
  model: string,
): NetworkElement => ({
  _id: id,
  name: id.toUpperCase(),
  role,
  vendor,
  model,
  mgmtIp: ip,
  siteId: role === 'cpe' ? 'site-outlet-1' : 'site-pop-1',
  customerId: role === 'cpe' ? 'bank-a' : null,
  pollIntervalSec: 60,
});

const ifc = (
  deviceId: string,
  ifIndex: number,
  ifName: string,
  speedBps: number,
  role: NetworkInterface['role'],
  linkId: string | null,
  circuitIds: string[] = [],
): NetworkInterface => ({
  _id: `${deviceId}:${ifIndex}`,
  deviceId,
  ifIndex,
  ifName,
  ifDescr: `${ifName} Interface`,
  ifAlias: linkId ? `to ${linkId}` : '',
  speedBps,
  role,
  linkId,
  circuitIds,
});

export const TINY_ELEMENTS = {
  cpe: el('cpe-1', 'cpe', '127.77.0.1', 'Huawei', 'AR6140'),
  access: el('acc-1', 'access', '127.77.0.2', 'ZTE', 'ZXR10 5960'),
  pe: el('pe-1', 'pe', '127.77.0.3', 'Huawei', 'NE40E-X8A'),
  core: el('core-1', 'core', '127.77.0.4', 'Cisco', 'ASR 9906'),
} as const;

const circuit: Circuit = {
  _id: 'circ-1',
  customerId: 'bank-a',
  orgUnitId: 'org-outlet-1',
  orgPath: ['org-root', 'org-outlet-1'],
  product: 'mpls-vpn',
  name: 'Outlet 1 MPLS VPN',
  bandwidthBps: 50_000_000,
  slaClass: 'gold',
  aEnd: { siteId: 'site-outlet-1', deviceId: 'cpe-1', mgmtIp: '127.77.0.1', ifIndex: 1 },
  zEnd: { siteId: 'site-pop-1', deviceId: 'core-1', mgmtIp: '127.77.0.4', ifIndex: 1 },
  route: [
    { deviceId: 'cpe-1', inIfIndex: null, outIfIndex: 1, linkId: 'L1' },
    { deviceId: 'acc-1', inIfIndex: 2, outIfIndex: 1, linkId: 'L2' },
    { deviceId: 'pe-1', inIfIndex: 1, outIfIndex: 2, linkId: 'L3' },
    { deviceId: 'core-1', inIfIndex: 1, outIfIndex: null, linkId: null },
  ],
  routeDeviceIds: ['cpe-1', 'acc-1', 'pe-1', 'core-1'],
  routeLinkIds: ['L1', 'L2', 'L3'],
  state: 'up',
  stateSince: new Date('2026-01-01T00:00:00Z'),
  activeAlarmIds: [],
};

export function tinyInventory(): NetworkInventory {
  const interfaces: NetworkInterface[] = [
    ifc('cpe-1', 1, 'GigabitEthernet0/0/0', 100_000_000, 'wan', 'L1', ['circ-1']),
    ifc('cpe-1', 2, 'GigabitEthernet0/0/1', 1_000_000_000, 'lan', null),
    // ifIndex 10 after 2: GETNEXT must order numerically, not as text.
    ifc('cpe-1', 10, 'LoopBack0', 0, 'lan', null),
    ifc('acc-1', 1, 'xgei-1/1/1', 10_000_000_000, 'uplink', 'L2', ['circ-1']),
    ifc('acc-1', 2, 'gei-1/2/1', 1_000_000_000, 'downlink', 'L1', ['circ-1']),
    ifc('pe-1', 1, 'GigabitEthernet1/0/0', 10_000_000_000, 'downlink', 'L2', ['circ-1']),
    // 100 Gb/s: ifSpeed saturates at 4294967295, ifHighSpeed says 100000.
    ifc('pe-1', 2, '100GE2/0/0', 100_000_000_000, 'core', 'L3', ['circ-1']),
    ifc('core-1', 1, 'HundredGigE0/0/0/0', 100_000_000_000, 'core', 'L3', ['circ-1']),
  ];
  return {
    customers: [{ _id: 'bank-a', name: '甲银行', nameEn: 'Bank A', rootOrgUnitId: 'org-root' }],
    orgUnits: [],
    sites: [
      {
        _id: 'site-outlet-1',
        owner: 'customer',
        customerId: 'bank-a',
        orgUnitId: 'org-outlet-1',
        kind: 'outlet',
        name: '一号网点',
        nameEn: 'Outlet 1',
        city: 'Wuhan',
        address: '1 Zhongshan Ave, Wuhan',
        lat: 30.58,
        lon: 114.3,
      },
      {
        _id: 'site-pop-1',
        owner: 'operator',
        customerId: null,
        orgUnitId: null,
        kind: 'pop',
        name: '汉口机房',
        nameEn: 'Hankou POP',
        city: 'Wuhan',
        address: '8 Jiefang Ave, Wuhan',
        lat: 30.6,
        lon: 114.28,
      },
    ],
    elements: Object.values(TINY_ELEMENTS),
    interfaces,
    links: [
      {
        _id: 'L1',
        kind: 'access',
        a: { deviceId: 'cpe-1', ifIndex: 1 },
        z: { deviceId: 'acc-1', ifIndex: 2 },
        capacityBps: 100_000_000,
      },
      {
        _id: 'L2',
        kind: 'aggregation',
        a: { deviceId: 'acc-1', ifIndex: 1 },
        z: { deviceId: 'pe-1', ifIndex: 1 },
        capacityBps: 10_000_000_000,
      },
      {
        _id: 'L3',
        kind: 'backbone',
        a: { deviceId: 'pe-1', ifIndex: 2 },
        z: { deviceId: 'core-1', ifIndex: 1 },
        capacityBps: 100_000_000_000,
      },
    ],
    circuits: [circuit],
  };
}
