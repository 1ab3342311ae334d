import type { TopologyIndex } from '../graph/inventory.index';
import type { LiveStateIndex, Observation } from '../live/live-state.index';
import { interfaceId } from '../model/inventory.model';
import type { FaultSeverity, SuspectKind } from './fault-location.model';

/**
 * A fact to explain: an interface reported down (or degraded), an element silent, or an
 * element alarmed as a whole. Keys: `if:<interfaceId>`, `silent:<deviceId>`, `el:<deviceId>`.
 */
export interface Fact {
  key: string;
  deviceId: string;
  interfaceId: string | null;
  observations: readonly Observation[];
}

/** A candidate failure and what it would explain. */
export interface Hypothesis {
  kind: SuspectKind;
  id: string;
  severity: FaultSeverity;
  /** Facts it explains. */
  explains: readonly Fact[];
  /** Predicted facts that are absent although their reporter is alive. */
  missing: number;
  /** Facts that speak against it: its own element reporting on its ports. */
  contradictions: number;
  /** For an element: its links, those whose far end reported, and whether it is silent. */
  peers: number;
  peersReporting: number;
  silent: boolean;
  elementAlarmed: boolean;
}

/** Weight of a predicted but absent fact against one explained fact (ADR 0010). */
const MISSING_WEIGHT = 0.5;
/**
 * A silent element is very likely dead: the neighbours' reports it predicts but that are
 * absent are more likely lost (UDP traps, a poll not yet due) than evidence against it.
 */
const SILENT_MISSING_WEIGHT = 0.25;
const CONTRADICTION_WEIGHT = 1;

/**
 * On equal gain a link beats an element: one report on a link whose far element has
 * another, silent-free link up is better read as the link than as the element.
 */
const KIND_ORDER: Readonly<Record<SuspectKind, number>> = { link: 0, element: 1, interface: 2 };

export function gainOf(h: Hypothesis, unexplained: ReadonlySet<string>): number {
  let fresh = 0;
  for (const fact of h.explains) if (unexplained.has(fact.key)) fresh += 1;
  if (fresh === 0) return 0;
  const missingWeight = h.silent ? SILENT_MISSING_WEIGHT : MISSING_WEIGHT;
  return fresh - missingWeight * h.missing - CONTRADICTION_WEIGHT * h.contradictions;
}

/** The facts of one severity the live state holds. */
export function collectFacts(live: LiveStateIndex, severity: FaultSeverity): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  for (const [id, observations] of live.byInterface) {
    const down = observations.filter((o) => o.impact === 'down');
    const relevant =
      severity === 'down'
        ? down
        : down.length > 0
          ? [] // a down interface is not also "degraded": the outage explains it.
          : observations.filter((o) => o.impact === 'degraded');
    const first = relevant[0];
    if (first === undefined) continue;
    facts.set(`if:${id}`, {
      key: `if:${id}`,
      deviceId: first.deviceId,
      interfaceId: id,
      observations: relevant,
    });
  }
  for (const [deviceId, observations] of live.byElement) {
    if (severity === 'down') {
      const silent = observations.filter((o) => o.kind === 'silent');
      if (silent.length > 0)
        facts.set(`silent:${deviceId}`, {
          key: `silent:${deviceId}`,
          deviceId,
          interfaceId: null,
          observations: silent,
        });
    }
    const alarms = observations.filter((o) => o.kind === 'alarm' && o.impact === severity);
    if (alarms.length > 0)
      facts.set(`el:${deviceId}`, {
        key: `el:${deviceId}`,
        deviceId,
        interfaceId: null,
        observations: alarms,
      });
  }
  return facts;
}

/** Clock slack between the trap receiver and the poller, both stamping on receipt. */
const ANSWER_SLACK_MS = 5_000;

/**
 * True when the element answered a poll after the newest alarm among the facts blaming
 * it: a dead element answers nothing, so it was alive after the failure was reported.
 */
function answeredAfter(live: LiveStateIndex, deviceId: string, facts: readonly Fact[]): boolean {
  const answered = live.lastAnsweredAt.get(deviceId);
  if (answered === undefined) return false;
  let newest = -Infinity;
  for (const fact of facts)
    for (const o of fact.observations) {
      const t = o.raisedAt === null ? NaN : Date.parse(o.raisedAt);
      if (!Number.isNaN(t) && t > newest) newest = t;
    }
  return newest !== -Infinity && answered > newest + ANSWER_SLACK_MS;
}

function elementHypothesis(
  index: TopologyIndex,
  live: LiveStateIndex,
  facts: ReadonlyMap<string, Fact>,
  deviceId: string,
  severity: FaultSeverity,
): Hypothesis {
  const explains: Fact[] = [];
  const silent = severity === 'down' && live.silent.has(deviceId);
  const silentFact = facts.get(`silent:${deviceId}`);
  if (silentFact) explains.push(silentFact);
  const alarmFact = facts.get(`el:${deviceId}`);
  if (alarmFact) explains.push(alarmFact);
  let missing = 0;
  let peersReporting = 0;
  const adjacency = index.adjacency.get(deviceId) ?? [];
  if (severity === 'down') {
    // A dead element takes every link down: each live neighbour sees its port go down.
    for (const adj of adjacency) {
      const peerFact = facts.get(`if:${interfaceId(adj.peerDeviceId, adj.peerIfIndex)}`);
      if (peerFact) {
        explains.push(peerFact);
        peersReporting += 1;
      } else if (!live.silent.has(adj.peerDeviceId)) missing += 1;
    }
  }
  // An element that reports its own ports is alive; a silent one may have reported them
  // before it died, so they are then part of the picture rather than against it.
  let contradictions = 0;
  if (answeredAfter(live, deviceId, explains)) contradictions += 1;
  for (const id of index.interfacesByElement.get(deviceId) ?? []) {
    const own = facts.get(`if:${id}`);
    if (!own) continue;
    if (silent) explains.push(own);
    else if (severity === 'down') contradictions += 1;
  }
  return {
    kind: 'element',
    id: deviceId,
    severity,
    explains,
    missing,
    contradictions,
    peers: adjacency.length,
    peersReporting,
    silent,
    elementAlarmed: alarmFact !== undefined,
  };
}

function linkHypothesis(
  index: TopologyIndex,
  live: LiveStateIndex,
  facts: ReadonlyMap<string, Fact>,
  linkId: string,
  severity: FaultSeverity,
): Hypothesis | null {
  const link = index.links.get(linkId);
  if (!link) return null;
  const explains: Fact[] = [];
  let missing = 0;
  for (const end of [link.a, link.z]) {
    const fact = facts.get(`if:${interfaceId(end.deviceId, end.ifIndex)}`);
    if (fact) explains.push(fact);
    else if (!live.silent.has(end.deviceId)) missing += 1;
  }
  return {
    kind: 'link',
    id: linkId,
    severity,
    explains,
    missing,
    contradictions: 0,
    peers: 2,
    peersReporting: explains.length,
    silent: false,
    elementAlarmed: false,
  };
}

function interfaceHypothesis(fact: Fact, severity: FaultSeverity): Hypothesis {
  return {
    kind: 'interface',
    id: fact.interfaceId ?? fact.key,
    severity,
    explains: [fact],
    missing: 0,
    contradictions: 0,
    peers: 0,
    peersReporting: 0,
    silent: false,
    elementAlarmed: false,
  };
}

/** Every hypothesis worth weighing for the facts: those that explain at least one. */
export function candidateHypotheses(
  index: TopologyIndex,
  live: LiveStateIndex,
  facts: ReadonlyMap<string, Fact>,
  severity: FaultSeverity,
): Hypothesis[] {
  const elements = new Set<string>();
  const links = new Set<string>();
  const hypotheses: Hypothesis[] = [];
  for (const fact of facts.values()) {
    if (fact.interfaceId === null) {
      elements.add(fact.deviceId);
      continue;
    }
    const linkId = index.linkOfInterface.get(fact.interfaceId);
    const link = linkId === undefined ? undefined : index.links.get(linkId);
    if (link) {
      links.add(link._id);
      // The far end's element could be the one that died.
      if (severity === 'down') {
        const far =
          interfaceId(link.a.deviceId, link.a.ifIndex) === fact.interfaceId ? link.z : link.a;
        elements.add(far.deviceId);
      }
    } else {
      hypotheses.push(interfaceHypothesis(fact, severity));
    }
    if (severity === 'degraded' && link) hypotheses.push(interfaceHypothesis(fact, severity));
    if (severity === 'down' && live.silent.has(fact.deviceId)) elements.add(fact.deviceId);
  }
  for (const deviceId of elements)
    hypotheses.push(elementHypothesis(index, live, facts, deviceId, severity));
  for (const linkId of links) {
    const h = linkHypothesis(index, live, facts, linkId, severity);
    if (h) hypotheses.push(h);
  }
  return hypotheses;
}

/**
 * Greedy weighted set cover: repeatedly takes the hypothesis that explains the most
 * unexplained facts net of its missing predictions and contradictions, until every fact
 * is explained. A fact no hypothesis explains with a positive gain still gets the best
 * hypothesis that explains it (a low-confidence answer beats none).
 */
export function coverFacts(
  facts: ReadonlyMap<string, Fact>,
  hypotheses: readonly Hypothesis[],
): Hypothesis[] {
  const unexplained = new Set(facts.keys());
  const chosen: Hypothesis[] = [];
  const better = (h: Hypothesis, gain: number, best: Hypothesis, bestGain: number): boolean =>
    gain !== bestGain
      ? gain > bestGain
      : KIND_ORDER[h.kind] !== KIND_ORDER[best.kind]
        ? KIND_ORDER[h.kind] < KIND_ORDER[best.kind]
        : h.id < best.id;
  for (;;) {
    let best: Hypothesis | null = null;
    let bestGain = 0;
    for (const h of hypotheses) {
      const gain = gainOf(h, unexplained);
      if (gain <= 0) continue;
      if (best === null || better(h, gain, best, bestGain)) {
        best = h;
        bestGain = gain;
      }
    }
    if (best === null) break;
    chosen.push(best);
    for (const fact of best.explains) unexplained.delete(fact.key);
  }
  // Leftovers: the least bad hypothesis for each, judged on that fact alone.
  for (const key of [...unexplained]) {
    if (!unexplained.has(key)) continue;
    let best: Hypothesis | null = null;
    let bestScore = -Infinity;
    for (const h of hypotheses) {
      if (!h.explains.some((f) => f.key === key)) continue;
      const score = gainOf(h, unexplained);
      if (best === null || better(h, score, best, bestScore)) {
        best = h;
        bestScore = score;
      }
    }
    if (best === null) continue;
    chosen.push(best);
    for (const fact of best.explains) unexplained.delete(fact.key);
  }
  return chosen;
}

function clamp(x: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, x)) * 100) / 100;
}

/** How well the evidence singles a chosen hypothesis out (ADR 0010 gives the reasoning). */
export function confidenceOf(h: Hypothesis): number {
  if (h.severity === 'degraded') {
    switch (h.kind) {
      case 'link':
        return clamp(h.peersReporting === 2 ? 0.85 : 0.6);
      case 'interface':
        return 0.75;
      case 'element':
        return 0.7;
    }
  }
  switch (h.kind) {
    case 'element': {
      const predictable = h.peersReporting + h.missing;
      const ratio = predictable === 0 ? 0 : h.peersReporting / predictable;
      // Silence with every neighbour's port still up is an unreachable management
      // plane more often than a dead box.
      if (h.peersReporting === 0 && h.missing > 0) return clamp(h.silent ? 0.35 : 0.2);
      return clamp(
        0.3 +
          0.4 * ratio +
          (h.peersReporting >= 2 ? 0.1 : 0) +
          (h.silent ? 0.25 : 0) +
          (h.elementAlarmed ? 0.1 : 0) -
          0.15 * h.contradictions,
      );
    }
    case 'link':
      return clamp(h.peersReporting === 2 ? 0.9 : h.missing > 0 ? 0.55 : 0.4);
    case 'interface':
      return 0.85;
  }
}
