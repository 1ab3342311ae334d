import { z } from 'zod';

/**
 * Variables of the engines every API process talks to: the HTTP API and the
 * standalone ingestion worker validate the same names with the same defaults.
 */
export const storeEnvShape = {
  MONGO_URL: z.string().startsWith('mongodb://').default('mongodb://127.0.0.1:27017/'),
  MONGO_DB: z.string().min(1).default('circuitcare'),
  KAFKA_BROKERS: z
    .string()
    .default('localhost:9092')
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    ),
  /** Consumer group of the ingestion: every replica and worker shares the partitions. */
  KAFKA_INGEST_GROUP: z.string().default('circuitcare-ingest'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
} as const;
