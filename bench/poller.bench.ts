import {
  DevicePoller,
  type DeviceState,
  newDeviceState,
  type PollTarget,
  SnmpNativeSession,
} from '@circuitcare/collectors';
import { generateDemoNetwork } from '@circuitcare/demo/network';

import {
  argNumber,
  fmt,
  httpOk,
  median,
  startNode,
  startSnmpd,
  stopChild,
  timedShell,
  waitFor,
} from './support/bench-util';

/**
 * npm run bench:poller — one poll cycle over every element of the demo network, served
 * by the device simulator (a child process, so its CPU is not counted here), through
 * the poller's own DevicePoller on snmp-native: varbinds/s and CPU µs per varbind of
 * the poller process. Baseline in the same command: Debian's snmpbulkwalk walking
 * Debian's snmpd (one agent, GETBULK), varbinds/s and CPU µs per varbind.
 * Options: --seed 2026 --cycles 3 --concurrency 64 --varbinds-per-pdu 48
 */
const SIM_PORT = 41161;
const SIM_CONTROL = 48161;
const SNMPD_PORT = 41162;

const seed = argNumber('--seed', 2026);
const cycles = argNumber('--cycles', 3);
const concurrency = argNumber('--concurrency', 64);
const varbindsPerPdu = argNumber('--varbinds-per-pdu', 48);

interface CycleFigures {
  wallMs: number;
  cpuUs: number;
  varbinds: number;
  pdus: number;
  failed: number;
}

async function cycle(
  poller: DevicePoller,
  targets: PollTarget[],
  states: Map<string, DeviceState>,
): Promise<CycleFigures> {
  let varbinds = 0;
  let pdus = 0;
  let failed = 0;
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const target = targets[next++]!;
      const state = states.get(target.deviceId) ?? newDeviceState();
      states.set(target.deviceId, state);
      try {
        const r = await poller.poll(target, state);
        varbinds += r.varbinds;
        pdus += r.pdus;
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuUs: cpu.user + cpu.system, varbinds, pdus, failed };
}

async function main(): Promise<void> {
  const inventory = generateDemoNetwork({ seed });
  const targets: PollTarget[] = inventory.elements.map((e) => ({
    deviceId: e._id,
    name: e.name,
    mgmtIp: e.mgmtIp,
    intervalSec: e.pollIntervalSec,
  }));
  const simulator = startNode(
    'poller-bench-simulator',
    'demo/dist/simulator/simulator-cli.js',
    [
      'serve',
      '--seed',
      String(seed),
      '--port',
      String(SIM_PORT),
      '--control-port',
      String(SIM_CONTROL),
      '--trap-target',
      '127.0.0.1:49162',
      '--reboots-per-day',
      '0',
      '--log-level',
      'warn',
    ],
    {},
  );
  const snmpd = startSnmpd(SNMPD_PORT);
  const session = new SnmpNativeSession({ timeoutMs: 3000, retries: 1 });
  try {
    await waitFor('simulator', () => httpOk(`http://127.0.0.1:${SIM_CONTROL}/health`));
    const poller = new DevicePoller(session, {
      pollerId: 'bench',
      community: 'public',
      port: SIM_PORT,
      varbindsPerPdu,
      rediscoverEvery: 1_000_000,
      discoveryTimeoutMs: 30_000,
    });
    const states = new Map<string, DeviceState>();
    const discovery = await cycle(poller, targets, states);
    const runs: CycleFigures[] = [];
    for (let i = 0; i < cycles; i++) runs.push(await cycle(poller, targets, states));

    // Baseline: snmpbulkwalk over the whole MIB-2 of one snmpd, ten walks timed together.
    await waitFor('snmpd', () =>
      Promise.resolve(
        timedShell(
          `snmpget -v2c -c public -On -t 0.3 -r 0 127.0.0.1:${SNMPD_PORT} 1.3.6.1.2.1.1.3.0 >/dev/null`,
        ).wallMs >= 0,
      ),
    );
    const walk = `snmpbulkwalk -v2c -c public -On -Cr25 127.0.0.1:${SNMPD_PORT} 1.3.6.1.2.1`;
    const baseVarbinds = timedShell(walk)
      .stdout.split('\n')
      .filter((l) => l.startsWith('.')).length;
    const walks = 10;
    const base = timedShell(`for i in $(seq ${walks}); do ${walk} >/dev/null; done`);

    const wall = median(runs.map((r) => r.wallMs));
    const vb = median(runs.map((r) => r.varbinds));
    const cpuPerVb = median(runs.map((r) => r.cpuUs / r.varbinds));
    const ourRate = (vb / wall) * 1000;
    const baseRate = ((baseVarbinds * walks) / base.wallMs) * 1000;
    const baseCpuPerVb = (base.cpuMs * 1000) / (baseVarbinds * walks);
    console.log(
      `bench:poller — ${new Date().toISOString()} — seed ${seed}, ${targets.length} elements, ${inventory.interfaces.length} interfaces`,
    );
    console.log(
      `  settings: concurrency ${concurrency}, ${varbindsPerPdu} varbinds/PDU, ${cycles} measured cycles (median)`,
    );
    console.log(
      `  discovery cycle      ${fmt(discovery.wallMs, 0)} ms, ${discovery.pdus} PDUs, ${discovery.failed} failed`,
    );
    console.log(
      `  poll cycle           ${fmt(wall, 0)} ms for ${vb} varbinds in ${median(runs.map((r) => r.pdus))} PDUs, failed ${Math.max(...runs.map((r) => r.failed))}`,
    );
    console.log(
      `  poller               ${fmt(ourRate, 0)} varbinds/s, ${fmt(cpuPerVb, 2)} µs CPU per varbind`,
    );
    console.log(
      `  baseline snmpbulkwalk ${fmt(baseRate, 0)} varbinds/s, ${fmt(baseCpuPerVb, 2)} µs CPU per varbind (${baseVarbinds} varbinds per walk of one snmpd, ${walks} walks)`,
    );
    console.log(
      `  ratio (poller / snmpbulkwalk): throughput ×${fmt(ourRate / baseRate, 2)}, CPU per varbind ×${fmt(cpuPerVb / baseCpuPerVb, 2)}`,
    );
  } finally {
    session.close();
    await stopChild(simulator);
    await stopChild(snmpd);
  }
}

main().catch((e: Error) => {
  console.error(`bench:poller failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
