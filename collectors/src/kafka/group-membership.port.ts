/**
 * Membership of a group that shares work by partitions: the partitions of a topic this
 * member currently owns. The pollers use a Kafka consumer group for it (ADR 0003).
 */
export interface PartitionOwnership {
  /** Partitions owned now; empty while the group rebalances (own nothing then). */
  partitions: number[];
  /** Partition count of the coordination topic: the modulus of the target hash. */
  partitionCount: number;
  /** Increases with every change, for logs and tests. */
  generation: number;
}

export interface GroupMembership {
  /** Joins the group; `onChange` runs on every change of ownership, including the first. */
  start(onChange: (ownership: PartitionOwnership) => void): Promise<void>;
  /** Leaves the group so the others take over at once (not after a session timeout). */
  stop(): Promise<void>;
}
