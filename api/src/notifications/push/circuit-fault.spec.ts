import { circuitFaultOf } from './circuit-fault';

const event = (data: Record<string, unknown>, kind = 'circuit', action = 'state') => ({
  kind: kind as 'circuit',
  action,
  id: 'ckt-1',
  data,
});
const since = '2026-12-07T08:00:00.000Z';

describe('circuit faults for push', () => {
  it('a circuit going down or degraded is a fault', () => {
    expect(
      circuitFaultOf(event({ state: 'down', previousState: 'up', stateSince: since })),
    ).toEqual({ circuitId: 'ckt-1', state: 'down', previousState: 'up', since });
    expect(
      circuitFaultOf(event({ state: 'degraded', previousState: 'up', stateSince: since }))?.state,
    ).toBe('degraded');
    // From down to degraded: still faulty, and the user hears of it as the inbox shows it.
    expect(
      circuitFaultOf(event({ state: 'degraded', previousState: 'down', stateSince: since })),
    ).not.toBeNull();
  });

  it('coming back up, an unchanged state, other events and malformed data are not', () => {
    expect(
      circuitFaultOf(event({ state: 'up', previousState: 'down', stateSince: since })),
    ).toBeNull();
    expect(
      circuitFaultOf(event({ state: 'down', previousState: 'down', stateSince: since })),
    ).toBeNull();
    expect(
      circuitFaultOf(event({ state: 'down', previousState: 'up', stateSince: since }, 'alarm')),
    ).toBeNull();
    expect(
      circuitFaultOf(
        event({ state: 'down', previousState: 'up', stateSince: since }, 'circuit', 'x'),
      ),
    ).toBeNull();
    expect(circuitFaultOf(event({ state: 'down', previousState: 'up' }))).toBeNull();
    expect(circuitFaultOf(event({ state: 'down', stateSince: since }))).toBeNull();
  });
});
