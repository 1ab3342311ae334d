import type { Role } from '../../../src/database/documents';

/**
 * The scope model of the matrix, independent of the API: every fixture document belongs to
 * one or more compartments, and each compartment has a marker string that appears in the
 * ids and names of its documents and nowhere else. A caller may see a compartment or not;
 * any marker of a compartment it may not see, anywhere in a response, is a leak.
 *
 * Markers are made of letters that occur in no English word nor in any field name, so a
 * marker in a body can only come from the fixture ("tena" would not do: main*tena*nce).
 */
export const COMPARTMENTS = {
  /** Tenant A as such: its customer record and the org units above the scoped users. */
  tnqa: 'tnqa',
  /** A's head office (circuits at the root unit). */
  mxahq: 'mxahq',
  /** A's Hubei province unit (ancestor of Wuhan): circuits at the province level only. */
  mxahb: 'mxahb',
  /** A's Guangdong province and its Shenzhen city branch. */
  mxagd: 'mxagd',
  /** A's Wuhan city branch: the unit of A's engineer and viewer. */
  mxawh: 'mxawh',
  /** An outlet below Wuhan: inside the Wuhan subtree. */
  mxawo: 'mxawo',
  tnqb: 'tnqb',
  mxbhq: 'mxbhq',
  /** B's Chengdu city branch: the unit of B's engineer and viewer. */
  mxbcd: 'mxbcd',
  /** Operator-only: core elements no circuit crosses, alarms that affect no customer. */
  mxop: 'mxop',
  /**
   * A third customer's ticket dispatched to the field engineer: all a field engineer sees
   * (its tickets, their attachments), and nothing of either bank.
   */
  mxfe: 'mxfe',
} as const;

export type Compartment = keyof typeof COMPARTMENTS;
export const ALL_COMPARTMENTS = Object.keys(COMPARTMENTS) as Compartment[];

const A_ALL: Compartment[] = ['tnqa', 'mxahq', 'mxahb', 'mxagd', 'mxawh', 'mxawo'];
const A_WUHAN: Compartment[] = ['tnqa', 'mxawh', 'mxawo'];
const B_ALL: Compartment[] = ['tnqb', 'mxbhq', 'mxbcd'];
const B_CHENGDU: Compartment[] = ['tnqb', 'mxbcd'];

export interface MatrixUser {
  username: string;
  role: Role;
  customerId: string | null;
  orgUnitId: string | null;
  assignedCustomerIds: string[];
  /** What this caller may see: the expectation, written down independently of the code. */
  sees: readonly Compartment[];
}

export const CUSTOMER_A = 'cust-tnqa';
export const CUSTOMER_B = 'cust-tnqb';

/** One user of every role for each tenant, and the operator staff. */
export const MATRIX_USERS: readonly MatrixUser[] = [
  user('adm.tnqa', 'customer-admin', CUSTOMER_A, 'ou-tnqa-root', [], A_ALL),
  user('eng.tnqa.mxawh', 'customer-engineer', CUSTOMER_A, 'ou-tnqa-mxawh', [], A_WUHAN),
  user('view.tnqa.mxawh', 'customer-viewer', CUSTOMER_A, 'ou-tnqa-mxawh', [], A_WUHAN),
  user('am.tnqa', 'account-manager', null, null, [CUSTOMER_A], A_ALL),
  user('adm.tnqb', 'customer-admin', CUSTOMER_B, 'ou-tnqb-root', [], B_ALL),
  user('eng.tnqb.mxbcd', 'customer-engineer', CUSTOMER_B, 'ou-tnqb-mxbcd', [], B_CHENGDU),
  user('view.tnqb.mxbcd', 'customer-viewer', CUSTOMER_B, 'ou-tnqb-mxbcd', [], B_CHENGDU),
  user('am.tnqb', 'account-manager', null, null, [CUSTOMER_B], B_ALL),
  user('noc.ops', 'noc-operator', null, null, [], ALL_COMPARTMENTS),
  user('padm.ops', 'platform-admin', null, null, [], ALL_COMPARTMENTS),
  user('fe.ops', 'field-engineer', null, null, [], ['mxfe']),
];

function user(
  username: string,
  role: Role,
  customerId: string | null,
  orgUnitId: string | null,
  assignedCustomerIds: string[],
  sees: readonly Compartment[],
): MatrixUser {
  return { username, role, customerId, orgUnitId, assignedCustomerIds, sees };
}

/** The markers a caller must never receive. */
export function forbiddenMarkers(caller: MatrixUser): string[] {
  return ALL_COMPARTMENTS.filter((c) => !caller.sees.includes(c)).map((c) => COMPARTMENTS[c]);
}

/** An object is in scope when the caller sees any compartment it belongs to. */
export function inScope(caller: MatrixUser, compartments: readonly Compartment[]): boolean {
  return compartments.some((c) => caller.sees.includes(c));
}

/** Every forbidden marker found in `text`, with a little context, for the failure message. */
export function leaksIn(text: string, forbidden: readonly string[]): string[] {
  const found: string[] = [];
  for (const marker of forbidden) {
    let at = text.indexOf(marker);
    while (at !== -1 && found.length < 20) {
      found.push(`${marker} in …${text.slice(Math.max(0, at - 60), at + 60)}…`);
      at = text.indexOf(marker, at + marker.length);
    }
  }
  return found;
}
