import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const API_ENTRY = path.resolve(__dirname, '../../dist/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The built API (`api/dist/main.js`) as a child process: a replica that can be killed. */
export class ApiWorkerProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    if (!existsSync(API_ENTRY))
      throw new Error(`${API_ENTRY} missing: run \`npx tsc -b api\` first`);
    this.child = spawn(process.execPath, [API_ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        API_HOST: '127.0.0.1',
        API_PORT: String(await freePort()),
        INGEST_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  /** Abrupt death: no shutdown hooks, jobs in hand are left locked. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  get log(): string {
    return this.output;
  }
}
