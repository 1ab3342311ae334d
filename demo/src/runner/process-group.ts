import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * The demo's long-running processes: each one's output goes to its own log file,
 * and they are stopped together, last started first, with SIGTERM then SIGKILL.
 */
export class ProcessGroup {
  private readonly running: { spec: ServiceSpec; child: ChildProcess }[] = [];
  private stopping = false;

  constructor(
    private readonly cwd: string,
    private readonly logDir: string,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
  ) {
    mkdirSync(logDir, { recursive: true });
  }

  start(spec: ServiceSpec): string {
    const logPath = join(this.logDir, `${spec.name}.log`);
    const log = createWriteStream(logPath, { flags: 'a' });
    const child = spawn(spec.command, spec.args, {
      cwd: this.cwd,
      env: { ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    child.on('exit', (code) => {
      if (!this.stopping) this.onUnexpectedExit(spec.name, code);
    });
    this.running.push({ spec, child });
    return logPath;
  }

  async stopAll(graceMs = 8000): Promise<void> {
    this.stopping = true;
    for (const { child } of [...this.running].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
  }
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function runToCompletion(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}
