import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { KAFKA_BROKERS, MONGO_URL } from './ingest-fixtures';

export const WORKER_ENTRY = path.resolve(__dirname, '../../dist/ingest/ingest-main.js');

/** The built standalone ingestion worker as a child process (needs `npx tsc -b api`). */
export class IngestWorkerProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(private readonly env: Record<string, string>) {}

  start(): void {
    if (!existsSync(WORKER_ENTRY))
      throw new Error(`${WORKER_ENTRY} missing: run \`npx tsc -b api\` first`);
    this.child = spawn(process.execPath, [WORKER_ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        MONGO_URL,
        KAFKA_BROKERS: KAFKA_BROKERS.join(','),
        LOG_LEVEL: 'warn',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  /** Abrupt death: no disconnect, no commit, no flush. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Clean stop (SIGTERM: leaves the group). */
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
