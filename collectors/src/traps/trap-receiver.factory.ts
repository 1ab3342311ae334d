import type { TrapReceiverConfig } from '../config/collectors-config';
import { type SnmpTrap, snmpTrapContract } from '../contracts';
import { KafkajsEventPublisher } from '../kafka/kafkajs-event-publisher.adapter';
import { createKafkaClient } from '../kafka/kafka-client.factory';
import { type Logger, RateLimitedLog } from '../logging/create-logger';
import { type ReceiverStarted, SnmpTrapReceiver } from './snmp-trap-receiver';
import { TrapPublishQueue } from './trap-publish-queue';

/** How long a stop waits for queued traps to reach Kafka. */
const DRAIN_DEADLINE_MS = 15000;

export interface TrapReceiverStats {
  received: number;
  malformed: number;
  rejected: number;
  accepted: number;
  published: number;
  dropped: number;
  sendErrors: number;
  batches: number;
  queued: number;
}

export interface TrapReceiverApp {
  receiver: SnmpTrapReceiver;
  queue: TrapPublishQueue<SnmpTrap>;
  stats(): TrapReceiverStats;
  start(): Promise<ReceiverStarted>;
  /** Closes the socket, waits (bounded) for queued traps to reach Kafka, disconnects. */
  stop(): Promise<void>;
}

/** Wires the trap receiver from its configuration (process entry and integration tests). */
export function createTrapReceiverApp(config: TrapReceiverConfig, logger: Logger): TrapReceiverApp {
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-traps` }, logger);
  // Unbounded kafkajs retries (its idempotent default): the queue bound is the limit.
  const publisher = new KafkajsEventPublisher(kafka, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });

  // The topic is ensured before the first send and again after a failure, so that a
  // broker that is down at start-up delays traps instead of losing them.
  let topicReady = false;
  const send = async (batch: SnmpTrap[]): Promise<void> => {
    if (!topicReady) {
      await publisher.ensureTopics([snmpTrapContract]);
      topicReady = true;
    }
    await publisher.publish(snmpTrapContract, batch);
  };
  const dropLog = new RateLimitedLog(10000);
  const queue = new TrapPublishQueue<SnmpTrap>(
    send,
    { capacity: config.TRAP_QUEUE_CAPACITY, lingerMs: config.TRAP_LINGER_MS, batchMax: config.TRAP_BATCH_MAX },
    {
      onDrop: (trap, total) => {
        const suppressed = dropLog.admit('drop');
        if (suppressed !== null) logger.error({ droppedTotal: total, agentAddress: trap.agentAddress, suppressed }, 'trap queue full: trap dropped');
      },
      onSendError: (err, attempt, size) => {
        topicReady = false;
        logger.warn({ err: err instanceof Error ? err.message : String(err), attempt, batch: size }, 'publishing traps failed; retrying');
      },
    },
  );
  const receiver = new SnmpTrapReceiver(
    {
      host: config.TRAP_HOST,
      port: config.TRAP_PORT,
      communities: config.TRAP_COMMUNITIES,
      recvBufferBytes: config.TRAP_RECV_BUFFER_BYTES,
      preferV1AgentAddr: config.TRAP_PREFER_V1_AGENT_ADDR,
    },
    (trap) => queue.offer(trap),
    logger,
  );
  const stats = (): TrapReceiverStats => ({ ...receiver.metrics, ...queue.counters, queued: queue.size });

  return {
    receiver,
    queue,
    stats,
    start: () => receiver.start(),
    async stop() {
      await receiver.close();
      const deadline = setTimeout(() => queue.close(), DRAIN_DEADLINE_MS);
      await queue.drained();
      clearTimeout(deadline);
      if (queue.size > 0) logger.error({ unsent: queue.size }, 'stopped with traps not yet published');
      await publisher.close().catch((err: unknown) => logger.warn({ err }, 'producer disconnect failed'));
    },
  };
}
