import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promisify } from 'node:util';

import * as snmp from 'net-snmp';
import { pino } from 'pino';

import { type RunningSimulator, startSimulator } from '../src/simulator/simulator.runtime';
import { TINY_ELEMENTS, tinyInventory } from '../src/simulator/tiny-inventory.fixture';

/**
 * The simulator speaks real SNMP: started in-process on a tiny inventory, read with
 * Debian's net-snmp tools (snmpget, snmpwalk, snmpbulkwalk), faults injected over its
 * HTTP control, traps caught with net-snmp's receiver. Loopback only; spare ports.
 */

const SNMP_PORT = 21161;
const TRAP_PORT = 21162;
const run = promisify(execFile);

const CPE = TINY_ELEMENTS.cpe.mgmtIp;
const ACCESS = TINY_ELEMENTS.access.mgmtIp;
const PE = TINY_ELEMENTS.pe.mgmtIp;
const CORE = TINY_ELEMENTS.core.mgmtIp;

async function snmpTool(
  tool: 'snmpget' | 'snmpwalk' | 'snmpbulkwalk',
  ip: string,
  ...oids: string[]
): Promise<string> {
  const { stdout } = await run(tool, [
    '-v2c',
    '-c',
    'public',
    '-On',
    '-t',
    '1',
    '-r',
    '1',
    `${ip}:${SNMP_PORT}`,
    ...oids,
  ]);
  return stdout;
}

/** `.1.3.6… = TYPE: value` lines → oid → {type, value}. */
function parse(output: string): Map<string, { type: string; value: string }> {
  const rows = new Map<string, { type: string; value: string }>();
  for (const line of output.trim().split('\n')) {
    const m = /^\.?([\d.]+) = (?:([\w-]+): )?(.*)$/.exec(line);
    if (m) rows.set(m[1]!, { type: m[2] ?? '', value: m[3]!.replace(/^"|"$/g, '') });
  }
  return rows;
}

interface Trap {
  from: string;
  trapOid: string;
  varbinds: Map<string, unknown>;
}

describe('device simulator (real SNMP on loopback)', () => {
  let sim: RunningSimulator;
  let receiver: { close(cb?: () => void): void };
  const traps: Trap[] = [];

  const http = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.controlUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const modelCounter = async (elementId: string, ifIndex: number) => {
    const { body } = await http('GET', `/elements/${elementId}`);
    const iface = (body.interfaces as { ifIndex: number; counters: { inOctets: string } }[]).find(
      (i) => i.ifIndex === ifIndex,
    )!;
    return BigInt(iface.counters.inOctets);
  };
  const waitForTraps = async (match: (t: Trap) => boolean, count: number) => {
    for (let i = 0; i < 100; i++) {
      const found = traps.filter(match);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `expected ${count} traps, got ${traps.filter(match).length}: ${JSON.stringify(traps.map((t) => [t.from, t.trapOid]))}`,
    );
  };

  beforeAll(async () => {
    receiver = snmp.createReceiver(
      { port: TRAP_PORT, address: '127.0.0.1', disableAuthorization: true },
      (
        error: Error | null,
        n?: { pdu: { varbinds: snmp.Varbind[] }; rinfo: { address: string } },
      ) => {
        if (error || !n) return;
        const varbinds = new Map<string, unknown>(n.pdu.varbinds.map((v) => [v.oid, v.value]));
        traps.push({
          from: n.rinfo.address,
          trapOid: String(varbinds.get('1.3.6.1.6.3.1.1.4.1.0')),
          varbinds,
        });
      },
    ) as { close(cb?: () => void): void };
    sim = await startSimulator(
      tinyInventory(),
      {
        seed: 7,
        snmpPort: SNMP_PORT,
        controlPort: 0,
        trapTarget: { host: '127.0.0.1', port: TRAP_PORT, community: 'public' },
        community: 'public',
        rebootsPerDay: 0,
      },
      pino({ level: 'warn' }),
    );
  });

  afterAll(async () => {
    await sim?.stop();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  it('answers snmpget with the system group of the element', async () => {
    const rows = parse(
      await snmpTool('snmpget', CPE, '1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.2.0'),
    );
    expect(rows.get('1.3.6.1.2.1.1.5.0')).toEqual({
      type: 'STRING',
      value: TINY_ELEMENTS.cpe.name,
    });
    expect(rows.get('1.3.6.1.2.1.1.3.0')?.type).toBe('Timeticks');
    expect(rows.get('1.3.6.1.2.1.1.2.0')?.value).toMatch(/^\.1\.3\.6\.1\.4\.1\.2011\./);
  });

  it('walks ifXTable with snmpwalk: names from the inventory, Counter64 octets as the model counts them', async () => {
    const before = await modelCounter('cpe-1', 1);
    const rows = parse(await snmpTool('snmpwalk', CPE, '1.3.6.1.2.1.31.1.1.1'));
    const after = await modelCounter('cpe-1', 1);
    expect(rows.get('1.3.6.1.2.1.31.1.1.1.1.1')).toEqual({
      type: 'STRING',
      value: 'GigabitEthernet0/0/0',
    });
    expect(rows.get('1.3.6.1.2.1.31.1.1.1.1.10')?.value).toBe('LoopBack0');
    expect(rows.get('1.3.6.1.2.1.31.1.1.1.15.1')).toEqual({ type: 'Gauge32', value: '100' });
    const hc = rows.get('1.3.6.1.2.1.31.1.1.1.6.1')!;
    expect(hc.type).toBe('Counter64');
    const walked = BigInt(hc.value);
    const mod = 2n ** 64n;
    // Between the model's two readings (modulo 2^64: some start just below the wrap).
    expect((walked - (before % mod) + mod) % mod).toBeLessThanOrEqual((after - before) % mod);
    // Lexicographic order: ifIndex 10 after 2.
    const names = [...rows.keys()].filter((o) => o.startsWith('1.3.6.1.2.1.31.1.1.1.1.'));
    expect(names).toEqual([
      '1.3.6.1.2.1.31.1.1.1.1.1',
      '1.3.6.1.2.1.31.1.1.1.1.2',
      '1.3.6.1.2.1.31.1.1.1.1.10',
    ]);
  });

  it('walks ifTable with snmpbulkwalk (GETBULK): types, saturated ifSpeed, status', async () => {
    const rows = parse(await snmpTool('snmpbulkwalk', PE, '1.3.6.1.2.1.2.2'));
    expect(rows.get('1.3.6.1.2.1.2.2.1.5.2')).toEqual({ type: 'Gauge32', value: '4294967295' });
    expect(rows.get('1.3.6.1.2.1.2.2.1.8.1')).toEqual({ type: 'INTEGER', value: '1' });
    expect(rows.get('1.3.6.1.2.1.2.2.1.10.1')?.type).toBe('Counter32');
    expect(rows.get('1.3.6.1.2.1.2.2.1.6.1')?.type).toBe('Hex-STRING');
    expect([...rows.keys()].filter((o) => o.startsWith('1.3.6.1.2.1.2.2.1.1.'))).toHaveLength(2);
    const all = parse(await snmpTool('snmpbulkwalk', PE, '1.3.6.1.2.1'));
    expect(all.get('1.3.6.1.2.1.31.1.1.1.15.2')).toEqual({ type: 'Gauge32', value: '100000' });
  });

  it('says noSuchObject / noSuchInstance for what it does not have', async () => {
    const out = await snmpTool('snmpget', CPE, '1.3.6.1.2.1.1.9.0', '1.3.6.1.2.1.2.2.1.8.99');
    expect(out).toMatch(/1\.3\.6\.1\.2\.1\.1\.9\.0 = No Such Object/);
    expect(out).toMatch(/1\.3\.6\.1\.2\.1\.2\.2\.1\.8\.99 = No Such Instance/);
  });

  it('moves the counters between two reads', async () => {
    const read = async () =>
      BigInt(
        parse(await snmpTool('snmpget', CPE, '1.3.6.1.2.1.31.1.1.1.6.1')).get(
          '1.3.6.1.2.1.31.1.1.1.6.1',
        )!.value,
      );
    const first = await read();
    let second = first;
    for (let i = 0; i < 50 && second === first; i++) {
      await new Promise((r) => setTimeout(r, 100));
      second = await read();
    }
    expect(second).not.toBe(first);
    expect((second - first + 2n ** 64n) % 2n ** 64n < 2n ** 40n).toBe(true);
  });

  it('link down over HTTP: linkDown traps from both elements’ own addresses, ifOperStatus 2, traffic stops; link up again', async () => {
    traps.length = 0;
    const { status, body: fault } = await http('POST', '/faults', {
      kind: 'link-down',
      linkId: 'L1',
    });
    expect(status).toBe(201);
    const down = await waitForTraps((t) => t.trapOid === '1.3.6.1.6.3.1.1.5.3', 2);
    const fromCpe = down.find((t) => t.from === CPE)!;
    expect(fromCpe).toBeDefined();
    expect(fromCpe.varbinds.get('1.3.6.1.2.1.2.2.1.1.1')).toBe(1);
    expect(fromCpe.varbinds.get('1.3.6.1.2.1.2.2.1.7.1')).toBe(1);
    expect(fromCpe.varbinds.get('1.3.6.1.2.1.2.2.1.8.1')).toBe(2);
    expect(down.find((t) => t.from === ACCESS)?.varbinds.get('1.3.6.1.2.1.2.2.1.8.2')).toBe(2);

    const rows = parse(
      await snmpTool('snmpget', CPE, '1.3.6.1.2.1.2.2.1.8.1', '1.3.6.1.2.1.31.1.1.1.6.1'),
    );
    expect(rows.get('1.3.6.1.2.1.2.2.1.8.1')?.value).toBe('2');
    await new Promise((r) => setTimeout(r, 300));
    const later = parse(await snmpTool('snmpget', CPE, '1.3.6.1.2.1.31.1.1.1.6.1'));
    expect(later.get('1.3.6.1.2.1.31.1.1.1.6.1')?.value).toBe(
      rows.get('1.3.6.1.2.1.31.1.1.1.6.1')?.value,
    );

    expect((await http('GET', '/faults')).body.faults).toEqual([fault]);
    expect((await http('DELETE', `/faults/${String(fault.id)}`)).status).toBe(200);
    await waitForTraps((t) => t.trapOid === '1.3.6.1.6.3.1.1.5.4', 2);
    expect(
      parse(await snmpTool('snmpget', CPE, '1.3.6.1.2.1.2.2.1.8.1')).get('1.3.6.1.2.1.2.2.1.8.1')
        ?.value,
    ).toBe('1');
  });

  it('element down: it stops answering, its neighbours send linkDown; element up: coldStart and a fresh sysUpTime', async () => {
    traps.length = 0;
    expect(
      (await http('POST', '/faults', { kind: 'element-down', elementId: 'pe-1' })).status,
    ).toBe(201);
    const down = await waitForTraps((t) => t.trapOid === '1.3.6.1.6.3.1.1.5.3', 2);
    expect(down.map((t) => t.from).sort()).toEqual([ACCESS, CORE]);
    await expect(
      run('snmpget', [
        '-v2c',
        '-c',
        'public',
        '-t',
        '0.5',
        '-r',
        '0',
        `${PE}:${SNMP_PORT}`,
        '1.3.6.1.2.1.1.3.0',
      ]),
    ).rejects.toThrow(/Timeout/);

    const up = await http('POST', '/faults', { kind: 'element-up', elementId: 'pe-1' });
    expect(up.status).toBe(200);
    expect((up.body.cleared as unknown[]).length).toBe(1);
    const [cold] = await waitForTraps((t) => t.trapOid === '1.3.6.1.6.3.1.1.5.1', 1);
    expect(cold!.from).toBe(PE);
    const rows = parse(
      await snmpTool('snmpget', PE, '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.31.1.1.1.6.1'),
    );
    expect(Number(/\((\d+)\)/.exec(rows.get('1.3.6.1.2.1.1.3.0')!.value)![1])).toBeLessThan(6000);
    expect(BigInt(rows.get('1.3.6.1.2.1.31.1.1.1.6.1')!.value) < 2n ** 40n).toBe(true);
  });

  it('reboot on demand: coldStart, sysUpTime and counters from zero', async () => {
    traps.length = 0;
    const res = await http('POST', '/elements/core-1/reboot');
    expect(res.status).toBe(200);
    await waitForTraps((t) => t.trapOid === '1.3.6.1.6.3.1.1.5.1' && t.from === CORE, 1);
    const rows = parse(
      await snmpTool('snmpget', CORE, '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.2.2.1.10.1'),
    );
    expect(Number(/\((\d+)\)/.exec(rows.get('1.3.6.1.2.1.1.3.0')!.value)![1])).toBeLessThan(6000);
    expect(Number(rows.get('1.3.6.1.2.1.2.2.1.10.1')!.value)).toBeLessThan(2 ** 31);
  });

  it('rejects bad control input with 400/404 naming the field', async () => {
    const missing = await http('POST', '/faults', { kind: 'link-down' });
    expect(missing.status).toBe(400);
    expect(missing.body.issues).toEqual([expect.objectContaining({ field: 'linkId' })]);
    const unknown = await http('POST', '/faults', { kind: 'link-down', linkId: 'L404' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ field: 'linkId', value: 'L404' });
    const notJson = await http('POST', '/faults', '{nope');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ field: 'body' });
    expect((await http('DELETE', '/faults/no-such-id')).status).toBe(404);
    expect((await http('GET', '/elements/nobody')).status).toBe(404);
  });

  it('counts a malformed SNMP packet and keeps answering', async () => {
    const socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    await new Promise<void>((resolve, reject) =>
      socket.send(Buffer.from([0x30, 0x03, 0x02, 0x01]), SNMP_PORT, CPE, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
    socket.close();
    let malformed = 0;
    for (let i = 0; i < 50 && malformed === 0; i++) {
      malformed = Number((await http('GET', '/health')).body.malformedRequests);
      if (malformed === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(malformed).toBeGreaterThanOrEqual(1);
    expect(
      parse(await snmpTool('snmpget', CPE, '1.3.6.1.2.1.1.5.0')).get('1.3.6.1.2.1.1.5.0')?.value,
    ).toBe(TINY_ELEMENTS.cpe.name);
  });
});
