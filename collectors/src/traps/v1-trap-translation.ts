/**
 * SNMPv1 Trap-PDU → SNMPv2 snmpTrapOID.0, per RFC 3584 section 3.1: the six generic
 * traps map to snmpTraps.1–6; an enterprise-specific trap becomes
 * `enterprise.0.specific-trap`.
 */
const SNMP_TRAPS = '1.3.6.1.6.3.1.1.5';

export const V1_GENERIC_TRAP = {
  coldStart: 0,
  warmStart: 1,
  linkDown: 2,
  linkUp: 3,
  authenticationFailure: 4,
  egpNeighborLoss: 5,
  enterpriseSpecific: 6,
} as const;

export class TrapTranslationError extends Error {
  override name = 'TrapTranslationError';
}

export function v1TrapOid(enterprise: string, generic: number, specific: number): string {
  if (!Number.isInteger(generic) || generic < 0 || generic > 6) throw new TrapTranslationError(`generic-trap ${generic} out of range 0..6`);
  if (generic < V1_GENERIC_TRAP.enterpriseSpecific) return `${SNMP_TRAPS}.${generic + 1}`;
  if (!/^\d+(\.\d+)*$/.test(enterprise)) throw new TrapTranslationError(`bad enterprise OID '${enterprise}'`);
  if (!Number.isInteger(specific) || specific < 0) throw new TrapTranslationError(`specific-trap ${specific} invalid`);
  return `${enterprise}.0.${specific}`;
}
