import type { SnmpSample } from '../contracts';
import { OID } from '../snmp/if-mib.oids';
import type { SnmpSession, SnmpTarget, SnmpVarbind } from '../snmp/snmp-session.port';
import type { PollTarget } from './poll-target.model';
import { assembleDiscovery, assemblePoll, type DiscoveredInterface, pollOids } from './sample-assembly';
import { packVarbinds } from './varbind-packing';

export interface DevicePollerOptions {
  pollerId: string;
  community: string;
  port: number;
  varbindsPerPdu: number;
  rediscoverEvery: number;
  discoveryTimeoutMs: number;
}

/** What the poller remembers of a device between polls (lost on hand-over: rediscovered). */
export interface DeviceState {
  interfaces: DiscoveredInterface[] | null;
  pollsSinceDiscovery: number;
  lastSysUpTime: number | null;
  rediscover: boolean;
}

export function newDeviceState(): DeviceState {
  return { interfaces: null, pollsSinceDiscovery: 0, lastSysUpTime: null, rediscover: true };
}

export interface DevicePollResult {
  sample: SnmpSample;
  varbinds: number;
  pdus: number;
  discovered: boolean;
  incompleteInterfaces: number[];
}

export class DevicePollError extends Error {
  override name = 'DevicePollError';
}

/**
 * Polls one device: discovery (walk of ifIndex, GET of names) on first contact, every
 * N polls and after a restart, then GETs of sysUpTime and the interface counters,
 * packed many varbinds to a PDU. Counters stay exact strings; rates, wraps and
 * restarts are the API's business, which gets sysUpTime and the raw counters.
 */
export class DevicePoller {
  constructor(
    private readonly session: SnmpSession,
    private readonly options: DevicePollerOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async poll(target: PollTarget, state: DeviceState): Promise<DevicePollResult> {
    const snmp: SnmpTarget = { host: target.mgmtIp, port: this.options.port, community: this.options.community };
    let discovered = false;
    let pdus = 0;
    if (state.rediscover || !state.interfaces || state.pollsSinceDiscovery >= this.options.rediscoverEvery) {
      const found = await this.discover(snmp);
      pdus += found.pdus;
      state.interfaces = found.interfaces;
      state.pollsSinceDiscovery = 0;
      state.rediscover = false;
      discovered = true;
    }
    const interfaces = state.interfaces ?? [];
    if (interfaces.length === 0) {
      state.rediscover = true;
      throw new DevicePollError(`${target.deviceId}: no interfaces found in ifTable`);
    }

    const varbinds: SnmpVarbind[] = [];
    let polledAt: Date | null = null;
    // Serially, one PDU after the other: gentle on the agent; other devices run meanwhile.
    for (const oids of packVarbinds(pollOids(interfaces), this.options.varbindsPerPdu)) {
      varbinds.push(...(await this.session.get(snmp, oids)));
      pdus += 1;
      // The first response carries sysUpTime: its arrival is the sample's time.
      polledAt ??= this.now();
    }
    const assembled = assemblePoll(interfaces, varbinds);
    state.pollsSinceDiscovery += 1;
    if (assembled.sysUpTime === null) throw new DevicePollError(`${target.deviceId}: sysUpTime.0 missing in the response`);
    // A smaller sysUpTime means the device restarted: its ifIndex numbering may have changed.
    if (state.lastSysUpTime !== null && assembled.sysUpTime < state.lastSysUpTime) state.rediscover = true;
    state.lastSysUpTime = assembled.sysUpTime;
    if (assembled.incomplete.length > 0) state.rediscover = true;
    if (assembled.interfaces.length === 0) throw new DevicePollError(`${target.deviceId}: no interface returned complete counters`);

    const at = (polledAt ?? this.now()).toISOString();
    return {
      sample: {
        v: 1,
        sampleId: `${target.deviceId}@${at}`,
        deviceId: target.deviceId,
        mgmtIp: target.mgmtIp,
        polledAt: at,
        sysUpTime: assembled.sysUpTime,
        pollerId: this.options.pollerId,
        interfaces: assembled.interfaces,
      },
      varbinds: varbinds.length,
      pdus,
      discovered,
      incompleteInterfaces: assembled.incomplete,
    };
  }

  private async discover(snmp: SnmpTarget): Promise<{ interfaces: DiscoveredInterface[]; pdus: number }> {
    const indexes = await this.session.walk(snmp, OID.ifIndex, this.options.discoveryTimeoutMs);
    let pdus = indexes.length + 1;
    const nameOids = assembleDiscovery(indexes, []).flatMap(({ ifIndex }) => [`${OID.ifName}.${ifIndex}`, `${OID.ifDescr}.${ifIndex}`]);
    const names: SnmpVarbind[] = [];
    for (const oids of packVarbinds(nameOids, this.options.varbindsPerPdu)) {
      names.push(...(await this.session.get(snmp, oids)));
      pdus += 1;
    }
    return { interfaces: assembleDiscovery(indexes, names), pdus };
  }
}
