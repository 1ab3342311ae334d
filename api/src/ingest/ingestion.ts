import type { Db } from 'mongodb';
import type { Logger } from 'pino';

import type { ChangeEventSink } from '../events/change-events.stream';
import { AlarmIngestService } from './alarms/alarm-ingest.service';
import { CircuitStateRepository } from './alarms/circuit-state.repository';
import { TrapIngestService } from './alarms/trap-ingest.service';
import type { IngestConfig } from './config/ingest-config';
import { IngestRejectsRepository } from './ingest-rejects.repository';
import { type IngestStats, emptyStats } from './ingest-stats';
import { INGEST_SUBSCRIPTIONS, IngestConsumer } from './ingest.consumer';
import { AssuranceOverridesReader } from './inventory/assurance-overrides.reader';
import { IngestInventoryRepository } from './inventory/ingest-inventory.repository';
import type { ConsumerPort } from './kafka/consumer.port';
import { KafkajsConsumerAdapter } from './kafka/kafkajs-consumer.adapter';
import { ensureIngestIndexes } from './mongo/ingest-indexes';
import { PerfRetentionService } from './perf/perf-retention.service';
import { PerfRepository } from './perf/perf.repository';
import { SampleIngestService } from './perf/sample-ingest.service';

/**
 * The ingestion assembled: Kafka consumer group → contract validation → samples to
 * rates/buckets/poll alarms and traps to alarms → MongoDB; plus the retention job.
 * Used by the API's IngestModule and by the standalone worker (ingest-main.ts).
 */
export class Ingestion {
  readonly stats: IngestStats = emptyStats();
  readonly consumer: IngestConsumer;
  readonly retention: PerfRetentionService;
  private readonly port: ConsumerPort;
  private started = false;

  constructor(
    private readonly db: Db,
    config: IngestConfig,
    private readonly logger: Logger,
    port?: ConsumerPort,
    /** Where alarm and circuit changes are published for live clients (none: not published). */
    events?: ChangeEventSink,
  ) {
    const inventory = new IngestInventoryRepository(db, config.cacheTtlSec);
    const alarms = new AlarmIngestService(
      db,
      inventory,
      new CircuitStateRepository(db),
      events ?? null,
      logger,
    );
    this.consumer = new IngestConsumer(
      new SampleIngestService(
        new PerfRepository(db),
        inventory,
        alarms,
        this.stats,
        new AssuranceOverridesReader(db, config.cacheTtlSec * 1000),
      ),
      new TrapIngestService(db, inventory, alarms, this.stats),
      new IngestRejectsRepository(db),
      this.stats,
      logger,
    );
    this.retention = new PerfRetentionService(db, config, logger);
    this.port =
      port ??
      new KafkajsConsumerAdapter({
        brokers: config.brokers,
        clientId: `${config.clientId}-${config.instanceId}`,
        groupId: config.groupId,
        partitionConcurrency: config.partitionConcurrency,
        chunkSize: config.chunkSize,
        logger,
      });
  }

  ensureIndexes(): Promise<void> {
    return ensureIngestIndexes(this.db, this.logger);
  }

  /** Indexes, retention job, then the consumer (resolves once it has joined the group). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.ensureIndexes();
    this.retention.start();
    await this.port.start(INGEST_SUBSCRIPTIONS, this.consumer.handle);
    this.logger.info('ingestion consuming');
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.port.stop();
    await this.retention.stop();
    this.logger.info({ stats: this.stats }, 'ingestion stopped');
  }
}
