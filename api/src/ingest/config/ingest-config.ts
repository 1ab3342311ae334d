import { z } from 'zod';

import { storeEnvShape } from '../../config/store-env';

/**
 * Variables of the ingestion only. The API's configuration (config/app-config.ts)
 * spreads `ingestEnvShape` into its schema; the standalone worker (ingest-main.ts)
 * validates them with the few shared ones it needs, without the HTTP secrets.
 */
export const ingestEnvShape = {
  /** Raw rate points older than this are deleted by the retention job. */
  RAW_RETENTION_DAYS: z.coerce.number().positive().default(7),
  /** 5-minute buckets older than this are deleted. */
  BUCKET_5M_RETENTION_DAYS: z.coerce.number().positive().default(90),
  /** Hour buckets older than this are deleted; day buckets are kept. */
  BUCKET_1H_RETENTION_DAYS: z.coerce.number().positive().default(730),
  /** Rejected (contract-violating) messages are kept this long. */
  REJECT_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** How often the retention job runs, in seconds. */
  RETENTION_INTERVAL_SEC: z.coerce.number().int().min(10).default(3600),
  /** Lifetime of the cached inventory facts (mgmtIp → element, interface → circuits). */
  INGEST_CACHE_TTL_SEC: z.coerce.number().int().min(0).default(60),
  /** Partitions one replica processes at the same time. */
  INGEST_PARTITION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(6),
  /** Messages written and committed together; heartbeats go between chunks. */
  INGEST_CHUNK_SIZE: z.coerce.number().int().min(1).max(10000).default(100),
} as const;

const ingestEnvSchema = z.object(ingestEnvShape);
export type IngestEnv = z.infer<typeof ingestEnvSchema>;

/** What the ingestion needs, whichever process runs it. */
export interface IngestConfig {
  instanceId: string;
  brokers: string[];
  clientId: string;
  groupId: string;
  rawRetentionDays: number;
  bucket5mRetentionDays: number;
  bucket1hRetentionDays: number;
  rejectRetentionDays: number;
  retentionIntervalSec: number;
  cacheTtlSec: number;
  partitionConcurrency: number;
  chunkSize: number;
}

export interface SharedIngestSettings {
  instanceId: string;
  brokers: string[];
  clientId: string;
  groupId: string;
}

/** Builds the ingestion's configuration from validated variables (missing ones take their defaults). */
export function ingestConfigFrom(
  shared: SharedIngestSettings,
  env: Partial<IngestEnv>,
): IngestConfig {
  const e = ingestEnvSchema.parse(env);
  return {
    ...shared,
    rawRetentionDays: e.RAW_RETENTION_DAYS,
    bucket5mRetentionDays: e.BUCKET_5M_RETENTION_DAYS,
    bucket1hRetentionDays: e.BUCKET_1H_RETENTION_DAYS,
    rejectRetentionDays: e.REJECT_RETENTION_DAYS,
    retentionIntervalSec: e.RETENTION_INTERVAL_SEC,
    cacheTtlSec: e.INGEST_CACHE_TTL_SEC,
    partitionConcurrency: e.INGEST_PARTITION_CONCURRENCY,
    chunkSize: e.INGEST_CHUNK_SIZE,
  };
}

const workerSchema = z.object({
  ...ingestEnvShape,
  ...storeEnvShape,
  KAFKA_CLIENT_ID: z.string().default('circuitcare-ingest'),
  /** Where change events go (the stream every API replica reads for its live clients). */
  REDIS_URL: z.string().startsWith('redis://').default('redis://127.0.0.1:6379'),
  INGEST_INSTANCE_ID: z.string().min(1).default(`ingest-${process.pid}`),
});

export interface IngestWorkerConfig {
  mongoUrl: string;
  mongoDb: string;
  redisUrl: string;
  logLevel: string;
  ingest: IngestConfig;
}

/** The standalone worker's configuration; the error names every bad variable at once. */
export function loadIngestWorkerConfig(
  env: Record<string, string | undefined> = process.env,
): IngestWorkerConfig {
  const parsed = workerSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid ingestion configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    mongoUrl: c.MONGO_URL,
    mongoDb: c.MONGO_DB,
    redisUrl: c.REDIS_URL,
    logLevel: c.LOG_LEVEL,
    ingest: ingestConfigFrom(
      {
        instanceId: c.INGEST_INSTANCE_ID,
        brokers: c.KAFKA_BROKERS,
        clientId: c.KAFKA_CLIENT_ID,
        groupId: c.KAFKA_INGEST_GROUP,
      },
      c,
    ),
  };
}
