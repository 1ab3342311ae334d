import { loadSimulatorConfig } from './simulator.config';

describe('simulator configuration', () => {
  it('has the team defaults', () => {
    const c = loadSimulatorConfig([], {});
    expect(c).toMatchObject({ seed: 2026, snmpPort: 1161, controlPort: 8161, community: 'public' });
    expect(c.trapTarget).toEqual({ host: '127.0.0.1', port: 1162, community: 'public' });
  });

  it('takes the environment, then the command line', () => {
    const c = loadSimulatorConfig(['--seed', '7', '--trap-target=127.0.0.1:11162'], {
      DEMO_SEED: '5',
      SIM_CONTROL_PORT: '9000',
    });
    expect(c).toMatchObject({
      seed: 7,
      controlPort: 9000,
      trapTarget: { host: '127.0.0.1', port: 11162 },
    });
  });

  it('names every bad setting at once', () => {
    expect(() =>
      loadSimulatorConfig(['--port', 'x', '--trap-target', '10.0.0.1:162', '--bogus'], {}),
    ).toThrow(
      /--bogus: unknown option[\s\S]*SIM_SNMP_PORT \(--port\)[\s\S]*SIM_TRAP_TARGET \(--trap-target\): traps go to loopback only/,
    );
  });
});
