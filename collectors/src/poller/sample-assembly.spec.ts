import { snmpSampleSchema } from '../contracts';
import { SNMP_TYPE, type SnmpVarbind } from '../snmp/snmp-session.port';
import { assembleDiscovery, assemblePoll } from './sample-assembly';

const vb = (oid: string, type: number, hex: string): SnmpVarbind => ({ oid, type, raw: Buffer.from(hex, 'hex') });

function interfaceVarbinds(ifIndex: number, hcIn: string): SnmpVarbind[] {
  return [
    vb(`1.3.6.1.2.1.2.2.1.8.${ifIndex}`, SNMP_TYPE.Integer, '01'),
    vb(`1.3.6.1.2.1.31.1.1.1.15.${ifIndex}`, SNMP_TYPE.Gauge32, '03e8'),
    vb(`1.3.6.1.2.1.31.1.1.1.6.${ifIndex}`, SNMP_TYPE.Counter64, hcIn),
    vb(`1.3.6.1.2.1.31.1.1.1.10.${ifIndex}`, SNMP_TYPE.Counter64, '00'),
    vb(`1.3.6.1.2.1.2.2.1.14.${ifIndex}`, SNMP_TYPE.Counter32, '00ffffffff'),
    vb(`1.3.6.1.2.1.2.2.1.20.${ifIndex}`, SNMP_TYPE.Counter32, '02'),
    vb(`1.3.6.1.2.1.2.2.1.13.${ifIndex}`, SNMP_TYPE.Counter32, '03'),
    vb(`1.3.6.1.2.1.2.2.1.19.${ifIndex}`, SNMP_TYPE.Counter32, '04'),
  ];
}

describe('assemblePoll', () => {
  it('builds exact interface samples that satisfy the contract', () => {
    const result = assemblePoll(
      [{ ifIndex: 1, name: 'ge-0/0/0' }],
      [vb('1.3.6.1.2.1.1.3.0', SNMP_TYPE.TimeTicks, '00b71b00'), ...interfaceVarbinds(1, '00ffffffffffffffff')],
    );
    expect(result.sysUpTime).toBe(12000000);
    expect(result.incomplete).toEqual([]);
    expect(result.interfaces).toEqual([
      { ifIndex: 1, operStatus: 1, highSpeedMbps: 1000, inOctets: '18446744073709551615', outOctets: '0', inErrors: 4294967295, outErrors: 2, inDiscards: 3, outDiscards: 4 },
    ]);
    const sample = { v: 1, sampleId: 'd@t', deviceId: 'd', mgmtIp: '127.1.0.1', polledAt: new Date().toISOString(), sysUpTime: 1, pollerId: 'p', interfaces: result.interfaces };
    expect(snmpSampleSchema.safeParse(sample).success).toBe(true);
  });

  it('reports interfaces that answered noSuchInstance or a wrong type as incomplete', () => {
    const broken = interfaceVarbinds(2, '01').map((v) => (v.oid.startsWith('1.3.6.1.2.1.31.1.1.1.6.') ? { ...v, type: SNMP_TYPE.NoSuchInstance, raw: Buffer.alloc(0) } : v));
    const result = assemblePoll(
      [
        { ifIndex: 1, name: 'a' },
        { ifIndex: 2, name: 'b' },
      ],
      [...interfaceVarbinds(1, '01'), ...broken],
    );
    expect(result.sysUpTime).toBeNull();
    expect(result.interfaces.map((i) => i.ifIndex)).toEqual([1]);
    expect(result.incomplete).toEqual([2]);
  });
});

describe('assembleDiscovery', () => {
  it('takes ifName, else ifDescr, else a placeholder', () => {
    const found = assembleDiscovery(
      [vb('1.3.6.1.2.1.2.2.1.1.1', 2, '01'), vb('1.3.6.1.2.1.2.2.1.1.2', 2, '02'), vb('1.3.6.1.2.1.2.2.1.1.3', 2, '03')],
      [
        vb('1.3.6.1.2.1.31.1.1.1.1.1', 4, Buffer.from('lo').toString('hex')),
        vb('1.3.6.1.2.1.31.1.1.1.1.2', SNMP_TYPE.NoSuchInstance, ''),
        vb('1.3.6.1.2.1.2.2.1.2.2', 4, Buffer.from('eth0').toString('hex')),
      ],
    );
    expect(found).toEqual([
      { ifIndex: 1, name: 'lo' },
      { ifIndex: 2, name: 'eth0' },
      { ifIndex: 3, name: 'ifIndex 3' },
    ]);
  });
});
