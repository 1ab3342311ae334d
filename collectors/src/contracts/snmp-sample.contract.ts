import { z } from 'zod';

import type { TopicContract } from './topic-contract';

/** Unsigned 64-bit counter as a decimal string: exact beyond 2^53. */
const counter64 = z.string().regex(/^\d{1,20}$/, 'expected an unsigned decimal counter');
const counter32 = z.number().int().min(0).max(4294967295);

export const interfaceSampleSchema = z.object({
  ifIndex: z.number().int().positive(),
  /** ifOperStatus: 1 up, 2 down, 3 testing, 5 dormant, 7 lowerLayerDown … */
  operStatus: z.number().int().min(1).max(7),
  /** ifHighSpeed in Mbit/s. */
  highSpeedMbps: z.number().int().min(0),
  inOctets: counter64,
  outOctets: counter64,
  inErrors: counter32,
  outErrors: counter32,
  inDiscards: counter32,
  outDiscards: counter32,
});

export const snmpSampleSchema = z.object({
  v: z.literal(1),
  /** Unique per poll: `${deviceId}@${polledAt}`; makes redelivery detectable. */
  sampleId: z.string().min(1),
  deviceId: z.string().min(1),
  mgmtIp: z.string().min(7),
  /** ISO-8601 time the response arrived. */
  polledAt: z.iso.datetime(),
  /** sysUpTime in hundredths of a second; a decrease means the device restarted. */
  sysUpTime: z.number().int().min(0),
  pollerId: z.string().min(1),
  interfaces: z.array(interfaceSampleSchema).min(1),
});

export type InterfaceSample = z.infer<typeof interfaceSampleSchema>;
export type SnmpSample = z.infer<typeof snmpSampleSchema>;

export const snmpSampleContract: TopicContract<SnmpSample> = {
  topic: 'cc.snmp.samples.v1',
  version: 1,
  partitions: 12,
  valueSchema: snmpSampleSchema,
  keyOf: (s) => s.deviceId,
};
