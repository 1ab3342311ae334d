import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import type { Db } from 'mongodb';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MONGO_DB } from '../database/database.module';
import { type DependencyStatus, timedCheck } from './dependency-check';

const TIMEOUT_MS = 2000;

/** One probe per engine. Each answers within TIMEOUT_MS, whatever the engine does. */
@Injectable()
export class HealthProbes implements OnApplicationShutdown {
  private readonly kafka: Kafka;
  private redis: Redis | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MONGO_DB) private readonly db: Db,
  ) {
    this.kafka = new Kafka({
      clientId: `${config.KAFKA_CLIENT_ID}-health`,
      brokers: config.KAFKA_BROKERS,
      connectionTimeout: 1000,
      requestTimeout: 1500,
      retry: { retries: 0 },
      // A down broker is reported in the health body; kafkajs' own error lines would only repeat it.
      logLevel: logLevel.NOTHING,
    });
  }

  mongodb(): Promise<DependencyStatus> {
    return timedCheck(() => this.db.command({ ping: 1 }), TIMEOUT_MS);
  }

  redisPing(): Promise<DependencyStatus> {
    return timedCheck(async () => {
      const reply = await this.client().ping();
      if (reply !== 'PONG') throw new Error('unexpected PING reply');
    }, TIMEOUT_MS);
  }

  /** A fresh admin connection each time: it proves the broker accepts new clients now. */
  kafkaCluster(): Promise<DependencyStatus> {
    const admin = this.kafka.admin();
    return timedCheck(async () => {
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        if (cluster.brokers.length === 0) throw new Error('no brokers in the cluster');
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }, TIMEOUT_MS);
  }

  onApplicationShutdown(): void {
    // disconnect() on an already ended ioredis client arms a 2 s timer that holds the process.
    if (this.redis && this.redis.status !== 'end') {
      this.redis.disconnect();
    }
    this.redis = null;
  }

  private client(): Redis {
    // No reconnect loop: a failed connection ends the client and the next probe makes a
    // new one. So a probe never waits on a retry schedule, and no timer outlives close.
    if (!this.redis || this.redis.status === 'end') {
      this.redis = new Redis(this.config.REDIS_URL, {
        connectTimeout: 1000,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      // Connection errors surface in the probe result; unhandled 'error' events would crash the process.
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }
}
