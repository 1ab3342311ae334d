import { Packet, Session, type VarBind } from 'snmp-native';

import { type SnmpSession, type SnmpTarget, type SnmpVarbind, SnmpRequestError } from './snmp-session.port';

export interface SnmpNativeSessionOptions {
  /** Wait for an answer before each retransmission. */
  timeoutMs: number;
  retries: number;
  /** Told about packets the library could not parse (a stray or broken datagram). */
  onMalformedResponse?: (error: Error) => void;
}

function toOidArray(oid: string): number[] {
  return oid
    .split('.')
    .filter((s) => s.length > 0)
    .map((s) => Number.parseInt(s, 10));
}

function toVarbind(vb: VarBind): SnmpVarbind {
  return { oid: vb.oid.join('.'), type: vb.type, raw: vb.valueRaw };
}

function toError(error: Error, target: SnmpTarget): SnmpRequestError {
  const where = `${target.host}:${target.port}`;
  const kind =
    error.message === 'Timeout'
      ? 'timeout'
      : error.message === 'Cancelled'
        ? 'cancelled'
        : error instanceof SnmpRequestError || 'code' in error
          ? 'transport'
          : 'error-status';
  return new SnmpRequestError(`${where}: ${error.message}`, where, kind);
}

/**
 * SnmpSession on snmp-native 1.2.0 (v2c). One UDP socket serves every target, as the
 * library recommends for polling many hosts; requests are matched by request id.
 * Its getAll() packs at most 16 varbinds per PDU and sends them serially, so packing
 * is done here with hand-built packets instead.
 */
export class SnmpNativeSession implements SnmpSession {
  private readonly session: Session;
  private readonly timeouts: number[];

  constructor(options: SnmpNativeSessionOptions) {
    this.timeouts = Array.from({ length: options.retries + 1 }, () => options.timeoutMs);
    this.session = new Session({ timeouts: this.timeouts });
    // The library emits 'error' for a datagram it cannot parse; unhandled, that would
    // throw and end the process.
    this.session.on('error', (error: Error) => options.onMalformedResponse?.(error));
  }

  get(target: SnmpTarget, oids: readonly string[]): Promise<SnmpVarbind[]> {
    if (oids.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const packet = new Packet();
      packet.community = target.community;
      packet.pdu.varbinds = oids.map((oid) => ({ oid: toOidArray(oid), type: 0x05, value: null }));
      try {
        this.session.sendMsg(packet, this.requestOptions(target), (error, varbinds) => {
          if (error) reject(toError(error, target));
          else resolve((varbinds ?? []).map(toVarbind));
        });
      } catch (error) {
        reject(toError(error as Error, target));
      }
    });
  }

  getNext(target: SnmpTarget, oid: string): Promise<SnmpVarbind> {
    return new Promise((resolve, reject) => {
      try {
        this.session.getNext({ ...this.requestOptions(target), oid: toOidArray(oid) }, (error, varbinds) => {
          const first = varbinds?.[0];
          if (error) reject(toError(error, target));
          else if (!first) reject(new SnmpRequestError('empty GetNext response', target.host, 'error-status'));
          else resolve(toVarbind(first));
        });
      } catch (error) {
        reject(toError(error as Error, target));
      }
    });
  }

  walk(target: SnmpTarget, subtree: string, timeoutMs: number): Promise<SnmpVarbind[]> {
    return new Promise((resolve, reject) => {
      // getSubtree may call back twice (an error, then its combined timeout): settle once.
      let settled = false;
      try {
        this.session.getSubtree(
          { ...this.requestOptions(target), oid: toOidArray(subtree), combinedTimeout: timeoutMs },
          (error, varbinds) => {
            if (settled) return;
            settled = true;
            if (error) reject(toError(error, target));
            else resolve((varbinds ?? []).map(toVarbind));
          },
        );
      } catch (error) {
        settled = true;
        reject(toError(error as Error, target));
      }
    });
  }

  close(): void {
    this.session.close();
  }

  private requestOptions(target: SnmpTarget) {
    return { host: target.host, port: target.port, community: target.community, timeouts: this.timeouts };
  }
}
