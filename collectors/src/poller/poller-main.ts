#!/usr/bin/env node
import { createServer, type Server } from 'node:http';

import { ConfigError, loadPollerConfig } from '../config/collectors-config';
import { createLogger } from '../logging/create-logger';
import { createPollerApp } from './poller.factory';

/** Process entry of the SNMP poller (bin cc-poller). */
async function main(): Promise<void> {
  const config = loadPollerConfig();
  const logger = createLogger('cc-poller', config.LOG_LEVEL, config.COLLECTOR_INSTANCE_ID);
  const app = createPollerApp(config, logger, (err) => {
    // Without the group we cannot know which targets are ours: stop; the supervisor restarts us.
    logger.fatal({ err }, 'poller group membership failed for good');
    void shutdown(1);
  });
  const service = app.service;

  const metricsTimer =
    config.POLLER_METRICS_LOG_SEC > 0 ? setInterval(() => logger.info(service.stats(), 'poller counters'), config.POLLER_METRICS_LOG_SEC * 1000) : null;
  let metricsServer: Server | null = null;
  if (config.POLLER_METRICS_PORT > 0) {
    metricsServer = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(service.metrics.toPrometheus(service.stats()));
    }).listen(config.POLLER_METRICS_PORT, '127.0.0.1');
  }

  let stopping = false;
  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info('poller stopping');
    if (metricsTimer) clearInterval(metricsTimer);
    metricsServer?.close();
    await app.stop();
    logger.info(service.stats(), 'poller stopped');
    process.exit(code);
  }
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  await app.start();
  logger.info({ brokers: config.KAFKA_BROKERS, group: config.POLLER_GROUP, snmpPort: config.SNMP_PORT }, 'poller started');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`poller failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
