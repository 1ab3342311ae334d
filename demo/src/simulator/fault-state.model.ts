/**
 * The fault state machine, pure: the set of active faults decides every interface's
 * admin/oper status, degradations and every element's liveness; comparing the state
 * before and after a change says which traps the elements send.
 */

export type FaultKind = 'link-down' | 'interface-down' | 'element-down' | 'errors' | 'congestion';

export interface Fault {
  id: string;
  kind: FaultKind;
  /** link-down, and errors/congestion on a whole link. */
  linkId?: string;
  /** element-down, interface-down, and errors/congestion on one interface. */
  elementId?: string;
  ifIndex?: number;
  createdAt: string;
}

/** The shape of the network the state machine needs: ids only. */
export interface FaultTopology {
  /** Interface ids (`${deviceId}:${ifIndex}`) by element id. */
  interfacesByElement: ReadonlyMap<string, readonly string[]>;
  /** The two interface ids of each link. */
  linkEnds: ReadonlyMap<string, readonly [string, string]>;
  /** The link of an interface, if any. */
  linkOfInterface: ReadonlyMap<string, string>;
}

export interface InterfaceState {
  adminUp: boolean;
  operUp: boolean;
  congested: boolean;
  errored: boolean;
}

export interface NetworkState {
  deadElements: ReadonlySet<string>;
  interfaces: ReadonlyMap<string, InterfaceState>;
}

export type TrapEvent =
  | {
      kind: 'linkDown' | 'linkUp';
      elementId: string;
      ifIndex: number;
      adminUp: boolean;
      operUp: boolean;
    }
  | { kind: 'coldStart'; elementId: string };

export function interfaceKey(elementId: string, ifIndex: number): string {
  return `${elementId}:${ifIndex}`;
}

function elementOfInterface(id: string): string {
  return id.slice(0, id.lastIndexOf(':'));
}

function ifIndexOfInterface(id: string): number {
  return Number(id.slice(id.lastIndexOf(':') + 1));
}

/** The interfaces a fault touches directly (before propagation to link peers). */
function targets(topology: FaultTopology, fault: Fault): string[] {
  if (fault.linkId !== undefined) return [...(topology.linkEnds.get(fault.linkId) ?? [])];
  if (fault.elementId !== undefined && fault.ifIndex !== undefined)
    return [interfaceKey(fault.elementId, fault.ifIndex)];
  return [];
}

function peerOf(topology: FaultTopology, id: string): string | undefined {
  const linkId = topology.linkOfInterface.get(id);
  const ends = linkId === undefined ? undefined : topology.linkEnds.get(linkId);
  if (!ends) return undefined;
  return ends[0] === id ? ends[1] : ends[0];
}

export function computeState(topology: FaultTopology, faults: readonly Fault[]): NetworkState {
  const dead = new Set<string>();
  const adminDown = new Set<string>();
  const operDown = new Set<string>();
  const congested = new Set<string>();
  const errored = new Set<string>();
  for (const fault of faults) {
    switch (fault.kind) {
      case 'element-down':
        if (fault.elementId !== undefined) dead.add(fault.elementId);
        break;
      case 'link-down':
        for (const id of targets(topology, fault)) operDown.add(id);
        break;
      case 'interface-down':
        // An interface shut down by the operator: admin down here, no carrier on the far end.
        for (const id of targets(topology, fault)) adminDown.add(id);
        break;
      case 'congestion':
        for (const id of targets(topology, fault)) congested.add(id);
        break;
      case 'errors':
        for (const id of targets(topology, fault)) errored.add(id);
        break;
    }
  }
  // A dead element takes its interfaces down, and with them the far ends of their links.
  for (const elementId of dead) {
    for (const id of topology.interfacesByElement.get(elementId) ?? []) operDown.add(id);
  }
  for (const id of adminDown) operDown.add(id);
  for (const id of [...operDown]) {
    const peer = peerOf(topology, id);
    if (peer !== undefined) operDown.add(peer);
  }
  const interfaces = new Map<string, InterfaceState>();
  for (const ids of topology.interfacesByElement.values()) {
    for (const id of ids) {
      const operUp = !operDown.has(id);
      interfaces.set(id, {
        adminUp: !adminDown.has(id),
        operUp,
        congested: operUp && congested.has(id),
        errored: operUp && errored.has(id),
      });
    }
  }
  return { deadElements: dead, interfaces };
}

/**
 * Traps a change of state makes the elements send: linkDown/linkUp from each live element
 * whose interface changed oper status (a dead element says nothing), coldStart from an
 * element coming back.
 */
export function trapsForChange(before: NetworkState, after: NetworkState): TrapEvent[] {
  const events: TrapEvent[] = [];
  for (const elementId of before.deadElements) {
    if (!after.deadElements.has(elementId)) events.push({ kind: 'coldStart', elementId });
  }
  for (const [id, now] of after.interfaces) {
    const elementId = elementOfInterface(id);
    if (before.deadElements.has(elementId) || after.deadElements.has(elementId)) continue;
    const then = before.interfaces.get(id);
    if (!then || then.operUp === now.operUp) continue;
    events.push({
      kind: now.operUp ? 'linkUp' : 'linkDown',
      elementId,
      ifIndex: ifIndexOfInterface(id),
      adminUp: now.adminUp,
      operUp: now.operUp,
    });
  }
  return events;
}
