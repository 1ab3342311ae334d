export const REPORTS_QUEUE = 'reports';

export type ReportJob = { type: 'generate'; reportId: string } | { type: 'schedule-check' };

/** Roles that may ask for and read reports: the whole customer is in them. */
export const REPORT_ROLES = [
  'customer-admin',
  'account-manager',
  'noc-operator',
  'platform-admin',
] as const;
/** Roles that keep monthly schedules (the account manager's and the NOC's work). */
export const SCHEDULE_ROLES = ['account-manager', 'noc-operator', 'platform-admin'] as const;
