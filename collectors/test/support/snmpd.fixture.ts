import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { waitFor } from './wait-for.helper';

export interface SnmpdFixture {
  port: number;
  /** Runs Debian's snmpget against this agent; returns `OID = TYPE: value` lines (-On). */
  snmpget(...oids: string[]): string[];
  snmpwalk(oid: string): string[];
  stop(): Promise<void>;
}

/** Standard MIBs are not installed on Debian (non-free): keep the tools quiet about it. */
const quietEnv = { ...process.env, MIBS: '', MIBDIRS: '/nonexistent' };

/** Debian's snmpd, our own instance on a loopback port, with `rocommunity public 127.0.0.1`. */
export async function startSnmpd(port: number): Promise<SnmpdFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-snmpd-'));
  const conf = join(dir, 'snmpd.conf');
  writeFileSync(conf, 'rocommunity public 127.0.0.1\n');
  const child: ChildProcess = spawn('snmpd', ['-f', '-Lo', '-C', '-c', conf, '-p', join(dir, 'snmpd.pid'), `udp:127.0.0.1:${port}`], {
    stdio: 'ignore',
    env: quietEnv,
  });
  const run = (tool: string, args: string[]) =>
    execFileSync(tool, ['-v2c', '-c', 'public', '-On', '-t', '1', '-r', '1', `127.0.0.1:${port}`, ...args], { env: quietEnv, encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim().length > 0);
  const fixture: SnmpdFixture = {
    port,
    snmpget: (...oids) => run('snmpget', oids),
    snmpwalk: (oid) => run('snmpwalk', [oid]),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
  await waitFor('snmpd to answer', () => {
    try {
      return fixture.snmpget('1.3.6.1.2.1.1.3.0').length > 0;
    } catch {
      return false;
    }
  }, 20000);
  return fixture;
}

/** The numeric value of an `-On` output line, e.g. `.1.3…6.1 = Counter64: 4150547` → 4150547n. */
export function counterOf(line: string | undefined): bigint {
  const m = /=\s*Counter64:\s*(\d+)/.exec(line ?? '');
  if (!m?.[1]) throw new Error(`not a Counter64 line: ${line}`);
  return BigInt(m[1]);
}
