import { type SnmpTrap, TRAP_OIDS, VARBIND_OIDS } from '@circuitcare/collectors/contracts';

import {
  type AlarmEvent,
  type AlarmedTarget,
  type EventPosition,
  reductionKeyOf,
} from './alarm-event';

/** Device id used when a trap comes from an address that is not in the inventory. */
export function unmanagedDeviceId(agentAddress: string): string {
  return `unmanaged:${agentAddress}`;
}

function instanceOf(oid: string, column: string): number | null {
  if (!oid.startsWith(`${column}.`)) return null;
  const rest = oid.slice(column.length + 1);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

/**
 * The ifIndex a linkDown/linkUp names: the value of its ifIndex varbind, else the
 * instance of its ifIndex/ifAdminStatus/ifOperStatus varbinds (RFC 2863 puts all
 * three in the notification; v1 traps translated per RFC 3584 keep them).
 */
export function ifIndexOf(trap: SnmpTrap): number | null {
  for (const vb of trap.varbinds) {
    if (instanceOf(vb.oid, VARBIND_OIDS.ifIndex) !== null && /^\d+$/.test(vb.value)) {
      const value = Number(vb.value);
      if (value > 0) return value;
    }
  }
  for (const vb of trap.varbinds) {
    for (const column of [
      VARBIND_OIDS.ifIndex,
      VARBIND_OIDS.ifOperStatus,
      VARBIND_OIDS.ifAdminStatus,
    ]) {
      const instance = instanceOf(vb.oid, column);
      if (instance !== null && instance > 0) return instance;
    }
  }
  return null;
}

/**
 * What a trap means as an alarm event. `deviceId` is the inventory element the
 * agentAddress resolved to, or null (the event then names an unmanaged device so
 * that nothing is lost). Every trap yields an event.
 */
export function interpretTrap(
  trap: SnmpTrap,
  deviceId: string | null,
  position: EventPosition,
): AlarmEvent {
  const device = deviceId ?? unmanagedDeviceId(trap.agentAddress);
  const time = new Date(trap.receivedAt);
  const common = { time, sourceSystemId: 'trap' as const, position };

  if (trap.trapOid === TRAP_OIDS.linkDown || trap.trapOid === TRAP_OIDS.linkUp) {
    const ifIndex = ifIndexOf(trap);
    if (ifIndex !== null) {
      const target: AlarmedTarget = { kind: 'interface', deviceId: device, ifIndex };
      return {
        ...common,
        action: trap.trapOid === TRAP_OIDS.linkDown ? 'raise' : 'clear',
        reductionKey: reductionKeyOf('linkDown', target),
        probableCause: 'linkDown',
        specificProblem: 'linkDown trap',
        alarmType: 'communicationsAlarm',
        perceivedSeverity: 'major',
        target,
        impact: 'down',
      };
    }
    // A link trap that names no interface cannot be cleared by its linkUp: keep it as unknown.
  }

  if (trap.trapOid === TRAP_OIDS.coldStart || trap.trapOid === TRAP_OIDS.warmStart) {
    const cause = trap.trapOid === TRAP_OIDS.coldStart ? 'coldStart' : 'warmStart';
    const target: AlarmedTarget = { kind: 'element', deviceId: device };
    return {
      ...common,
      action: 'notify',
      reductionKey: reductionKeyOf(cause, target),
      probableCause: cause,
      specificProblem: `${cause} trap: the device (re)initialised`,
      alarmType: 'equipmentAlarm',
      perceivedSeverity: 'warning',
      target,
      impact: 'none',
    };
  }

  const target: AlarmedTarget = { kind: 'element', deviceId: device };
  return {
    ...common,
    action: 'raise',
    reductionKey: reductionKeyOf('unknownTrap', target, trap.trapOid),
    probableCause: 'unknownTrap',
    specificProblem: trap.trapOid,
    alarmType: 'communicationsAlarm',
    perceivedSeverity: 'indeterminate',
    target,
    impact: 'none',
  };
}
