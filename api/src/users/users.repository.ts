import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db } from 'mongodb';

import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type { UserDocument } from '../database/documents';

/** The fields a provisioning file sets; `_id` and `createdAt` are fixed at first insert, and provisioning re-enables a user (`disabled: false`). */
export type UserProvisioning = Omit<UserDocument, '_id' | 'createdAt' | 'disabled'>;

/**
 * Users are read by the authentication itself (not on behalf of a caller), so these
 * reads take no AccessScope; no user-facing listing exists yet.
 */
@Injectable()
export class UsersRepository implements OnModuleInit {
  private readonly users: Collection<UserDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.users = db.collection<UserDocument>(COLLECTIONS.users);
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  /** Idempotent: every replica runs it at start. */
  async ensureIndexes(): Promise<void> {
    await this.users.createIndex({ username: 1 }, { unique: true });
  }

  findForLogin(username: string): Promise<UserDocument | null> {
    return this.users.findOne({ username });
  }

  findEnabledById(id: string): Promise<UserDocument | null> {
    return this.users.findOne({ _id: id, disabled: false });
  }

  /** Creates or updates by username; returns whether the user was new. */
  async upsertByUsername(user: UserProvisioning, newId: string, now: Date): Promise<boolean> {
    const result = await this.users.updateOne(
      { username: user.username },
      {
        $set: { ...user, disabled: false },
        $setOnInsert: { _id: newId, createdAt: now },
      },
      { upsert: true },
    );
    return result.upsertedCount > 0;
  }
}
