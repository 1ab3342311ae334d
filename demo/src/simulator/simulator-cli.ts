#!/usr/bin/env node
import { pino } from 'pino';

import { generateDemoNetwork } from '../network/demo-network.generator';
import { controlUrlFrom, loadSimulatorConfig } from './simulator.config';
import { startSimulator } from './simulator.runtime';

/**
 * `npm run simulator -- <command>`:
 *   serve [--seed N] [--port 1161] [--control-port 8161] [--trap-target 127.0.0.1:1162] …
 *   fault link-down|link-up <linkId>
 *   fault element-down|element-up <elementId>
 *   fault interface-down|interface-up <elementId> <ifIndex>
 *   fault errors|congestion <linkId> | <elementId> <ifIndex>
 *   fault clear <faultId> | fault clear-all [--degradations]
 *   faults | elements | element <id> | reboot <id> | health
 * Every command but serve talks to the control API (127.0.0.1, --control-port).
 */

const USAGE = `usage: simulator-cli <command>
  serve [--seed N] [--port 1161] [--control-port 8161] [--trap-target 127.0.0.1:1162]
        [--community public] [--trap-community public] [--reboots-per-day 0.05]
        [--sites-per-customer N] [--log-level info]
  fault link-down|link-up <linkId>
  fault element-down|element-up <elementId>
  fault interface-down|interface-up <elementId> <ifIndex>
  fault errors|congestion <linkId>  |  fault errors|congestion <elementId> <ifIndex>
  fault clear <faultId>  |  fault clear-all [--degradations]
  faults | elements | element <id> | reboot <id> | health
  (client commands accept --control-port N)`;

async function serve(args: string[]): Promise<void> {
  const config = loadSimulatorConfig(args);
  const logger = pino({ name: 'simulator', level: config.logLevel });
  const inventory = generateDemoNetwork({
    seed: config.seed,
    ...(config.sitesPerCustomer !== undefined ? { sitesPerCustomer: config.sitesPerCustomer } : {}),
  });
  const running = await startSimulator(inventory, config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping simulator');
    running.stop().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ err: error.message }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  console.log(text.startsWith('{') ? JSON.stringify(JSON.parse(text), null, 2) : text);
  if (!res.ok) process.exitCode = 1;
}

function faultBody(kind: string, rest: string[]): Record<string, unknown> {
  const [a, b] = rest;
  if (a === undefined) throw new Error(`fault ${kind}: target missing\n${USAGE}`);
  const ifIndex = (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n))
      throw new Error(`fault ${kind}: ifIndex must be an integer, got ${v}`);
    return n;
  };
  switch (kind) {
    case 'link-down':
    case 'link-up':
      return { kind, linkId: a };
    case 'element-down':
    case 'element-up':
      return { kind, elementId: a };
    case 'interface-down':
    case 'interface-up':
      if (b === undefined) throw new Error(`fault ${kind}: ifIndex missing`);
      return { kind, elementId: a, ifIndex: ifIndex(b) };
    case 'errors':
    case 'congestion':
      return b === undefined ? { kind, linkId: a } : { kind, elementId: a, ifIndex: ifIndex(b) };
    default:
      throw new Error(`unknown fault kind ${kind}\n${USAGE}`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'serve') return serve(rest);
  const base = controlUrlFrom(rest);
  const portAt = rest.indexOf('--control-port');
  const args = portAt >= 0 ? rest.filter((_, i) => i !== portAt && i !== portAt + 1) : rest;
  switch (command ?? '') {
    case 'fault': {
      const [kind, ...targetArgs] = args;
      if (kind === 'clear') {
        if (!targetArgs[0]) throw new Error('fault clear: fault id missing');
        return call(base, 'DELETE', `/faults/${encodeURIComponent(targetArgs[0])}`);
      }
      if (kind === 'clear-all')
        return call(
          base,
          'DELETE',
          targetArgs.includes('--degradations') ? '/faults?only=degradations' : '/faults',
        );
      return call(base, 'POST', '/faults', faultBody(kind ?? '', targetArgs));
    }
    case 'faults':
      return call(base, 'GET', '/faults');
    case 'elements':
      return call(base, 'GET', '/elements');
    case 'element':
      if (!args[0]) throw new Error('element: id missing');
      return call(base, 'GET', `/elements/${encodeURIComponent(args[0])}`);
    case 'reboot':
      if (!args[0]) throw new Error('reboot: id missing');
      return call(base, 'POST', `/elements/${encodeURIComponent(args[0])}/reboot`);
    case 'health':
      return call(base, 'GET', '/health');
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
