/**
 * What the poller needs from an SNMP library: GET of many OIDs in one PDU, GETNEXT and
 * a subtree walk. snmp-native sits behind it today; net-snmp (with GETBULK) could
 * replace it here alone.
 */
export interface SnmpTarget {
  host: string;
  port: number;
  community: string;
}

/** ASN.1 tags of the values we interpret (RFC 2578 / RFC 3416). */
export const SNMP_TYPE = {
  Integer: 0x02,
  OctetString: 0x04,
  Null: 0x05,
  ObjectIdentifier: 0x06,
  IpAddress: 0x40,
  Counter32: 0x41,
  Gauge32: 0x42,
  TimeTicks: 0x43,
  Opaque: 0x44,
  Counter64: 0x46,
  NoSuchObject: 0x80,
  NoSuchInstance: 0x81,
  EndOfMibView: 0x82,
} as const;

export interface SnmpVarbind {
  /** Dotted numeric OID, no leading dot. */
  oid: string;
  type: number;
  /** Content octets of the value as received: the exact source of every number. */
  raw: Buffer;
}

export class SnmpRequestError extends Error {
  constructor(
    message: string,
    readonly target: string,
    readonly kind: 'timeout' | 'error-status' | 'transport' | 'cancelled',
  ) {
    super(message);
    this.name = 'SnmpRequestError';
  }
}

export interface SnmpSession {
  /** One GetRequest carrying every OID given; the caller decides the packing. */
  get(target: SnmpTarget, oids: readonly string[]): Promise<SnmpVarbind[]>;
  getNext(target: SnmpTarget, oid: string): Promise<SnmpVarbind>;
  /** Every varbind strictly under `subtree`, in order. */
  walk(target: SnmpTarget, subtree: string, timeoutMs: number): Promise<SnmpVarbind[]>;
  close(): void;
}
