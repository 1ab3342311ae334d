/** Collection names: one place, so a rename is one change. */
export const COLLECTIONS = {
  customers: 'customers',
  orgUnits: 'orgUnits',
  sites: 'sites',
  elements: 'elements',
  interfaces: 'interfaces',
  links: 'links',
  circuits: 'circuits',
  users: 'users',
  alarms: 'alarms',
  /** Last counters per interface, to turn the next sample into rates. */
  counterStates: 'counterStates',
  /** Rate points as computed from each poll (retention by a scheduled job). */
  perfRaw: 'perfRaw',
  /** Pre-aggregated 5-min / hour / day buckets. */
  perfBuckets: 'perfBuckets',
  /** Kafka messages that violated their contract, skipped by ingestion. */
  ingestRejects: 'ingestRejects',
  /** eventIds of the traps already turned into alarms: a trap published twice is applied once. */
  ingestedTraps: 'ingestedTraps',
} as const;
