import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Db } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import { withTicketScope } from '../tickets/ticket-scope.filter';
import type { TicketDocument } from '../tickets/ticket.document';
import type { TicketFact } from './ticket-figures';

/**
 * The reports' read side of the tickets (docs/tickets.md lists the fields): what was
 * filed for a customer in a period, reduced to the facts the figures need. Reading the
 * collection directly keeps the reports independent of the tickets' services; with no
 * tickets stored the reports simply show none.
 */
export interface TicketFactsReader {
  /** Tickets of the customer created in [from, to), as far as the scope may see them. */
  createdIn(scope: AccessScope, customerId: string, from: Date, to: Date): Promise<TicketFact[]>;
}

export const TICKET_FACTS = Symbol('TICKET_FACTS');

const PROJECTION = {
  _id: 1,
  ticketType: 1,
  status: 1,
  name: 1,
  priority: 1,
  severity: 1,
  impact: 1,
  circuitIds: 1,
  creationDate: 1,
  resolutionDate: 1,
  result: 1,
  fieldReport: 1,
  rootCauseAlarmId: 1,
  mergedInto: 1,
} as const;

type Row = Pick<TicketDocument, keyof typeof PROJECTION>;

@Injectable()
export class MongoTicketFactsReader implements TicketFactsReader {
  private readonly tickets: Collection<TicketDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.tickets = db.collection<TicketDocument>(COLLECTIONS.tickets);
  }

  async createdIn(
    scope: AccessScope,
    customerId: string,
    from: Date,
    to: Date,
  ): Promise<TicketFact[]> {
    const rows = (await this.tickets
      .find(withTicketScope(scope, { customerId, creationDate: { $gte: from, $lt: to } }), {
        projection: PROJECTION,
      })
      .sort({ creationDate: 1, _id: 1 })
      .toArray()) as Row[];
    return rows.map(toFact);
  }
}

export function toFact(t: Row): TicketFact {
  return {
    id: t._id,
    ticketType: t.ticketType,
    status: t.status,
    name: t.name,
    priority: t.priority,
    severity: t.severity,
    impact: t.impact ?? null,
    circuitIds: t.circuitIds ?? [],
    creationDate: new Date(t.creationDate),
    resolutionDate: t.resolutionDate ? new Date(t.resolutionDate) : null,
    mttrMinutes: t.result?.mttrMinutes ?? null,
    restoreMinutes: t.result?.restoreMinutes ?? null,
    responseMet: t.result?.responseMet ?? null,
    restoreMet: t.result?.restoreMet ?? null,
    causeCode: t.fieldReport?.causeCode ?? null,
    rootCauseAlarmId: t.rootCauseAlarmId ?? null,
    mergedInto: t.mergedInto ?? null,
  };
}
