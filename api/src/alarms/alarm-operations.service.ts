import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Collection, Db, Filter, UpdateFilter } from 'mongodb';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type { AlarmDocument, CircuitDocument } from '../database/documents';
import { ChangeEventsPublisher } from '../events/change-events.publisher';
import { clearedActiveKey } from '../ingest/alarms/alarm-event';
import { CircuitStateRepository } from '../ingest/alarms/circuit-state.repository';
import { findByIds } from '../ingest/mongo/idempotent-writes';
import {
  type AlarmChangeAction,
  MAX_EVENT_CIRCUITS,
  alarmChangeEvent,
  circuitRefsOf,
  circuitStateEvent,
} from './alarm-change-events';
import { ALARM_NOT_FOUND, AlarmsService } from './alarms.service';
import type { AlarmDetailDto } from './dto/alarm.dto';

/** TMF642 ackSystemId / clearSystemId / comment systemId of what operators do through this API. */
export const API_SYSTEM_ID = 'circuitcare-api';
/** Comments one alarm keeps at most: the document must stay small. */
export const MAX_COMMENTS = 200;

export type AlarmOperation = 'acknowledge' | 'unacknowledge' | 'comment' | 'clear';

/** Who asks, for the audit log. */
export interface OperationContext {
  principal: VerifiedPrincipal;
  scope: AccessScope;
  ip: string | null;
}

/**
 * What an operation may do to an alarm in its current state (TMF642 / X.733):
 * acknowledge and clear are independent, except that an alarm both cleared and
 * acknowledged is closed, so it cannot be unacknowledged any more. Repeating an
 * operation whose effect is already there succeeds and changes nothing (idempotent).
 * Returns null when allowed, else why not (409).
 */
export function refusal(
  operation: AlarmOperation,
  alarm: Pick<AlarmDocument, 'state' | 'ackState' | 'comments'>,
): string | null {
  switch (operation) {
    case 'acknowledge':
    case 'clear':
      return null;
    case 'unacknowledge':
      return alarm.state === 'cleared' && alarm.ackState === 'acknowledged'
        ? 'The alarm is cleared and acknowledged (closed): it cannot be unacknowledged.'
        : null;
    case 'comment':
      return (alarm.comments?.length ?? 0) >= MAX_COMMENTS
        ? `The alarm has ${MAX_COMMENTS} comments, the most it keeps.`
        : null;
  }
}

/** Whether the operation's effect is already there (then nothing is written). */
export function alreadyDone(
  operation: AlarmOperation,
  alarm: Pick<AlarmDocument, 'state' | 'ackState'>,
): boolean {
  switch (operation) {
    case 'acknowledge':
      return alarm.ackState === 'acknowledged';
    case 'unacknowledge':
      return alarm.ackState === 'unacknowledged';
    case 'clear':
      return alarm.state === 'cleared';
    case 'comment':
      return false;
  }
}

const EVENT_ACTION: Record<AlarmOperation, AlarmChangeAction> = {
  acknowledge: 'acknowledged',
  unacknowledge: 'unacknowledged',
  comment: 'commented',
  clear: 'cleared',
};

/**
 * NOC operations on alarms: acknowledge, unacknowledge, comment, manual clear. Each
 * is a single conditional update (the condition is the state it starts from), so two
 * operators, or an operator and the ingestion, racing on one alarm cannot undo each
 * other: the loser re-reads and answers from the winner's result. Each is audited and
 * published as a change event.
 */
@Injectable()
export class AlarmOperationsService {
  private readonly alarms: Collection<AlarmDocument>;
  private readonly circuits: Collection<CircuitDocument>;
  private readonly circuitState: CircuitStateRepository;

  constructor(
    @Inject(MONGO_DB) db: Db,
    private readonly reads: AlarmsService,
    private readonly audit: AuditService,
    private readonly events: ChangeEventsPublisher,
  ) {
    this.alarms = db.collection<AlarmDocument>(COLLECTIONS.alarms);
    this.circuits = db.collection<CircuitDocument>(COLLECTIONS.circuits);
    this.circuitState = new CircuitStateRepository(db);
  }

  acknowledge(ctx: OperationContext, id: string): Promise<AlarmDetailDto> {
    const now = new Date();
    return this.operate(ctx, id, 'acknowledge', {
      filter: { ackState: 'unacknowledged' },
      update: {
        $set: {
          ackState: 'acknowledged',
          ackUserId: ctx.principal.userId,
          ackSystemId: API_SYSTEM_ID,
          ackTime: now,
          alarmChangedTime: now,
        },
      },
    });
  }

  unacknowledge(ctx: OperationContext, id: string): Promise<AlarmDetailDto> {
    return this.operate(ctx, id, 'unacknowledge', {
      // Not closed: raised, or cleared but (still) unacknowledged is caught as already done.
      filter: { ackState: 'acknowledged', state: 'raised' },
      update: {
        $set: {
          ackState: 'unacknowledged',
          ackUserId: null,
          ackSystemId: null,
          ackTime: null,
          alarmChangedTime: new Date(),
        },
      },
    });
  }

  comment(ctx: OperationContext, id: string, text: string): Promise<AlarmDetailDto> {
    const comment = {
      comment: text,
      time: new Date(),
      userId: ctx.principal.userId,
      systemId: API_SYSTEM_ID,
    };
    return this.operate(ctx, id, 'comment', {
      filter: {},
      update: { $push: { comments: comment } },
    });
  }

  /**
   * Manual clear, with the ingestion's invariants: the alarm's activeKey becomes its
   * cleared key (so a new raise of the condition opens a new alarm), and its circuits'
   * state is re-derived from the raised alarms by the ingestion's own reconciliation.
   */
  clear(ctx: OperationContext, id: string): Promise<AlarmDetailDto> {
    const now = new Date();
    return this.operate(
      ctx,
      id,
      'clear',
      {
        filter: { state: 'raised' },
        update: (alarm) => ({
          $set: {
            state: 'cleared',
            perceivedSeverity: 'cleared',
            activeKey: clearedActiveKey(alarm.reductionKey, alarm._id),
            alarmClearedTime: now,
            alarmChangedTime: now,
            clearUserId: ctx.principal.userId,
            clearSystemId: API_SYSTEM_ID,
          },
        }),
      },
      async (cleared) => {
        if ((cleared.serviceImpact ?? 'none') === 'none') return;
        const transitions = await this.circuitState.reconcile(cleared.affectedCircuitIds, now);
        await this.events.publish(transitions.map(circuitStateEvent));
      },
    );
  }

  private async operate(
    ctx: OperationContext,
    id: string,
    operation: AlarmOperation,
    change: {
      filter: Filter<AlarmDocument>;
      update: UpdateFilter<AlarmDocument> | ((alarm: AlarmDocument) => UpdateFilter<AlarmDocument>);
    },
    after?: (alarm: AlarmDocument) => Promise<void>,
  ): Promise<AlarmDetailDto> {
    // Operators see every alarm; the scope still applies, so a narrower role gets 404.
    const alarm = await this.reads.findVisible(ctx.scope, id);
    if (!alarm) throw new NotFoundException(ALARM_NOT_FOUND);
    const action = `alarm.${operation}`;
    const customerId = alarm.customerIds.length === 1 ? alarm.customerIds[0]! : null;
    const auditOf = (outcome: 'success' | 'failure', detail: Record<string, string | boolean>) =>
      this.audit.record({
        actor: ctx.principal,
        action,
        customerId,
        target: { type: 'alarm', id },
        outcome,
        detail,
        ip: ctx.ip,
      });

    const refused = refusal(operation, alarm);
    if (refused) {
      await auditOf('failure', { reason: refused, state: alarm.state, ackState: alarm.ackState });
      throw new ConflictException(refused);
    }
    if (alreadyDone(operation, alarm)) {
      await auditOf('success', { changed: false });
      return this.reads.detailOf(ctx.scope, alarm);
    }
    const update = typeof change.update === 'function' ? change.update(alarm) : change.update;
    const updated = await this.alarms.findOneAndUpdate({ _id: id, ...change.filter }, update, {
      returnDocument: 'after',
    });
    if (!updated) {
      // Someone (another operator, the ingestion) changed it first: answer from what is there now.
      const now = await this.alarms.findOne({ _id: id });
      if (!now) throw new NotFoundException(ALARM_NOT_FOUND);
      const refusedNow = refusal(operation, now);
      if (refusedNow || !alreadyDone(operation, now)) {
        const reason = refusedNow ?? 'The alarm changed meanwhile; try again.';
        await auditOf('failure', { reason, state: now.state, ackState: now.ackState });
        throw new ConflictException(reason);
      }
      await auditOf('success', { changed: false });
      return this.reads.detailOf(ctx.scope, now);
    }
    await auditOf('success', { changed: true, state: updated.state, ackState: updated.ackState });
    await this.publish(updated, EVENT_ACTION[operation]);
    if (after) await after(updated);
    return this.reads.detailOf(ctx.scope, updated);
  }

  private async publish(alarm: AlarmDocument, action: AlarmChangeAction): Promise<void> {
    const circuits = await findByIds(
      this.circuits,
      alarm.affectedCircuitIds.slice(0, MAX_EVENT_CIRCUITS),
      { _id: 1, customerId: 1, orgPath: 1 },
    );
    const byId = new Map(circuits.map((c) => [c._id, c]));
    await this.events.publish([alarmChangeEvent(alarm, action, circuitRefsOf(alarm, byId))]);
  }
}
