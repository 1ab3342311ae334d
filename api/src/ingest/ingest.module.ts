import {
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Db } from 'mongodb';
import pino from 'pino';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MONGO_DB } from '../database/database.module';
import { ChangeEventsPublisher } from '../events/change-events.publisher';
import { type IngestConfig, ingestConfigFrom } from './config/ingest-config';
import type { IngestStats } from './ingest-stats';
import { Ingestion } from './ingestion';

export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
export const INGESTION = Symbol('INGESTION');
/** Live counters of the ingestion (for health or metrics endpoints). */
export const INGEST_STATS = Symbol('INGEST_STATS');

/**
 * Kafka → MongoDB ingestion inside the API process. Its indexes are ensured at
 * module init whether or not this replica consumes; with INGEST_ENABLED the consumer
 * joins the group after bootstrap without holding up HTTP (Kafka may come later:
 * kafkajs keeps retrying), and leaves it on shutdown.
 */
@Module({
  providers: [
    {
      provide: INGEST_CONFIG,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): IngestConfig =>
        ingestConfigFrom(
          {
            instanceId: config.API_INSTANCE_ID,
            brokers: config.KAFKA_BROKERS,
            clientId: config.KAFKA_CLIENT_ID,
            groupId: config.KAFKA_INGEST_GROUP,
          },
          config,
        ),
    },
    {
      provide: INGESTION,
      inject: [MONGO_DB, INGEST_CONFIG, APP_CONFIG, ChangeEventsPublisher],
      useFactory: (
        db: Db,
        ingestConfig: IngestConfig,
        config: AppConfig,
        events: ChangeEventsPublisher,
      ): Ingestion =>
        new Ingestion(
          db,
          ingestConfig,
          pino({ name: `${config.API_INSTANCE_ID}/ingest`, level: config.LOG_LEVEL }),
          undefined,
          events,
        ),
    },
    {
      provide: INGEST_STATS,
      inject: [INGESTION],
      useFactory: (ingestion: Ingestion): IngestStats => ingestion.stats,
    },
  ],
  exports: [INGESTION, INGEST_STATS],
})
export class IngestModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private starting: Promise<void> | null = null;

  constructor(
    @Inject(INGESTION) private readonly ingestion: Ingestion,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ingestion.ensureIndexes();
  }

  onApplicationBootstrap(): void {
    if (!this.config.INGEST_ENABLED) return;
    this.starting = this.ingestion.start().catch((err: unknown) => {
      // Startup failures past kafkajs' own retries: the replica keeps serving HTTP; health shows Kafka.
      pino().error({ err }, 'ingestion failed to start');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.starting;
    await this.ingestion.stop();
  }
}
