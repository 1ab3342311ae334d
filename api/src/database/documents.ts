import type { Circuit, Customer, Link, NetworkElement, NetworkInterface, OrgUnit, Site } from '@circuitcare/topology';

/**
 * Shapes of the stored documents that the API owns (inventory shapes come from
 * @circuitcare/topology). Field names of alarms follow TMF642.
 */

export type PerceivedSeverity = 'critical' | 'major' | 'minor' | 'warning' | 'indeterminate' | 'cleared';
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
  /** Equal to reductionKey while raised, absent once cleared: unique index → one active alarm per key. */
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
  /** How many events folded into this alarm. */
  occurrences: number;
  /** Origin of the last event: 'trap', 'poll'. */
  sourceSystemId: string;
  /** Kafka position of the last event applied; a redelivered event is older and skipped. */
  lastEvent: { topic: string; partition: number; offset: string };
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
  /** Seconds the interface was seen operationally down. */
  downSamples: number;
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
}

export type CustomerDocument = Customer;
export type OrgUnitDocument = OrgUnit;
export type SiteDocument = Site;
export type ElementDocument = NetworkElement;
export type InterfaceDocument = NetworkInterface;
export type LinkDocument = Link;
export type CircuitDocument = Circuit;
