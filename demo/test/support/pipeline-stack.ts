import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';

import { ProcessGroup, runToCompletion } from '../../src/runner/process-group';

export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Fresh consumer group positioned at the current end of the topics: the test sees only its own messages. */
export async function consumerGroupAtEnd(
  groupId: string,
  topics: { topic: string; partitions: number }[],
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'pipeline-test',
    brokers: ['localhost:9092'],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    await admin.createTopics({
      topics: topics
        .filter((t) => !existing.includes(t.topic))
        .map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
    });
    for (const { topic } of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

export interface PipelinePorts {
  snmp: number;
  simulatorControl: number;
  trap: number;
  api: number;
}

/** The product's own processes (built), on spare ports, against one test database. */
export class PipelineStack {
  readonly logDir = mkdtempSync(join(tmpdir(), 'cc-pipeline-'));
  readonly env: Record<string, string>;
  private readonly group: ProcessGroup;
  readonly exits: string[] = [];

  constructor(
    readonly db: string,
    readonly ports: PipelinePorts,
    readonly password: string,
    baseEnv: Record<string, string>,
  ) {
    const unique = `${db}-${Date.now()}`;
    this.env = {
      ...baseEnv,
      MONGO_URL: 'mongodb://127.0.0.1:27017/',
      MONGO_DB: db,
      LOG_LEVEL: 'info',
      DEMO_PASSWORD: password,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      API_PORT: String(ports.api),
      KAFKA_INGEST_GROUP: `ingest-${unique}`,
      POLLER_GROUP: `pollers-${unique}`,
      POLLER_TARGET_REFRESH_SEC: '5',
      SNMP_PORT: String(ports.snmp),
      TRAP_PORT: String(ports.trap),
    };
    this.group = new ProcessGroup(repoRoot, this.logDir, (name, code) =>
      this.exits.push(`${name} exited with ${code}`),
    );
  }

  async provisionUsers(file: string): Promise<void> {
    await runToCompletion('node', ['api/dist/cli/provision-users.js', file], repoRoot, this.env);
  }

  start(): void {
    const p = this.ports;
    this.group.start({
      name: 'simulator',
      command: 'node',
      args: [
        'demo/dist/simulator/simulator-cli.js',
        'serve',
        '--port',
        String(p.snmp),
        '--control-port',
        String(p.simulatorControl),
        '--trap-target',
        `127.0.0.1:${p.trap}`,
        '--reboots-per-day',
        '0',
      ],
      env: this.env,
    });
    this.group.start({
      name: 'trap-receiver',
      command: 'node',
      args: ['collectors/dist/traps/trap-receiver-main.js'],
      env: this.env,
    });
    this.group.start({ name: 'api', command: 'node', args: ['api/dist/main.js'], env: this.env });
    this.group.start({
      name: 'poller',
      command: 'node',
      args: ['collectors/dist/poller/poller-main.js'],
      env: this.env,
    });
  }

  stop(): Promise<void> {
    return this.group.stopAll();
  }
}

export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `${what}: not observed within ${timeoutMs} ms${last ? ` (last error: ${last instanceof Error ? last.message : JSON.stringify(last)})` : ''}`,
  );
}
