/** Collection names: one place, so a rename is one change. */
export const COLLECTIONS = {
  customers: 'customers',
  orgUnits: 'orgUnits',
  sites: 'sites',
  elements: 'elements',
  interfaces: 'interfaces',
  links: 'links',
  circuits: 'circuits',
  users: 'users',
  alarms: 'alarms',
  /** Last counters per interface, to turn the next sample into rates. */
  counterStates: 'counterStates',
  /** Rate points as computed from each poll (retention by a scheduled job). */
  perfRaw: 'perfRaw',
  /** Pre-aggregated 5-min / hour / day buckets. */
  perfBuckets: 'perfBuckets',
  /** Kafka messages that violated their contract, skipped by ingestion. */
  ingestRejects: 'ingestRejects',
  /** eventIds of the traps already turned into alarms: a trap published twice is applied once. */
  ingestedTraps: 'ingestedTraps',
  /** Append-only audit log (AuditService): who did what, when, with what outcome. */
  auditLog: 'auditLog',
  /** Hashed opaque refresh tokens, rotated on use (auth sessions). */
  refreshTokens: 'refreshTokens',
  /** One document per rotated refresh token: the unique `_id` makes rotation happen once. */
  refreshTokenClaims: 'refreshTokenClaims',
  /** Planned work on elements/links, with the circuits and customers it affects. */
  maintenanceWindows: 'maintenanceWindows',
  /** Trouble tickets (api/src/tickets, docs/tickets.md). */
  tickets: 'tickets',
  /** Operator teams: queues by region, team lead and duty manager for escalation. */
  ticketTeams: 'ticketTeams',
  /** Per-user notification preferences: e-mail, phone, webhook (api/src/notifications). */
  notificationPreferences: 'notificationPreferences',
  /** One entry per notification sent or tried, per recipient and channel. */
  notificationLog: 'notificationLog',
  /** Web push subscriptions, one per user and browser (api/src/notifications/push). */
  pushSubscriptions: 'pushSubscriptions',
  /** Ticket attachments (GridFS bucket `attachments`: attachments.files, attachments.chunks). */
  attachmentsBucket: 'attachments',
  /** Report jobs and their figures (api/src/reports, docs/reports.md); PDFs in GridFS `reportFiles`. */
  reports: 'reports',
  reportFilesBucket: 'reportFiles',
  /** Monthly report schedules per customer, with e-mail recipients. */
  reportSchedules: 'reportSchedules',
  /** Key-period assurance windows (api/src/assurance). */
  assuranceWindows: 'assuranceWindows',
  /** Per device, while an approved assurance window runs: faster polling, tighter thresholds (read by the poller and the ingestion). */
  assuranceOverrides: 'assuranceOverrides',
  /** Platform and maintenance announcements (api/src/announcements). */
  announcements: 'announcements',
  /** Emergency plans per customer, every version kept (api/src/emergency-plans). */
  emergencyPlans: 'emergencyPlans',
} as const;
