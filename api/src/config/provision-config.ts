import { z } from 'zod';

/** Configuration of the users-provisioning CLI (docs/operations.md lists every variable). */
const schema = z.object({
  MONGO_URL: z.string().startsWith('mongodb://').default('mongodb://127.0.0.1:27017/'),
  MONGO_DB: z.string().min(1).default('circuitcare'),
  /** Password given to every user the file provisions (the demo's shared password). */
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('Demo#2026'),
});

export type ProvisionConfig = z.infer<typeof schema>;

export function loadProvisionConfig(
  env: Record<string, string | undefined> = process.env,
): ProvisionConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
