import { z } from 'zod';

/**
 * The simulator's settings: environment first (as the demo runner passes it), then the
 * command line overrides. Validated once; one error names every bad setting.
 */

const hostPort = z
  .string()
  .regex(/^[0-9.]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:1162')
  .transform((v) => {
    const [host, port] = v.split(':') as [string, string];
    return { host, port: Number(port) };
  })
  .refine((v) => v.port >= 1 && v.port <= 65535, 'port must be 1..65535')
  .refine((v) => v.host.startsWith('127.'), 'traps go to loopback only (127.0.0.0/8)');

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  DEMO_SEED: z.coerce.number().int().default(2026),
  SIM_SNMP_PORT: port.default(1161),
  SIM_CONTROL_PORT: port.default(8161),
  SIM_TRAP_TARGET: hostPort.default({ host: '127.0.0.1', port: 1162 }),
  SIM_COMMUNITY: z.string().min(1).default('public'),
  SIM_TRAP_COMMUNITY: z.string().min(1).default('public'),
  SIM_REBOOTS_PER_DAY: z.coerce.number().min(0).max(1440).default(0.05),
  SIM_SITES_PER_CUSTOMER: z.coerce.number().int().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface SimulatorConfig {
  seed: number;
  snmpPort: number;
  /** The control API listens on 127.0.0.1 only. */
  controlPort: number;
  trapTarget: { host: string; port: number; community: string };
  community: string;
  rebootsPerDay: number;
  sitesPerCustomer: number | undefined;
  logLevel: string;
}

/** Command-line flags of `serve` and the variables they override. */
const FLAGS: Record<string, keyof z.input<typeof schema>> = {
  '--seed': 'DEMO_SEED',
  '--port': 'SIM_SNMP_PORT',
  '--control-port': 'SIM_CONTROL_PORT',
  '--trap-target': 'SIM_TRAP_TARGET',
  '--community': 'SIM_COMMUNITY',
  '--trap-community': 'SIM_TRAP_COMMUNITY',
  '--reboots-per-day': 'SIM_REBOOTS_PER_DAY',
  '--sites-per-customer': 'SIM_SITES_PER_CUSTOMER',
  '--log-level': 'LOG_LEVEL',
};

export function loadSimulatorConfig(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): SimulatorConfig {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.values(FLAGS)) input[key] = env[key];
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? (arg.split(/=(.*)/s, 2) as [string, string])
      : [arg, undefined];
    const key = FLAGS[flag];
    if (!key) {
      errors.push(`  ${arg}: unknown option (known: ${Object.keys(FLAGS).join(', ')})`);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) errors.push(`  ${flag}: needs a value`);
    else input[key] = value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const flagOf = (k: string) => Object.entries(FLAGS).find(([, v]) => v === k)?.[0];
    for (const issue of parsed.error.issues) {
      const k = String(issue.path[0] ?? '');
      errors.push(`  ${k}${flagOf(k) ? ` (${flagOf(k)})` : ''}: ${issue.message}`);
    }
  }
  if (errors.length > 0 || !parsed.success)
    throw new Error(`invalid simulator configuration:\n${errors.join('\n')}`);
  const c = parsed.data;
  return {
    seed: c.DEMO_SEED,
    snmpPort: c.SIM_SNMP_PORT,
    controlPort: c.SIM_CONTROL_PORT,
    trapTarget: { ...c.SIM_TRAP_TARGET, community: c.SIM_TRAP_COMMUNITY },
    community: c.SIM_COMMUNITY,
    rebootsPerDay: c.SIM_REBOOTS_PER_DAY,
    sitesPerCustomer: c.SIM_SITES_PER_CUSTOMER,
    logLevel: c.LOG_LEVEL,
  };
}

/** Where the CLI's client commands find the control API (only the port is configurable). */
export function controlUrlFrom(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string {
  const i = args.indexOf('--control-port');
  const raw = (i >= 0 ? args[i + 1] : undefined) ?? env.SIM_CONTROL_PORT ?? '8161';
  const p = port.safeParse(raw);
  if (!p.success) throw new Error(`invalid control port: ${raw}`);
  return `http://127.0.0.1:${p.data}`;
}
