import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import * as snmp from 'net-snmp';

/**
 * Load figures of the simulator (docs/adr/0008): starts `simulator-cli serve` as a child
 * process on spare ports, then measures its memory (RSS) and CPU (from /proc, Linux) and
 * the answer latency while (1) every element's ifTable and ifXTable are walked with
 * GETBULK, (2) a poll-like GET pass asks 7 columns of every interface (30 varbinds per
 * PDU), (3) Debian's snmpbulkwalk walks the biggest element. Loopback only.
 *   node demo/dist/simulator/simulator-load.bench.js [--seed 2026] [--concurrency 16]
 */

const SNMP_PORT = 31161;
const CONTROL_PORT = 38161;
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seed = arg('--seed', 2026);
const concurrency = arg('--concurrency', 16);

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
function rssMb(pid: number): number {
  const line =
    readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:')) ?? '';
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

interface ElementRef {
  id: string;
  mgmtIp: string;
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${CONTROL_PORT}/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('simulator did not come up');
}

function session(ip: string): snmp.Session {
  return snmp.createSession(ip, 'public', {
    port: SNMP_PORT,
    version: snmp.Version2c,
    timeout: 3000,
    retries: 1,
  });
}

function walk(s: snmp.Session, oid: string): Promise<number> {
  let count = 0;
  return new Promise((res, rej) => {
    s.subtree(
      oid,
      25,
      (varbinds: snmp.Varbind[]) => {
        count += varbinds.length;
      },
      (error: Error | null | undefined) => (error ? rej(error) : res(count)),
    );
  });
}

function get(s: snmp.Session, oids: string[]): Promise<number> {
  return new Promise((res, rej) =>
    s.get(oids, (error: Error | null, varbinds?: snmp.Varbind[]) =>
      error ? rej(error) : res(varbinds?.length ?? 0),
    ),
  );
}

async function pool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

async function phase(
  pid: number,
  name: string,
  elements: ElementRef[],
  work: (e: ElementRef) => Promise<number>,
) {
  const latencies: number[] = [];
  let varbinds = 0;
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  await pool(elements, async (e) => {
    const t = performance.now();
    const n = await work(e);
    varbinds += n;
    latencies.push(performance.now() - t);
  });
  const wallMs = performance.now() - t0;
  const cpu = cpuMs(pid) - cpu0;
  latencies.sort((a, b) => a - b);
  return {
    phase: name,
    elements: elements.length,
    varbinds,
    wallMs: Math.round(wallMs),
    varbindsPerSec: Math.round((varbinds / wallMs) * 1000),
    simulatorCpuMs: cpu,
    simulatorCpuUsPerVarbind: Number(((cpu * 1000) / varbinds).toFixed(1)),
    perElementMs: {
      p50: Number(percentile(latencies, 0.5).toFixed(1)),
      p99: Number(percentile(latencies, 0.99).toFixed(1)),
    },
    rssMb: rssMb(pid),
  };
}

async function main(): Promise<void> {
  const cli = resolve(__dirname, 'simulator-cli.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      cli,
      'serve',
      '--seed',
      String(seed),
      '--port',
      String(SNMP_PORT),
      '--control-port',
      String(CONTROL_PORT),
      '--reboots-per-day',
      '0',
      '--log-level',
      'warn',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const pid = child.pid ?? 0;
  try {
    const t0 = performance.now();
    await waitForHealth();
    const startMs = Math.round(performance.now() - t0);
    const { elements } = (await (
      await fetch(`http://127.0.0.1:${CONTROL_PORT}/elements`)
    ).json()) as { elements: ElementRef[] };
    const idle = { startMs, rssMbIdle: rssMb(pid) };

    const bulk = await phase(
      pid,
      'bulk walk ifTable+ifXTable of every element',
      elements,
      async (e) => {
        const s = session(e.mgmtIp);
        try {
          return (await walk(s, '1.3.6.1.2.1.2.2')) + (await walk(s, '1.3.6.1.2.1.31.1.1'));
        } finally {
          s.close();
        }
      },
    );

    const interfaces = new Map<string, number[]>();
    for (const e of elements) {
      const state = (await (
        await fetch(`http://127.0.0.1:${CONTROL_PORT}/elements/${encodeURIComponent(e.id)}`)
      ).json()) as {
        interfaces: { ifIndex: number }[];
      };
      interfaces.set(
        e.id,
        state.interfaces.map((i) => i.ifIndex),
      );
    }
    const columns = [
      '1.3.6.1.2.1.31.1.1.1.6',
      '1.3.6.1.2.1.31.1.1.1.10',
      '1.3.6.1.2.1.2.2.1.8',
      '1.3.6.1.2.1.2.2.1.14',
      '1.3.6.1.2.1.2.2.1.20',
      '1.3.6.1.2.1.2.2.1.13',
      '1.3.6.1.2.1.2.2.1.19',
    ];
    const gets = await phase(
      pid,
      'poll-like GETs (sysUpTime + 7 columns per interface, 30 varbinds/PDU)',
      elements,
      async (e) => {
        const oids = [
          '1.3.6.1.2.1.1.3.0',
          ...(interfaces.get(e.id) ?? []).flatMap((i) => columns.map((c) => `${c}.${i}`)),
        ];
        const s = session(e.mgmtIp);
        try {
          let n = 0;
          for (let i = 0; i < oids.length; i += 30) n += await get(s, oids.slice(i, i + 30));
          return n;
        } finally {
          s.close();
        }
      },
    );

    const biggest = [...interfaces.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    const biggestIp = elements.find((e) => e.id === biggest?.[0])?.mgmtIp ?? '';
    const runs = 20;
    const cpu0 = cpuMs(pid);
    const t1 = performance.now();
    let lines = 0;
    for (let i = 0; i < runs; i++) {
      const out = await new Promise<string>((res, rej) => {
        const p = spawn(
          'snmpbulkwalk',
          ['-v2c', '-c', 'public', '-On', '-Cr25', `${biggestIp}:${SNMP_PORT}`, '1.3.6.1.2.1'],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let text = '';
        p.stdout.on('data', (d: Buffer) => (text += d.toString()));
        p.on('exit', (code) =>
          code === 0 ? res(text) : rej(new Error(`snmpbulkwalk exit ${code}`)),
        );
      });
      lines = out.trim().split('\n').length;
    }
    const bulkwalk = {
      phase: `snmpbulkwalk -Cr25 of 1.3.6.1.2.1 on the biggest element (${biggest?.[0]}, ${biggest?.[1].length} interfaces)`,
      runs,
      varbindsPerWalk: lines,
      meanWalkMs: Number(((performance.now() - t1) / runs).toFixed(1)),
      simulatorCpuUsPerVarbind: Number((((cpuMs(pid) - cpu0) * 1000) / (lines * runs)).toFixed(1)),
    };
    console.log(
      JSON.stringify(
        {
          seed,
          concurrency,
          node: process.version,
          ...idle,
          phases: [bulk, gets, bulkwalk],
          rssMbAfter: rssMb(pid),
        },
        null,
        2,
      ),
    );
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
