import { snmpTrapSchema, TRAP_OIDS } from '../contracts';
import { normaliseTrap, PDU_TYPE, type ReceivedNotification, TrapNormaliseError } from './trap-normaliser';

const options = { eventId: 'e-1', receivedAt: new Date('2026-11-22T05:00:00Z'), preferV1AgentAddr: false };
const rinfo = { address: '127.20.0.5', port: 40000, family: 'IPv4' };

function v2(extra: ReceivedNotification['pdu']['varbinds'], type: number = PDU_TYPE.trapV2): ReceivedNotification {
  return {
    pdu: {
      type,
      community: 'public',
      varbinds: [
        { oid: '1.3.6.1.2.1.1.3.0', type: 67, value: 4242 },
        { oid: '1.3.6.1.6.3.1.1.4.1.0', type: 6, value: TRAP_OIDS.linkDown },
        ...extra,
      ],
    },
    rinfo,
  };
}

describe('normaliseTrap', () => {
  it('lifts sysUpTime and snmpTrapOID out of a v2c trap and renders the rest', () => {
    const trap = normaliseTrap(
      v2([
        { oid: '1.3.6.1.2.1.2.2.1.1.3', type: 2, value: 3 },
        { oid: '1.3.6.1.2.1.2.2.1.2.3', type: 4, value: Buffer.from('GigabitEthernet0/3') },
        { oid: '1.3.6.1.2.1.2.2.1.6.3', type: 4, value: Buffer.from([0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e]) },
        { oid: '1.3.6.1.2.1.31.1.1.1.6.3', type: 70, value: Buffer.from('00ffffffffffffffff', 'hex') },
      ]),
      options,
    );
    expect(snmpTrapSchema.parse(trap)).toEqual(trap);
    expect(trap).toMatchObject({ snmpVersion: 'v2c', pduType: 'trap', trapOid: TRAP_OIDS.linkDown, upTime: 4242, agentAddress: '127.20.0.5' });
    expect(trap.varbinds).toEqual([
      { oid: '1.3.6.1.2.1.2.2.1.1.3', type: 'Integer', value: '3' },
      { oid: '1.3.6.1.2.1.2.2.1.2.3', type: 'OctetString', value: 'GigabitEthernet0/3' },
      { oid: '1.3.6.1.2.1.2.2.1.6.3', type: 'OctetString', value: '0x001a2b3c4d5e' },
      { oid: '1.3.6.1.2.1.31.1.1.1.6.3', type: 'Counter64', value: '18446744073709551615' },
    ]);
  });

  it('marks informs', () => {
    expect(normaliseTrap(v2([], PDU_TYPE.inform), options).pduType).toBe('inform');
  });

  it('takes the device from snmpTrapAddress.0 when a forwarder sent it', () => {
    const trap = normaliseTrap(v2([{ oid: '1.3.6.1.6.3.18.1.3.0', type: 64, value: '127.30.1.9' }]), options);
    expect(trap.agentAddress).toBe('127.30.1.9');
    expect(trap.source.address).toBe('127.20.0.5');
  });

  it('translates a v1 generic trap and keeps the enterprise', () => {
    const trap = normaliseTrap(
      {
        pdu: {
          type: PDU_TYPE.trapV1,
          community: 'public',
          enterprise: '1.3.6.1.4.1.8072.3.2.10',
          agentAddr: '10.9.9.9',
          generic: 2,
          specific: 0,
          upTime: 77,
          varbinds: [{ oid: '1.3.6.1.2.1.2.2.1.1.2', type: 2, value: 2 }],
        },
        rinfo: { ...rinfo, address: '::ffff:127.20.0.5' },
      },
      options,
    );
    expect(trap).toMatchObject({ snmpVersion: 'v1', trapOid: TRAP_OIDS.linkDown, upTime: 77, agentAddress: '127.20.0.5' });
    expect(trap.varbinds.at(-1)).toEqual({ oid: '1.3.6.1.6.3.1.1.4.3.0', type: 'OID', value: '1.3.6.1.4.1.8072.3.2.10' });
    expect(normaliseTrap({ pdu: { type: 164, community: 'c', enterprise: '1.3.6.1.4.1.9', agentAddr: '10.9.9.9', generic: 6, specific: 5, upTime: 1, varbinds: [] }, rinfo }, { ...options, preferV1AgentAddr: true })).toMatchObject({
      trapOid: '1.3.6.1.4.1.9.0.5',
      agentAddress: '10.9.9.9',
    });
  });

  it('refuses what it cannot represent', () => {
    expect(() => normaliseTrap({ pdu: { type: PDU_TYPE.trapV2, varbinds: [] }, rinfo }, options)).toThrow(TrapNormaliseError);
    expect(() => normaliseTrap({ pdu: { type: PDU_TYPE.trapV2, community: 'public', varbinds: [] }, rinfo }, options)).toThrow(TrapNormaliseError);
    expect(() => normaliseTrap({ pdu: { type: 160, community: 'public', varbinds: [] }, rinfo }, options)).toThrow(TrapNormaliseError);
  });
});
