import type { TopologyIndex } from '../graph/inventory.index';
import type { Segment } from '../graph/segment.policy';
import { segmentOfLink, segmentOfRole } from '../graph/segment.policy';
import type { ProductKind, SlaClass } from '../model/inventory.model';
import { interfaceId } from '../model/inventory.model';

/** What may fail: a whole element, one link, or one interface of an element. */
export type ImpactTarget =
  | { type: 'element'; deviceId: string }
  | { type: 'link'; linkId: string }
  | { type: 'interface'; deviceId: string; ifIndex: number };

export interface CustomerImpact {
  customerId: string;
  customerName: string;
  circuitIds: string[];
  byProduct: Record<ProductKind, number>;
  bySla: Record<SlaClass, number>;
}

export interface Impact {
  target: ImpactTarget;
  /** Display name of the target (element sysName, `a ⇄ z` for a link, `element ifName`). */
  targetName: string;
  /** Null when the target is not in the inventory (nothing is then impacted). */
  segment: Segment | null;
  found: boolean;
  /** Every circuit whose route crosses the target, inventory order. */
  circuitIds: string[];
  /** Per customer, customers in order of first circuit. */
  customers: CustomerImpact[];
  byProduct: Record<ProductKind, number>;
  bySla: Record<SlaClass, number>;
}

export interface ImpactOptions {
  /** Restricts the answer to these circuits (the caller's scope). */
  visibleCircuitIds?: ReadonlySet<string>;
}

function zeroProducts(): Record<ProductKind, number> {
  return { 'leased-line': 0, 'mpls-vpn': 0, internet: 0, vpdn: 0 };
}

function zeroSla(): Record<SlaClass, number> {
  return { platinum: 0, gold: 0, silver: 0, bronze: 0 };
}

/** Stable string id of a target: the element id, the link id or the interface id. */
export function targetId(target: ImpactTarget): string {
  switch (target.type) {
    case 'element':
      return target.deviceId;
    case 'link':
      return target.linkId;
    case 'interface':
      return interfaceId(target.deviceId, target.ifIndex);
  }
}

function describe(
  index: TopologyIndex,
  target: ImpactTarget,
): { name: string; segment: Segment | null; circuitIds: readonly string[] } {
  switch (target.type) {
    case 'element': {
      const element = index.elements.get(target.deviceId);
      return {
        name: element?.name ?? target.deviceId,
        segment: element ? segmentOfRole(element.role) : null,
        circuitIds: element ? (index.circuitsByElement.get(target.deviceId) ?? []) : [],
      };
    }
    case 'link': {
      const link = index.links.get(target.linkId);
      if (!link) return { name: target.linkId, segment: null, circuitIds: [] };
      const a = index.elements.get(link.a.deviceId)?.name ?? link.a.deviceId;
      const z = index.elements.get(link.z.deviceId)?.name ?? link.z.deviceId;
      return {
        name: `${a} ⇄ ${z}`,
        segment: segmentOfLink(link, index.elements),
        circuitIds: index.circuitsByLink.get(link._id) ?? [],
      };
    }
    case 'interface': {
      const id = interfaceId(target.deviceId, target.ifIndex);
      const iface = index.interfaces.get(id);
      const element = index.elements.get(target.deviceId);
      if (!iface || !element) return { name: id, segment: null, circuitIds: [] };
      // An interface on a link is the link's end: its failure is the link's.
      const link = iface.linkId === null ? undefined : index.links.get(iface.linkId);
      return {
        name: `${element.name} ${iface.ifName}`,
        segment: link ? segmentOfLink(link, index.elements) : segmentOfRole(element.role),
        circuitIds: index.circuitsByInterface.get(id) ?? [],
      };
    }
  }
}

/**
 * Every circuit and customer the target carries: O(circuits crossing it), from the
 * index's reverse maps. An interface carries the circuits entering or leaving by it.
 */
export function impactOf(
  index: TopologyIndex,
  target: ImpactTarget,
  options: ImpactOptions = {},
): Impact {
  const { name, segment, circuitIds: all } = describe(index, target);
  const visible = options.visibleCircuitIds;
  const circuitIds = visible ? all.filter((id) => visible.has(id)) : [...all];
  const customers = new Map<string, CustomerImpact>();
  const byProduct = zeroProducts();
  const bySla = zeroSla();
  for (const id of circuitIds) {
    const circuit = index.circuits.get(id);
    if (!circuit) continue;
    let entry = customers.get(circuit.customerId);
    if (!entry) {
      entry = {
        customerId: circuit.customerId,
        customerName: index.customers.get(circuit.customerId)?.name ?? circuit.customerId,
        circuitIds: [],
        byProduct: zeroProducts(),
        bySla: zeroSla(),
      };
      customers.set(circuit.customerId, entry);
    }
    entry.circuitIds.push(id);
    entry.byProduct[circuit.product] += 1;
    entry.bySla[circuit.slaClass] += 1;
    byProduct[circuit.product] += 1;
    bySla[circuit.slaClass] += 1;
  }
  return {
    target,
    targetName: name,
    segment,
    found: segment !== null,
    circuitIds,
    customers: [...customers.values()],
    byProduct,
    bySla,
  };
}
