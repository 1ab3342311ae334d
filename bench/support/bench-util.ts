import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Repository root, from bench/dist/support/. */
export const repoRoot = resolve(__dirname, '..', '..', '..');

export function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v)) throw new Error(`${name} needs a number`);
  return v;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? NaN;
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms`);
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url);
  return res.ok;
}

/** A child node process of ours whose output goes to a log file under .local/run/bench. */
export function startNode(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string>,
): ChildProcess {
  const logDir = join(repoRoot, '.local', 'run', 'bench');
  spawnSync('mkdir', ['-p', logDir]);
  const child = spawn(
    'bash',
    [
      '-c',
      `exec node "$0" "$@" >>"${join(logDir, name)}.log" 2>&1`,
      join(repoRoot, script),
      ...args,
    ],
    {
      cwd: repoRoot,
      env: { ...inheritedEnv(), ...env },
      stdio: 'ignore',
    },
  );
  return child;
}

export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(t);
}

export function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** Debian's snmpd serving the machine's real MIB on a loopback port: the baseline agent. */
export function startSnmpd(port: number): ChildProcess {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-snmpd-'));
  const conf = join(dir, 'snmpd.conf');
  writeFileSync(conf, 'rocommunity public 127.0.0.1\n');
  return spawn(
    'snmpd',
    ['-f', '-Lo', '-C', '-c', conf, '-p', join(dir, 'snmpd.pid'), `udp:127.0.0.1:${port}`],
    { stdio: 'ignore' },
  );
}

/** Runs a shell command and returns its wall time and its children's user+sys CPU (bash `times`). */
export function timedShell(command: string): { wallMs: number; cpuMs: number; stdout: string } {
  const started = process.hrtime.bigint();
  const res = spawnSync('bash', ['-c', `${command}; times >&2`], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 0) throw new Error(`${command}: exit ${res.status}: ${res.stderr}`);
  // `times` prints two lines: the shell's own, then its children's "XmY.YYYs XmY.YYYs".
  const lines = res.stderr.trim().split('\n');
  const children = lines[lines.length - 1] ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => Number(m[1]) * 60 + Number(m[2]),
  );
  return { wallMs, cpuMs: ((secs[0] ?? 0) + (secs[1] ?? 0)) * 1000, stdout: res.stdout };
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}
