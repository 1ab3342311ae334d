import { type NetworkElement, type Site } from '@circuitcare/topology';

import { type AddressPlan, OPERATOR_BLOCKS } from './address-plan.allocator';
import { type DeviceModel, MODELS } from './device-catalog.data';
import { HEAD_OFFICE_CITY, HUBEI_CITIES, PROVINCE } from './hubei-geography.data';
import { type InventoryBuilder } from './inventory-builder.context';
import { type SeededRandom } from './seeded-random.prng';

const G = 1e9;

/** Handles on the operator network that the customer estate and the circuits attach to. */
export interface OperatorNetwork {
  popSiteByCity: Map<string, string>;
  peByCity: Map<string, string[]>;
  /** Access ring nodes per city (customer sites attach to these). */
  accessByCity: Map<string, string[]>;
  /** MSTP/OTN node per city: leased lines ride the transport plane, not the IP core. */
  otnByCity: Map<string, string>;
  /** Wireless access gateway (LAC) per city code of `City.lacCity`. */
  lacByCity: Map<string, string>;
  lnsId: string;
  internetGatewayId: string;
  /** The gateway's upstream port: the Z-end of every internet circuit. */
  internetUplinkIfIndex: number;
  /** Elements a route may reach but never cross (they terminate services). */
  noTransit: Set<string>;
}

/** Which two cores a city's PEs are dual-homed to. */
const CORE_HOMING: Readonly<Record<string, readonly [string, string]>> = {
  WH: ['WH-CORE-01', 'WH-CORE-02'],
  YC: ['YC-CORE-01', 'WH-CORE-01'],
  JZ: ['YC-CORE-01', 'WH-CORE-01'],
  ES: ['YC-CORE-01', 'WH-CORE-02'],
  XY: ['XY-CORE-01', 'WH-CORE-02'],
  SY: ['XY-CORE-01', 'WH-CORE-02'],
  JM: ['XY-CORE-01', 'WH-CORE-01'],
  SZ: ['XY-CORE-01', 'WH-CORE-01'],
  BJ: ['WH-CORE-01', 'WH-CORE-02'],
};
const DEFAULT_HOMING = ['WH-CORE-01', 'WH-CORE-02'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function buildOperatorBackbone(
  b: InventoryBuilder,
  rng: SeededRandom,
  ips: AddressPlan,
): OperatorNetwork {
  const net: OperatorNetwork = {
    popSiteByCity: new Map(),
    peByCity: new Map(),
    accessByCity: new Map(),
    otnByCity: new Map(),
    lacByCity: new Map(),
    lnsId: 'WH-LNS-01',
    internetGatewayId: 'WH-IGW-01',
    internetUplinkIfIndex: 0,
    noTransit: new Set(),
  };

  const pops = [
    ...HUBEI_CITIES.map((c, i) => ({ ...c, province: PROVINCE.name, index: i })),
    {
      ...HEAD_OFFICE_CITY,
      province: '',
      index: HUBEI_CITIES.length,
      peCount: 1,
      rings: 1,
      ringSize: 2,
    },
  ];

  for (const city of pops) {
    const site: Site = {
      _id: `POP-${city.code}`,
      owner: 'operator',
      customerId: null,
      orgUnitId: null,
      kind: 'pop',
      name: `${city.name}${city.code === 'BJ' ? '省际出口' : ''}枢纽局`,
      nameEn: `${city.nameEn} ${city.code === 'BJ' ? 'inter-province ' : ''}POP`,
      city: city.name,
      address: `${city.province}${city.name}市通信枢纽大楼`,
      lat: city.lat,
      lon: city.lon,
    };
    b.sites.push(site);
    net.popSiteByCity.set(city.code, site._id);
  }
  const idc: Site = {
    _id: 'IDC-WH',
    owner: 'operator',
    customerId: null,
    orgUnitId: null,
    kind: 'idc',
    name: '武汉光谷数据中心',
    nameEn: 'Wuhan Optics Valley IDC',
    city: '武汉',
    address: `${PROVINCE.name}武汉市东湖高新区光谷大道`,
    lat: 30.476,
    lon: 114.409,
  };
  b.sites.push(idc);

  const add = (
    id: string,
    role: NetworkElement['role'],
    siteId: string,
    model: DeviceModel,
    block: number,
    poll: number,
  ) =>
    b.addElement(
      {
        _id: id,
        name: id,
        role,
        mgmtIp: ips.allocate('operator', block),
        siteId,
        customerId: null,
        pollIntervalSec: poll,
      },
      model,
    );
  const link = (
    kind: 'backbone' | 'aggregation',
    aId: string,
    zId: string,
    speedBps: number,
    aRole: 'core' | 'uplink' | 'downlink',
    zRole: 'core' | 'uplink' | 'downlink',
  ) =>
    b.connect(
      kind,
      { deviceId: aId, port: { speedBps, role: aRole } },
      { deviceId: zId, port: { speedBps, role: zRole } },
    );

  // Core: four routers, full mesh.
  const cores = [
    ['WH-CORE-01', 'POP-WH'],
    ['WH-CORE-02', 'POP-WH'],
    ['YC-CORE-01', 'POP-YC'],
    ['XY-CORE-01', 'POP-XY'],
  ] as const;
  for (const [id, siteId] of cores)
    add(id, 'core', siteId, rng.pick(MODELS.core), OPERATOR_BLOCKS.core, 60);
  for (let i = 0; i < cores.length; i++)
    for (let j = i + 1; j < cores.length; j++)
      link('backbone', cores[i]![0], cores[j]![0], 100 * G, 'core', 'core');

  // PEs: dual-homed to two cores; access rings hang off them.
  for (const city of pops) {
    const siteId = `POP-${city.code}`;
    const homing = CORE_HOMING[city.code] ?? DEFAULT_HOMING;
    const big =
      city.code === 'WH' || city.code === 'YC' || city.code === 'XY' || city.code === 'BJ';
    const pes: string[] = [];
    for (let p = 1; p <= city.peCount; p++) {
      const id = `${city.code}-PE-${pad2(p)}`;
      add(id, 'pe', siteId, rng.pick(MODELS.pe), OPERATOR_BLOCKS.pe, 60);
      for (const core of homing)
        link('backbone', id, core, big ? 100 * G : 10 * G, 'uplink', 'core');
      pes.push(id);
    }
    net.peByCity.set(city.code, pes);

    const accessBlock = OPERATOR_BLOCKS.accessBase + city.index;
    const nodes: string[] = [];
    for (let r = 0; r < city.rings; r++) {
      const model = rng.pick(MODELS.ringAccess);
      const ring: string[] = [];
      for (let k = 0; k < city.ringSize; k++) {
        const id = `${city.code}-ACC-${pad2(nodes.length + 1)}`;
        add(id, 'access', siteId, model, accessBlock, 300);
        ring.push(id);
        nodes.push(id);
      }
      // The ring closes on the city's two PEs when it has two, so that one PE may fail.
      const headPe = pes[r % pes.length]!;
      const tailPe = pes[(r + 1) % pes.length]!;
      link('aggregation', headPe, ring[0]!, 10 * G, 'downlink', 'uplink');
      for (let k = 0; k + 1 < ring.length; k++)
        link('aggregation', ring[k]!, ring[k + 1]!, 10 * G, 'uplink', 'uplink');
      link('aggregation', ring[ring.length - 1]!, tailPe, 10 * G, 'uplink', 'downlink');
    }
    net.accessByCity.set(city.code, nodes);
  }

  // Transport plane (MSTP/OTN) for leased lines: a star on Wuhan's OTN hub.
  add('WH-OTN-01', 'access', 'POP-WH', MODELS.otnHub, OPERATOR_BLOCKS.transport, 300);
  net.otnByCity.set('WH', 'WH-OTN-01');
  for (const city of pops) {
    if (city.code === 'WH') continue;
    const id = `${city.code}-OTN-01`;
    add(id, 'access', `POP-${city.code}`, rng.pick(MODELS.otnCity), OPERATOR_BLOCKS.transport, 300);
    link(
      city.code === 'BJ' ? 'backbone' : 'aggregation',
      id,
      'WH-OTN-01',
      city.code === 'BJ' ? 100 * G : 10 * G,
      'uplink',
      'downlink',
    );
    net.otnByCity.set(city.code, id);
  }

  // Service gateways: internet, VPDN LNS and the wireless LACs.
  add(net.internetGatewayId, 'pe', idc._id, MODELS.internetGateway, OPERATOR_BLOCKS.gateway, 60);
  link('backbone', net.internetGatewayId, 'WH-CORE-01', 100 * G, 'uplink', 'core');
  link('backbone', net.internetGatewayId, 'WH-CORE-02', 100 * G, 'uplink', 'core');
  net.internetUplinkIfIndex = b.addInterface(net.internetGatewayId, {
    speedBps: 100 * G,
    role: 'uplink',
    alias: 'UPLINK-INTERNET-TRANSIT-AS64500',
  }).ifIndex;

  add(net.lnsId, 'pe', 'POP-WH', MODELS.lns, OPERATOR_BLOCKS.gateway, 60);
  link('backbone', net.lnsId, 'WH-CORE-01', 10 * G, 'uplink', 'core');
  link('backbone', net.lnsId, 'WH-CORE-02', 10 * G, 'uplink', 'core');
  for (const [code, core] of [
    ['WH', 'WH-CORE-02'],
    ['YC', 'YC-CORE-01'],
    ['XY', 'XY-CORE-01'],
  ] as const) {
    const id = `${code}-LAC-01`;
    add(id, 'access', `POP-${code}`, MODELS.lac, OPERATOR_BLOCKS.gateway, 300);
    link('backbone', id, core, 10 * G, 'uplink', 'core');
    net.lacByCity.set(code, id);
  }
  for (const id of [net.lnsId, net.internetGatewayId, ...net.lacByCity.values()])
    net.noTransit.add(id);
  return net;
}
