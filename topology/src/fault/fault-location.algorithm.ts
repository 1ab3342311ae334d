import type { TopologyIndex } from '../graph/inventory.index';
import { segmentOfLink, segmentOfRole } from '../graph/segment.policy';
import { indexLiveState } from '../live/live-state.index';
import type { LiveStateIndex, Observation } from '../live/live-state.index';
import type { LiveState } from '../live/live-state.model';
import { interfaceId } from '../model/inventory.model';
import {
  candidateHypotheses,
  collectFacts,
  confidenceOf,
  coverFacts,
} from './fault-hypothesis.scoring';
import type { Fact, Hypothesis } from './fault-hypothesis.scoring';
import type {
  CircuitFaultLocation,
  CommonCause,
  Evidence,
  FaultLocationOptions,
  FaultLocationResult,
  FaultSeverity,
  Suspect,
} from './fault-location.model';

function elementName(index: TopologyIndex, deviceId: string): string {
  return index.elements.get(deviceId)?.name ?? deviceId;
}

function ifName(index: TopologyIndex, id: string): string {
  return index.interfaces.get(id)?.ifName ?? id.slice(id.lastIndexOf(':') + 1);
}

function suspectOf(index: TopologyIndex, h: Hypothesis): Suspect {
  switch (h.kind) {
    case 'element': {
      const element = index.elements.get(h.id);
      return {
        kind: 'element',
        id: h.id,
        name: element?.name ?? h.id,
        deviceIds: [h.id],
        interfaceIds: [],
        segment: element ? segmentOfRole(element.role) : 'core',
      };
    }
    case 'link': {
      const link = index.links.get(h.id);
      if (!link)
        return {
          kind: 'link',
          id: h.id,
          name: h.id,
          deviceIds: [],
          interfaceIds: [],
          segment: 'core',
        };
      return {
        kind: 'link',
        id: h.id,
        name: `${elementName(index, link.a.deviceId)} ⇄ ${elementName(index, link.z.deviceId)}`,
        deviceIds: [link.a.deviceId, link.z.deviceId],
        interfaceIds: [
          interfaceId(link.a.deviceId, link.a.ifIndex),
          interfaceId(link.z.deviceId, link.z.ifIndex),
        ],
        segment: segmentOfLink(link, index.elements),
      };
    }
    case 'interface': {
      const deviceId = h.id.slice(0, h.id.lastIndexOf(':'));
      const element = index.elements.get(deviceId);
      return {
        kind: 'interface',
        id: h.id,
        name: `${element?.name ?? deviceId} ${ifName(index, h.id)}`,
        deviceIds: [deviceId],
        interfaceIds: [h.id],
        segment: element ? segmentOfRole(element.role) : 'core',
      };
    }
  }
}

/** Why one observation supports the hypothesis, in words. */
function reasonOf(index: TopologyIndex, h: Hypothesis, fact: Fact, o: Observation): string {
  const who = elementName(index, o.deviceId);
  if (o.kind === 'silent')
    return `${who} has not answered polls for more than three poll intervals (a dead element cannot send traps)`;
  if (fact.interfaceId === null)
    return `${who} raised ${o.probableCause ?? 'an alarm'} (${o.severity ?? 'indeterminate'}) on the element`;
  const port = ifName(index, fact.interfaceId);
  const said =
    o.kind === 'alarm'
      ? `${who} reports ${o.probableCause ?? 'an alarm'} on ${port}`
      : `${who} ${port} is polled operationally down`;
  const linkId = index.linkOfInterface.get(fact.interfaceId);
  const link = linkId === undefined ? undefined : index.links.get(linkId);
  const far =
    link === undefined
      ? null
      : link.a.deviceId === o.deviceId && link.a.ifIndex === o.ifIndex
        ? link.z.deviceId
        : link.a.deviceId;
  if (h.kind === 'element' && o.deviceId !== h.id)
    return `${said}, the port facing ${elementName(index, h.id)}`;
  if (h.kind === 'element') return `${said} (last reported before it fell silent)`;
  if (h.kind === 'link' && far !== null)
    return `${said}, its end of the link to ${elementName(index, far)}`;
  return said;
}

function evidenceOf(index: TopologyIndex, h: Hypothesis): Evidence[] {
  return h.explains.flatMap((fact) =>
    fact.observations.map((o) => ({
      kind: o.kind,
      alarmId: o.alarmId,
      deviceId: o.deviceId,
      interfaceId: fact.interfaceId,
      probableCause: o.probableCause,
      raisedAt: o.raisedAt,
      reason: reasonOf(index, h, fact, o),
    })),
  );
}

function circuitsOf(index: TopologyIndex, suspect: Suspect): readonly string[] {
  switch (suspect.kind) {
    case 'element':
      return index.circuitsByElement.get(suspect.id) ?? [];
    case 'link':
      return index.circuitsByLink.get(suspect.id) ?? [];
    case 'interface':
      return index.circuitsByInterface.get(suspect.id) ?? [];
  }
}

/** The elements and interfaces a circuit's route touches: what its customer may see. */
function routeObjects(index: TopologyIndex, circuitId: string): Set<string> {
  const objects = new Set<string>(index.circuits.get(circuitId)?.routeDeviceIds ?? []);
  for (const { id } of index.routeInterfacesByCircuit.get(circuitId) ?? []) objects.add(id);
  return objects;
}

const SEVERITY_RANK: Readonly<Record<FaultSeverity, number>> = { down: 0, degraded: 1 };

/**
 * Locates the faults behind the live state: for each severity (outages, then
 * degradations) the smallest set of failed elements, links and interfaces that explains
 * the facts (greedy weighted set cover, ADR 0010); every circuit crossing a located
 * suspect is affected by it. O(facts × candidates × causes), small in practice.
 */
export function locateFaults(
  index: TopologyIndex,
  live: LiveState | LiveStateIndex,
  options: FaultLocationOptions = {},
): FaultLocationResult {
  const liveIndex = 'byInterface' in live ? live : indexLiveState(live);
  const visible = options.circuitIds === undefined ? null : new Set(options.circuitIds);

  const located: CommonCause[] = [];
  const routes = new Map<string, Set<string>>();
  const routeOf = (circuitId: string): Set<string> => {
    let objects = routes.get(circuitId);
    if (!objects) {
      objects = routeObjects(index, circuitId);
      routes.set(circuitId, objects);
    }
    return objects;
  };
  for (const severity of ['down', 'degraded'] as const) {
    // Facts about devices the inventory does not know cannot be placed on the graph.
    const facts = new Map(
      [...collectFacts(liveIndex, severity)].filter(([, f]) => index.elements.has(f.deviceId)),
    );
    if (facts.size === 0) continue;
    const chosen = coverFacts(facts, candidateHypotheses(index, liveIndex, facts, severity));
    for (const h of chosen) {
      const suspect = suspectOf(index, h);
      const allCircuitIds = circuitsOf(index, suspect);
      const circuitIds = visible
        ? allCircuitIds.filter((id) => visible.has(id))
        : [...allCircuitIds];
      const evidence = evidenceOf(index, h);
      let shown = evidence;
      if (visible) {
        const onRoutes = new Set<string>();
        for (const id of circuitIds) for (const o of routeOf(id)) onRoutes.add(o);
        shown = evidence.filter((e) => onRoutes.has(e.interfaceId ?? e.deviceId));
      }
      const customers = new Map<string, string[]>();
      for (const id of circuitIds) {
        const customerId = index.circuits.get(id)?.customerId ?? '';
        const list = customers.get(customerId);
        if (list) list.push(id);
        else customers.set(customerId, [id]);
      }
      located.push({
        id: `${severity}|${h.kind}|${h.id}`,
        suspect,
        severity,
        confidence: confidenceOf(h),
        circuitIds,
        customers: [...customers].map(([customerId, ids]) => ({ customerId, circuitIds: ids })),
        evidence: shown,
        hiddenEvidenceCount: evidence.length - shown.length,
      });
    }
  }

  // Per circuit: every cause on its route; the most severe, then most confident, wins.
  const byCircuit = new Map<string, CommonCause[]>();
  for (const cause of located) {
    for (const id of cause.circuitIds) {
      const list = byCircuit.get(id);
      if (list) list.push(cause);
      else byCircuit.set(id, [cause]);
    }
  }
  const circuits: CircuitFaultLocation[] = [];
  for (const [circuitId, causes] of byCircuit) {
    causes.sort(
      (x, y) =>
        SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
        y.confidence - x.confidence ||
        y.circuitIds.length - x.circuitIds.length ||
        (x.id < y.id ? -1 : 1),
    );
    const [main, ...others] = causes;
    if (main === undefined) continue;
    const onRoute = routeOf(circuitId);
    const evidence = main.evidence.filter((e) => onRoute.has(e.interfaceId ?? e.deviceId));
    circuits.push({
      circuitId,
      customerId: index.circuits.get(circuitId)?.customerId ?? '',
      severity: main.severity,
      causeId: main.id,
      suspect: main.suspect,
      segment: main.suspect.segment,
      confidence: main.confidence,
      evidence,
      otherSupportingFacts: main.evidence.length + main.hiddenEvidenceCount - evidence.length,
      otherCauseIds: others.map((c) => c.id),
    });
  }
  circuits.sort(
    (x, y) =>
      SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
      (x.circuitId < y.circuitId ? -1 : x.circuitId > y.circuitId ? 1 : 0),
  );

  const causes = located
    .filter((c) => visible === null || c.circuitIds.length > 0)
    .sort(
      (x, y) =>
        y.circuitIds.length - x.circuitIds.length ||
        SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
        (x.id < y.id ? -1 : 1),
    );
  return { circuits, causes };
}
