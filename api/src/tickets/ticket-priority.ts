import type { SlaClass } from '@circuitcare/topology';

import type { FaultImpact, TicketPriority, TicketSeverity, TicketType } from './ticket.document';

/** Initial priority and severity from what was reported; the NOC may change both in triage. */
export function initialPriority(
  type: TicketType,
  impact: FaultImpact | null,
  slaClass: SlaClass,
): { priority: TicketPriority; severity: TicketSeverity } {
  if (type !== 'fault') return { priority: 'P4', severity: 'minor' };
  const premium = slaClass === 'platinum' || slaClass === 'gold';
  switch (impact) {
    case 'down':
      return { priority: premium ? 'P1' : 'P2', severity: 'critical' };
    case 'degraded':
      return { priority: premium ? 'P2' : 'P3', severity: 'major' };
    case 'intermittent':
    case null:
      return { priority: 'P3', severity: 'minor' };
  }
}
