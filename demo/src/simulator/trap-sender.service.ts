import * as snmp from 'net-snmp';

import { OID } from './mib-oids.const';

/**
 * Sends SNMPv2c traps as the elements would: each from a socket bound to the element's
 * own mgmtIp, so the receiver sees the device as the UDP source address. One net-snmp
 * session per element, created at its first trap and kept until stop().
 */

export interface TrapTarget {
  host: string;
  port: number;
  community: string;
}

export interface TrapVarbind {
  oid: string;
  type: number;
  value: number | string;
}

export class TrapSender {
  private readonly sessions = new Map<string, snmp.Session>();

  constructor(private readonly target: TrapTarget) {}

  private sessionFor(sourceAddress: string): snmp.Session {
    let session = this.sessions.get(sourceAddress);
    if (!session) {
      session = snmp.createSession(this.target.host, this.target.community, {
        version: snmp.Version2c,
        trapPort: this.target.port,
        sourceAddress,
      });
      // A send error (e.g. nobody listening: ICMP port unreachable) must not crash the simulator.
      session.on('error', () => undefined);
      this.sessions.set(sourceAddress, session);
    }
    return session;
  }

  /** Sends one v2c trap; resolves when handed to the socket. `upTime` is the element's sysUpTime. */
  send(
    sourceAddress: string,
    trapOid: string,
    upTime: number,
    varbinds: TrapVarbind[],
  ): Promise<void> {
    const session = this.sessionFor(sourceAddress);
    return new Promise((resolve, reject) => {
      // net-snmp replaces an upTime of 0 with its own process uptime: a just-booted element says 1.
      session.trap(
        trapOid,
        varbinds as snmp.Varbind[],
        { upTime: Math.max(1, upTime) },
        (error: Error | null) => (error ? reject(error) : resolve()),
      );
    });
  }

  /** IF-MIB linkDown/linkUp varbinds: ifIndex, ifAdminStatus, ifOperStatus of the interface. */
  static linkVarbinds(ifIndex: number, adminUp: boolean, operUp: boolean): TrapVarbind[] {
    return [
      { oid: `${OID.ifEntry}.1.${ifIndex}`, type: 2, value: ifIndex },
      { oid: `${OID.ifEntry}.7.${ifIndex}`, type: 2, value: adminUp ? 1 : 2 },
      { oid: `${OID.ifEntry}.8.${ifIndex}`, type: 2, value: operUp ? 1 : 2 },
    ];
  }

  close(): void {
    for (const session of this.sessions.values()) {
      try {
        session.close();
      } catch {
        // already closed
      }
    }
    this.sessions.clear();
  }
}
