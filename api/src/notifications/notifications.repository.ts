import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Collection, type Db, MongoServerError } from 'mongodb';

import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type { CircuitDocument, UserDocument } from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import type { TeamDocument } from '../tickets/team.document';
import type { TicketDocument } from '../tickets/ticket.document';
import type {
  NotificationLogDocument,
  NotificationPreferencesDocument,
} from './notification.document';

/**
 * Preferences and the delivery log. Both are per user: a caller only ever reads its
 * own (the user id comes from the verified principal), which is the scope here.
 */
@Injectable()
export class NotificationsRepository implements OnModuleInit {
  private readonly prefs: Collection<NotificationPreferencesDocument>;
  private readonly log: Collection<NotificationLogDocument>;
  private readonly tickets: Collection<TicketDocument>;
  private readonly teams: Collection<TeamDocument>;
  private readonly users: Collection<UserDocument>;
  private readonly circuits: Collection<CircuitDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.prefs = db.collection(COLLECTIONS.notificationPreferences);
    this.log = db.collection(COLLECTIONS.notificationLog);
    this.tickets = db.collection(COLLECTIONS.tickets);
    this.teams = db.collection(COLLECTIONS.ticketTeams);
    this.users = db.collection(COLLECTIONS.users);
    this.circuits = db.collection(COLLECTIONS.circuits);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.log, [
      { key: { recipientUserId: 1, createdAt: -1 } },
      { key: { ticketId: 1 } },
    ]);
  }

  preferencesOf(userId: string): Promise<NotificationPreferencesDocument | null> {
    return this.prefs.findOne({ _id: userId });
  }

  async savePreferences(doc: NotificationPreferencesDocument): Promise<void> {
    await this.prefs.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async listOwnLog(
    userId: string,
    page: PageRequest,
  ): Promise<PageResult<NotificationLogDocument>> {
    const filter = { recipientUserId: userId };
    const [items, total] = await Promise.all([
      this.log
        .find(filter)
        .sort({ createdAt: -1, _id: 1 })
        .skip(skipOf(page))
        .limit(page.pageSize)
        .toArray(),
      this.log.countDocuments(filter),
    ]);
    return { items, total };
  }

  /**
   * Claims a delivery: true when this call created the entry or the earlier try did not
   * get through, false when it was sent already (a retried fan-out skips it).
   */
  async claim(entry: NotificationLogDocument): Promise<boolean> {
    try {
      await this.log.insertOne(entry);
      return true;
    } catch (error) {
      if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
      const existing = await this.log.findOne({ _id: entry._id });
      return existing !== null && existing.status !== 'sent' && existing.status !== 'skipped';
    }
  }

  async mark(
    id: string,
    status: NotificationLogDocument['status'],
    error: string | null,
    now: Date,
  ): Promise<void> {
    await this.log.updateOne(
      { _id: id },
      {
        $set: { status, lastError: error, ...(status === 'sent' ? { sentAt: now } : {}) },
        $inc: { attempts: 1 },
      },
    );
  }

  ticket(id: string): Promise<TicketDocument | null> {
    return this.tickets.findOne({ _id: id });
  }

  team(id: string): Promise<TeamDocument | null> {
    return this.teams.findOne({ _id: id });
  }

  /** What a circuit-fault push needs of the circuit: its name and scope keys. */
  circuit(
    id: string,
  ): Promise<Pick<CircuitDocument, '_id' | 'name' | 'customerId' | 'orgPath'> | null> {
    return this.circuits.findOne(
      { _id: id },
      { projection: { _id: 1, name: 1, customerId: 1, orgPath: 1 } },
    );
  }

  user(id: string): Promise<UserDocument | null> {
    return this.users.findOne({ _id: id, disabled: false });
  }
}
