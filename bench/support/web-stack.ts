import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

import { snmpSampleContract, snmpTrapContract } from '@circuitcare/collectors/contracts';

/** The repository root: the folder holding angular.json, from wherever this file runs. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'angular.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no angular.json above ${from}`);
    dir = up;
  }
  return dir;
}

export interface WebStackPorts {
  api: number;
  web: number;
  snmp: number;
  simulatorControl: number;
  trap: number;
}

export interface WebStackOptions {
  /** Database of its own: dropped before the start and after the stop. */
  db: string;
  ports: WebStackPorts;
  password: string;
  seed?: number;
  /** Where each process's log goes (one file per process). */
  logDir: string;
  /**
   * Poll interval of every element. The demo polls by SLA class (60–300 s); on a
   * 2-core CI box a slower poll leaves the CPU to the browser and the API.
   */
  pollIntervalSec?: number;
  /** Elements polled fast (a fault on them shows within seconds). */
  fastElements?: readonly string[];
  fastPollSec?: number;
  /** More configuration of the product's processes (see docs/operations.md). */
  env?: Record<string, string>;
}

/**
 * The demo as `npm run demo` runs it — seeded network and users, device simulator, trap
 * receiver, poller, API, and the production web build behind the static web server with
 * /api proxied — but on ports and a database of its own, inside a lease of the local
 * stack (scripts/services.sh acquire/release), so that it runs beside the integration
 * tests or a person's demo and stops everything it started. Used by the end-to-end
 * tests (web/e2e) and by bench:web.
 */
export class WebStack {
  readonly root = findRepoRoot();
  readonly env: Record<string, string>;
  readonly apiUrl: string;
  readonly webUrl: string;
  readonly controlUrl: string;
  private readonly children: { name: string; child: ChildProcess }[] = [];
  private leased = false;
  private stopping = false;
  readonly exits: string[] = [];

  constructor(readonly options: WebStackOptions) {
    const unique = `${options.db}-${Date.now()}`;
    const { ports } = options;
    this.apiUrl = `http://127.0.0.1:${ports.api}/api/v1`;
    this.webUrl = `http://127.0.0.1:${ports.web}`;
    this.controlUrl = `http://127.0.0.1:${ports.simulatorControl}`;
    this.env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      MONGO_URL: 'mongodb://127.0.0.1:27017/',
      MONGO_DB: options.db,
      DEMO_SEED: String(options.seed ?? 2026),
      DEMO_PASSWORD: options.password,
      JWT_SECRET: `${unique}-e2e-secret-0123456789abcdef`,
      TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      API_PORT: String(ports.api),
      KAFKA_INGEST_GROUP: `ingest-${unique}`,
      POLLER_GROUP: `pollers-${unique}`,
      POLLER_TARGET_REFRESH_SEC: '5',
      SNMP_PORT: String(ports.snmp),
      TRAP_PORT: String(ports.trap),
      // Several sign-ins per minute from one address is what a test suite does.
      RATE_LIMIT_AUTH_PER_ADDRESS: '1000',
      RATE_LIMIT_PER_ADDRESS: '100000',
      RATE_LIMIT_PER_USER: '100000',
      ...options.env,
    };
  }

  /** Everything up; on failure whatever was started is stopped again. */
  async start(): Promise<void> {
    try {
      await this.startAll();
    } catch (e) {
      await this.stop();
      throw e;
    }
  }

  private async startAll(): Promise<void> {
    const webIndex = join(this.root, 'web', 'dist', 'browser', 'index.html');
    if (!existsSync(webIndex)) throw new Error(`no web build at ${webIndex} (npx ng build web)`);
    mkdirSync(this.options.logDir, { recursive: true });

    this.run('bash', ['scripts/services.sh', 'acquire', String(process.pid)]);
    this.leased = true;

    await this.dropDatabase();
    this.run('node', ['demo/dist/seed-cli.js', '--seed', this.env.DEMO_SEED!], 'seed');
    await this.setPollIntervals();
    this.run('node', ['api/dist/cli/provision-users.js', 'api/fixtures/demo-users.json'], 'users');
    // As the demo runner does: the operator teams name their members by user id.
    this.run('node', ['demo/dist/seed/seed-teams-cli.js'], 'teams');
    await this.consumerGroupAtEnd();

    const p = this.options.ports;
    this.spawn('simulator', [
      'demo/dist/simulator/simulator-cli.js',
      'serve',
      '--seed',
      this.env.DEMO_SEED!,
      '--port',
      String(p.snmp),
      '--control-port',
      String(p.simulatorControl),
      '--trap-target',
      `127.0.0.1:${p.trap}`,
      '--reboots-per-day',
      '0',
    ]);
    this.spawn('trap-receiver', ['collectors/dist/traps/trap-receiver-main.js']);
    this.spawn('api', ['api/dist/main.js']);
    this.spawn('poller', ['collectors/dist/poller/poller-main.js']);
    this.spawn('web', [
      'demo/dist/web-server/web-server-cli.js',
      '--root',
      join(this.root, 'web', 'dist', 'browser'),
      '--port',
      String(p.web),
      '--api',
      `http://127.0.0.1:${p.api}`,
    ]);
    // Minutes, not seconds, when the two cores are shared with other work.
    await this.waitFor(`${this.apiUrl}/health`, 240_000);
    await this.waitFor(`${this.webUrl}/`, 30_000);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const { child } of [...this.children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exited;
      clearTimeout(timer);
    }
    this.children.length = 0;
    if (this.leased) {
      await this.dropDatabase().catch(() => undefined);
      this.leased = false;
      this.run('bash', ['scripts/services.sh', 'release', String(process.pid)]);
    }
  }

  /** Injects a fault into the simulated network (docs/simulator.md); returns its id. */
  async injectFault(fault: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${this.controlUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    if (res.status !== 201) throw new Error(`fault injection: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  async clearFaults(): Promise<void> {
    await fetch(`${this.controlUrl}/faults`, { method: 'DELETE' });
  }

  /** An access token for API calls beside the browser (fixtures, checks). */
  async token(username: string): Promise<string> {
    const res = await fetch(`${this.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: this.options.password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  private async dropDatabase(): Promise<void> {
    const mongo = await MongoClient.connect(this.env.MONGO_URL!, {
      serverSelectionTimeoutMS: 10_000,
    });
    try {
      await mongo.db(this.options.db).dropDatabase();
    } finally {
      await mongo.close();
    }
  }

  private async setPollIntervals(): Promise<void> {
    const { pollIntervalSec, fastElements = [], fastPollSec = 5 } = this.options;
    const mongo = await MongoClient.connect(this.env.MONGO_URL!);
    try {
      const elements = mongo.db(this.options.db).collection<{ _id: string }>('elements');
      if (pollIntervalSec) await elements.updateMany({}, { $set: { pollIntervalSec } });
      if (fastElements.length)
        await elements.updateMany(
          { _id: { $in: [...fastElements] } },
          { $set: { pollIntervalSec: fastPollSec } },
        );
    } finally {
      await mongo.close();
    }
  }

  /** A fresh ingest group at the end of the topics: this stack reads only its own messages. */
  private async consumerGroupAtEnd(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'web-stack',
      brokers: ['127.0.0.1:9092'],
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      const topics = [snmpSampleContract, snmpTrapContract];
      await admin.createTopics({
        topics: topics
          .filter((t) => !existing.includes(t.topic))
          .map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
      });
      for (const { topic } of topics) {
        // A topic created a moment ago may have no leader yet: ask again for a while.
        const ends = await retry(() => admin.fetchTopicOffsets(topic), 30_000);
        await admin.setOffsets({
          groupId: this.env.KAFKA_INGEST_GROUP!,
          topic,
          partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  private run(command: string, args: string[], logName?: string): void {
    const res = spawnSync(command, args, {
      cwd: this.root,
      env: this.env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (res.status !== 0)
      throw new Error(
        `${logName ?? command} ${args.join(' ')} exited with ${res.status}: ${res.stderr.slice(-2000)}`,
      );
  }

  private spawn(name: string, args: string[]): void {
    const log = createWriteStream(join(this.options.logDir, `${name}.log`), { flags: 'a' });
    const child = spawn('node', args, {
      cwd: this.root,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('exit', (code) => {
      if (!this.stopping) this.exits.push(`${name} exited with ${code}`);
    });
    this.children.push({ name, child });
  }

  private async waitFor(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (this.exits.length) throw new Error(`while waiting for ${url}: ${this.exits.join(', ')}`);
      try {
        const res = await fetch(url);
        if (res.ok) return;
        last = `HTTP ${res.status}`;
      } catch (e) {
        last = (e as Error).message;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${url} not ready after ${timeoutMs} ms: ${last}`);
  }
}

async function retry<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
