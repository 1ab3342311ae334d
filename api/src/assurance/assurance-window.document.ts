/**
 * Key-period assurance (重保): a customer's window over chosen circuits, requested by its
 * customer-admin or account manager and approved by the NOC (collection
 * `assuranceWindows`). While an approved window runs, the devices at the circuits' ends
 * are polled faster and their interfaces judged against tighter thresholds (through
 * `assuranceOverrides`, which the poller and the ingestion read), degradation is told
 * to the window's contacts, and the circuits' tickets get the window's priority.
 */
export const ASSURANCE_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export type AssuranceStatus = (typeof ASSURANCE_STATUSES)[number];

/** Poll-derived alarm thresholds (see api/src/ingest/alarms/sample-conditions.ts). */
export interface AssuranceThresholds {
  /** Utilisation (fraction) raising congestion … */
  congestionRaise: number;
  /** … and clearing it. */
  congestionClear: number;
  /** Errors per second raising highErrorRate (cleared below half). */
  errorsPerSecRaise: number;
  /** Error share of packets raising highErrorRate. */
  errorRatioRaise: number;
}

export interface AssuranceContact {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface AssuranceWindowDocument {
  _id: string;
  customerId: string;
  /** Union of the circuits' orgPath (scope of org-subtree readers). */
  orgUnitIds: string[];
  title: string;
  reason: string;
  circuitIds: string[];
  start: Date;
  end: Date;
  status: AssuranceStatus;
  pollIntervalSec: number;
  thresholds: AssuranceThresholds;
  /** Ticket priority for faults on these circuits during the window. */
  priority: 'P1' | 'P2';
  contacts: AssuranceContact[];
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  /** Degradation notices sent (alarm ids already told), so one alarm notifies once. */
  noticedAlarmIds: string[];
  /** The report of the window, made once it ended. */
  reportId: string | null;
  /** Bumped on every change: writes are guarded by it. */
  version: number;
}

/**
 * What the poller and the ingestion read (collection `assuranceOverrides`), one per
 * window and device: poll the device every `pollIntervalSec` and judge `ifIndexes`
 * against `thresholds` while `from <= now < until`. The poller (collectors/) and the
 * ingestion know only this shape, not the windows.
 */
export interface AssuranceOverrideDocument {
  /** `${windowId}|${deviceId}`. */
  _id: string;
  windowId: string;
  deviceId: string;
  ifIndexes: number[];
  pollIntervalSec: number;
  thresholds: AssuranceThresholds;
  from: Date;
  until: Date;
}

export const DEFAULT_ASSURANCE_THRESHOLDS: AssuranceThresholds = {
  congestionRaise: 0.7,
  congestionClear: 0.6,
  errorsPerSecRaise: 0.2,
  errorRatioRaise: 0.0002,
};
