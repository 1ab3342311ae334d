import { circuitStateOf } from './circuit-state.repository';

const at = (iso: string) => new Date(iso);

describe('circuitStateOf', () => {
  it('is up with no raised alarm', () => {
    expect(circuitStateOf([])).toEqual({
      state: 'up',
      activeAlarmIds: [],
      activeDownAlarmIds: [],
      since: null,
    });
  });

  it('is down when any service-affecting down alarm is raised, since the earliest of them', () => {
    const s = circuitStateOf([
      {
        _id: 'b',
        affectedCircuitIds: ['c'],
        serviceImpact: 'degraded',
        alarmRaisedTime: at('2026-01-01T00:00:00Z'),
      },
      {
        _id: 'a',
        affectedCircuitIds: ['c'],
        serviceImpact: 'down',
        alarmRaisedTime: at('2026-01-01T00:05:00Z'),
      },
      {
        _id: 'c',
        affectedCircuitIds: ['c'],
        serviceImpact: 'down',
        alarmRaisedTime: at('2026-01-01T00:03:00Z'),
      },
    ]);
    expect(s.state).toBe('down');
    expect(s.since).toEqual(at('2026-01-01T00:03:00Z'));
    expect(s.activeAlarmIds).toEqual(['a', 'b', 'c']);
    expect(s.activeDownAlarmIds).toEqual(['a', 'c']);
  });

  it('is degraded when only degrading alarms are raised', () => {
    const s = circuitStateOf([
      {
        _id: 'x',
        affectedCircuitIds: ['c'],
        serviceImpact: 'degraded',
        alarmRaisedTime: at('2026-01-01T01:00:00Z'),
      },
    ]);
    expect(s).toEqual({
      state: 'degraded',
      activeAlarmIds: ['x'],
      activeDownAlarmIds: [],
      since: at('2026-01-01T01:00:00Z'),
    });
  });
});
