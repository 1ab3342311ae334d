import type { Consumer, Kafka } from 'kafkajs';

import type { Logger } from '../logging/create-logger';
import type { GroupMembership, PartitionOwnership } from './group-membership.port';

export interface KafkajsGroupMembershipOptions {
  groupId: string;
  topic: string;
  /** Failure detection: a crashed member's partitions move after this long. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
}

/**
 * Group membership on a kafkajs consumer that subscribes to a topic carrying no
 * messages: the broker's group coordinator does the assignment, and the member only
 * listens to which partitions it was given. The fetch loop still runs (on an empty
 * topic it long-polls), which is what keeps the heartbeats going in kafkajs.
 */
export class KafkajsGroupMembership implements GroupMembership {
  private readonly consumer: Consumer;
  private generation = 0;
  private partitionCount = 0;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkajsGroupMembershipOptions,
    private readonly logger: Logger,
    private readonly onFatal: (error: Error) => void,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 3000,
      // Long-poll the empty topic no longer than a heartbeat, so heartbeats stay on time.
      maxWaitTimeInMs: Math.min(options.heartbeatIntervalMs ?? 3000, 3000),
      allowAutoTopicCreation: false,
    });
  }

  async start(onChange: (ownership: PartitionOwnership) => void): Promise<void> {
    const publish = (partitions: number[]) => {
      this.generation += 1;
      onChange({ partitions: [...partitions].sort((a, b) => a - b), partitionCount: this.partitionCount, generation: this.generation });
    };
    const { GROUP_JOIN, REBALANCING, CRASH } = this.consumer.events;
    // Eager hand-over: drop everything as soon as a rebalance starts, so that two members
    // never poll the same target while partitions move between them.
    this.consumer.on(REBALANCING, () => {
      if (!this.stopped) publish([]);
    });
    this.consumer.on(GROUP_JOIN, (event) => {
      const assigned = [...(event.payload.memberAssignment[this.options.topic] ?? [])].sort((a, b) => a - b);
      this.logger.info({ groupId: this.options.groupId, partitions: assigned, memberId: event.payload.memberId }, 'poller group assignment');
      publish(assigned);
    });
    this.consumer.on(CRASH, (event) => {
      if (this.stopped) return;
      publish([]);
      const error = event.payload.error;
      if (!event.payload.restart) this.onFatal(error);
      else this.logger.warn({ err: error }, 'poller group member crashed; kafkajs restarts it');
    });

    this.partitionCount = await this.fetchPartitionCount();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.options.topic], fromBeginning: false });
    await this.consumer.run({
      // Nobody writes to the coordination topic; a stray message is simply ignored.
      eachMessage: () => Promise.resolve(),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer.disconnect();
  }

  private async fetchPartitionCount(): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [this.options.topic] });
      const count = topics[0]?.partitions.length ?? 0;
      if (count === 0) throw new Error(`coordination topic ${this.options.topic} has no partitions`);
      return count;
    } finally {
      await admin.disconnect();
    }
  }
}
