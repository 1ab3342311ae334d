import {
  type Circuit,
  type NetworkInterface,
  type ProductKind,
  type SlaClass,
} from '@circuitcare/topology';

import { type RouteEnd, routeCircuit } from './circuit-routing.router';
import { type CustomerEstate, type EstateSite } from './customer-estate.builder';
import { type InventoryBuilder } from './inventory-builder.context';
import { type OperatorNetwork } from './operator-backbone.builder';
import { type SeededRandom } from './seeded-random.prng';

const M = 1e6;
const G = 1e9;

/** Every circuit starts in service at the same instant: no clock in a deterministic generator. */
export const DEMO_EPOCH = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const PRODUCT_CODES: Readonly<Record<ProductKind, string>> = {
  'leased-line': 'LL',
  'mpls-vpn': 'MPLS',
  internet: 'INET',
  vpdn: 'VPDN',
};

const PRODUCT_LABELS: Readonly<Record<ProductKind, string>> = {
  'leased-line': '数字电路',
  'mpls-vpn': 'MPLS-VPN',
  internet: '互联网专线',
  vpdn: 'VPDN无线专网',
};

type ZSide =
  | { kind: 'hub'; site: EstateSite; iface: NetworkInterface }
  | { kind: 'leased'; site: EstateSite; cpeId: string }
  | { kind: 'internet' };

export function bandwidthLabel(bps: number): string {
  return bps >= G ? `${bps / G}G` : `${bps / M}M`;
}

/** Provisions the customer's circuits: the A-end port and access link, then the route. */
export function buildCustomerCircuits(
  b: InventoryBuilder,
  rng: SeededRandom,
  op: OperatorNetwork,
  estate: CustomerEstate,
): void {
  const { bank, headOffice, province, cities, outlets, hubs } = estate;
  const counters = new Map<ProductKind, number>();

  const provision = (
    product: ProductKind,
    a: EstateSite,
    aCpeId: string,
    bandwidthBps: number,
    slaClass: SlaClass,
    z: ZSide,
  ): void => {
    const n = (counters.get(product) ?? 0) + 1;
    counters.set(product, n);
    const id = `${bank.id}-${PRODUCT_CODES[product]}-${String(n).padStart(4, '0')}`;
    const alias = `CIRCUIT:${id}`;

    // The A-end: a port of its own on the CPE, shaped to the circuit's bandwidth.
    const landing = aLanding(op, product, a);
    const aLink = b.connect(
      product === 'vpdn' ? 'wireless' : 'access',
      {
        deviceId: aCpeId,
        port: {
          speedBps: bandwidthBps,
          role: 'wan',
          medium: product === 'vpdn' ? 'cellular' : 'ethernet',
          alias,
        },
      },
      {
        deviceId: landing,
        port: {
          speedBps: bandwidthBps,
          role: 'downlink',
          medium: product === 'vpdn' ? 'virtual' : 'ethernet',
          alias,
        },
      },
      `LNK-${id}-A`,
    );
    const aIf = b.iface(aCpeId, aLink.a.ifIndex);

    let zEnd: RouteEnd;
    let zSiteId: string;
    let zName: string;
    const waypoints = [landing];
    switch (z.kind) {
      case 'hub':
        zEnd = { kind: 'linked', iface: z.iface };
        zSiteId = z.site.site._id;
        zName = z.site.site.name;
        if (product === 'vpdn') waypoints.push(op.lnsId);
        break;
      case 'leased': {
        const otn = op.otnByCity.get(z.site.cityCode);
        if (!otn) throw new Error(`no transport node in ${z.site.cityCode}`);
        const zLink = b.connect(
          'access',
          { deviceId: otn, port: { speedBps: bandwidthBps, role: 'downlink', alias } },
          { deviceId: z.cpeId, port: { speedBps: bandwidthBps, role: 'wan', alias } },
          `LNK-${id}-Z`,
        );
        zEnd = { kind: 'linked', iface: b.iface(z.cpeId, zLink.z.ifIndex) };
        zSiteId = z.site.site._id;
        zName = z.site.site.name;
        break;
      }
      case 'internet':
        zEnd = {
          kind: 'terminal',
          deviceId: op.internetGatewayId,
          ifIndex: op.internetUplinkIfIndex,
        };
        zSiteId = b.element(op.internetGatewayId).siteId;
        zName = 'Internet';
        break;
    }

    const route = routeCircuit(b, rng, op.noTransit, aIf, waypoints, zEnd);
    for (const hop of route) {
      for (const ifIndex of [hop.inIfIndex, hop.outIfIndex]) {
        if (ifIndex !== null) b.iface(hop.deviceId, ifIndex).circuitIds.push(id);
      }
    }
    const zDeviceId = zEnd.kind === 'linked' ? zEnd.iface.deviceId : zEnd.deviceId;
    const zIfIndex = zEnd.kind === 'linked' ? zEnd.iface.ifIndex : zEnd.ifIndex;
    const circuit: Circuit = {
      _id: id,
      customerId: bank.id,
      orgUnitId: a.orgUnit._id,
      orgPath: [...a.orgUnit.path],
      product,
      name: `${a.site.name}—${zName} ${PRODUCT_LABELS[product]} ${bandwidthLabel(bandwidthBps)}`,
      bandwidthBps,
      slaClass,
      aEnd: {
        siteId: a.site._id,
        deviceId: aCpeId,
        mgmtIp: b.element(aCpeId).mgmtIp,
        ifIndex: aIf.ifIndex,
      },
      zEnd: {
        siteId: zSiteId,
        deviceId: zDeviceId,
        mgmtIp: b.element(zDeviceId).mgmtIp,
        ifIndex: zIfIndex,
      },
      route,
      routeDeviceIds: route.map((h) => h.deviceId),
      routeLinkIds: route.flatMap((h) => (h.linkId ? [h.linkId] : [])),
      state: 'up',
      stateSince: new Date(DEMO_EPOCH.getTime()),
      activeAlarmIds: [],
    };
    b.circuits.push(circuit);
  };

  const cpe = (s: EstateSite, k: number): string => s.cpeIds[k % s.cpeIds.length] as string;
  const provinceHub = (k: number): ZSide => ({
    kind: 'hub',
    site: province,
    iface: hubs.provinceMpls[k % hubs.provinceMpls.length]!,
  });

  // Head office and provincial branch: the big pipes, platinum.
  provision('internet', headOffice, cpe(headOffice, 1), G, 'platinum', { kind: 'internet' });
  provision('mpls-vpn', province, cpe(province, 0), G, 'platinum', {
    kind: 'hub',
    site: headOffice,
    iface: hubs.headOfficeMpls[0]!,
  });
  provision('leased-line', province, cpe(province, 1), G, 'platinum', {
    kind: 'leased',
    site: headOffice,
    cpeId: cpe(headOffice, 0),
  });
  provision('internet', province, cpe(province, 0), 500 * M, 'gold', { kind: 'internet' });

  // City branches: VPN and a leased line to the provincial branch, often their own internet.
  cities.forEach((c, k) => {
    const wuhan = c.cityCode === 'WH';
    provision('mpls-vpn', c, cpe(c, 0), wuhan ? 200 * M : 100 * M, 'gold', provinceHub(k));
    provision('leased-line', c, cpe(c, 0), rng.pick([10 * M, 20 * M, 50 * M, 100 * M]), 'gold', {
      kind: 'leased',
      site: province,
      cpeId: cpe(province, k),
    });
    if (rng.chance(0.6))
      provision('internet', c, cpe(c, 0), rng.pick([50 * M, 100 * M]), 'silver', {
        kind: 'internet',
      });
  });

  // Outlets: one VPN each; many ATMs and outlets have a wireless VPDN backup, a few their own internet.
  outlets.forEach((o, k) => {
    const bw = rng.weighted([
      [4 * M, 2],
      [8 * M, 3],
      [10 * M, 3],
      [20 * M, 2],
    ] as const);
    provision('mpls-vpn', o, cpe(o, 0), bw, rng.chance(0.1) ? 'gold' : 'silver', provinceHub(k));
    if (o.lacCity && rng.chance(0.45)) {
      provision('vpdn', o, cpe(o, 0), rng.pick([2 * M, 4 * M]), 'bronze', {
        kind: 'hub',
        site: province,
        iface: hubs.provinceVpdn,
      });
    }
    if (rng.chance(0.12))
      provision('internet', o, cpe(o, 0), rng.pick([20 * M, 50 * M]), 'bronze', {
        kind: 'internet',
      });
  });
}

/** The operator element the A-end link lands on, by product. */
function aLanding(op: OperatorNetwork, product: ProductKind, a: EstateSite): string {
  switch (product) {
    case 'leased-line': {
      const otn = op.otnByCity.get(a.cityCode);
      if (!otn) throw new Error(`no transport node in ${a.cityCode}`);
      return otn;
    }
    case 'vpdn': {
      const lac = a.lacCity ? op.lacByCity.get(a.lacCity) : undefined;
      if (!lac) throw new Error(`no wireless gateway for ${a.site._id}`);
      return lac;
    }
    case 'mpls-vpn':
    case 'internet':
      return a.accessId;
  }
}
