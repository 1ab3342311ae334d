import type { InterfaceSample } from '../contracts';
import { decodeCounter64, decodeInteger32, decodeUnsigned32 } from '../snmp/counter64.codec';
import { OID } from '../snmp/if-mib.oids';
import { SNMP_TYPE, type SnmpVarbind } from '../snmp/snmp-session.port';

/** An interface found by discovery. */
export interface DiscoveredInterface {
  ifIndex: number;
  name: string;
}

/** The OIDs of one poll, in the order they are packed: sysUpTime first, then per interface. */
export function pollOids(interfaces: readonly DiscoveredInterface[]): string[] {
  const oids: string[] = [OID.sysUpTime];
  for (const { ifIndex } of interfaces) {
    oids.push(
      `${OID.ifOperStatus}.${ifIndex}`,
      `${OID.ifHighSpeed}.${ifIndex}`,
      `${OID.ifHCInOctets}.${ifIndex}`,
      `${OID.ifHCOutOctets}.${ifIndex}`,
      `${OID.ifInErrors}.${ifIndex}`,
      `${OID.ifOutErrors}.${ifIndex}`,
      `${OID.ifInDiscards}.${ifIndex}`,
      `${OID.ifOutDiscards}.${ifIndex}`,
    );
  }
  return oids;
}

export interface AssembledPoll {
  /** null when the agent did not return sysUpTime.0: the poll is unusable. */
  sysUpTime: number | null;
  interfaces: InterfaceSample[];
  /** Interfaces that answered noSuch*, a wrong type or an impossible value: rediscover. */
  incomplete: number[];
}

class Missing extends Error {}

function expect(vb: SnmpVarbind | undefined, type: number): Buffer {
  if (!vb || vb.type !== type) throw new Missing();
  return vb.raw;
}

/** Turns the varbinds of one poll into the sample's fields, exactly (no JS-number counters). */
export function assemblePoll(interfaces: readonly DiscoveredInterface[], varbinds: readonly SnmpVarbind[]): AssembledPoll {
  const byOid = new Map(varbinds.map((vb) => [vb.oid, vb]));
  let sysUpTime: number | null = null;
  try {
    sysUpTime = decodeUnsigned32(expect(byOid.get(OID.sysUpTime), SNMP_TYPE.TimeTicks));
  } catch {
    sysUpTime = null;
  }
  const samples: InterfaceSample[] = [];
  const incomplete: number[] = [];
  for (const { ifIndex } of interfaces) {
    const at = (column: string) => byOid.get(`${column}.${ifIndex}`);
    try {
      const operStatus = decodeInteger32(expect(at(OID.ifOperStatus), SNMP_TYPE.Integer));
      if (operStatus < 1 || operStatus > 7) throw new Missing();
      samples.push({
        ifIndex,
        operStatus,
        highSpeedMbps: decodeUnsigned32(expect(at(OID.ifHighSpeed), SNMP_TYPE.Gauge32)),
        inOctets: decodeCounter64(expect(at(OID.ifHCInOctets), SNMP_TYPE.Counter64)),
        outOctets: decodeCounter64(expect(at(OID.ifHCOutOctets), SNMP_TYPE.Counter64)),
        inErrors: decodeUnsigned32(expect(at(OID.ifInErrors), SNMP_TYPE.Counter32)),
        outErrors: decodeUnsigned32(expect(at(OID.ifOutErrors), SNMP_TYPE.Counter32)),
        inDiscards: decodeUnsigned32(expect(at(OID.ifInDiscards), SNMP_TYPE.Counter32)),
        outDiscards: decodeUnsigned32(expect(at(OID.ifOutDiscards), SNMP_TYPE.Counter32)),
      });
    } catch {
      incomplete.push(ifIndex);
    }
  }
  return { sysUpTime, interfaces: samples, incomplete };
}

/** Interfaces from the discovery walk of ifIndex and a GET of their ifName/ifDescr. */
export function assembleDiscovery(indexVarbinds: readonly SnmpVarbind[], nameVarbinds: readonly SnmpVarbind[]): DiscoveredInterface[] {
  const names = new Map(nameVarbinds.filter((vb) => vb.type === SNMP_TYPE.OctetString).map((vb) => [vb.oid, vb.raw.toString('utf8')]));
  const found: DiscoveredInterface[] = [];
  for (const vb of indexVarbinds) {
    if (vb.type !== SNMP_TYPE.Integer) continue;
    let ifIndex: number;
    try {
      ifIndex = decodeInteger32(vb.raw);
    } catch {
      continue;
    }
    if (ifIndex < 1) continue;
    const name = names.get(`${OID.ifName}.${ifIndex}`) || names.get(`${OID.ifDescr}.${ifIndex}`) || `ifIndex ${ifIndex}`;
    found.push({ ifIndex, name });
  }
  return found;
}
