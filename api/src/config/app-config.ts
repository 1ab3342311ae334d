import { z } from 'zod';

import { ingestEnvShape } from '../ingest/config/ingest-config';
import { storeEnvShape } from './store-env';

/**
 * The API's whole configuration, read from the environment once at start-up.
 * Every variable is listed in docs/operations.md with its default.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** A name for this replica: logs and the Kafka client id. */
  API_INSTANCE_ID: z.string().min(1).default(`api-${process.pid}`),
  ...storeEnvShape,
  KAFKA_CLIENT_ID: z.string().default('circuitcare-api'),
  /** Set to false to run an API replica that serves HTTP only. */
  INGEST_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  REDIS_URL: z.string().startsWith('redis://').default('redis://127.0.0.1:6379'),
  /** HMAC secret of the access tokens: at least 32 characters, never logged. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(3600),
  /** Retention, cache and concurrency of the ingestion (defined in ingest/config/ingest-config.ts). */
  ...ingestEnvShape,
});

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Validates the environment; the error names every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
