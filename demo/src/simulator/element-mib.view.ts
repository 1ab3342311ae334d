import { counter64Octets, toCounter32, toGauge32 } from './counter.util';
import { IFX_COLUMN, IF_COLUMN } from './mib-oids.const';
import type { SimulatedElement, SimulatedInterface } from './simulated-network.model';

/**
 * What an element's agent answers, computed at request time from the model: the value
 * and SMI type of every scalar and table cell it serves. Pure: time is a parameter.
 */

/** SMI types by their BER tags (as net-snmp's ObjectType numbers them). */
export const SMI = {
  Integer: 2,
  OctetString: 4,
  OID: 6,
  Counter32: 65,
  Gauge32: 66,
  TimeTicks: 67,
  Counter64: 70,
} as const;
export type SmiType = (typeof SMI)[keyof typeof SMI];

export type SmiValue = number | string | Buffer;

export interface TypedValue {
  type: SmiType;
  value: SmiValue;
}

export type SystemScalar =
  | 'sysDescr'
  | 'sysObjectID'
  | 'sysUpTime'
  | 'sysContact'
  | 'sysName'
  | 'sysLocation'
  | 'sysServices'
  | 'ifNumber';

export const SYSTEM_SCALAR_TYPES: Record<SystemScalar, SmiType> = {
  sysDescr: SMI.OctetString,
  sysObjectID: SMI.OID,
  sysUpTime: SMI.TimeTicks,
  sysContact: SMI.OctetString,
  sysName: SMI.OctetString,
  sysLocation: SMI.OctetString,
  sysServices: SMI.Integer,
  ifNumber: SMI.Integer,
};

/** TimeTicks (hundredths of a second) since the element's simulated boot, wrapped at 2^32 like the real thing. */
export function upTimeTicks(element: SimulatedElement, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - element.bootAtMs) / 10)) % 0x100000000;
}

export function systemScalar(
  element: SimulatedElement,
  name: SystemScalar,
  nowMs: number,
): SmiValue {
  switch (name) {
    case 'sysDescr':
      return element.sysDescr;
    case 'sysObjectID':
      return element.sysObjectID;
    case 'sysUpTime':
      return upTimeTicks(element, nowMs);
    case 'sysContact':
      return element.sysContact;
    case 'sysName':
      return element.element.name;
    case 'sysLocation':
      return element.sysLocation;
    case 'sysServices':
      // Layers 2 (datalink), 3 (internet) and 4 (end-to-end): 2 + 4 + 8.
      return 14;
    case 'ifNumber':
      return element.interfaces.length;
  }
}

export const IF_COLUMN_TYPES: Record<number, SmiType> = {
  [IF_COLUMN.ifIndex]: SMI.Integer,
  [IF_COLUMN.ifDescr]: SMI.OctetString,
  [IF_COLUMN.ifType]: SMI.Integer,
  [IF_COLUMN.ifMtu]: SMI.Integer,
  [IF_COLUMN.ifSpeed]: SMI.Gauge32,
  [IF_COLUMN.ifPhysAddress]: SMI.OctetString,
  [IF_COLUMN.ifAdminStatus]: SMI.Integer,
  [IF_COLUMN.ifOperStatus]: SMI.Integer,
  [IF_COLUMN.ifLastChange]: SMI.TimeTicks,
  [IF_COLUMN.ifInOctets]: SMI.Counter32,
  [IF_COLUMN.ifInDiscards]: SMI.Counter32,
  [IF_COLUMN.ifInErrors]: SMI.Counter32,
  [IF_COLUMN.ifOutOctets]: SMI.Counter32,
  [IF_COLUMN.ifOutDiscards]: SMI.Counter32,
  [IF_COLUMN.ifOutErrors]: SMI.Counter32,
};

export const IFX_COLUMN_TYPES: Record<number, SmiType> = {
  [IFX_COLUMN.ifName]: SMI.OctetString,
  [IFX_COLUMN.ifHCInOctets]: SMI.Counter64,
  [IFX_COLUMN.ifHCOutOctets]: SMI.Counter64,
  [IFX_COLUMN.ifHighSpeed]: SMI.Gauge32,
  [IFX_COLUMN.ifAlias]: SMI.OctetString,
};

/** ifEntry cell; undefined for a column we do not serve. */
export function ifEntryCell(
  element: SimulatedElement,
  s: SimulatedInterface,
  column: number,
  nowMs: number,
): SmiValue | undefined {
  switch (column) {
    case IF_COLUMN.ifIndex:
      return s.iface.ifIndex;
    case IF_COLUMN.ifDescr:
      return s.iface.ifDescr;
    case IF_COLUMN.ifType:
      return s.ifType;
    case IF_COLUMN.ifMtu:
      return s.mtu;
    case IF_COLUMN.ifSpeed:
      return toGauge32(s.iface.speedBps);
    case IF_COLUMN.ifPhysAddress:
      return s.physAddress;
    case IF_COLUMN.ifAdminStatus:
      return s.adminUp ? 1 : 2;
    case IF_COLUMN.ifOperStatus:
      return s.operUp ? 1 : 2;
    case IF_COLUMN.ifLastChange:
      return s.lastChangeMs <= element.bootAtMs ? 0 : upTimeTicks(element, s.lastChangeMs);
    case IF_COLUMN.ifInOctets:
      return toCounter32(s.counters.totals(nowMs).inOctets);
    case IF_COLUMN.ifInDiscards:
      return toCounter32(s.counters.totals(nowMs).inDiscards);
    case IF_COLUMN.ifInErrors:
      return toCounter32(s.counters.totals(nowMs).inErrors);
    case IF_COLUMN.ifOutOctets:
      return toCounter32(s.counters.totals(nowMs).outOctets);
    case IF_COLUMN.ifOutDiscards:
      return toCounter32(s.counters.totals(nowMs).outDiscards);
    case IF_COLUMN.ifOutErrors:
      return toCounter32(s.counters.totals(nowMs).outErrors);
    default:
      return undefined;
  }
}

/** ifXEntry cell; undefined for a column we do not serve. */
export function ifXEntryCell(
  s: SimulatedInterface,
  column: number,
  nowMs: number,
): SmiValue | undefined {
  switch (column) {
    case IFX_COLUMN.ifName:
      return s.iface.ifName;
    case IFX_COLUMN.ifHCInOctets:
      return counter64Octets(s.counters.totals(nowMs).inOctets);
    case IFX_COLUMN.ifHCOutOctets:
      return counter64Octets(s.counters.totals(nowMs).outOctets);
    case IFX_COLUMN.ifHighSpeed:
      return toGauge32(Math.round(s.iface.speedBps / 1_000_000));
    case IFX_COLUMN.ifAlias:
      return s.iface.ifAlias;
    default:
      return undefined;
  }
}
