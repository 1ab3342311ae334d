import { isIPv4 } from 'node:net';

import { type SnmpTrap, VARBIND_OIDS } from '../contracts';
import { renderVarbind, type RawVarbind } from './varbind-render';
import { v1TrapOid } from './v1-trap-translation';

/** What net-snmp's receiver hands its callback (with includeAuthentication on). */
export interface ReceivedNotification {
  pdu: {
    type: number;
    varbinds: RawVarbind[];
    /** v1 Trap-PDU fields. */
    enterprise?: string;
    agentAddr?: string;
    generic?: number;
    specific?: number;
    upTime?: number;
    /** v1/v2c community; absent for SNMPv3 (user instead). */
    community?: string;
    user?: string;
  };
  rinfo: { address: string; port: number; family?: string; size?: number };
}

/** net-snmp PduType codes of notifications. */
export const PDU_TYPE = { trapV1: 164, inform: 166, trapV2: 167 } as const;

const SYS_UPTIME_0 = '1.3.6.1.2.1.1.3.0';
const SNMP_TRAP_OID_0 = '1.3.6.1.6.3.1.1.4.1.0';
const SNMP_TRAP_ENTERPRISE_0 = '1.3.6.1.6.3.1.1.4.3.0';

export class TrapNormaliseError extends Error {
  override name = 'TrapNormaliseError';
}

export interface NormaliseOptions {
  eventId: string;
  receivedAt: Date;
  /** Take the v1 agent-addr as the device when no snmpTrapAddress.0 is present. */
  preferV1AgentAddr: boolean;
}

function usableIPv4(address: unknown): address is string {
  return typeof address === 'string' && isIPv4(address) && address !== '0.0.0.0';
}

/** `::ffff:127.20.0.5` (IPv4 on a dual-stack socket) → `127.20.0.5`. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/**
 * A received notification in the contract's terms: v1 traps translated to their v2
 * trap OID (RFC 3584), the sending device resolved (snmpTrapAddress.0 of a forwarder,
 * else the UDP source), sysUpTime and snmpTrapOID lifted out of the varbinds.
 */
export function normaliseTrap(n: ReceivedNotification, options: NormaliseOptions): SnmpTrap {
  const { pdu, rinfo } = n;
  if (typeof pdu.community !== 'string') throw new TrapNormaliseError('only community-based (v1/v2c) notifications are accepted');
  const source = { address: plainAddress(rinfo.address), port: rinfo.port };
  const raw = Array.isArray(pdu.varbinds) ? pdu.varbinds : [];

  let snmpVersion: SnmpTrap['snmpVersion'];
  let pduType: SnmpTrap['pduType'];
  let trapOid: string;
  let upTime: number;
  let payload: RawVarbind[];
  if (pdu.type === PDU_TYPE.trapV1) {
    snmpVersion = 'v1';
    pduType = 'trap';
    trapOid = v1TrapOid(String(pdu.enterprise ?? ''), Number(pdu.generic), Number(pdu.specific));
    upTime = Number(pdu.upTime ?? 0);
    payload = raw;
    // RFC 3584 §3.1 (3): the enterprise travels on as snmpTrapEnterprise.0.
    if (!raw.some((vb) => vb.oid === SNMP_TRAP_ENTERPRISE_0)) payload = [...raw, { oid: SNMP_TRAP_ENTERPRISE_0, type: 6, value: pdu.enterprise }];
  } else if (pdu.type === PDU_TYPE.trapV2 || pdu.type === PDU_TYPE.inform) {
    snmpVersion = 'v2c';
    pduType = pdu.type === PDU_TYPE.inform ? 'inform' : 'trap';
    const oidVb = raw.find((vb) => vb.oid === SNMP_TRAP_OID_0);
    if (!oidVb || typeof oidVb.value !== 'string') throw new TrapNormaliseError('v2 notification without snmpTrapOID.0');
    trapOid = oidVb.value;
    const upVb = raw.find((vb) => vb.oid === SYS_UPTIME_0);
    // Lenient: some agents omit sysUpTime.0; the trap still counts.
    upTime = typeof upVb?.value === 'number' ? upVb.value : 0;
    payload = raw.filter((vb) => vb.oid !== SNMP_TRAP_OID_0 && vb.oid !== SYS_UPTIME_0);
  } else {
    throw new TrapNormaliseError(`PDU type ${pdu.type} is not a notification`);
  }
  if (!Number.isInteger(upTime) || upTime < 0) throw new TrapNormaliseError(`bad sysUpTime ${upTime}`);

  const forwardedFor = raw.find((vb) => vb.oid === VARBIND_OIDS.snmpTrapAddress)?.value;
  const agentAddress = usableIPv4(forwardedFor)
    ? forwardedFor
    : snmpVersion === 'v1' && options.preferV1AgentAddr && usableIPv4(pdu.agentAddr)
      ? pdu.agentAddr
      : source.address;

  return {
    v: 1,
    eventId: options.eventId,
    receivedAt: options.receivedAt.toISOString(),
    agentAddress,
    source,
    snmpVersion,
    pduType,
    trapOid,
    upTime,
    varbinds: payload.map(renderVarbind),
  };
}
