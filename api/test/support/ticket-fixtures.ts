import type { Db } from 'mongodb';

import { COLLECTIONS } from '../../src/database/collections';
import type { TeamDocument } from '../../src/tickets/team.document';
import type { TicketDocument } from '../../src/tickets/ticket.document';

export async function insertTeam(
  db: Db,
  team: Partial<TeamDocument> & { _id: string },
): Promise<TeamDocument> {
  const doc: TeamDocument = {
    name: team._id,
    nameEn: team._id,
    regions: ['*'],
    memberUserIds: [],
    leadUserId: null,
    dutyManagerUserId: null,
    ...team,
  };
  await db.collection<TeamDocument>(COLLECTIONS.ticketTeams).insertOne(doc);
  return doc;
}

/** Polls `check` until it returns a value (not a timed assertion: a bounded wait for an effect). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  ms = 20_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A stored ticket as the service would write it, for fixtures that need tickets without HTTP. */
export function ticketDocument(
  p: Pick<TicketDocument, '_id' | 'customerId' | 'orgUnitIds' | 'circuitIds' | 'name'> &
    Partial<TicketDocument>,
  now: Date,
): TicketDocument {
  const due = (min: number): Date => new Date(now.getTime() + min * 60_000);
  const clock = (min: number): TicketDocument['sla']['response'] => ({
    targetMinutes: min,
    dueAt: due(min),
    stoppedAt: null,
    warnedAt: null,
    breachedAt: null,
    elapsedMinutes: null,
    met: null,
  });
  return {
    version: 1,
    siteId: null,
    fieldEngineerIds: [],
    ticketType: 'fault',
    status: 'acknowledged',
    description: `${p.name}: description`,
    severity: 'major',
    priority: 'P2',
    impact: 'down',
    channel: 'self-service',
    teamId: null,
    region: null,
    creationDate: now,
    lastUpdate: now,
    statusChangeDate: now,
    requestedResolutionDate: null,
    expectedResolutionDate: due(480),
    resolutionDate: null,
    statusChangeHistory: [
      {
        status: 'acknowledged',
        changeDate: now,
        changeReason: 'Fault reported online',
        changedBy: 'system',
        changedByKind: 'system',
      },
    ],
    relatedEntity: p.circuitIds.map((id) => ({
      id,
      referredType: 'Circuit' as const,
      role: 'affected',
      name: id,
    })),
    relatedParty: [],
    note: [],
    timeline: [
      {
        seq: 1,
        at: now,
        type: 'created',
        visibility: 'public',
        actor: 'system',
        actorKind: 'system',
        summary: 'Ticket opened',
      },
    ],
    attachment: [],
    assignment: {
      teamId: null,
      engineerUserId: null,
      engineerName: null,
      dispatchedAt: null,
      dispatchedBy: null,
    },
    fieldReport: { arrivedAt: null, causeCode: null, fixCode: null, progress: [] },
    relatedAlarmIds: [],
    rootCauseAlarmId: null,
    mergedInto: null,
    mergedTicketIds: [],
    provisioning: null,
    sla: {
      slaClass: 'gold',
      startedAt: now,
      pauses: [],
      response: clock(60),
      restore: clock(480),
      escalationLevel: 0,
      generation: 1,
    },
    satisfaction: null,
    result: {
      mttrMinutes: null,
      restoreMinutes: null,
      responseMet: null,
      restoreMet: null,
      reopenCount: 0,
      autoClosed: false,
      confirmedBy: null,
      closedAt: null,
    },
    notifySeq: 1,
    createdBy: 'system',
    ...p,
  };
}
