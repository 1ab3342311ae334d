import { createHash } from 'node:crypto';

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db } from 'mongodb';

import type { VerifiedPrincipal } from '../../auth/principal';
import { COLLECTIONS } from '../../database/collections';
import { MONGO_DB } from '../../database/database.module';
import { ensureIndexes } from '../../database/ensure-indexes';
import type { PushSubscriptionDocument } from './push-subscription.document';

export function pushSubscriptionId(userId: string, endpoint: string): string {
  return `ps-${createHash('sha256').update(`${userId}\n${endpoint}`).digest('hex').slice(0, 32)}`;
}

export interface NewPushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  expirationTime: Date | null;
}

/**
 * Web push subscriptions. A user manages only its own: every change takes the verified
 * principal and filters on its user id, so another user's id is a miss (404), exactly
 * like an unknown one. Delivery reads a recipient's subscriptions by user id.
 */
@Injectable()
export class PushSubscriptionsRepository implements OnModuleInit {
  private readonly subscriptions: Collection<PushSubscriptionDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.subscriptions = db.collection(COLLECTIONS.pushSubscriptions);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.subscriptions, [{ key: { userId: 1 } }]);
  }

  /** Adds or renews (same browser, new keys) the caller's subscription. */
  async saveOwn(
    owner: VerifiedPrincipal,
    sub: NewPushSubscription,
    now: Date,
  ): Promise<{ doc: PushSubscriptionDocument; created: boolean }> {
    const _id = pushSubscriptionId(owner.userId, sub.endpoint);
    const existing = await this.subscriptions.findOne({ _id, userId: owner.userId });
    const doc: PushSubscriptionDocument = {
      _id,
      userId: owner.userId,
      endpoint: sub.endpoint,
      keys: { p256dh: sub.keys.p256dh, auth: sub.keys.auth },
      expirationTime: sub.expirationTime,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      lastSuccessAt: existing?.lastSuccessAt ?? null,
    };
    await this.subscriptions.replaceOne({ _id }, doc, { upsert: true });
    return { doc, created: existing === null };
  }

  /** Removes one of the caller's subscriptions; false when it has none of that id. */
  async deleteOwn(owner: VerifiedPrincipal, id: string): Promise<boolean> {
    const result = await this.subscriptions.deleteOne({ _id: id, userId: owner.userId });
    return result.deletedCount === 1;
  }

  async countOwn(owner: VerifiedPrincipal): Promise<number> {
    return this.subscriptions.countDocuments({ userId: owner.userId });
  }

  /** A recipient's subscriptions, for delivery (the user id comes from the ticket's parties). */
  subscriptionsOf(userId: string): Promise<PushSubscriptionDocument[]> {
    return this.subscriptions.find({ userId }).sort({ _id: 1 }).toArray();
  }

  /** Users with at least one subscription (a few per customer user who turned push on). */
  async subscribedUserIds(): Promise<string[]> {
    const rows = await this.subscriptions.find({}, { projection: { _id: 0, userId: 1 } }).toArray();
    return [...new Set(rows.map((r) => r.userId))].sort();
  }

  /** The push service said the subscription is gone (404/410): forget it, unless renewed since. */
  async removeGone(sub: PushSubscriptionDocument): Promise<void> {
    await this.subscriptions.deleteOne({ _id: sub._id, updatedAt: sub.updatedAt });
  }

  async markDelivered(id: string, now: Date): Promise<void> {
    await this.subscriptions.updateOne({ _id: id }, { $set: { lastSuccessAt: now } });
  }
}
