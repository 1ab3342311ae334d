import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { ChangeEventsHub } from '../../events/change-events.hub';
import { EventsRedis } from '../../events/events-redis';
import { JOB_QUEUES, type JobQueue, type JobQueues } from '../../jobs/job-queue.port';
import { NOTIFICATIONS_QUEUE, type NotificationJob } from '../notification-jobs';
import { circuitFaultOf } from './circuit-fault';
import { PushSender } from './push-sender';

/** How long a fault's claim is kept: longer than any replica can lag behind the stream. */
const CLAIM_TTL_SECONDS = 86_400;

/**
 * Turns the live stream's circuit faults into push jobs. Every replica reads the whole
 * stream (ChangeEventsHub), so each would enqueue the same fault: a Redis claim per fault
 * (`SET NX`) lets exactly one of them do it, whichever replica or worker published it.
 */
@Injectable()
export class CircuitFaultWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CircuitFaultWatcher.name);
  private readonly queue: JobQueue<NotificationJob>;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly hub: ChangeEventsHub,
    private readonly redis: EventsRedis,
    private readonly sender: PushSender,
    @Inject(JOB_QUEUES) queues: JobQueues,
  ) {
    this.queue = queues.get<NotificationJob>(NOTIFICATIONS_QUEUE);
  }

  onApplicationBootstrap(): void {
    if (!this.sender.enabled) return;
    this.unsubscribe = this.hub.subscribe({
      deliver: (event) => {
        const fault = circuitFaultOf(event);
        if (fault) void this.enqueue(fault.circuitId, fault.state, fault.since);
      },
      close: () => undefined,
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private async enqueue(circuitId: string, state: 'down' | 'degraded', since: string) {
    const key = `circuit-fault:${circuitId}:${state}:${since}`;
    try {
      const claimed = await this.redis.client.set(
        `${this.redis.prefix}push:${key}`,
        '1',
        'EX',
        CLAIM_TTL_SECONDS,
        'NX',
      );
      if (claimed !== 'OK') return;
      // One try: a fan-out retried after some browsers got it would push them twice.
      await this.queue.add(
        'circuit-fault',
        { type: 'circuit-fault', circuitId, state, since },
        {
          jobId: key,
        },
      );
    } catch (error) {
      this.logger.error(
        { circuitId, err: (error as Error).message },
        'circuit fault push not enqueued',
      );
    }
  }
}
