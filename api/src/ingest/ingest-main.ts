import { MongoClient } from 'mongodb';
import pino from 'pino';

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
  const ingestion = new Ingestion(client.db(config.mongoDb), config.ingest, logger);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping ingestion worker');
    ingestion
      .stop()
      .then(() => client.close())
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
