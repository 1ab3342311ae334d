import { MongoClient } from 'mongodb';

import type { PollerConfig } from '../config/collectors-config';
import { KafkajsEventPublisher } from '../kafka/kafkajs-event-publisher.adapter';
import { KafkajsGroupMembership } from '../kafka/kafkajs-group-membership.adapter';
import { createKafkaClient } from '../kafka/kafka-client.factory';
import type { Logger } from '../logging/create-logger';
import { SnmpNativeSession } from '../snmp/snmp-native-session.adapter';
import { DevicePoller } from './device-poller';
import { MongoInventoryTargetSource } from './mongo-inventory-target.source';
import { PollerService } from './poller.service';

export interface PollerApp {
  service: PollerService;
  start(): Promise<void>;
  /** Stop scheduling, let polls in flight publish, leave the group, close everything. */
  stop(): Promise<void>;
}

/**
 * Wires a poller from its configuration: the one composition shared by the process
 * entry and the integration tests.
 */
export function createPollerApp(config: PollerConfig, logger: Logger, onFatal: (error: Error) => void): PollerApp {
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-poller` }, logger);
  const mongo = new MongoClient(config.MONGO_URL, { appName: config.COLLECTOR_INSTANCE_ID, serverSelectionTimeoutMS: 10000 });
  let service: PollerService | null = null;
  const snmp = new SnmpNativeSession({
    timeoutMs: config.SNMP_TIMEOUT_MS,
    retries: config.SNMP_RETRIES,
    onMalformedResponse: (err) => {
      if (service) service.metrics.malformedResponses += 1;
      logger.debug({ err: err.message }, 'unparsable SNMP response ignored');
    },
  });
  const membership = new KafkajsGroupMembership(kafka, { groupId: config.POLLER_GROUP, topic: config.POLLER_ASSIGNMENT_TOPIC }, logger, onFatal);
  service = new PollerService(
    new MongoInventoryTargetSource(mongo.db(config.MONGO_DB), config.POLLER_DEFAULT_INTERVAL_SEC),
    membership,
    // Bounded retries: a sample that cannot be sent within ~30 s is superseded by the
    // next poll, and its poll slot must not be held for ever while the broker is away.
    new KafkajsEventPublisher(kafka, { replicationFactor: config.KAFKA_REPLICATION_FACTOR, retries: 6 }),
    new DevicePoller(snmp, {
      pollerId: config.COLLECTOR_INSTANCE_ID,
      community: config.SNMP_COMMUNITY,
      port: config.SNMP_PORT,
      varbindsPerPdu: config.POLLER_VARBINDS_PER_PDU,
      rediscoverEvery: config.POLLER_REDISCOVER_EVERY,
      discoveryTimeoutMs: config.POLLER_DISCOVERY_TIMEOUT_MS,
    }),
    {
      assignmentTopic: config.POLLER_ASSIGNMENT_TOPIC,
      assignmentPartitions: config.POLLER_ASSIGNMENT_PARTITIONS,
      targetRefreshSec: config.POLLER_TARGET_REFRESH_SEC,
      concurrency: config.POLLER_CONCURRENCY,
    },
    logger,
  );
  const running = service;
  return {
    service: running,
    async start() {
      await mongo.connect();
      await running.start();
    },
    async stop() {
      await running.stop().catch((err: unknown) => logger.error({ err }, 'error while stopping the poller'));
      snmp.close();
      await mongo.close().catch(() => undefined);
    },
  };
}
