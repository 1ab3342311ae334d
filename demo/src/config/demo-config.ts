import { z } from 'zod';

/**
 * The demo package's shared configuration (seed, database), read from the environment
 * once. Other demo tools extend `demoConfigSchema` with their own variables.
 */
export const demoConfigSchema = z.object({
  MONGO_URL: z.string().startsWith('mongodb://').default('mongodb://127.0.0.1:27017/'),
  MONGO_DB: z.string().min(1).default('circuitcare'),
  /** The demo network's seed: the same seed gives the same network, ids and addresses. */
  DEMO_SEED: z.coerce.number().int().default(2026),
});

export interface DemoConfig {
  mongoUrl: string;
  mongoDb: string;
  seed: number;
}

export class DemoConfigError extends Error {}

/** Validates the environment; the error names every bad variable at once. */
export function loadDemoConfig(env: Record<string, string | undefined> = process.env): DemoConfig {
  const parsed = demoConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new DemoConfigError(`invalid demo configuration:\n${lines.join('\n')}`);
  }
  return {
    mongoUrl: parsed.data.MONGO_URL,
    mongoDb: parsed.data.MONGO_DB,
    seed: parsed.data.DEMO_SEED,
  };
}
