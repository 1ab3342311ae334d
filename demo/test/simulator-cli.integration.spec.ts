import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

import { generateDemoNetwork } from '../src/network/demo-network.generator';

/**
 * The built simulator as the demo runs it: `simulator-cli.js serve` over the whole demo
 * network (a child process), driven by the same CLI's client commands, stopped by
 * SIGTERM with every socket released. Needs `npx tsc -b demo` first.
 */

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', 'dist', 'simulator', 'simulator-cli.js');
const SNMP_PORT = 22161;
const CONTROL_PORT = 28161;
const SEED = 2026;

const cli = (...args: string[]) =>
  run(process.execPath, [CLI, ...args, '--control-port', String(CONTROL_PORT)]);

describe('simulator CLI (built, whole demo network)', () => {
  const inventory = generateDemoNetwork({ seed: SEED });
  const link = inventory.links[0]!;
  const aEnd = inventory.elements.find((e) => e._id === link.a.deviceId)!;
  let child: ChildProcess;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    if (!existsSync(CLI))
      throw new Error(`${CLI} missing: run \`npx tsc -b demo\` before this test`);
    child = spawn(
      process.execPath,
      [
        CLI,
        'serve',
        '--seed',
        String(SEED),
        '--port',
        String(SNMP_PORT),
        '--control-port',
        String(CONTROL_PORT),
        '--trap-target',
        '127.0.0.1:22162',
        '--log-level',
        'warn',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    exited = new Promise((r) => child.once('exit', (code) => r(code)));
    for (let i = 0; i < 150; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${CONTROL_PORT}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('simulator did not become healthy');
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });

  it('serves every element of the demo network', async () => {
    const { stdout } = await cli('health');
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'ok',
      elements: inventory.elements.length,
      agentsRunning: inventory.elements.length,
    });
    const { stdout: name } = await run('snmpget', [
      '-v2c',
      '-c',
      'public',
      '-On',
      '-Oqv',
      `${aEnd.mgmtIp}:${SNMP_PORT}`,
      '1.3.6.1.2.1.1.5.0',
    ]);
    expect(name.trim().replace(/"/g, '')).toBe(aEnd.name);
  });

  it('injects and clears a link fault from the command line', async () => {
    const { stdout } = await cli('fault', 'link-down', link._id);
    const fault = JSON.parse(stdout) as { id: string; kind: string; linkId: string };
    expect(fault).toMatchObject({ kind: 'link-down', linkId: link._id });
    const oper = `1.3.6.1.2.1.2.2.1.8.${link.a.ifIndex}`;
    const read = async () =>
      (
        await run('snmpget', ['-v2c', '-c', 'public', '-Oqv', `${aEnd.mgmtIp}:${SNMP_PORT}`, oper])
      ).stdout.trim();
    expect(await read()).toMatch(/^(2|down)$/);
    expect(JSON.parse((await cli('faults')).stdout)).toEqual({ faults: [fault] });
    await cli('fault', 'clear', fault.id);
    expect(await read()).toMatch(/^(1|up)$/);
  });

  it('exits non-zero with the field named on bad input', async () => {
    const failure = (await cli('fault', 'link-down', 'NO-SUCH-LINK').catch(
      (e: { code: number; stdout: string }) => e,
    )) as { code: number; stdout: string };
    expect(failure.code).toBe(1);
    expect(JSON.parse(failure.stdout)).toMatchObject({ field: 'linkId', value: 'NO-SUCH-LINK' });
  });

  it('stops on SIGTERM and releases its sockets', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${CONTROL_PORT}/health`)).rejects.toThrow();
    const socket = createSocket('udp4');
    await new Promise<void>((resolveBind, reject) => {
      socket.once('error', reject);
      socket.bind(SNMP_PORT, aEnd.mgmtIp, () => resolveBind());
    });
    socket.close();
  });
});
