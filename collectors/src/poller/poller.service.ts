import { snmpSampleContract } from '../contracts';
import type { EventPublisher } from '../kafka/event-publisher.port';
import type { GroupMembership, PartitionOwnership } from '../kafka/group-membership.port';
import { type Logger, RateLimitedLog } from '../logging/create-logger';
import type { DevicePoller, DeviceState } from './device-poller';
import { ownedTargets } from './partition-assignment';
import { PollScheduler } from './poll-scheduler';
import type { PollTarget, TargetSource } from './poll-target.model';
import { PollerMetrics } from './poller-metrics';

export interface PollerServiceOptions {
  assignmentTopic: string;
  assignmentPartitions: number;
  targetRefreshSec: number;
  concurrency: number;
}

/**
 * The poller: the inventory's targets, narrowed to the partitions this instance owns
 * in the pollers' consumer group, polled on their schedule and published one
 * SnmpSample per device poll, keyed by deviceId.
 */
export class PollerService {
  readonly metrics = new PollerMetrics();
  private readonly scheduler: PollScheduler;
  private readonly failureLog = new RateLimitedLog(5 * 60 * 1000);
  private allTargets: PollTarget[] = [];
  private ownership: PartitionOwnership = { partitions: [], partitionCount: 1, generation: 0 };
  private refreshTimer: NodeJS.Timeout | null = null;
  private readonly ownershipListeners: ((o: PartitionOwnership, targetIds: string[]) => void)[] = [];

  constructor(
    private readonly source: TargetSource,
    private readonly membership: GroupMembership,
    private readonly publisher: EventPublisher,
    private readonly devicePoller: DevicePoller,
    private readonly options: PollerServiceOptions,
    private readonly logger: Logger,
  ) {
    this.scheduler = new PollScheduler(options.concurrency, (target, state) => this.pollOne(target, state));
  }

  async start(): Promise<void> {
    await this.publisher.ensureTopics([
      snmpSampleContract,
      { topic: this.options.assignmentTopic, partitions: this.options.assignmentPartitions },
    ]);
    await this.refreshTargets();
    this.refreshTimer = setInterval(() => void this.refreshTargets(), this.options.targetRefreshSec * 1000);
    await this.membership.start((ownership) => {
      this.ownership = ownership;
      this.apply();
    });
  }

  /** Called on every change of the owned set (tests and logs). */
  onOwnershipChange(listener: (o: PartitionOwnership, targetIds: string[]) => void): void {
    this.ownershipListeners.push(listener);
  }

  ownedTargetIds(): string[] {
    return this.scheduler.targetIds();
  }

  stats(): Record<string, number> {
    return { ...this.metrics.snapshot(), ...this.scheduler.stats(), inventoryTargets: this.allTargets.length, ownedPartitions: this.ownership.partitions.length };
  }

  /** Stop scheduling, let polls in flight publish, leave the group, flush the producer. */
  async stop(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
    await this.scheduler.stop();
    await this.membership.stop().catch((err: unknown) => this.logger.warn({ err }, 'leaving the poller group failed'));
    await this.publisher.close();
  }

  private async refreshTargets(): Promise<void> {
    try {
      this.allTargets = await this.source.list();
      this.apply();
    } catch (err) {
      // Keep polling the last known list: the inventory being unreachable is no reason to stop.
      this.logger.error({ err }, 'reading poll targets from the inventory failed; keeping the previous list');
    }
  }

  private apply(): void {
    const owned = ownedTargets(this.allTargets, this.ownership.partitions, this.ownership.partitionCount);
    this.scheduler.setTargets(owned);
    const ids = this.scheduler.targetIds();
    this.logger.info(
      { generation: this.ownership.generation, partitions: this.ownership.partitions, owned: ids.length, inventory: this.allTargets.length },
      'poll targets adopted',
    );
    for (const listener of this.ownershipListeners) listener(this.ownership, ids);
  }

  private async pollOne(target: PollTarget, state: DeviceState): Promise<void> {
    const started = performance.now();
    let result;
    try {
      result = await this.devicePoller.poll(target, state);
    } catch (err) {
      this.metrics.pollsFailed += 1;
      this.metrics.recordPoll(performance.now() - started);
      this.logFailure(target, 'poll', err);
      return;
    }
    this.metrics.recordPoll(performance.now() - started);
    this.metrics.pollsOk += 1;
    this.metrics.varbinds += result.varbinds;
    this.metrics.pdus += result.pdus;
    if (result.discovered) this.metrics.discoveries += 1;
    this.metrics.incompleteInterfaces += result.incompleteInterfaces.length;
    const publishStart = performance.now();
    try {
      await this.publisher.publish(snmpSampleContract, [result.sample]);
      this.metrics.recordPublish(performance.now() - publishStart);
    } catch (err) {
      // kafkajs has retried already; the next poll's sample supersedes this one.
      this.metrics.publishFailed += 1;
      this.logFailure(target, 'publish', err);
    }
  }

  private logFailure(target: PollTarget, what: 'poll' | 'publish', err: unknown): void {
    const suppressed = this.failureLog.admit(`${what}:${target.deviceId}`);
    if (suppressed === null) return;
    this.logger.warn(
      { deviceId: target.deviceId, mgmtIp: target.mgmtIp, err: err instanceof Error ? err.message : String(err), suppressed },
      `${what} failed`,
    );
  }
}
