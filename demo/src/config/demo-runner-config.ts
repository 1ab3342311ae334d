import { randomBytes } from 'node:crypto';

import { z } from 'zod';

const schema = z.object({
  DEMO_SEED: z.coerce.number().int().default(2026),
  DEMO_PASSWORD: z.string().min(8).default('Demo#2026'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SIM_CONTROL_PORT: z.coerce.number().int().min(1).max(65535).default(8161),
  /** The web portal (production build of web/, served with /api proxied to the API). */
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(4200),
  /** The mobile app (production build of mobile/, the PWA), served the same way. */
  MOBILE_PORT: z.coerce.number().int().min(1).max(65535).default(8100),
  /** A secret per demo run unless one is given: tokens die with the demo. */
  JWT_SECRET: z.string().min(32).optional(),
  /** Key of the TOTP secrets at rest; unset: one kept in .local/ (enrolments survive restarts). */
  TOTP_ENCRYPTION_KEY: z.string().optional(),
  /** Web push keys of the API; unset: a development pair kept in .local/ (subscriptions survive restarts). */
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  /** Keep the local stack running after Ctrl-C (faster next start). */
  DEMO_KEEP_SERVICES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.string().default('info'),
});

export interface DemoRunnerConfig {
  seed: number;
  demoPassword: string;
  apiPort: number;
  simulatorControlPort: number;
  webPort: number;
  mobilePort: number;
  jwtSecret: string;
  /** Given, or null: the runner uses the key it keeps under .local/. */
  totpEncryptionKey: string | null;
  /** Given (both), or null: the runner uses the pair it keeps under .local/. */
  vapidKeys: { publicKey: string; privateKey: string } | null;
  keepServices: boolean;
  logLevel: string;
  /** The environment the runner was started with, passed on to its children. */
  inheritedEnv: Record<string, string>;
}

export function loadDemoRunnerConfig(env: NodeJS.ProcessEnv = process.env): DemoRunnerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid demo configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const inheritedEnv = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return {
    seed: c.DEMO_SEED,
    demoPassword: c.DEMO_PASSWORD,
    apiPort: c.API_PORT,
    simulatorControlPort: c.SIM_CONTROL_PORT,
    webPort: c.WEB_PORT,
    mobilePort: c.MOBILE_PORT,
    jwtSecret: c.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    totpEncryptionKey: c.TOTP_ENCRYPTION_KEY ?? null,
    vapidKeys:
      c.VAPID_PUBLIC_KEY && c.VAPID_PRIVATE_KEY
        ? { publicKey: c.VAPID_PUBLIC_KEY, privateKey: c.VAPID_PRIVATE_KEY }
        : null,
    keepServices: c.DEMO_KEEP_SERVICES,
    logLevel: c.LOG_LEVEL,
    inheritedEnv,
  };
}
