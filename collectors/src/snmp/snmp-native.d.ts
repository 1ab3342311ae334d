/**
 * The part of snmp-native 1.2.0 (no types shipped) that snmp-native-session.adapter.ts
 * uses, as read in node_modules/snmp-native/lib/snmp.js.
 */
declare module 'snmp-native' {
  import type { EventEmitter } from 'node:events';

  export interface SessionOptions {
    host?: string;
    port?: number;
    community?: string;
    family?: 'udp4' | 'udp6';
    /** One entry per transmission: [2000, 2000] = one retransmission after 2 s. */
    timeouts?: number[];
    bindPort?: number;
  }

  export interface RequestOptions extends SessionOptions {
    oid?: number[] | string;
    oids?: (number[] | string)[];
    combinedTimeout?: number;
    abortOnError?: boolean;
  }

  export interface VarBind {
    oid: number[];
    /** ASN.1 tag: 0x02 Integer, 0x04 OctetString, 0x41 Counter, 0x46 Counter64, 0x80–0x82 exceptions… */
    type: number;
    value: unknown;
    /** Content octets of the value exactly as received. */
    valueRaw: Buffer;
    valueHex: string;
    sendStamp?: number;
    receiveStamp?: number;
  }

  export type Callback = (error: Error | null, varbinds?: VarBind[]) => void;

  export class VarBindInit {
    oid: number[];
    type: number;
    value: unknown;
  }

  export class Packet {
    version: number;
    community: string;
    pdu: { type: number; reqid: number; error: number; errorIndex: number; varbinds: { oid: number[]; type: number; value: unknown }[] };
  }

  export class Session extends EventEmitter {
    constructor(options?: SessionOptions);
    get(options: RequestOptions, callback: Callback): void;
    getNext(options: RequestOptions, callback: Callback): void;
    getAll(options: RequestOptions, callback: Callback): void;
    getSubtree(options: RequestOptions, callback: Callback): void;
    /** Sends a hand-built packet: how several varbinds go into one GetRequest. */
    sendMsg(packet: Packet, options: RequestOptions, callback: Callback): void;
    close(): void;
  }

  export const DataTypes: Readonly<Record<string, number>>;
  export const PduTypes: Readonly<Record<string, number>>;
  export const Versions: Readonly<{ SNMPv1: 0; SNMPv2c: 1 }>;
}
