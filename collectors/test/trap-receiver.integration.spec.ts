import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { promisify } from 'node:util';

import { loadTrapReceiverConfig } from '../src/config/collectors-config';
import { snmpTrapContract, snmpTrapSchema, TRAP_OIDS, type SnmpTrap } from '../src/contracts';
import { createTrapReceiverApp, type TrapReceiverApp } from '../src/traps/trap-receiver.factory';
import { freeUdpPort } from './support/free-udp-port.helper';
import { testLogger } from './support/test-logger.helper';
import { readTopic, TEST_BROKERS, type TopicReader } from './support/topic-reader.fixture';
import { waitFor } from './support/wait-for.helper';

const run = promisify(execFile);
const quietEnv = { ...process.env, MIBS: '', MIBDIRS: '/nonexistent' };

/**
 * The trap receiver against Debian's snmptrap/snmpinform and the real Kafka broker:
 * v1 trap, v2c trap and v2c inform (acknowledged) arrive on cc.snmp.traps.v1, valid
 * against the contract, attributed to the --clientaddr the sender used.
 */
describe('trap receiver (net-snmp) → Kafka', () => {
  let app: TrapReceiverApp;
  let port: number;
  let reader: TopicReader<SnmpTrap>;
  // A device address of our own for this run, so other traffic on the topic never matches.
  const device = `127.20.${randomInt(1, 250)}.${randomInt(1, 250)}`;
  const target = () => `127.0.0.1:${port}`;
  const mine = (values: { value: SnmpTrap }[]) => values.map((v) => v.value).filter((t) => t.agentAddress === device);

  beforeAll(async () => {
    port = await freeUdpPort();
    const config = loadTrapReceiverConfig({ KAFKA_BROKERS: TEST_BROKERS.join(','), TRAP_PORT: String(port), TRAP_COMMUNITIES: 'public,noc', TRAP_METRICS_LOG_SEC: '0' });
    app = createTrapReceiverApp(config, testLogger('trap-it'));
    const started = await app.start();
    expect(started.port).toBe(port);
    reader = await readTopic(snmpTrapContract);
  });

  afterAll(async () => {
    await reader?.stop();
    await app?.stop();
  });

  it('forwards a v1 linkDown trap translated to its v2 OID', async () => {
    await run('snmptrap', ['-v', '1', '-c', 'public', `--clientaddr=${device}`, target(), '1.3.6.1.4.1.8072.3.2.10', device, '2', '0', '', '1.3.6.1.2.1.2.2.1.1.7', 'i', '7'], { env: quietEnv });
    const trap = await reader.waitFor('the v1 trap', (values) => mine(values).find((t) => t.snmpVersion === 'v1'));
    expect(snmpTrapSchema.parse(trap)).toEqual(trap);
    expect(trap).toMatchObject({ pduType: 'trap', trapOid: TRAP_OIDS.linkDown, agentAddress: device, source: { address: device } });
    expect(trap.varbinds).toContainEqual({ oid: '1.3.6.1.2.1.2.2.1.1.7', type: 'Integer', value: '7' });
  });

  it('forwards a v2c trap with an exact Counter64 varbind', async () => {
    await run(
      'snmptrap',
      ['-v', '2c', '-c', 'noc', `--clientaddr=${device}`, target(), '4242', TRAP_OIDS.linkUp, '1.3.6.1.2.1.2.2.1.1.7', 'i', '7', '1.3.6.1.2.1.31.1.1.1.6.7', 'C', '18446744073709551615'],
      { env: quietEnv },
    );
    const trap = await reader.waitFor('the v2c trap', (values) => mine(values).find((t) => t.snmpVersion === 'v2c' && t.pduType === 'trap'));
    expect(trap).toMatchObject({ trapOid: TRAP_OIDS.linkUp, upTime: 4242, agentAddress: device });
    expect(trap.varbinds).toContainEqual({ oid: '1.3.6.1.2.1.31.1.1.1.6.7', type: 'Counter64', value: '18446744073709551615' });
  });

  it('acknowledges a v2c inform (snmpinform exits 0) and forwards it', async () => {
    // snmpinform exits non-zero when no acknowledgement comes back.
    await run('snmpinform', ['-v', '2c', '-c', 'public', '-t', '3', '-r', '1', `--clientaddr=${device}`, target(), '', TRAP_OIDS.linkDown, '1.3.6.1.2.1.2.2.1.1.3', 'i', '3'], { env: quietEnv });
    const inform = await reader.waitFor('the inform', (values) => mine(values).find((t) => t.pduType === 'inform'));
    expect(inform).toMatchObject({ snmpVersion: 'v2c', trapOid: TRAP_OIDS.linkDown, agentAddress: device });
  });

  it('takes the device from snmpTrapAddress.0 of a forwarded trap', async () => {
    const origin = `127.21.${randomInt(1, 250)}.${randomInt(1, 250)}`;
    await run('snmptrap', ['-v', '2c', '-c', 'public', `--clientaddr=${device}`, target(), '', TRAP_OIDS.linkDown, '1.3.6.1.6.3.18.1.3.0', 'a', origin], { env: quietEnv });
    const trap = await reader.waitFor('the forwarded trap', (values) => values.map((v) => v.value).find((t) => t.agentAddress === origin));
    expect(trap.source.address).toBe(device);
  });

  it('counts garbage and a wrong community, and keeps working', async () => {
    const before = app.stats();
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    const send = (payload: Buffer) => new Promise<void>((resolve, reject) => socket.send(payload, port, '127.0.0.1', (e) => (e ? reject(e) : resolve())));
    await send(Buffer.from('this is not SNMP at all'));
    await send(Buffer.from([0x30, 0x82, 0xff, 0xff, 0x02, 0x01]));
    await send(Buffer.alloc(0));
    socket.close();
    await run('snmptrap', ['-v', '2c', '-c', 'wrong', `--clientaddr=${device}`, target(), '', TRAP_OIDS.coldStart], { env: quietEnv });
    await waitFor('the bad packets to be counted', () => app.stats().malformed >= before.malformed + 2 && app.stats().rejected >= before.rejected + 1);
    expect(mine(reader.values).some((t) => t.trapOid === TRAP_OIDS.coldStart)).toBe(false);

    await run('snmptrap', ['-v', '2c', '-c', 'public', `--clientaddr=${device}`, target(), '', TRAP_OIDS.warmStart], { env: quietEnv });
    await reader.waitFor('a good trap after the garbage', (values) => mine(values).find((t) => t.trapOid === TRAP_OIDS.warmStart));
    expect(reader.violations.filter((v) => v.key === device)).toEqual([]);
  });
});
