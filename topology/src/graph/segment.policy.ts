import type { ElementRole, Link, NetworkElement } from '../model/inventory.model';

/**
 * Where a fault sits, in the words a customer uses: its own premises (customer-side),
 * the operator's access network (access links, ring / OTN / LAC nodes), the provider
 * edge (PEs and service gateways) or the core.
 */
export type Segment = 'customer-side' | 'access' | 'pe' | 'core';

export const SEGMENTS: readonly Segment[] = ['customer-side', 'access', 'pe', 'core'];

export function segmentOfRole(role: ElementRole): Segment {
  switch (role) {
    case 'cpe':
      return 'customer-side';
    case 'access':
      return 'access';
    case 'pe':
      return 'pe';
    case 'core':
      return 'core';
  }
}

/**
 * A link belongs to the access network when it touches a CPE or an access node (the
 * customer's access line is the operator's, not the customer's), to the core when it
 * touches a core element, else (PE to PE or gateway) to the PE segment.
 */
export function segmentOfLink(
  link: Link,
  elements: ReadonlyMap<string, Pick<NetworkElement, 'role'>>,
): Segment {
  const roles = [elements.get(link.a.deviceId)?.role, elements.get(link.z.deviceId)?.role];
  if (roles.includes('cpe') || roles.includes('access')) return 'access';
  if (roles.includes('core')) return 'core';
  return 'pe';
}
