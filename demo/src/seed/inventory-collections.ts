import { type NetworkInventory } from '@circuitcare/topology';

/**
 * Where each part of the inventory is stored. The names must equal the API's
 * COLLECTIONS (api/src/database/collections.ts); they are repeated here because demo/
 * drives the product from outside and never imports the API.
 */
export const INVENTORY_COLLECTIONS: Readonly<Record<keyof NetworkInventory, string>> = {
  customers: 'customers',
  orgUnits: 'orgUnits',
  sites: 'sites',
  elements: 'elements',
  interfaces: 'interfaces',
  links: 'links',
  circuits: 'circuits',
};
