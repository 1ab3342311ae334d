import type { VerifiedPrincipal } from './principal';

declare const scopeBrand: unique symbol;

/** What a principal may read, independent of the collection. */
export type ScopeShape =
  /** Operator staff with a view over every customer. */
  | { readonly kind: 'all' }
  /** A fixed set of customers (customer-admin: its own; account manager: the assigned ones). */
  | { readonly kind: 'customers'; readonly customerIds: readonly string[] }
  /** One customer, restricted to an org unit and everything below it. */
  | { readonly kind: 'org-subtree'; readonly customerId: string; readonly orgUnitId: string }
  /** Field engineers: the tickets dispatched to them (and nothing else of the network). */
  | { readonly kind: 'dispatched'; readonly userId: string }
  /** Nothing. */
  | { readonly kind: 'none' };

/**
 * The tenant and org scope every user-facing repository read requires as its first
 * parameter. Branded: only `scopeFor` (from a verified principal) produces one, so a
 * query cannot be written against an invented or forgotten scope.
 */
export type AccessScope = ScopeShape & { readonly [scopeBrand]: true };

function brand(shape: ScopeShape): AccessScope {
  return Object.freeze(shape) as AccessScope;
}

const NONE = brand({ kind: 'none' });

export function scopeFor(principal: VerifiedPrincipal): AccessScope {
  switch (principal.role) {
    case 'noc-operator':
    case 'platform-admin':
      return brand({ kind: 'all' });
    case 'account-manager':
      return brand({ kind: 'customers', customerIds: [...principal.assignedCustomerIds] });
    case 'customer-admin':
      return principal.customerId
        ? brand({ kind: 'customers', customerIds: [principal.customerId] })
        : NONE;
    case 'customer-engineer':
    case 'customer-viewer':
      // Fail closed: a customer user without an org unit sees nothing rather than the whole customer.
      return principal.customerId && principal.orgUnitId
        ? brand({
            kind: 'org-subtree',
            customerId: principal.customerId,
            orgUnitId: principal.orgUnitId,
          })
        : NONE;
    case 'field-engineer':
      return brand({ kind: 'dispatched', userId: principal.userId });
  }
}
