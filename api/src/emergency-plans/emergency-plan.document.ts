/** One person of a plan's contact tree: level 1 is called first, then 2, then 3. */
export interface PlanContact {
  level: 1 | 2 | 3;
  name: string;
  role: string;
  phone: string | null;
  email: string | null;
}

export interface PlanStep {
  order: number;
  action: string;
  owner: string;
}

/**
 * An emergency plan (应急预案) of a customer, one document per version (collection
 * `emergencyPlans`, unique on planId + version): a change writes the next version, so
 * every earlier one stays readable.
 */
export interface EmergencyPlanDocument {
  /** `${planId}@${version}`. */
  _id: string;
  planId: string;
  version: number;
  customerId: string;
  title: string;
  scenario: string;
  circuitIds: string[];
  siteIds: string[];
  contacts: PlanContact[];
  steps: PlanStep[];
  /** True on the newest version only (lists read these). */
  latest: boolean;
  updatedBy: string;
  updatedAt: Date;
}
