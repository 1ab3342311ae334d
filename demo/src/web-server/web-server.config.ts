import { z } from 'zod';

/**
 * The static web server's settings (`web-server-cli.ts`): environment first, then flags.
 * One server program for both apps: the web portal on 4200, the mobile app on 8100.
 */
const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  /** The built app: the folder holding index.html (e.g. web/dist/browser). */
  WEB_ROOT: z.string().min(1),
  WEB_HOST: z.string().default('127.0.0.1'),
  WEB_PORT: port.default(4200),
  /** Where /api/* is proxied to: the API's origin, so the app calls its own origin. */
  WEB_API_ORIGIN: z.string().url().default('http://127.0.0.1:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface WebServerConfig {
  root: string;
  host: string;
  port: number;
  apiOrigin: URL;
  logLevel: string;
}

const FLAGS: Record<string, keyof z.input<typeof schema>> = {
  '--root': 'WEB_ROOT',
  '--host': 'WEB_HOST',
  '--port': 'WEB_PORT',
  '--api': 'WEB_API_ORIGIN',
  '--log-level': 'LOG_LEVEL',
};

export function loadWebServerConfig(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): WebServerConfig {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.values(FLAGS)) input[key] = env[key];
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] ?? '';
    const key = FLAGS[flag];
    if (!key) {
      errors.push(`  ${flag}: unknown option (known: ${Object.keys(FLAGS).join(', ')})`);
      continue;
    }
    const value = args[++i];
    if (value === undefined) errors.push(`  ${flag}: needs a value`);
    else input[key] = value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push(`  ${issue.path.join('.')}: ${issue.message}`);
  }
  if (errors.length || !parsed.success) {
    throw new Error(`invalid web server configuration:\n${errors.join('\n')}`);
  }
  const c = parsed.data;
  return {
    root: c.WEB_ROOT,
    host: c.WEB_HOST,
    port: c.WEB_PORT,
    apiOrigin: new URL(c.WEB_API_ORIGIN),
    logLevel: c.LOG_LEVEL,
  };
}
