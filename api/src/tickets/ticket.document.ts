import type { SlaClass } from '@circuitcare/topology';

/**
 * A trouble ticket as stored (collection `tickets`). Field names follow TMF621 where
 * they fit (description, severity, priority, ticketType, status, statusChangeHistory,
 * relatedEntity, relatedParty, note, attachment, channel, requestedResolutionDate,
 * expectedResolutionDate, resolutionDate); the rest is ours. docs/tickets.md lists
 * every field the reports read.
 *
 * Scope keys are top level so FerretDB filters them in PostgreSQL: customerId,
 * orgUnitIds (union of the orgPath of the ticket's circuits, or the reporter's unit)
 * and fieldEngineerIds (who it is dispatched to).
 */

export const TICKET_TYPES = ['fault', 'provisioning', 'changeRequest', 'complaint'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATUSES = [
  'acknowledged',
  'inProgress',
  'pending',
  'resolved',
  'closed',
  'reopened',
  'cancelled',
  'rejected',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses after which nothing changes any more. */
export const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'cancelled', 'rejected'];
/** Statuses of a ticket that still covers its circuits (a new report may join it). */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'acknowledged',
  'inProgress',
  'pending',
  'reopened',
];

export const TICKET_SEVERITIES = ['critical', 'major', 'minor'] as const;
export type TicketSeverity = (typeof TICKET_SEVERITIES)[number];
export const TICKET_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const FAULT_IMPACTS = ['down', 'degraded', 'intermittent'] as const;
export type FaultImpact = (typeof FAULT_IMPACTS)[number];
export const TICKET_CHANNELS = ['self-service', 'proactive', 'noc', 'tmf-api'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export type Visibility = 'public' | 'internal';

export interface StatusChange {
  status: TicketStatus;
  changeDate: Date;
  changeReason: string;
  /** Username, or `system` (proactive, auto-close). */
  changedBy: string;
  changedByKind: ActorKind;
}

/** Who acted, as customers are shown it: operator staff appear as `operator` to them. */
export type ActorKind = 'customer' | 'operator' | 'system';

export interface TicketNote {
  id: string;
  text: string;
  author: string;
  authorRole: string;
  date: Date;
  visibility: Visibility;
}

/** One line of the timeline: what happened, who did it, whether the customer sees it. */
export interface TimelineEntry {
  seq: number;
  at: Date;
  /** e.g. created, status, dispatched, note, field-arrival, sla-warning, escalated, attachment… */
  type: string;
  visibility: Visibility;
  actor: string;
  actorKind: ActorKind;
  /** Short text for the timeline (no personal data: names of people go in `actor`). */
  summary: string;
  detail?: Record<string, string | number | boolean | null>;
}

export interface RelatedEntity {
  id: string;
  /** TMF `@referredType`: Circuit, Site, Alarm, TroubleTicket. */
  referredType: 'Circuit' | 'Site' | 'Alarm' | 'TroubleTicket';
  /** TMF `role`: affected, rootCause, correlated, duplicate, mergedInto. */
  role: string;
  name: string;
}

/** A person involved: reporter, contact, watcher (joined), assignee. */
export interface RelatedParty {
  /** User id when the party is a user of ours, else a generated id. */
  id: string;
  userId: string | null;
  role: 'reporter' | 'contact' | 'watcher' | 'assignee';
  name: string;
  /** Customer contact data: masked for operator roles that do not need it (number shield). */
  email: string | null;
  phone: string | null;
}

export interface AttachmentRef {
  id: string;
  /** The name as uploaded, for display only: never a path. */
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  visibility: Visibility;
  uploadedBy: string;
  uploaderKind: ActorKind;
  createdAt: Date;
}

export interface Assignment {
  teamId: string | null;
  engineerUserId: string | null;
  engineerName: string | null;
  dispatchedAt: Date | null;
  dispatchedBy: string | null;
}

export interface FieldReport {
  arrivedAt: Date | null;
  causeCode: string | null;
  fixCode: string | null;
  progress: Array<{ at: Date; text: string; by: string }>;
}

export const PROVISIONING_STAGES = [
  'survey',
  'construction',
  'configuration',
  'test',
  'handover',
] as const;
export type ProvisioningStageName = (typeof PROVISIONING_STAGES)[number];

export interface ProvisioningStage {
  name: ProvisioningStageName;
  status: 'pending' | 'inProgress' | 'done' | 'skipped';
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface ProvisioningRequest {
  /** Self-service request kinds; `bandwidth-change` changes the circuit's bandwidthBps. */
  kind: 'temporary-bandwidth' | 'bandwidth-change' | 'new-circuit';
  circuitId: string | null;
  bandwidthBps: number | null;
  /** Temporary requests: until when (the circuit goes back to `previousBandwidthBps`). */
  until: Date | null;
  previousBandwidthBps: number | null;
  /** When the circuit record was changed (handover done). */
  appliedAt: Date | null;
  revertedAt: Date | null;
}

/** A period during which an SLA clock does not run. */
export interface ClockPause {
  from: Date;
  to: Date | null;
  reason: 'pending-on-customer' | 'resolved';
}

export interface SlaClock {
  targetMinutes: number;
  /**
   * When the clock runs out, known pauses and approved maintenance included (recomputed
   * on each change); null while a pause holds it.
   */
  dueAt: Date | null;
  /** Set when the clock stopped: first response, resp. resolution. */
  stoppedAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  /** Minutes the clock ran (pauses and approved maintenance excluded), once stopped. */
  elapsedMinutes: number | null;
  met: boolean | null;
}

export interface TicketSla {
  slaClass: SlaClass;
  startedAt: Date;
  pauses: ClockPause[];
  response: SlaClock;
  restore: SlaClock;
  /** 0 none, 1 team lead, 2 duty manager. */
  escalationLevel: 0 | 1 | 2;
  /** Bumped whenever timers are re-planned: a job of an older generation does nothing. */
  generation: number;
}

export interface Satisfaction {
  rating: 1 | 2 | 3 | 4 | 5;
  comment: string;
  at: Date;
  by: string;
}

/** Outcome figures, set on resolution and closure, for the reports. */
export interface TicketResult {
  /** Minutes from creation to (last) resolution, SLA pauses not deducted. */
  mttrMinutes: number | null;
  /** Minutes the restore clock ran (pauses and approved maintenance deducted). */
  restoreMinutes: number | null;
  responseMet: boolean | null;
  restoreMet: boolean | null;
  reopenCount: number;
  autoClosed: boolean;
  confirmedBy: string | null;
  closedAt: Date | null;
}

export interface TicketDocument {
  _id: string;
  /** Optimistic concurrency: every write requires and bumps it. */
  version: number;
  customerId: string;
  orgUnitIds: string[];
  circuitIds: string[];
  siteId: string | null;
  fieldEngineerIds: string[];
  ticketType: TicketType;
  status: TicketStatus;
  name: string;
  description: string;
  severity: TicketSeverity;
  priority: TicketPriority;
  impact: FaultImpact | null;
  channel: TicketChannel;
  /** Operator team queue and region (the A-end site's city). */
  teamId: string | null;
  region: string | null;
  creationDate: Date;
  lastUpdate: Date;
  statusChangeDate: Date;
  requestedResolutionDate: Date | null;
  expectedResolutionDate: Date | null;
  resolutionDate: Date | null;
  statusChangeHistory: StatusChange[];
  relatedEntity: RelatedEntity[];
  relatedParty: RelatedParty[];
  note: TicketNote[];
  timeline: TimelineEntry[];
  attachment: AttachmentRef[];
  assignment: Assignment;
  fieldReport: FieldReport;
  relatedAlarmIds: string[];
  rootCauseAlarmId: string | null;
  mergedInto: string | null;
  mergedTicketIds: string[];
  provisioning: { stages: ProvisioningStage[]; request: ProvisioningRequest | null } | null;
  sla: TicketSla;
  satisfaction: Satisfaction | null;
  result: TicketResult;
  /** Number of the last notification fan-out (one per public change). */
  notifySeq: number;
  createdBy: string;
}
