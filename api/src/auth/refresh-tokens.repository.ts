import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Collection, type Db, MongoServerError } from 'mongodb';

import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import { ensureIndexes } from '../database/ensure-indexes';

/**
 * One refresh token. The token itself is never stored: `_id` is its SHA-256 (the
 * token has 256 random bits, so a fast hash suffices). A family is one sign-in and
 * every token rotated from it.
 */
export interface RefreshTokenDocument {
  _id: string;
  familyId: string;
  userId: string;
  /** The user's sessionEpoch when issued: a later "revoke all" invalidates it. */
  sessionEpoch: string;
  createdAt: Date;
  expiresAt: Date;
  /** Set when rotated: presenting it again is reuse. */
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** Sessions are the user's own: read by the token (a secret), no AccessScope involved. */
@Injectable()
export class RefreshTokensRepository implements OnModuleInit {
  private readonly tokens: Collection<RefreshTokenDocument>;
  private readonly claims: Collection<{ _id: string; at: Date }>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.tokens = db.collection<RefreshTokenDocument>(COLLECTIONS.refreshTokens);
    this.claims = db.collection<{ _id: string; at: Date }>(COLLECTIONS.refreshTokenClaims);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.tokens, [{ key: { familyId: 1 } }, { key: { userId: 1 } }]);
  }

  async insert(token: RefreshTokenDocument): Promise<void> {
    await this.tokens.insertOne(token);
  }

  /**
   * Marks an unused, unrevoked token used and returns it; null if it is unknown, used
   * or revoked. Two concurrent refreshes cannot both rotate it: the claim is an insert
   * under the token's own id, which a unique index lets through once. A conditional
   * update alone is not enough on FerretDB 1.24, which runs it as a read, then a write
   * by `_id` (both requests read `usedAt: null`, both write); on MongoDB it would be.
   */
  async consume(id: string, now: Date): Promise<RefreshTokenDocument | null> {
    try {
      await this.claims.insertOne({ _id: id, at: now });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return null;
      throw error;
    }
    const result = await this.tokens.updateOne(
      { _id: id, usedAt: null, revokedAt: null },
      { $set: { usedAt: now } },
    );
    return result.modifiedCount === 0 ? null : this.tokens.findOne({ _id: id });
  }

  findById(id: string): Promise<RefreshTokenDocument | null> {
    return this.tokens.findOne({ _id: id });
  }

  async revokeFamily(familyId: string, now: Date): Promise<number> {
    const result = await this.tokens.updateMany(
      { familyId, revokedAt: null },
      { $set: { revokedAt: now } },
    );
    return result.modifiedCount;
  }

  async revokeUser(userId: string, now: Date): Promise<number> {
    const result = await this.tokens.updateMany(
      { userId, revokedAt: null },
      { $set: { revokedAt: now } },
    );
    return result.modifiedCount;
  }

  /** Housekeeping at sign-in: the user's tokens expired for a day are no longer needed for reuse detection. */
  async deleteExpired(userId: string, before: Date): Promise<void> {
    const expired = await this.tokens
      .find({ userId, expiresAt: { $lt: before } }, { projection: { _id: 1 } })
      .toArray();
    await this.tokens.deleteMany({ userId, expiresAt: { $lt: before } });
    // One by one: FerretDB reads the whole collection for a `$in`.
    for (const { _id } of expired) await this.claims.deleteOne({ _id });
  }
}
