import { type NetworkInventory } from '@circuitcare/topology';

import { AddressPlan } from './address-plan.allocator';
import { BANKS } from './bank-customers.data';
import { buildCustomerCircuits } from './customer-circuits.builder';
import { buildCustomerEstate } from './customer-estate.builder';
import { InventoryBuilder } from './inventory-builder.context';
import { buildOperatorBackbone } from './operator-backbone.builder';
import { applyPollIntervals } from './poll-interval.policy';
import { SeededRandom } from './seeded-random.prng';

export interface DemoNetworkOptions {
  seed: number;
  /** Sites per bank (head office, provincial branch, 13 city branches, the rest outlets). */
  sitesPerCustomer?: number;
}

export const DEFAULT_SITES_PER_CUSTOMER = 170;
export const MIN_SITES_PER_CUSTOMER = 150;

/**
 * The demo operator's network in Hubei and the estates of two banks on it, identical
 * for a given seed: same ids, addresses, routes and order of every list.
 */
export function generateDemoNetwork(options: DemoNetworkOptions): NetworkInventory {
  const sitesPerCustomer = options.sitesPerCustomer ?? DEFAULT_SITES_PER_CUSTOMER;
  if (!Number.isInteger(options.seed))
    throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!Number.isInteger(sitesPerCustomer) || sitesPerCustomer < MIN_SITES_PER_CUSTOMER) {
    throw new Error(
      `sitesPerCustomer must be an integer ≥ ${MIN_SITES_PER_CUSTOMER}, got ${sitesPerCustomer}`,
    );
  }
  const rng = new SeededRandom(options.seed);
  const ips = new AddressPlan();
  const b = new InventoryBuilder();

  const operator = buildOperatorBackbone(b, rng, ips);
  // Estates first, then circuits: the hubs must exist before the outlets route to them.
  const estates = BANKS.map((bank) =>
    buildCustomerEstate(b, rng, ips, operator, bank, sitesPerCustomer),
  );
  for (const estate of estates) buildCustomerCircuits(b, rng, operator, estate);
  applyPollIntervals(b.elements, b.circuits);
  return b.toInventory();
}
