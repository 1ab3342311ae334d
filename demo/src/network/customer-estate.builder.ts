import {
  type NetworkInterface,
  type OrgLevel,
  type OrgUnit,
  type Site,
  type SiteKind,
} from '@circuitcare/topology';

import { type AddressPlan } from './address-plan.allocator';
import { type BankProfile } from './bank-customers.data';
import { MODELS } from './device-catalog.data';
import {
  type City,
  HEAD_OFFICE_CITY,
  HUBEI_CITIES,
  PLACE_NAMES,
  PROVINCE,
} from './hubei-geography.data';
import { type InventoryBuilder } from './inventory-builder.context';
import { type OperatorNetwork } from './operator-backbone.builder';
import { type SeededRandom } from './seeded-random.prng';

const G = 1e9;

/** A customer site as the circuit builder needs it. */
export interface EstateSite {
  site: Site;
  orgUnit: OrgUnit;
  cityCode: string;
  /** The city the wireless gateway is chosen by (Beijing has none). */
  lacCity: string | null;
  cpeIds: string[];
  /** The access-ring node the site's fixed lines land on. */
  accessId: string;
}

export interface CustomerEstate {
  bank: BankProfile;
  headOffice: EstateSite;
  province: EstateSite;
  cities: EstateSite[];
  outlets: EstateSite[];
  /** Aggregation ports at the head office and the provincial DC, where many circuits end. */
  hubs: {
    headOfficeMpls: NetworkInterface[];
    provinceMpls: NetworkInterface[];
    provinceVpdn: NetworkInterface;
  };
}

/** Head office, provincial branch and one branch per city are fixed; the rest are outlets. */
export const FIXED_SITES_PER_CUSTOMER = 2 + HUBEI_CITIES.length;

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function buildCustomerEstate(
  b: InventoryBuilder,
  rng: SeededRandom,
  ips: AddressPlan,
  op: OperatorNetwork,
  bank: BankProfile,
  sitesPerCustomer: number,
): CustomerEstate {
  let siteNo = 0;
  let cpeNo = 0;
  const vendor = rng.weighted(bank.cpeVendors);

  const unit = (
    id: string,
    parent: OrgUnit | null,
    level: OrgLevel,
    name: string,
    nameEn: string,
  ): OrgUnit => {
    const ou: OrgUnit = {
      _id: id,
      customerId: bank.id,
      parentId: parent?._id ?? null,
      path: [...(parent?.path ?? []), id],
      level,
      name,
      nameEn,
    };
    b.orgUnits.push(ou);
    return ou;
  };

  const site = (
    ou: OrgUnit,
    kind: SiteKind,
    city: { code: string; name: string; nameEn: string; lat: number; lon: number },
    lacCity: string | null,
    street: readonly [string, string],
    cpeCount: number,
    cpeClass: 'outlet' | 'branch' | 'hub',
  ): EstateSite => {
    siteNo += 1;
    const spread = city.code === 'WH' || city.code === 'BJ' ? 0.12 : 0.06;
    const s: Site = {
      _id: `${bank.id}-SITE-${pad(siteNo, 4)}`,
      owner: 'customer',
      customerId: bank.id,
      orgUnitId: ou._id,
      kind,
      name: ou.name,
      nameEn: ou.nameEn,
      city: city.name,
      address: `${city.code === 'BJ' ? '' : PROVINCE.name}${city.name}市${street[0]}${rng.int(1, 388)}号`,
      lat: Math.round((city.lat + (rng.next() - 0.5) * spread) * 1e5) / 1e5,
      lon: Math.round((city.lon + (rng.next() - 0.5) * spread) * 1e5) / 1e5,
    };
    b.sites.push(s);
    const cpeIds: string[] = [];
    // Large sites keep their vendor; a few outlets run another one (mergers, old contracts).
    const siteVendor =
      cpeClass === 'outlet' && rng.chance(0.1) ? rng.weighted(bank.cpeVendors) : vendor;
    for (let k = 0; k < cpeCount; k++) {
      cpeNo += 1;
      const id = `${bank.id}-CPE-${pad(cpeNo, 4)}`;
      b.addElement(
        {
          _id: id,
          name: id,
          role: 'cpe',
          mgmtIp: ips.allocateSequential(bank.id),
          siteId: s._id,
          customerId: bank.id,
          pollIntervalSec: 300,
        },
        MODELS.cpe[siteVendor][cpeClass],
      );
      b.addInterface(id, { speedBps: G, role: 'lan', alias: `LAN-${s._id}` });
      cpeIds.push(id);
    }
    const access = op.accessByCity.get(city.code) ?? [];
    return {
      site: s,
      orgUnit: ou,
      cityCode: city.code,
      lacCity,
      cpeIds,
      accessId: rng.pick(access),
    };
  };

  const hub = (
    cpeId: string,
    accessId: string,
    service: string,
    speedBps: number,
  ): NetworkInterface => {
    const link = b.connect(
      'access',
      { deviceId: cpeId, port: { speedBps, role: 'wan' } },
      {
        deviceId: accessId,
        port: { speedBps, role: 'downlink', alias: `HUB:${service} ${cpeId}` },
      },
      `LNK-${cpeId}-${service}-HUB`,
    );
    return b.iface(cpeId, link.a.ifIndex);
  };

  const rootOu = unit(
    `${bank.id}-HO`,
    null,
    'head-office',
    `${bank.name}总行`,
    `${bank.nameEn} Head Office`,
  );
  b.customers.push({
    _id: bank.id,
    name: bank.name,
    nameEn: bank.nameEn,
    rootOrgUnitId: rootOu._id,
  });
  const headOffice = site(
    rootOu,
    'head-office',
    HEAD_OFFICE_CITY,
    null,
    ['金融大街', 'Financial Street'],
    2,
    'hub',
  );

  const provOu = unit(
    `${bank.id}-${PROVINCE.code}`,
    rootOu,
    'province',
    `${bank.short}${PROVINCE.name}分行`,
    `${bank.shortEn} ${PROVINCE.nameEn} Branch`,
  );
  const wuhan = HUBEI_CITIES[0] as City;
  const province = site(
    provOu,
    'province',
    wuhan,
    wuhan.lacCity,
    ['中北路', 'Zhongbei Road'],
    2,
    'hub',
  );

  const cities: EstateSite[] = [];
  const outlets: EstateSite[] = [];
  const outletCounts = distribute(
    sitesPerCustomer - FIXED_SITES_PER_CUSTOMER,
    HUBEI_CITIES.map((c) => c.outletWeight),
  );
  HUBEI_CITIES.forEach((city, ci) => {
    const cityOu = unit(
      `${provOu._id}-${city.code}`,
      provOu,
      'city',
      `${bank.short}${city.name}分行`,
      `${bank.shortEn} ${city.nameEn} Branch`,
    );
    cities.push(site(cityOu, 'city', city, city.lacCity, rng.pick(PLACE_NAMES), 1, 'branch'));
    const places = rng.shuffle(PLACE_NAMES);
    for (let k = 0; k < (outletCounts[ci] ?? 0); k++) {
      const [zh, en] = places[k % places.length]!;
      const round = Math.floor(k / places.length);
      const suffix = round === 0 ? '' : `${round + 1}`;
      const ou = unit(
        `${cityOu._id}-${pad(k + 1, 3)}`,
        cityOu,
        'outlet',
        `${bank.short}${city.name}${zh}${suffix}支行`,
        `${bank.shortEn} ${city.nameEn} ${en}${suffix ? ` ${suffix}` : ''} Sub-branch`,
      );
      outlets.push(site(ou, 'outlet', city, city.lacCity, [zh, en], 1, 'outlet'));
    }
  });

  const [ho1, ho2] = headOffice.cpeIds as [string, string];
  const [pv1, pv2] = province.cpeIds as [string, string];
  const whAccess = op.accessByCity.get('WH') ?? [];
  const bjAccess = op.accessByCity.get('BJ') ?? [];
  const hubs = {
    headOfficeMpls: [
      hub(ho1, rng.pick(bjAccess), 'MPLS', 10 * G),
      hub(ho2, rng.pick(bjAccess), 'MPLS', 10 * G),
    ],
    provinceMpls: [
      hub(pv1, rng.pick(whAccess), 'MPLS', 10 * G),
      hub(pv2, rng.pick(whAccess), 'MPLS', 10 * G),
    ],
    provinceVpdn: hub(pv2, rng.pick(whAccess), 'VPDN', G),
  };
  return { bank, headOffice, province, cities, outlets, hubs };
}

/** Splits `total` by weights (largest remainders), so every count is deterministic. */
export function distribute(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}
