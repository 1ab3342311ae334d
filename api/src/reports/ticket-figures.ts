/**
 * Ticket outcome figures for the reports, from what the tickets record (docs/tickets.md):
 * pure functions over the read-side facts (ticket-facts.reader.ts).
 */
export interface TicketFact {
  id: string;
  ticketType: string;
  status: string;
  name: string;
  priority: string;
  severity: string;
  impact: string | null;
  circuitIds: string[];
  creationDate: Date;
  resolutionDate: Date | null;
  /** Minutes from creation to (last) resolution (TicketResult.mttrMinutes). */
  mttrMinutes: number | null;
  /** Minutes the restore clock ran (pauses and approved maintenance deducted). */
  restoreMinutes: number | null;
  responseMet: boolean | null;
  restoreMet: boolean | null;
  /** The field engineer's cause code, when reported. */
  causeCode: string | null;
  rootCauseAlarmId: string | null;
  mergedInto: string | null;
}

export interface TicketFigures {
  tickets: number;
  /** Fault tickets (incidents) among them. */
  incidents: number;
  resolved: number;
  /** Mean creation → resolution of the resolved fault tickets, minutes; null if none. */
  mttrMinutes: number | null;
  /** Share of the resolved fault tickets restored within the SLA target; null if none. */
  restoreCompliance: number | null;
  /** Share of the tickets whose first response met the target; null if none decided. */
  responseCompliance: number | null;
  byType: Record<string, number>;
  byStatus: Record<string, number>;
  byPriority: Record<string, number>;
  byCause: Record<string, number>;
}

const DISCARDED = new Set(['cancelled', 'rejected']);

/** Tickets that count: not cancelled or rejected, not merged into another. */
export function countedTickets(tickets: readonly TicketFact[]): TicketFact[] {
  return tickets.filter((t) => !DISCARDED.has(t.status) && t.mergedInto === null);
}

function share(values: readonly (boolean | null)[]): number | null {
  const decided = values.filter((v): v is boolean => v !== null);
  return decided.length > 0 ? decided.filter(Boolean).length / decided.length : null;
}

function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function ticketFigures(all: readonly TicketFact[]): TicketFigures {
  const tickets = countedTickets(all);
  const faults = tickets.filter((t) => t.ticketType === 'fault');
  const resolved = faults.filter((t) => t.mttrMinutes !== null);
  return {
    tickets: tickets.length,
    incidents: faults.length,
    resolved: resolved.length,
    mttrMinutes:
      resolved.length > 0
        ? resolved.reduce((sum, t) => sum + t.mttrMinutes!, 0) / resolved.length
        : null,
    restoreCompliance: share(resolved.map((t) => t.restoreMet)),
    responseCompliance: share(tickets.map((t) => t.responseMet)),
    byType: tally(tickets.map((t) => t.ticketType)),
    byStatus: tally(tickets.map((t) => t.status)),
    byPriority: tally(tickets.map((t) => t.priority)),
    byCause: tally(faults.map((t) => t.causeCode ?? 'unknown')),
  };
}
