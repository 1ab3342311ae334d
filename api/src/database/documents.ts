import type {
  Circuit,
  Customer,
  Link,
  NetworkElement,
  NetworkInterface,
  OrgUnit,
  Site,
} from '@circuitcare/topology';

/**
 * Shapes of the stored documents that the API owns (inventory shapes come from
 * @circuitcare/topology). Field names of alarms follow TMF642.
 */

export type PerceivedSeverity =
  'critical' | 'major' | 'minor' | 'warning' | 'indeterminate' | 'cleared';
export type AlarmState = 'raised' | 'cleared';
export type AckState = 'acknowledged' | 'unacknowledged';

export interface AlarmedObject {
  /** `${deviceId}` or `${deviceId}:${ifIndex}`. */
  id: string;
  type: 'element' | 'interface';
  deviceId: string;
  ifIndex: number | null;
  name: string;
}

export interface AlarmDocument {
  _id: string;
  /** Deduplication key: `${probableCause}|${alarmedObject.id}`. */
  reductionKey: string;
  /**
   * Equal to reductionKey while raised; `${reductionKey}#cleared#${_id}` once cleared.
   * A unique index on it therefore allows exactly one raised alarm per key. (FerretDB
   * 1.x has no partial or sparse indexes, so the field is never absent or shared.)
   */
  activeKey?: string;
  customerIds: string[];
  alarmedObject: AlarmedObject;
  alarmType: 'communicationsAlarm' | 'qualityOfServiceAlarm' | 'equipmentAlarm';
  perceivedSeverity: PerceivedSeverity;
  probableCause: string;
  specificProblem: string;
  state: AlarmState;
  ackState: AckState;
  alarmRaisedTime: Date;
  alarmChangedTime: Date;
  alarmClearedTime: Date | null;
  /** Circuits whose route crosses the alarmed object (TMF642 affectedService). */
  affectedCircuitIds: string[];
  serviceAffecting: boolean;
  /** What the alarm does to its circuits while raised (set by ingestion): down, degraded or none. */
  serviceImpact?: 'down' | 'degraded' | 'none';
  /** How many events folded into this alarm. */
  occurrences: number;
  /** Origin of the last event: 'trap', 'poll'. */
  sourceSystemId: string;
  /** Kafka position of the last event applied; a redelivered event is older and skipped. */
  lastEvent: { topic: string; partition: number; offset: string };
  /**
   * Highest offset applied per source partition, keyed `${topic with '.'→'_'}~${partition}`
   * (set by ingestion). An event at or below it, on any alarm of the same reductionKey,
   * is a redelivery and changes nothing.
   */
  eventPositions?: Record<string, number>;
  /**
   * Union of the orgPath of the affected circuits, stamped at ingestion: an org-subtree
   * user sees the alarm iff its orgUnitId is in it (and its customer in customerIds).
   * Alarms stored before the field existed get it at API start-up (AlarmsRepository).
   */
  orgUnitIds?: string[];
  /** TMF642 acknowledgement: who (user id) and from where (system id) acknowledged it. */
  ackUserId?: string | null;
  ackSystemId?: string | null;
  ackTime?: Date | null;
  /** TMF642 comment[]: operator notes, oldest first. */
  comments?: AlarmComment[];
  /** Set when an operator cleared the alarm by hand (TMF642 clearUserId / clearSystemId). */
  clearUserId?: string | null;
  clearSystemId?: string | null;
  /** TMF642 rootCauseAlarm / correlatedAlarm / isRootCause, linked by ingestion (docs/ingestion.md). */
  rootCauseAlarmIds?: string[];
  correlatedAlarmIds?: string[];
  isRootCause?: boolean;
  /**
   * Where the alarm sits for correlation, as top-level array values FerretDB filters in
   * PostgreSQL: `dev:<deviceId>` (its element) and, for an interface on a link,
   * `faces:<far-end deviceId>`. Set by ingestion on service-affecting alarms.
   */
  correlationKeys?: string[];
}

export interface AlarmComment {
  comment: string;
  time: Date;
  userId: string;
  systemId: string;
}

export type Granularity = '5m' | '1h' | '1d';

/** Per-direction statistics of a bucket; the histogram gives p95. */
export interface DirectionStats {
  sumBps: number;
  maxBps: number;
  /** Log-scale histogram of bps: key `b<bin>` → count. */
  hist: Record<string, number>;
}

export interface PerfBucketDocument {
  /** `${deviceId}:${ifIndex}|${granularity}|${start ISO}`. */
  _id: string;
  deviceId: string;
  ifIndex: number;
  granularity: Granularity;
  start: Date;
  count: number;
  in: DirectionStats;
  out: DirectionStats;
  errorsSum: number;
  discardsSum: number;
  /** Samples that saw the interface operationally down (ifOperStatus 2, 6 or 7). */
  downSamples: number;
  /** Seconds of the intervals that ended operationally down. */
  downSeconds?: number;
  speedBps: number;
  /** Time of the last sample folded in; a sample at or before it is a redelivery. */
  lastSampleAt: Date;
}

export interface PerfRawDocument {
  /** `${deviceId}:${ifIndex}|${polledAt ISO}`: a redelivered sample is a duplicate key. */
  _id: string;
  deviceId: string;
  ifIndex: number;
  t: Date;
  intervalSec: number;
  inBps: number;
  outBps: number;
  /** Utilisation as a fraction of speedBps (1 = 100 %). */
  inUtil: number;
  outUtil: number;
  inErrorsPerSec: number;
  outErrorsPerSec: number;
  inDiscardsPerSec: number;
  outDiscardsPerSec: number;
  operStatus: number;
  speedBps: number;
}

export interface CounterStateDocument {
  /** `${deviceId}:${ifIndex}`. */
  _id: string;
  deviceId: string;
  ifIndex: number;
  polledAt: Date;
  sysUpTime: number;
  inOctets: string;
  outOctets: string;
  inErrors: number;
  outErrors: number;
  inDiscards: number;
  outDiscards: number;
  operStatus: number;
  /** Poll-derived alarm conditions currently raised for the interface (ingestion's hysteresis state). */
  conditions?: { operDown: boolean; congestion: boolean; highErrorRate: boolean };
}

/** A Kafka message that violated its contract: kept for inspection, then skipped. */
export interface IngestRejectDocument {
  /** `${topic}|${partition}|${offset}`. */
  _id: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** deviceId / agentAddress when the payload was parseable enough to tell. */
  source: string | null;
  issues: string[];
  /** The value as received, cut to 4 KiB. */
  valuePreview: string;
  rejectedAt: Date;
}

/** Ledger entry of a trap applied by ingestion (retention: RAW_RETENTION_DAYS). */
export interface IngestedTrapDocument {
  /** The receiver's eventId. */
  _id: string;
  topic: string;
  partition: number;
  offset: string;
  ingestedAt: Date;
}

export type Role =
  | 'customer-admin'
  | 'customer-engineer'
  | 'customer-viewer'
  | 'account-manager'
  | 'noc-operator'
  | 'field-engineer'
  | 'platform-admin';

export interface UserDocument {
  _id: string;
  /** Login name, unique. */
  username: string;
  displayName: string;
  role: Role;
  /** Customer users: their customer and org unit. */
  customerId: string | null;
  orgUnitId: string | null;
  /** Account managers: the customers assigned to them. */
  assignedCustomerIds: string[];
  /** `scrypt$N$r$p$saltB64$hashB64`. */
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt?: Date;
  /**
   * Changes when every session of the user is revoked (disable, password change, admin
   * revoke): access tokens carry the value they were issued under and die with it.
   */
  sessionEpoch?: string;
  /** Optional TOTP second factor; `secret` is AES-256-GCM encrypted (auth/secret-box.ts). */
  totp?: UserTotp;
}

export interface UserTotp {
  secret: string;
  /** False between enrolment and the first correct code. */
  confirmed: boolean;
  /** Last accepted 30 s time step: a code of that step or older is a replay. */
  lastStep: number;
  enrolledAt: Date;
}

export type CustomerDocument = Customer;
export type OrgUnitDocument = OrgUnit;
export type SiteDocument = Site;
export type ElementDocument = NetworkElement;
export type InterfaceDocument = NetworkInterface;
export type LinkDocument = Link;
/**
 * `activeDownAlarmIds` (set by ingestion) are the active alarms that put the circuit
 * down; `activeAlarmIds` holds every active alarm. state = down if the former is
 * non-empty, degraded if only the latter is, up otherwise.
 */
export type CircuitDocument = Circuit & {
  activeDownAlarmIds?: string[];
  /** When ingestion last derived state from the raised alarms (its read time: the write guard). */
  stateReconciledAt?: Date;
};

export type MaintenanceStatus = 'planned' | 'approved' | 'cancelled' | 'completed';

/**
 * Planned work on operator elements and links. The affected circuits, customers and
 * org units are computed from the circuits' routes when the window is created, so
 * reads can be scoped without recomputing (orgUnitIds = union of their orgPath).
 */
export interface MaintenanceWindowDocument {
  _id: string;
  title: string;
  description: string;
  elementIds: string[];
  linkIds: string[];
  start: Date;
  end: Date;
  status: MaintenanceStatus;
  circuitIds: string[];
  customerIds: string[];
  orgUnitIds: string[];
  createdBy: string;
  createdAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  cancelledBy: string | null;
  cancelledAt: Date | null;
}
