import { MongoClient } from 'mongodb';
import pino from 'pino';

import {
  RedisChangeEventsWriter,
  changeStreamKey,
  writerConnection,
} from '../events/change-events.stream';
import { loadIngestWorkerConfig } from './config/ingest-config';
import { Ingestion } from './ingestion';

/**
 * Standalone ingestion worker: the same consumer group as the API's ingestion, in its
 * own process, so ingestion scales (and restarts) apart from the HTTP replicas.
 *   node api/dist/ingest/ingest-main.js
 * Stops cleanly on SIGTERM/SIGINT: leaves the group; uncommitted work is redelivered.
 */
async function main(): Promise<void> {
  const config = loadIngestWorkerConfig();
  const logger = pino({ name: config.ingest.instanceId, level: config.logLevel });
  const client = new MongoClient(config.mongoUrl, {
    appName: config.ingest.instanceId,
    maxPoolSize: 40,
  });
  await client.connect();
  // Alarm and circuit changes go to the same stream the API replicas read (live clients).
  const redis = writerConnection(config.redisUrl);
  const events = new RedisChangeEventsWriter(
    redis,
    changeStreamKey(config.mongoDb),
    config.ingest.instanceId,
    logger,
  );
  const ingestion = new Ingestion(
    client.db(config.mongoDb),
    config.ingest,
    logger,
    undefined,
    events,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping ingestion worker');
    ingestion
      .stop()
      .then(() => client.close())
      .then(() => redis.quit().catch(() => undefined))
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'unclean stop');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await ingestion.start();
  logger.info({ group: config.ingest.groupId, db: config.mongoDb }, 'ingestion worker ready');
}

main().catch((err: unknown) => {
  process.stderr.write(
    `ingestion worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
