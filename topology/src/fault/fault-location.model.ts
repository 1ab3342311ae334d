import type { Segment } from '../graph/segment.policy';

/** The failed thing a fault location names. */
export type SuspectKind = 'element' | 'link' | 'interface';

export interface Suspect {
  kind: SuspectKind;
  /** Element id, link id, or interface id `${deviceId}:${ifIndex}`. */
  id: string;
  /** Display name: element sysName, `A ⇄ Z` for a link, `element ifName` for an interface. */
  name: string;
  /** The element (element, interface) or the two elements (link). */
  deviceIds: string[];
  /** Interface ids involved: a link's two ends, the interface itself; empty for an element. */
  interfaceIds: string[];
  segment: Segment;
}

export type EvidenceKind = 'alarm' | 'oper-down' | 'silent';

/** One fact that supports a suspect, with why it does. */
export interface Evidence {
  kind: EvidenceKind;
  /** Set for kind `alarm`. */
  alarmId: string | null;
  deviceId: string;
  /** Set for an interface fact. */
  interfaceId: string | null;
  probableCause: string | null;
  /** When the alarm was raised (ISO 8601); null for polled and silence facts. */
  raisedAt: string | null;
  /** Human-readable: e.g. "WH-ACC-01 reports linkDown on GE0/0/1, the port facing WH-PE-01". */
  reason: string;
}

export type FaultSeverity = 'down' | 'degraded';

/** One located fault, shared by every circuit it explains. */
export interface CommonCause {
  /** `${severity}|${suspect.kind}|${suspect.id}`: stable across calls with the same evidence. */
  id: string;
  suspect: Suspect;
  severity: FaultSeverity;
  /** 0..1: how well the evidence singles this suspect out. */
  confidence: number;
  /** Circuits it explains (restricted to visible ones when asked), inventory order. */
  circuitIds: string[];
  /** Circuits per customer (restricted like circuitIds). */
  customers: { customerId: string; circuitIds: string[] }[];
  /**
   * The supporting facts. Unrestricted (no `circuitIds` option): every fact, an operator's
   * view. Restricted: only facts on the routes of the visible circuits, so that no other
   * customer's port or alarm shows; the rest are counted in hiddenEvidenceCount.
   */
  evidence: Evidence[];
  hiddenEvidenceCount: number;
}

/** Where one circuit's fault most probably is. */
export interface CircuitFaultLocation {
  circuitId: string;
  customerId: string;
  severity: FaultSeverity;
  /** The cause chosen for this circuit (the most severe, then most confident, on its route). */
  causeId: string;
  suspect: Suspect;
  segment: Segment;
  confidence: number;
  /** Facts on this circuit's own route only: safe to show the circuit's customer. */
  evidence: Evidence[];
  /** How many more facts support the cause elsewhere (other ports, other customers): a count only. */
  otherSupportingFacts: number;
  /** Other causes also on this circuit's route (e.g. a degradation besides an outage). */
  otherCauseIds: string[];
}

export interface FaultLocationResult {
  /** One per affected circuit, most severe first, then by circuit id. */
  circuits: CircuitFaultLocation[];
  /** Distinct faults, most circuits first. */
  causes: CommonCause[];
}

export interface FaultLocationOptions {
  /**
   * Restricts the circuits reported (the caller's scope or one circuit), and the causes'
   * evidence to facts on those circuits' routes. The inference still uses all evidence,
   * so a customer's circuit is located as precisely as the NOC's.
   */
  circuitIds?: ReadonlySet<string> | readonly string[];
}
