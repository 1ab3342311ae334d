import type { Logger } from 'pino';

import type { NetworkInventory } from '@circuitcare/topology';

import { ControlHttpServer } from './control-http.server';
import { DeviceSimulator } from './device-simulator.service';
import type { SimulatorConfig } from './simulator.config';

/** A running simulator: agents, control API, and the one way to stop both. */
export interface RunningSimulator {
  simulator: DeviceSimulator;
  controlUrl: string;
  stop(): Promise<void>;
}

/** Starts the agents of every element and the control API (127.0.0.1:controlPort; 0 picks a free port). */
export async function startSimulator(
  inventory: NetworkInventory,
  config: Pick<
    SimulatorConfig,
    'seed' | 'snmpPort' | 'controlPort' | 'trapTarget' | 'community' | 'rebootsPerDay'
  >,
  logger: Logger,
  now?: () => number,
): Promise<RunningSimulator> {
  const simulator = new DeviceSimulator(inventory, {
    seed: config.seed,
    snmpPort: config.snmpPort,
    community: config.community,
    trapTarget: config.trapTarget,
    rebootsPerDay: config.rebootsPerDay,
    logger,
    ...(now ? { now } : {}),
  });
  await simulator.start();
  const control = new ControlHttpServer(simulator, logger);
  let port: number;
  try {
    port = await control.listen(config.controlPort);
  } catch (error) {
    await simulator.stop();
    throw error;
  }
  const controlUrl = `http://127.0.0.1:${port}`;
  logger.info({ controlUrl }, 'simulator control API listening');
  let stopping: Promise<void> | null = null;
  return {
    simulator,
    controlUrl,
    stop: () =>
      (stopping ??= Promise.all([control.close(), simulator.stop()]).then(() => undefined)),
  };
}
