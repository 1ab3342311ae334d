import { z } from 'zod';

import type { TopicContract } from './topic-contract';

export const trapVarbindSchema = z.object({
  oid: z.string().regex(/^\d+(\.\d+)*$/),
  /** ASN.1 type name as net-snmp reports it (Integer, OctetString, Counter64, …). */
  type: z.string().min(1),
  /** Value rendered as text; Counter64 as an exact decimal string. */
  value: z.string(),
});

export const snmpTrapSchema = z.object({
  v: z.literal(1),
  /** Assigned by the receiver when the packet arrives; stable across redelivery. */
  eventId: z.string().min(1),
  receivedAt: z.iso.datetime(),
  /** Address of the sending device: UDP source, or snmpTrapAddress when forwarded. */
  agentAddress: z.string().min(7),
  /** The UDP peer the packet came from. */
  source: z.object({ address: z.string().min(2), port: z.number().int().min(0).max(65535) }),
  snmpVersion: z.enum(['v1', 'v2c']),
  pduType: z.enum(['trap', 'inform']),
  /** snmpTrapOID (v1 traps translated per RFC 3584, e.g. linkDown → 1.3.6.1.6.3.1.1.5.3). */
  trapOid: z.string().regex(/^\d+(\.\d+)*$/),
  /** sysUpTime.0 of the sender in hundredths of a second. */
  upTime: z.number().int().min(0),
  varbinds: z.array(trapVarbindSchema),
});

export type TrapVarbind = z.infer<typeof trapVarbindSchema>;
export type SnmpTrap = z.infer<typeof snmpTrapSchema>;

export const snmpTrapContract: TopicContract<SnmpTrap> = {
  topic: 'cc.snmp.traps.v1',
  version: 1,
  partitions: 12,
  valueSchema: snmpTrapSchema,
  keyOf: (t) => t.agentAddress,
};

/** Well-known notification OIDs (SNMPv2-MIB / IF-MIB). */
export const TRAP_OIDS = {
  coldStart: '1.3.6.1.6.3.1.1.5.1',
  warmStart: '1.3.6.1.6.3.1.1.5.2',
  linkDown: '1.3.6.1.6.3.1.1.5.3',
  linkUp: '1.3.6.1.6.3.1.1.5.4',
  authenticationFailure: '1.3.6.1.6.3.1.1.5.5',
} as const;

/** Varbind OIDs the API interprets (column prefixes; the instance is the ifIndex). */
export const VARBIND_OIDS = {
  ifIndex: '1.3.6.1.2.1.2.2.1.1',
  ifAdminStatus: '1.3.6.1.2.1.2.2.1.7',
  ifOperStatus: '1.3.6.1.2.1.2.2.1.8',
  snmpTrapAddress: '1.3.6.1.6.3.18.1.3.0',
} as const;
