import { z } from 'zod';

import type { SlaClass } from '@circuitcare/topology';

import type { TicketPriority } from '../tickets/ticket.document';

export interface SlaTarget {
  /** Minutes to first response (acknowledged → inProgress or dispatch). */
  responseMin: number;
  /** Minutes to restoration (→ resolved). */
  restoreMin: number;
}

export type SlaTargets = Record<SlaClass, Record<TicketPriority, SlaTarget>>;

const target = z
  .object({ responseMin: z.number().positive(), restoreMin: z.number().positive() })
  .strict();
const byPriority = z.object({ P1: target, P2: target, P3: target, P4: target }).strict();
export const slaTargetsSchema = z
  .object({ platinum: byPriority, gold: byPriority, silver: byPriority, bronze: byPriority })
  .strict();

function row(
  response: [number, number, number, number],
  restore: [number, number, number, number],
): Record<TicketPriority, SlaTarget> {
  return {
    P1: { responseMin: response[0], restoreMin: restore[0] },
    P2: { responseMin: response[1], restoreMin: restore[1] },
    P3: { responseMin: response[2], restoreMin: restore[2] },
    P4: { responseMin: response[3], restoreMin: restore[3] },
  };
}

/** Default targets (minutes), the operator's usual enterprise-line commitments. */
export const DEFAULT_SLA_TARGETS: SlaTargets = {
  platinum: row([15, 30, 60, 240], [120, 240, 480, 1440]),
  gold: row([30, 60, 120, 480], [240, 480, 960, 2880]),
  silver: row([60, 120, 240, 960], [480, 960, 1440, 4320]),
  bronze: row([120, 240, 480, 1440], [960, 1440, 2880, 7200]),
};

/** Parses TICKET_SLA_TARGETS (JSON, the whole table); throws naming what is wrong. */
export function parseSlaTargets(text: string | undefined): SlaTargets {
  if (!text) return DEFAULT_SLA_TARGETS;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  return slaTargetsSchema.parse(json);
}
