import { z } from 'zod';

import { eventsEnvShape } from '../events/events-config';
import { ingestEnvShape } from '../ingest/config/ingest-config';
import { jobsEnvShape } from '../jobs/jobs-config';
import { mailEnvShape } from '../notifications/mail-config';
import { pushEnvShape, vapidPairIssues } from '../notifications/push/push-config';
import { reportsEnvShape } from '../reports/reports-config';
import { ticketsEnvShape } from '../tickets/tickets-config';
import { storeEnvShape } from './store-env';

/**
 * The API's whole configuration, read from the environment once at start-up.
 * Every variable is listed in docs/operations.md with its default.
 */
const schema = z
  .object({
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
    /** Access-token lifetime: short, since a refresh token renews it (docs/adr/0011). */
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
    /** Refresh-token lifetime; each use rotates it and starts a new lifetime. */
    REFRESH_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(300)
      .max(90 * 86400)
      .default(7 * 86400),
    /** Login lockout: this many failures for one username within the window lock it. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
    LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
    /**
     * AES-256-GCM key for TOTP secrets at rest: 32 bytes in base64 (`openssl rand -base64 32`).
     * Unset: the second factor cannot be enrolled (and an enrolled one cannot be checked).
     */
    TOTP_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32,
        'must be 32 bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
    /** Request rate limits (Redis, shared by every replica), per window. */
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(1200),
    RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(600),
    /** Login, refresh and TOTP requests per client address and window. */
    RATE_LIMIT_AUTH_PER_ADDRESS: z.coerce.number().int().min(1).default(60),
    /** Retention, cache and concurrency of the ingestion (defined in ingest/config/ingest-config.ts). */
    ...ingestEnvShape,
    /** Live events: heartbeat, user re-check, client buffer, ticket lifetime (events/events-config.ts). */
    ...eventsEnvShape,
    /** Job queues on Redis: worker on/off, stalled check, lock (jobs/jobs-config.ts). */
    ...jobsEnvShape,
    /** Outgoing mail: SMTP server and sender (notifications/mail-config.ts). */
    ...mailEnvShape,
    /** Web push: VAPID keys and subject, TTL, timeout (notifications/push/push-config.ts). */
    ...pushEnvShape,
    /** Tickets: SLA targets, warnings, escalation, auto-close, attachments, webhooks (tickets/tickets-config.ts). */
    ...ticketsEnvShape,
    /** Reports and key-period assurance: thresholds, PDF fonts, schedules (reports/reports-config.ts). */
    ...reportsEnvShape,
  })
  .superRefine((env, ctx) => {
    for (const issue of vapidPairIssues(env)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
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
