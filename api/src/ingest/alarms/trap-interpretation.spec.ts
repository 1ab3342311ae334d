import { type SnmpTrap, TRAP_OIDS } from '@circuitcare/collectors/contracts';

import { ifIndexOf, interpretTrap } from './trap-interpretation';

const position = { topic: 'cc.snmp.traps.v1', partition: 3, offset: '42' };

function trap(overrides: Partial<SnmpTrap>): SnmpTrap {
  return {
    v: 1,
    eventId: 'evt-1',
    receivedAt: '2026-11-22T04:00:00.000Z',
    agentAddress: '127.1.2.3',
    source: { address: '127.1.2.3', port: 40000 },
    snmpVersion: 'v2c',
    pduType: 'trap',
    trapOid: TRAP_OIDS.linkDown,
    upTime: 12345,
    varbinds: [],
    ...overrides,
  };
}

describe('interpretTrap', () => {
  it('v1 linkDown translated per RFC 3584: ifIndex from the ifIndex varbind', () => {
    const t = trap({
      snmpVersion: 'v1',
      trapOid: TRAP_OIDS.linkDown,
      varbinds: [
        { oid: '1.3.6.1.2.1.2.2.1.1.7', type: 'Integer', value: '7' },
        { oid: '1.3.6.1.6.3.18.1.3.0', type: 'IpAddress', value: '127.1.2.3' },
      ],
    });
    const event = interpretTrap(t, 'pe-1', position);
    expect(event).toMatchObject({
      action: 'raise',
      reductionKey: 'linkDown|pe-1:7',
      probableCause: 'linkDown',
      perceivedSeverity: 'major',
      alarmType: 'communicationsAlarm',
      target: { kind: 'interface', deviceId: 'pe-1', ifIndex: 7 },
      impact: 'down',
      sourceSystemId: 'trap',
      position,
    });
    expect(event.time).toEqual(new Date('2026-11-22T04:00:00.000Z'));
  });

  it('v2c linkUp clears the same key; ifIndex from the ifOperStatus instance', () => {
    const t = trap({
      trapOid: TRAP_OIDS.linkUp,
      varbinds: [
        { oid: '1.3.6.1.2.1.2.2.1.7.12', type: 'Integer', value: '1' },
        { oid: '1.3.6.1.2.1.2.2.1.8.12', type: 'Integer', value: '1' },
      ],
    });
    expect(interpretTrap(t, 'pe-1', position)).toMatchObject({
      action: 'clear',
      reductionKey: 'linkDown|pe-1:12',
    });
  });

  it('ifIndexOf: null when the trap names no interface', () => {
    expect(
      ifIndexOf(trap({ varbinds: [{ oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: '5' }] })),
    ).toBeNull();
  });

  it('a linkDown naming no interface is kept as an indeterminate alarm', () => {
    expect(interpretTrap(trap({}), 'pe-1', position)).toMatchObject({
      action: 'raise',
      probableCause: 'unknownTrap',
      perceivedSeverity: 'indeterminate',
      specificProblem: TRAP_OIDS.linkDown,
    });
  });

  it('coldStart and warmStart: auto-cleared equipment warnings on the element', () => {
    expect(interpretTrap(trap({ trapOid: TRAP_OIDS.coldStart }), 'pe-1', position)).toMatchObject({
      action: 'notify',
      reductionKey: 'coldStart|pe-1',
      alarmType: 'equipmentAlarm',
      perceivedSeverity: 'warning',
      target: { kind: 'element', deviceId: 'pe-1' },
      impact: 'none',
    });
    expect(
      interpretTrap(trap({ trapOid: TRAP_OIDS.warmStart }), 'pe-1', position).probableCause,
    ).toBe('warmStart');
  });

  it('unknown traps: indeterminate, specificProblem = trapOid, keyed per OID', () => {
    const event = interpretTrap(trap({ trapOid: '1.3.6.1.4.1.9999.1.2' }), 'pe-1', position);
    expect(event).toMatchObject({
      action: 'raise',
      probableCause: 'unknownTrap',
      specificProblem: '1.3.6.1.4.1.9999.1.2',
      perceivedSeverity: 'indeterminate',
      reductionKey: 'unknownTrap|pe-1|1.3.6.1.4.1.9999.1.2',
      impact: 'none',
    });
  });

  it('an address outside the inventory still yields an event on an unmanaged device', () => {
    const t = trap({ varbinds: [{ oid: '1.3.6.1.2.1.2.2.1.1.2', type: 'Integer', value: '2' }] });
    expect(interpretTrap(t, null, position).reductionKey).toBe('linkDown|unmanaged:127.1.2.3:2');
  });
});
