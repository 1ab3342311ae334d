import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:dgram';

import * as netSnmp from 'net-snmp';

import { type SnmpTrap, snmpTrapSchema } from '../contracts';
import { type Logger, RateLimitedLog } from '../logging/create-logger';
import { normaliseTrap, type ReceivedNotification } from './trap-normaliser';
import { TrapReceiverMetrics } from './trap-receiver-metrics';

export interface SnmpTrapReceiverOptions {
  host: string;
  port: number;
  communities: readonly string[];
  recvBufferBytes: number;
  preferV1AgentAddr: boolean;
}

/** The part of net-snmp's Receiver we use (its typings declare it `any`). */
interface NetSnmpReceiver {
  getAuthorizer(): { addCommunity(community: string): void };
  close(callback?: () => void): void;
  listener: { sockets: Record<string, Socket> };
}

type ReceiverError = Error & { rinfo?: { address: string; port: number }; error?: Error };

export interface ReceiverStarted {
  address: string;
  port: number;
  /** SO_RCVBUF the kernel granted (on Linux: min(asked, net.core.rmem_max)). */
  recvBufferBytes: number;
}

/**
 * net-snmp's notification receiver (v1, v2c, and v2c informs, which it acknowledges
 * before calling us), turned into contract-valid SnmpTrap values handed to `sink`.
 * Garbage and refused packets come back through the same callback with the sender's
 * rinfo: counted and logged (rate-limited), never fatal.
 */
export class SnmpTrapReceiver {
  readonly metrics = new TrapReceiverMetrics();
  private receiver: NetSnmpReceiver | null = null;
  private readonly badPacketLog = new RateLimitedLog(10000);

  constructor(
    private readonly options: SnmpTrapReceiverOptions,
    private readonly sink: (trap: SnmpTrap) => void,
    private readonly logger: Logger,
  ) {}

  start(): Promise<ReceiverStarted> {
    return new Promise((resolve, reject) => {
      let listening = false;
      const callback = (error: ReceiverError | null, notification: ReceivedNotification | null) => {
        if (error) {
          if (!listening && !error.rinfo) reject(error);
          else this.onError(error);
        } else if (notification) {
          this.onNotification(notification);
        }
      };
      const receiver = netSnmp.createReceiver(
        {
          port: this.options.port,
          address: this.options.host,
          transport: 'udp4',
          // The community travels with the notification so v3 (no community) can be refused.
          includeAuthentication: true,
          disableAuthorization: false,
        },
        callback,
      ) as NetSnmpReceiver;
      this.receiver = receiver;
      for (const community of this.options.communities) receiver.getAuthorizer().addCommunity(community);
      const socket = Object.values(receiver.listener.sockets)[0];
      if (!socket) {
        reject(new Error('net-snmp receiver opened no socket'));
        return;
      }
      socket.once('listening', () => {
        listening = true;
        let granted = 0;
        try {
          // A storm is absorbed by the kernel while the event loop catches up.
          socket.setRecvBufferSize(this.options.recvBufferBytes);
          // Linux caps the request at net.core.rmem_max and reports twice what it set
          // (the second half is its bookkeeping): halve it to compare like with like.
          const reported = socket.getRecvBufferSize();
          granted = process.platform === 'linux' ? Math.floor(reported / 2) : reported;
        } catch (err) {
          this.logger.warn({ err }, 'could not size the trap socket receive buffer');
        }
        const { address, port } = socket.address();
        if (granted < this.options.recvBufferBytes) {
          this.logger.warn(
            { asked: this.options.recvBufferBytes, granted },
            'kernel granted a smaller UDP receive buffer than asked (raise net.core.rmem_max)',
          );
        }
        resolve({ address, port, recvBufferBytes: granted });
      });
    });
  }

  close(): Promise<void> {
    const receiver = this.receiver;
    this.receiver = null;
    if (!receiver) return Promise.resolve();
    return new Promise((resolve) => receiver.close(() => resolve()));
  }

  private onNotification(notification: ReceivedNotification): void {
    this.metrics.received += 1;
    const receivedAt = new Date();
    let trap: SnmpTrap;
    try {
      trap = normaliseTrap(notification, { eventId: randomUUID(), receivedAt, preferV1AgentAddr: this.options.preferV1AgentAddr });
      // Validate here, per trap, so one odd trap is refused alone and never poisons a batch.
      const checked = snmpTrapSchema.safeParse(trap);
      if (!checked.success) throw new Error(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    } catch (err) {
      this.metrics.rejected += 1;
      this.logBadPacket('notification not representable', notification.rinfo, err);
      return;
    }
    this.sink(trap);
  }

  private onError(error: ReceiverError): void {
    const rinfo = error.rinfo;
    if (!rinfo) {
      // A socket-level error (not about one packet): loud, but the socket stays open.
      this.logger.error({ err: error }, 'trap socket error');
      return;
    }
    if (error.name === 'ProcessingError') {
      this.metrics.malformed += 1;
      this.logBadPacket('malformed packet', rinfo, error.error ?? error);
    } else {
      this.metrics.rejected += 1;
      this.logBadPacket('packet refused', rinfo, error);
    }
  }

  private logBadPacket(what: string, rinfo: { address: string; port: number }, err: unknown): void {
    const suppressed = this.badPacketLog.admit(`${what}:${rinfo.address}`);
    if (suppressed === null) return;
    this.logger.warn(
      { source: `${rinfo.address}:${rinfo.port}`, reason: err instanceof Error ? err.message : String(err), suppressed },
      what,
    );
  }
}
