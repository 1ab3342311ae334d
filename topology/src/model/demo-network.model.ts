import type { Circuit, Customer, Link, NetworkElement, NetworkInterface, OrgUnit, Site } from './inventory.model';

/** A whole inventory, as the generator makes it and the seed writes it. */
export interface NetworkInventory {
  customers: Customer[];
  orgUnits: OrgUnit[];
  sites: Site[];
  elements: NetworkElement[];
  interfaces: NetworkInterface[];
  links: Link[];
  circuits: Circuit[];
}
