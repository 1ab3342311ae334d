import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JOB_QUEUES, type JobQueue, type JobQueues, type JobRecord } from '../jobs/job-queue.port';
import type { TicketDocument, TimelineEntry } from '../tickets/ticket.document';
import { circuitInScope } from '../topology/topology-scope';
import { MAILER, type Mailer } from './mailer.port';
import { NOTIFICATIONS_QUEUE, type NotificationJob } from './notification-jobs';
import {
  type NotificationChannel,
  type NotificationLogDocument,
  type NotificationPreferencesDocument,
  wantsCircuitFaults,
} from './notification.document';
import { NotificationsRepository } from './notifications.repository';
import {
  circuitFaultMessage,
  type PushMessage,
  slaAlertMessage,
  ticketChangeMessage,
} from './push/push-payload';
import { type PushOutcome, PushSender } from './push/push-sender';
import type { PushSubscriptionDocument } from './push/push-subscription.document';
import { PushSubscriptionsRepository } from './push/push-subscriptions.repository';
import { signWebhook } from './webhook-signature';
import { webhookUrlProblem } from './webhook-url.policy';

interface Recipient {
  /** Stable key within the ticket: user id or `contact:<party id>`. */
  key: string;
  userId: string | null;
  /** Username (users) or contact name: an actor is not told of its own change. */
  name: string;
  email: string | null;
  prefs: NotificationPreferencesDocument | null;
}

const STATUS_ZH: Record<string, string> = {
  acknowledged: '已受理',
  inProgress: '处理中',
  pending: '待客户反馈',
  resolved: '已修复',
  closed: '已关闭',
  reopened: '已重开',
  cancelled: '已取消',
  rejected: '已驳回',
};

/** Builds the push message once the recipient's role is known (its page differs). */
type PushBuilder = (fieldEngineer: boolean) => PushMessage;

/**
 * Sends ticket notifications: e-mail through the mail port, webhooks as signed JSON
 * POSTs retried with back-off by the job queue, web push to every browser the user
 * subscribed. Every delivery is claimed in the notification log first, so a retried job
 * never mails (or pushes to) a recipient twice.
 */
@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private readonly queue: JobQueue<NotificationJob>;

  constructor(
    @Inject(JOB_QUEUES) private readonly queues: JobQueues,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationsRepository,
    private readonly pushSender: PushSender,
    private readonly pushSubscriptions: PushSubscriptionsRepository,
  ) {
    this.queue = queues.get<NotificationJob>(NOTIFICATIONS_QUEUE);
  }

  onApplicationBootstrap(): void {
    if (this.queues.workerEnabled) this.queue.process((job) => this.handle(job), 4);
  }

  async handle(job: JobRecord<NotificationJob>): Promise<void> {
    const data = job.data;
    switch (data.type) {
      case 'ticket-change':
        return this.ticketChange(data.ticketId, data.seq);
      case 'sla-alert':
        return this.slaAlert(data.ticketId, data.clock, data.kind, data.level);
      case 'webhook':
        return this.webhook(data, job.attemptsMade);
      case 'circuit-fault':
        return this.circuitFault(data.circuitId, data.state, new Date(data.since));
    }
  }

  /**
   * A circuit went down or degraded: a push to every customer user whose scope holds the
   * circuit, who subscribed a browser and did not turn `events.circuitFaults` off (e-mail
   * and webhooks stay for tickets; the app's inbox lists the fault either way). One try:
   * the watcher enqueues each fault once, and a retried fan-out would push twice.
   */
  private async circuitFault(circuitId: string, state: 'down' | 'degraded', since: Date) {
    if (!this.pushSender.enabled) return;
    const circuit = await this.repository.circuit(circuitId);
    if (!circuit) return;
    const message = circuitFaultMessage({
      circuitId,
      circuitName: circuit.name,
      state,
      since,
    });
    for (const userId of await this.pushSubscriptions.subscribedUserIds()) {
      const user = await this.repository.user(userId);
      if (!user?.role.startsWith('customer-')) continue;
      if (!circuitInScope(scopeFor(principalFromUser(user)), circuit)) continue;
      if (!wantsCircuitFaults(await this.repository.preferencesOf(userId))) continue;
      for (const sub of await this.pushSubscriptions.subscriptionsOf(userId)) {
        await this.pushOne(sub, message);
      }
    }
  }

  /** One browser: what the push service said, acted upon (a gone subscription is forgotten). */
  private async pushOne(sub: PushSubscriptionDocument, message: PushMessage): Promise<PushOutcome> {
    const outcome = await this.pushSender.send(sub, message);
    switch (outcome.kind) {
      case 'sent':
        await this.pushSubscriptions.markDelivered(sub._id, new Date());
        break;
      case 'gone':
        await this.pushSubscriptions.removeGone(sub);
        this.logger.log(
          { subscriptionId: sub._id, status: outcome.status },
          'push subscription gone, removed',
        );
        break;
      case 'failed':
        // The subscription id only: the endpoint is a capability and stays out of logs.
        this.logger.warn({ subscriptionId: sub._id, err: outcome.reason }, 'push delivery failed');
        break;
    }
    return outcome;
  }

  private async ticketChange(ticketId: string, seq: number): Promise<void> {
    const t = await this.repository.ticket(ticketId);
    if (!t) return;
    const entries = t.timeline.filter((e) => e.seq === seq && e.visibility === 'public');
    if (entries.length === 0) return;
    const actors = new Set(entries.map((e) => e.actor));
    const recipients = await this.ticketRecipients(t);
    const subject = `[CircuitCare] ${t._id} ${STATUS_ZH[t.status] ?? t.status} / ${t.status}: ${t.name}`;
    const text = this.body(t, entries);
    for (const r of recipients) {
      if (r.userId && actors.has(r.name)) continue;
      if (r.prefs && !wants(r.prefs, entries)) continue;
      const push: PushBuilder = (fieldEngineer) =>
        ticketChangeMessage({
          ticketId: t._id,
          ticketName: t.name,
          status: t.status,
          statusLabel: STATUS_ZH[t.status] ?? t.status,
          seq,
          summaries: entries.map((e) => e.summary),
          at: new Date(entries[entries.length - 1]!.at),
          fieldEngineer,
        });
      await this.deliver(
        t,
        `${seq}`,
        r,
        'ticket-change',
        subject,
        text,
        {
          ticketId: t._id,
          seq,
          status: t.status,
          version: t.version,
          entries: entries.map((e) => ({
            type: e.type,
            summary: e.summary,
            at: new Date(e.at).toISOString(),
          })),
        },
        push,
      );
    }
  }

  /**
   * Operators only: a warning goes to the assignee and the team lead, a breach to the team
   * lead, the later escalation (`duty`, level 2) to the duty manager.
   */
  private async slaAlert(
    ticketId: string,
    clock: string,
    kind: string,
    level: 1 | 2 | null,
  ): Promise<void> {
    const t = await this.repository.ticket(ticketId);
    if (!t) return;
    const team = t.teamId ? await this.repository.team(t.teamId) : null;
    const ids = new Set<string>();
    if (kind === 'warn') {
      for (const id of t.fieldEngineerIds) ids.add(id);
      if (team?.leadUserId) ids.add(team.leadUserId);
    } else if (kind === 'breach' && team?.leadUserId) ids.add(team.leadUserId);
    else if (kind === 'duty' && team?.dutyManagerUserId) ids.add(team.dutyManagerUserId);
    const subject =
      kind === 'warn'
        ? `[CircuitCare SLA] ${t._id} ${clock} 即将超时 / ${clock} target near`
        : kind === 'breach'
          ? `[CircuitCare SLA] ${t._id} ${clock} 已超时，升级至班组长 / target missed, escalated`
          : `[CircuitCare SLA] ${t._id} 升级至值班经理 / escalated to the duty manager`;
    const text = `${t._id} ${t.name}\nPriority ${t.priority}, SLA ${t.sla.slaClass}, due ${t.sla[clock === 'response' ? 'response' : 'restore'].dueAt?.toISOString() ?? '-'}\n${this.link(t)}\n`;
    for (const userId of ids) {
      const prefs = await this.repository.preferencesOf(userId);
      await this.deliver(
        t,
        `sla-${clock}-${kind}`,
        { key: userId, userId, name: userId, email: prefs?.email ?? null, prefs },
        'sla-alert',
        subject,
        text,
        {
          ticketId: t._id,
          alert: kind,
          clock,
          level,
        },
        // SLA alerts go to operator staff; one who turned them off gets no push of them.
        prefs?.events.sla === false
          ? null
          : (fieldEngineer) =>
              slaAlertMessage({
                ticketId: t._id,
                ticketName: t.name,
                subject,
                clock,
                alert: kind,
                at: new Date(),
                fieldEngineer,
              }),
      );
    }
  }

  private async ticketRecipients(t: TicketDocument): Promise<Recipient[]> {
    const out: Recipient[] = [];
    const seen = new Set<string>();
    for (const p of t.relatedParty) {
      if (p.userId) {
        if (seen.has(p.userId)) continue;
        seen.add(p.userId);
        const prefs = await this.repository.preferencesOf(p.userId);
        out.push({
          key: p.userId,
          userId: p.userId,
          name: p.name,
          email: prefs?.email ?? p.email,
          prefs,
        });
      } else if (p.email) {
        out.push({
          key: `contact-${p.id}`,
          userId: null,
          name: p.name,
          email: p.email,
          prefs: null,
        });
      }
    }
    return out;
  }

  private async deliver(
    t: TicketDocument,
    ref: string,
    r: Recipient,
    kind: NotificationLogDocument['kind'],
    subject: string,
    text: string,
    payload: Record<string, unknown>,
    push: PushBuilder | null,
  ): Promise<void> {
    const now = new Date();
    const emailOn = r.email && (r.prefs ? r.prefs.emailEnabled : true);
    if (emailOn) {
      const id = `${t._id}:${ref}:${r.key}:email`;
      if (await this.repository.claim(logEntry(id, t, r, 'email', kind, subject, now))) {
        if (!this.mailer.enabled) {
          await this.repository.mark(id, 'skipped', 'no SMTP server configured', now);
        } else {
          try {
            await this.mailer.send({
              to: [r.email!],
              subject,
              text,
              headers: { 'X-CircuitCare-Ticket': t._id },
            });
            await this.repository.mark(id, 'sent', null, new Date());
          } catch (error) {
            await this.repository.mark(
              id,
              'failed',
              (error as Error).message.slice(0, 200),
              new Date(),
            );
            // The job is retried; the entries already sent are skipped then.
            throw error;
          }
        }
      }
    }
    if (r.userId && r.prefs?.webhookEnabled && r.prefs.webhookUrl) {
      const id = `${t._id}:${ref}:${r.key}:webhook`;
      if (await this.repository.claim(logEntry(id, t, r, 'webhook', kind, subject, now))) {
        const body = JSON.stringify({
          event: kind,
          deliveryId: id,
          time: now.toISOString(),
          ...payload,
        });
        await this.queue.add(
          'webhook',
          { type: 'webhook', logId: id, userId: r.userId, url: r.prefs.webhookUrl, body },
          {
            jobId: `webhook:${id}`,
            attempts: this.config.WEBHOOK_ATTEMPTS,
            backoffMs: 1000,
          },
        );
      }
    }
    if (push) await this.deliverPush(t, ref, r, kind, subject, push);
  }

  /**
   * One push message to each browser the user subscribed: sent once one of them took it;
   * a browser the push service no longer knows (404/410) is forgotten; when none took it
   * and one may later, the job is retried (this entry only: the others are claimed).
   */
  private async deliverPush(
    t: TicketDocument,
    ref: string,
    r: Recipient,
    kind: NotificationLogDocument['kind'],
    subject: string,
    build: PushBuilder,
  ): Promise<void> {
    if (!r.userId || !this.pushSender.enabled) return;
    const subscriptions = await this.pushSubscriptions.subscriptionsOf(r.userId);
    if (subscriptions.length === 0) return;
    const id = `${t._id}:${ref}:${r.key}:push`;
    if (!(await this.repository.claim(logEntry(id, t, r, 'push', kind, subject, new Date())))) {
      return;
    }
    const user = await this.repository.user(r.userId);
    if (!user) {
      await this.repository.mark(id, 'skipped', 'user disabled', new Date());
      return;
    }
    const message = build(user.role === 'field-engineer');
    let sent = 0;
    let retry = false;
    const reasons: string[] = [];
    for (const sub of subscriptions) {
      const outcome = await this.pushOne(sub, message);
      if (outcome.kind === 'sent') sent += 1;
      else if (outcome.kind === 'failed') {
        reasons.push(outcome.reason);
        retry ||= outcome.retry;
      }
    }
    const now = new Date();
    if (sent > 0) await this.repository.mark(id, 'sent', null, now);
    else if (reasons.length === 0)
      await this.repository.mark(id, 'skipped', 'subscriptions gone', now);
    else {
      await this.repository.mark(id, 'failed', reasons[0]!.slice(0, 200), now);
      if (retry) throw new Error(`push delivery failed: ${reasons[0]}`);
    }
  }

  private async webhook(
    job: Extract<NotificationJob, { type: 'webhook' }>,
    attemptsMade: number,
  ): Promise<void> {
    const prefs = await this.repository.preferencesOf(job.userId);
    // The user may have changed or removed the hook since: deliver to what it says now.
    if (!prefs?.webhookEnabled || prefs.webhookUrl !== job.url || !prefs.webhookSecret) {
      await this.repository.mark(job.logId, 'skipped', 'webhook changed or disabled', new Date());
      return;
    }
    const problem = await webhookUrlProblem(job.url, this.config.WEBHOOK_ALLOW_PRIVATE);
    if (problem) {
      await this.repository.mark(job.logId, 'failed', `refused: ${problem}`, new Date());
      return;
    }
    const signature = signWebhook(prefs.webhookSecret, job.body, Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(job.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-circuitcare-signature': signature,
          'x-circuitcare-delivery': job.logId,
          'user-agent': 'CircuitCare-Webhook/1',
        },
        body: job.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
      });
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
      await this.repository.mark(job.logId, 'sent', null, new Date());
    } catch (error) {
      const message = (error as Error).message.slice(0, 200);
      await this.repository.mark(job.logId, 'failed', message, new Date());
      this.logger.warn(
        { logId: job.logId, attempt: attemptsMade + 1, err: message },
        'webhook delivery failed',
      );
      throw error;
    }
  }

  private link(t: TicketDocument): string {
    return `${this.config.PUBLIC_WEB_URL.replace(/\/$/, '')}/tickets/${encodeURIComponent(t._id)}`;
  }

  private body(t: TicketDocument, entries: readonly TimelineEntry[]): string {
    const lines = entries.map((e) => `- ${new Date(e.at).toISOString()} ${e.summary}`);
    return [
      `工单 / Ticket ${t._id}: ${t.name}`,
      `状态 / Status: ${STATUS_ZH[t.status] ?? t.status} (${t.status})`,
      '',
      ...lines,
      '',
      `详情 / Details: ${this.link(t)}`,
      '',
      '此邮件由 CircuitCare 自动发送，可在个人设置中调整通知。 / Sent by CircuitCare; change your notification settings in your profile.',
    ].join('\n');
  }
}

function wants(prefs: NotificationPreferencesDocument, entries: readonly TimelineEntry[]): boolean {
  return entries.some((e) => {
    if (e.type === 'note') return prefs.events.notes;
    if (e.type.startsWith('field-')) return prefs.events.field;
    return prefs.events.status;
  });
}

function logEntry(
  id: string,
  t: TicketDocument,
  r: Recipient,
  channel: NotificationChannel,
  kind: NotificationLogDocument['kind'],
  subject: string,
  now: Date,
): NotificationLogDocument {
  return {
    _id: id,
    ticketId: t._id,
    customerId: t.customerId,
    recipientUserId: r.userId,
    channel,
    kind,
    subject,
    status: 'sending',
    attempts: 0,
    lastError: null,
    createdAt: now,
    sentAt: null,
  };
}
