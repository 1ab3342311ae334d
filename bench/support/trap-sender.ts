import * as snmp from 'net-snmp';

export interface TrapSource {
  mgmtIp: string;
  ifIndex: number;
}

const IF_INDEX = '1.3.6.1.2.1.2.2.1.1';
const IF_ADMIN = '1.3.6.1.2.1.2.2.1.7';
const IF_OPER = '1.3.6.1.2.1.2.2.1.8';

/**
 * Sends linkDown/linkUp v2c traps as a given device would: each from a socket bound to
 * the device's own management address, with the IF-MIB varbinds of RFC 2863.
 */
export class TrapSender {
  private readonly sessions = new Map<string, snmp.Session>();

  constructor(
    private readonly targetPort: number,
    private readonly community = 'public',
  ) {}

  send(source: TrapSource, kind: 'linkDown' | 'linkUp'): Promise<void> {
    const status = kind === 'linkDown' ? 2 : 1;
    const varbinds: snmp.Varbind[] = [
      {
        oid: `${IF_INDEX}.${source.ifIndex}`,
        type: snmp.ObjectType.Integer,
        value: source.ifIndex,
      },
      { oid: `${IF_ADMIN}.${source.ifIndex}`, type: snmp.ObjectType.Integer, value: 1 },
      { oid: `${IF_OPER}.${source.ifIndex}`, type: snmp.ObjectType.Integer, value: status },
    ];
    const type = kind === 'linkDown' ? snmp.TrapType.LinkDown : snmp.TrapType.LinkUp;
    return new Promise((resolve, reject) =>
      this.session(source.mgmtIp).trap(type, varbinds, (error: Error | null) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  close(): void {
    for (const s of this.sessions.values()) s.close();
    this.sessions.clear();
  }

  private session(mgmtIp: string): snmp.Session {
    let s = this.sessions.get(mgmtIp);
    if (!s) {
      s = snmp.createSession('127.0.0.1', this.community, {
        port: 161,
        trapPort: this.targetPort,
        version: snmp.Version2c,
        sourceAddress: mgmtIp,
      });
      s.on('error', () => undefined);
      this.sessions.set(mgmtIp, s);
    }
    return s;
  }
}
