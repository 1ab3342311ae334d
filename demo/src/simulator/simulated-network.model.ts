import type {
  Link,
  NetworkElement,
  NetworkInterface,
  NetworkInventory,
} from '@circuitcare/topology';

import { hash32, random01, randomBetween } from './seeded-random.util';
import {
  type CounterOffsets,
  InterfaceCounters,
  type InterfaceLoad,
  type TrafficProfile,
} from './traffic.model';

/**
 * The simulator's picture of the demo network: every element with what its SNMP agent
 * shows (system group, interfaces) and its runtime state (boot time, liveness,
 * interface status, counters). Built once from the inventory; faults change the state.
 */

export const IF_TYPE = {
  ethernetCsmacd: 6,
  softwareLoopback: 24,
  propPointToPointSerial: 22,
  ppp: 23,
  l3ipvlan: 136,
} as const;

export interface SimulatedInterface {
  readonly iface: NetworkInterface;
  readonly ifType: number;
  readonly mtu: number;
  readonly physAddress: Buffer;
  readonly counters: InterfaceCounters;
  adminUp: boolean;
  operUp: boolean;
  /** When ifOperStatus last changed (epoch ms), for ifLastChange. */
  lastChangeMs: number;
}

export interface SimulatedElement {
  readonly element: NetworkElement;
  readonly sysDescr: string;
  readonly sysObjectID: string;
  readonly sysLocation: string;
  readonly sysContact: string;
  /** Interfaces by ascending ifIndex. */
  readonly interfaces: SimulatedInterface[];
  readonly byIfIndex: Map<number, SimulatedInterface>;
  /** Simulated boot instant (epoch ms): sysUpTime counts from here. */
  bootAtMs: number;
  /** False while an element-down fault holds it: its agent does not answer. */
  alive: boolean;
}

export interface SimulatedNetwork {
  readonly seed: number;
  readonly elements: Map<string, SimulatedElement>;
  readonly links: Map<string, Link>;
  /** Interface by `${deviceId}:${ifIndex}`. */
  readonly interfaces: Map<string, SimulatedInterface>;
}

const ENTERPRISES: Record<string, number> = {
  huawei: 2011,
  cisco: 9,
  zte: 3902,
  h3c: 25506,
  juniper: 2636,
  fiberhome: 5875,
  ruijie: 4881,
};

const SOFTWARE: Record<string, (model: string) => string> = {
  huawei: (m) =>
    `Huawei Versatile Routing Platform Software, VRP (R) software, Version 8.180 (${m} V800R011C00SPC200)`,
  cisco: (m) => `Cisco IOS XE Software, Version 17.06.05, ${m}, RELEASE SOFTWARE (fc2)`,
  zte: (m) => `ZTE ZXR10 ${m} Software, Version V5.00.10`,
  h3c: (m) => `H3C Comware Platform Software, Software Version 7.1.064, ${m}`,
  juniper: (m) => `Juniper Networks, Inc. ${m} internet router, kernel JUNOS 21.4R3`,
};

/** A plausible sysUpTime never exceeds TimeTicks' 497 days; keep the simulated age well below. */
const MAX_INITIAL_UPTIME_MS = 60 * 86_400_000;
const MIN_INITIAL_UPTIME_MS = 3_600_000;

export function isSimulatableAddress(ip: string): boolean {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts[0] !== '127') return false;
  if (!parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return false;
  return ip !== '127.0.0.1';
}

function ifTypeOf(name: string): number {
  if (/^(loop|lo\d|loopback)/i.test(name)) return IF_TYPE.softwareLoopback;
  if (/^(serial|pos|cpos|e1|sdh|stm)/i.test(name)) return IF_TYPE.propPointToPointSerial;
  if (/^(cellular|dialer|lte|wireless)/i.test(name)) return IF_TYPE.ppp;
  if (/^(vlan)/i.test(name)) return IF_TYPE.l3ipvlan;
  return IF_TYPE.ethernetCsmacd;
}

function physAddressOf(seed: number, ifType: number, key: string): Buffer {
  if (ifType === IF_TYPE.softwareLoopback || ifType === IF_TYPE.ppp) return Buffer.alloc(0);
  const a = hash32(seed, key, 'mac-a');
  const b = hash32(seed, key, 'mac-b');
  // 02:… is a locally administered unicast address: never collides with a real vendor's.
  return Buffer.from([
    0x02,
    a & 0xff,
    (a >>> 8) & 0xff,
    (a >>> 16) & 0xff,
    b & 0xff,
    (b >>> 8) & 0xff,
  ]);
}

function profileOf(element: NetworkElement): TrafficProfile {
  return element.role === 'cpe' || element.role === 'access' ? 'bank' : 'operator';
}

/** Peak-hour load of each interface: a share of the circuits it carries, plus others' traffic on shared gear. */
function loadsOf(
  seed: number,
  inventory: NetworkInventory,
  elements: Map<string, NetworkElement>,
): Map<string, InterfaceLoad> {
  const bandwidth = new Map(inventory.circuits.map((c) => [c._id, c.bandwidthBps]));
  const carried = (iface: NetworkInterface) =>
    iface.circuitIds.reduce(
      (sum, id) => sum + (bandwidth.get(id) ?? 0) * randomBetween(0.15, 0.55, seed, id, 'share'),
      0,
    );
  const wanByDevice = new Map<string, number>();
  for (const iface of inventory.interfaces) {
    if (iface.role === 'wan')
      wanByDevice.set(iface.deviceId, (wanByDevice.get(iface.deviceId) ?? 0) + carried(iface));
  }
  const loads = new Map<string, InterfaceLoad>();
  for (const iface of inventory.interfaces) {
    const element = elements.get(iface.deviceId);
    if (!element) continue;
    let peak = carried(iface);
    // A branch LAN carries what its WAN brings in.
    if (peak === 0 && iface.role === 'lan') peak = wanByDevice.get(iface.deviceId) ?? 0;
    // Shared operator gear also carries other customers: uplinks are the sum of what they carry and more.
    if (element.role !== 'cpe' && iface.role !== 'lan')
      peak += iface.speedBps * randomBetween(0.02, 0.25, seed, iface._id, 'others');
    // Nothing known: control-plane and management chatter.
    if (peak === 0) peak = Math.max(iface.speedBps * 0.002, 8_000);
    loads.set(iface._id, {
      key: iface._id,
      speedBps: iface.speedBps,
      inBps: peak * randomBetween(0.6, 1.0, seed, iface._id, 'in'),
      outBps: peak * randomBetween(0.35, 0.9, seed, iface._id, 'out'),
      profile: profileOf(element),
    });
  }
  return loads;
}

/**
 * Initial counter values: some realistic (average traffic since boot), most above 2^53
 * (JavaScript numbers lose precision there: the poller must decode exactly), some just
 * below 2^64 so that they wrap within minutes to hours.
 */
export function initialOctets(
  seed: number,
  key: string,
  peakBps: number,
  uptimeMs: number,
): bigint {
  const kind = random01(seed, key, 'offset-kind');
  if (kind < 0.3) return BigInt(Math.floor((peakBps / 8) * 0.35 * (uptimeMs / 1000)));
  if (kind < 0.8)
    return 2n ** 53n + BigInt(Math.floor(random01(seed, key, 'offset') * 2 ** 52)) * 32n;
  const secondsToWrap = randomBetween(600, 7200, seed, key, 'wrap-in');
  const headroom = BigInt(Math.max(1_000_000, Math.floor((peakBps / 8) * 0.4 * secondsToWrap)));
  return 2n ** 64n - headroom;
}

export function buildSimulatedNetwork(
  inventory: NetworkInventory,
  seed: number,
  startMs: number,
): SimulatedNetwork {
  const siteById = new Map(inventory.sites.map((s) => [s._id, s]));
  const elementById = new Map(
    inventory.elements.filter((e) => isSimulatableAddress(e.mgmtIp)).map((e) => [e._id, e]),
  );
  const loads = loadsOf(seed, inventory, elementById);
  const byDevice = new Map<string, NetworkInterface[]>();
  for (const iface of inventory.interfaces) {
    const list = byDevice.get(iface.deviceId) ?? [];
    list.push(iface);
    byDevice.set(iface.deviceId, list);
  }

  const elements = new Map<string, SimulatedElement>();
  const interfaces = new Map<string, SimulatedInterface>();
  for (const element of elementById.values()) {
    const uptimeMs = randomBetween(
      MIN_INITIAL_UPTIME_MS,
      MAX_INITIAL_UPTIME_MS,
      seed,
      element._id,
      'uptime',
    );
    const vendor = element.vendor.toLowerCase();
    const site = siteById.get(element.siteId);
    const simulated: SimulatedInterface[] = [];
    for (const iface of (byDevice.get(element._id) ?? [])
      .slice()
      .sort((a, b) => a.ifIndex - b.ifIndex)) {
      const load = loads.get(iface._id);
      if (!load) continue;
      const offsets: CounterOffsets = {
        inOctets: initialOctets(seed, `${iface._id}:in`, load.inBps, uptimeMs),
        outOctets: initialOctets(seed, `${iface._id}:out`, load.outBps, uptimeMs),
        errors: BigInt(Math.floor(randomBetween(0, 500, seed, iface._id, 'errors'))),
        discards: BigInt(Math.floor(randomBetween(0, 2000, seed, iface._id, 'discards'))),
      };
      const ifType = ifTypeOf(iface.ifName);
      const s: SimulatedInterface = {
        iface,
        ifType,
        mtu: ifType === IF_TYPE.softwareLoopback ? 1514 : 1500,
        physAddress: physAddressOf(seed, ifType, iface._id),
        counters: new InterfaceCounters(seed, load, startMs, offsets),
        adminUp: true,
        operUp: true,
        lastChangeMs: startMs - uptimeMs + 30_000,
      };
      simulated.push(s);
      interfaces.set(`${iface.deviceId}:${iface.ifIndex}`, s);
    }
    const enterprise = ENTERPRISES[vendor] ?? 8072;
    elements.set(element._id, {
      element,
      sysDescr: (SOFTWARE[vendor] ?? ((m: string) => `${element.vendor} ${m}`))(element.model),
      sysObjectID: `1.3.6.1.4.1.${enterprise}.1.${(hash32(seed, element.model) % 900) + 100}`,
      sysLocation: site ? `${site.nameEn}, ${site.address}` : element.siteId,
      sysContact: element.customerId
        ? `${element.customerId} network team / operator NOC`
        : 'Operator NOC',
      interfaces: simulated,
      byIfIndex: new Map(simulated.map((s) => [s.iface.ifIndex, s])),
      bootAtMs: startMs - uptimeMs,
      alive: true,
    });
  }
  return { seed, elements, links: new Map(inventory.links.map((l) => [l._id, l])), interfaces };
}
