import { randomUUID } from 'node:crypto';

import type { Logger } from 'pino';

import type { NetworkInventory } from '@circuitcare/topology';

import { type AgentError, ElementAgent, buildElementMib } from './element-agent.server';
import { upTimeTicks } from './element-mib.view';
import type { FaultRequest } from './fault-request.schema';
import {
  type Fault,
  type FaultTopology,
  type NetworkState,
  type TrapEvent,
  computeState,
  interfaceKey,
  trapsForChange,
} from './fault-state.model';
import { OID } from './mib-oids.const';
import { random01 } from './seeded-random.util';
import {
  type SimulatedElement,
  type SimulatedNetwork,
  buildSimulatedNetwork,
} from './simulated-network.model';
import { TrapSender, type TrapTarget } from './trap-sender.service';

/**
 * The device simulator: one SNMP agent per element of the inventory, the fault state
 * machine applied to the model, traps sent from the elements' own addresses, and
 * occasional seeded reboots. Everything the control API does goes through here.
 */

export interface DeviceSimulatorOptions {
  seed: number;
  snmpPort: number;
  community: string;
  trapTarget: TrapTarget;
  /** Expected spontaneous reboots per element per day (0 disables them). */
  rebootsPerDay: number;
  logger: Logger;
  /** The clock (epoch ms); injectable so that tests can reason about values. */
  now?: () => number;
}

/** Thrown for a request naming something that does not exist: the control API answers 404. */
export class UnknownTargetError extends Error {
  constructor(
    readonly field: string,
    readonly value: string | number,
  ) {
    super(`unknown ${field}: ${value}`);
  }
}

export interface ElementStateView {
  id: string;
  name: string;
  mgmtIp: string;
  role: string;
  alive: boolean;
  agentRunning: boolean;
  bootAt: string;
  sysUpTime: number;
  faults: Fault[];
  interfaces: {
    ifIndex: number;
    ifName: string;
    linkId: string | null;
    speedBps: number;
    adminStatus: 'up' | 'down';
    operStatus: 'up' | 'down';
    congested: boolean;
    errored: boolean;
    counters: {
      inOctets: string;
      outOctets: string;
      inErrors: string;
      outErrors: string;
      inDiscards: string;
      outDiscards: string;
    };
  }[];
}

export interface SimulatorStats {
  elements: number;
  interfaces: number;
  agentsRunning: number;
  activeFaults: number;
  malformedRequests: number;
  rejectedRequests: number;
  trapsSent: number;
  trapErrors: number;
  reboots: number;
}

const REBOOT_TICK_MS = 60_000;

export class DeviceSimulator {
  readonly network: SimulatedNetwork;
  private readonly topology: FaultTopology;
  private readonly agents = new Map<string, ElementAgent>();
  private readonly faults = new Map<string, Fault>();
  private state: NetworkState;
  private readonly traps: TrapSender;
  private readonly now: () => number;
  private rebootTimer: NodeJS.Timeout | null = null;
  private lastRebootMinute = 0;
  /** Serialises fault changes: each is a read-modify-write of the whole state. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stats = {
    malformedRequests: 0,
    rejectedRequests: 0,
    trapsSent: 0,
    trapErrors: 0,
    reboots: 0,
  };

  constructor(
    inventory: NetworkInventory,
    private readonly options: DeviceSimulatorOptions,
  ) {
    this.now = options.now ?? Date.now;
    const log = options.logger;
    const skipped = inventory.elements.length;
    this.network = buildSimulatedNetwork(inventory, options.seed, this.now());
    if (this.network.elements.size < skipped) {
      log.warn(
        { skipped: skipped - this.network.elements.size },
        'elements without a usable 127.x.y.z mgmtIp are not simulated',
      );
    }
    this.topology = buildFaultTopology(this.network);
    this.state = computeState(this.topology, []);
    this.traps = new TrapSender(options.trapTarget);
    for (const element of this.network.elements.values()) {
      const mib = buildElementMib(element, this.now);
      this.agents.set(
        element.element._id,
        new ElementAgent(element.element.mgmtIp, mib, {
          port: options.snmpPort,
          community: options.community,
          onError: (error) => this.onAgentError(element, error),
        }),
      );
    }
  }

  /** Binds every element's agent and starts the reboot lottery; fails if any agent cannot bind. */
  async start(): Promise<void> {
    const results = await Promise.allSettled(
      [...this.agents.values()].map((agent) => agent.start()),
    );
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length > 0) {
      await this.stop();
      const first =
        failures[0]?.reason instanceof Error
          ? failures[0].reason.message
          : String(failures[0]?.reason);
      throw new Error(
        `${failures.length} of ${results.length} agents could not bind, e.g. ${first}`,
      );
    }
    this.lastRebootMinute = Math.floor(this.now() / REBOOT_TICK_MS);
    if (this.options.rebootsPerDay > 0) {
      this.rebootTimer = setInterval(() => this.rebootLottery(), REBOOT_TICK_MS);
    }
    this.options.logger.info(
      {
        elements: this.network.elements.size,
        interfaces: this.network.interfaces.size,
        port: this.options.snmpPort,
      },
      'device simulator agents listening',
    );
  }

  async stop(): Promise<void> {
    if (this.rebootTimer) clearInterval(this.rebootTimer);
    this.rebootTimer = null;
    await this.queue.catch(() => undefined);
    await Promise.all([...this.agents.values()].map((a) => a.stop()));
    this.traps.close();
  }

  getStats(): SimulatorStats {
    return {
      elements: this.network.elements.size,
      interfaces: this.network.interfaces.size,
      agentsRunning: [...this.agents.values()].filter((a) => a.running).length,
      activeFaults: this.faults.size,
      ...this.stats,
    };
  }

  listFaults(): Fault[] {
    return [...this.faults.values()];
  }

  /** Finds an element by id, name or mgmtIp. */
  findElement(ref: string): SimulatedElement | undefined {
    const byId = this.network.elements.get(ref);
    if (byId) return byId;
    for (const e of this.network.elements.values()) {
      if (e.element.name === ref || e.element.mgmtIp === ref) return e;
    }
    return undefined;
  }

  elementState(ref: string): ElementStateView | undefined {
    const e = this.findElement(ref);
    if (!e) return undefined;
    const t = this.now();
    const id = e.element._id;
    return {
      id,
      name: e.element.name,
      mgmtIp: e.element.mgmtIp,
      role: e.element.role,
      alive: e.alive,
      agentRunning: this.agents.get(id)?.running ?? false,
      bootAt: new Date(e.bootAtMs).toISOString(),
      sysUpTime: upTimeTicks(e, t),
      faults: this.listFaults().filter(
        (f) => f.elementId === id || (f.linkId !== undefined && this.linkTouches(f.linkId, id)),
      ),
      interfaces: e.interfaces.map((s) => {
        const c = s.counters.totals(t);
        const cond = s.counters.currentCondition;
        return {
          ifIndex: s.iface.ifIndex,
          ifName: s.iface.ifName,
          linkId: s.iface.linkId,
          speedBps: s.iface.speedBps,
          adminStatus: s.adminUp ? 'up' : 'down',
          operStatus: s.operUp ? 'up' : 'down',
          congested: cond.congested,
          errored: cond.errored,
          counters: {
            inOctets: c.inOctets.toString(),
            outOctets: c.outOctets.toString(),
            inErrors: c.inErrors.toString(),
            outErrors: c.outErrors.toString(),
            inDiscards: c.inDiscards.toString(),
            outDiscards: c.outDiscards.toString(),
          },
        };
      }),
    };
  }

  private linkTouches(linkId: string, elementId: string): boolean {
    const link = this.network.links.get(linkId);
    return !!link && (link.a.deviceId === elementId || link.z.deviceId === elementId);
  }

  /** Injects a fault, or lifts faults for an "-up" request. */
  apply(request: FaultRequest): Promise<{ fault?: Fault; cleared: Fault[] }> {
    return this.serialised(async () => {
      this.checkTarget(request);
      if (request.kind === 'link-up') {
        return {
          cleared: await this.clearWhere(
            (f) => f.kind === 'link-down' && f.linkId === request.linkId,
          ),
        };
      }
      if (request.kind === 'interface-up') {
        return {
          cleared: await this.clearWhere(
            (f) =>
              f.kind === 'interface-down' &&
              f.elementId === request.elementId &&
              f.ifIndex === request.ifIndex,
          ),
        };
      }
      if (request.kind === 'element-up') {
        return {
          cleared: await this.clearWhere(
            (f) => f.kind === 'element-down' && f.elementId === request.elementId,
          ),
        };
      }
      const fault: Fault = {
        id: randomUUID(),
        ...request,
        createdAt: new Date(this.now()).toISOString(),
      };
      this.faults.set(fault.id, fault);
      await this.recompute();
      this.options.logger.info({ fault }, 'fault injected');
      return { fault, cleared: [] };
    });
  }

  /** Lifts one fault; undefined if there is no such fault. */
  clear(id: string): Promise<Fault | undefined> {
    return this.serialised(async () => {
      const [cleared] = await this.clearWhere((f) => f.id === id);
      return cleared;
    });
  }

  /** Lifts every fault, or only the degradations (errors, congestion). */
  clearAll(onlyDegradations: boolean): Promise<Fault[]> {
    return this.serialised(() =>
      this.clearWhere((f) => !onlyDegradations || f.kind === 'errors' || f.kind === 'congestion'),
    );
  }

  /** Reboots an element now: sysUpTime and counters restart from zero, coldStart follows. */
  reboot(ref: string): Promise<SimulatedElement> {
    return this.serialised(() => {
      const e = this.findElement(ref);
      if (!e) throw new UnknownTargetError('elementId', ref);
      if (!e.alive) throw new UnknownTargetError('elementId (element is down)', ref);
      this.restart(e, 'reboot');
      return Promise.resolve(e);
    });
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private checkTarget(request: FaultRequest): void {
    if ('linkId' in request && request.linkId !== undefined) {
      if (!this.network.links.has(request.linkId))
        throw new UnknownTargetError('linkId', request.linkId);
      return;
    }
    const elementId = 'elementId' in request ? request.elementId : undefined;
    if (elementId === undefined || !this.network.elements.has(elementId))
      throw new UnknownTargetError('elementId', elementId ?? '');
    const ifIndex = 'ifIndex' in request ? request.ifIndex : undefined;
    if (ifIndex !== undefined && !this.network.interfaces.has(interfaceKey(elementId, ifIndex))) {
      throw new UnknownTargetError('ifIndex', ifIndex);
    }
  }

  private async clearWhere(match: (f: Fault) => boolean): Promise<Fault[]> {
    const cleared = [...this.faults.values()].filter(match);
    if (cleared.length === 0) return [];
    for (const f of cleared) this.faults.delete(f.id);
    await this.recompute();
    this.options.logger.info(
      { cleared: cleared.map((f) => ({ id: f.id, kind: f.kind })) },
      'faults cleared',
    );
    return cleared;
  }

  /** Applies the state the active faults imply to the model, the agents and the trap receiver. */
  private async recompute(): Promise<void> {
    const t = this.now();
    const before = this.state;
    const after = computeState(this.topology, [...this.faults.values()]);
    this.state = after;
    for (const e of this.network.elements.values()) {
      const id = e.element._id;
      const dead = after.deadElements.has(id);
      if (dead && e.alive) {
        e.alive = false;
        await this.agents.get(id)?.stop();
      }
      for (const s of e.interfaces) {
        const st = after.interfaces.get(interfaceKey(s.iface.deviceId, s.iface.ifIndex));
        if (!st) continue;
        if (st.operUp !== s.operUp) s.lastChangeMs = t;
        s.adminUp = st.adminUp;
        s.operUp = st.operUp;
        s.counters.setCondition(t, {
          carrying: st.operUp && !dead,
          congested: st.congested,
          errored: st.errored,
        });
      }
      if (!dead && !e.alive) {
        e.alive = true;
        this.restart(e, 'power-on');
        await this.agents
          .get(id)
          ?.start()
          .catch((error: Error) => {
            this.options.logger.error(
              { element: e.element.name, err: error.message },
              'agent could not bind again',
            );
          });
      }
    }
    for (const event of trapsForChange(before, after)) {
      // coldStart of a revived element is sent by restart().
      if (event.kind !== 'coldStart') this.sendTrap(event);
    }
  }

  /** A boot: uptime and counters from zero, coldStart to the trap receiver. */
  private restart(e: SimulatedElement, reason: 'reboot' | 'power-on' | 'spontaneous'): void {
    const t = this.now();
    e.bootAtMs = t;
    for (const s of e.interfaces) {
      s.counters.reset(t);
      s.lastChangeMs = t;
    }
    this.stats.reboots += 1;
    this.options.logger.info(
      { element: e.element.name, mgmtIp: e.element.mgmtIp, reason },
      'element booted',
    );
    this.sendTrap({ kind: 'coldStart', elementId: e.element._id });
  }

  private sendTrap(event: TrapEvent): void {
    const e = this.network.elements.get(event.elementId);
    if (!e) return;
    const upTime = upTimeTicks(e, this.now());
    const [oid, varbinds] =
      event.kind === 'coldStart'
        ? [OID.coldStart, []]
        : [
            event.kind === 'linkDown' ? OID.linkDown : OID.linkUp,
            TrapSender.linkVarbinds(event.ifIndex, event.adminUp, event.operUp),
          ];
    this.traps.send(e.element.mgmtIp, oid, upTime, varbinds).then(
      () => {
        this.stats.trapsSent += 1;
        this.options.logger.debug({ from: e.element.mgmtIp, trap: event }, 'trap sent');
      },
      (error: Error) => {
        this.stats.trapErrors += 1;
        this.options.logger.warn(
          { from: e.element.mgmtIp, trap: event, err: error.message },
          'trap not sent',
        );
      },
    );
  }

  private onAgentError(element: SimulatedElement, error: AgentError): void {
    const source = error.rinfo ? `${error.rinfo.address}:${error.rinfo.port}` : undefined;
    // Authorisation failures (wrong community) are refusals, not garbage.
    if (error.name === 'RequestFailedError') {
      this.stats.rejectedRequests += 1;
      this.options.logger.warn(
        { element: element.element.mgmtIp, source, err: error.message },
        'SNMP request refused',
      );
    } else if (source) {
      this.stats.malformedRequests += 1;
      this.options.logger.warn(
        {
          element: element.element.mgmtIp,
          source,
          err: error.error ? `${error.message}: ${error.error.message}` : error.message,
          bytes: error.buffer?.length,
        },
        'malformed SNMP request',
      );
    } else {
      this.options.logger.error(
        { element: element.element.mgmtIp, err: error.message },
        'SNMP agent socket error',
      );
    }
  }

  /** Each minute, each live element reboots with probability rebootsPerDay/1440, from the seed. */
  private rebootLottery(): void {
    const minute = Math.floor(this.now() / REBOOT_TICK_MS);
    const p = this.options.rebootsPerDay / 1440;
    for (let m = this.lastRebootMinute + 1; m <= minute; m++) {
      for (const e of this.network.elements.values()) {
        if (e.alive && random01(this.options.seed, e.element._id, 'reboot', m) < p) {
          void this.serialised(() => {
            this.restart(e, 'spontaneous');
            return Promise.resolve();
          });
        }
      }
    }
    this.lastRebootMinute = minute;
  }
}

export function buildFaultTopology(network: SimulatedNetwork): FaultTopology {
  const interfacesByElement = new Map<string, string[]>();
  const linkOfInterface = new Map<string, string>();
  for (const e of network.elements.values()) {
    interfacesByElement.set(
      e.element._id,
      e.interfaces.map((s) => interfaceKey(s.iface.deviceId, s.iface.ifIndex)),
    );
  }
  const linkEnds = new Map<string, readonly [string, string]>();
  for (const link of network.links.values()) {
    const a = interfaceKey(link.a.deviceId, link.a.ifIndex);
    const z = interfaceKey(link.z.deviceId, link.z.ifIndex);
    linkEnds.set(link._id, [a, z]);
    linkOfInterface.set(a, link._id);
    linkOfInterface.set(z, link._id);
  }
  return { interfacesByElement, linkEnds, linkOfInterface };
}
