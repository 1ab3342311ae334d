#!/usr/bin/env node
import { ConfigError, loadTrapReceiverConfig } from '../config/collectors-config';
import { createLogger } from '../logging/create-logger';
import { createTrapReceiverApp } from './trap-receiver.factory';

/** Process entry of the trap receiver (bin cc-trap-receiver). */
async function main(): Promise<void> {
  const config = loadTrapReceiverConfig();
  const logger = createLogger('cc-trap-receiver', config.LOG_LEVEL, config.COLLECTOR_INSTANCE_ID);
  const app = createTrapReceiverApp(config, logger);

  const started = await app.start();
  logger.info({ ...started, communities: config.TRAP_COMMUNITIES.length, brokers: config.KAFKA_BROKERS }, 'trap receiver listening');
  const metricsTimer =
    config.TRAP_METRICS_LOG_SEC > 0 ? setInterval(() => logger.info(app.stats(), 'trap receiver counters'), config.TRAP_METRICS_LOG_SEC * 1000) : null;

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('trap receiver stopping');
    if (metricsTimer) clearInterval(metricsTimer);
    await app.stop();
    logger.info(app.stats(), 'trap receiver stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`trap receiver failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
