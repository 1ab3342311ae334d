import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db, Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  CustomerDocument,
  OrgUnitDocument,
  Role,
  UserDocument,
  UserTotp,
} from '../database/documents';

/** The fields a provisioning file sets; `_id` and `createdAt` are fixed at first insert, and provisioning re-enables a user (`disabled: false`). */
export type UserProvisioning = Omit<
  UserDocument,
  '_id' | 'createdAt' | 'disabled' | 'updatedAt' | 'sessionEpoch' | 'totp'
>;

export interface UserCriteria {
  role?: Role;
  customerId?: string;
  disabled?: boolean;
  /** Username prefix, case-sensitive (usernames are lower-case). */
  q?: string;
}

/** Fields an administrator may change. */
export type UserChanges = Partial<
  Pick<
    UserDocument,
    | 'displayName'
    | 'role'
    | 'customerId'
    | 'orgUnitId'
    | 'assignedCustomerIds'
    | 'disabled'
    | 'passwordHash'
    | 'sessionEpoch'
  >
>;

/**
 * Users as managed by administrators (scoped reads and writes) and as read by the
 * authentication itself (`findForLogin`, `findEnabledById`, the TOTP state: no scope,
 * since no caller is established yet or the caller is the user itself).
 */
@Injectable()
export class UsersRepository implements OnModuleInit {
  private readonly users: Collection<UserDocument>;
  private readonly customers: Collection<CustomerDocument>;
  private readonly orgUnits: Collection<OrgUnitDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.users = db.collection<UserDocument>(COLLECTIONS.users);
    this.customers = db.collection<CustomerDocument>(COLLECTIONS.customers);
    this.orgUnits = db.collection<OrgUnitDocument>(COLLECTIONS.orgUnits);
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  /** Idempotent: every replica runs it at start. */
  async ensureIndexes(): Promise<void> {
    await this.users.createIndex({ username: 1 }, { unique: true });
    await this.users.createIndex({ customerId: 1, username: 1 });
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
        $set: { ...user, disabled: false, updatedAt: now },
        $setOnInsert: { _id: newId, createdAt: now },
      },
      { upsert: true },
    );
    return result.upsertedCount > 0;
  }

  // --- administration: every read and write takes the caller's scope ---

  async list(
    scope: AccessScope,
    criteria: UserCriteria,
    page: PageRequest,
  ): Promise<PageResult<UserDocument>> {
    const filter = withUserScope(scope, criteriaFilter(criteria));
    if (!filter) {
      return { items: [], total: 0 };
    }
    const [items, total] = await Promise.all([
      this.users
        .find(filter)
        .sort({ username: 1, _id: 1 })
        .skip(skipOf(page))
        .limit(page.pageSize)
        .toArray(),
      this.users.countDocuments(filter),
    ]);
    return { items, total };
  }

  findById(scope: AccessScope, id: string): Promise<UserDocument | null> {
    const filter = withUserScope(scope, { _id: id });
    return filter ? this.users.findOne(filter) : Promise.resolve(null);
  }

  /** Throws the driver's duplicate-key error (code 11000) when the username is taken. */
  async insert(user: UserDocument): Promise<void> {
    await this.users.insertOne(user);
  }

  /** Applies the changes if the user is in scope; returns the user after them, or null. */
  async update(
    scope: AccessScope,
    id: string,
    changes: UserChanges,
    now: Date,
  ): Promise<UserDocument | null> {
    const filter = withUserScope(scope, { _id: id });
    if (!filter) {
      return null;
    }
    const result = await this.users.updateOne(filter, { $set: { ...changes, updatedAt: now } });
    return result.matchedCount === 0 ? null : this.users.findOne({ _id: id });
  }

  /** Removes the second factor of a user in scope; false when out of scope. */
  async clearTotpScoped(scope: AccessScope, id: string, now: Date): Promise<boolean> {
    const filter = withUserScope(scope, { _id: id });
    if (!filter) {
      return false;
    }
    const result = await this.users.updateOne(filter, {
      $unset: { totp: '' },
      $set: { updatedAt: now },
    });
    return result.matchedCount > 0;
  }

  customerExists(customerId: string): Promise<boolean> {
    return this.customers
      .findOne({ _id: customerId }, { projection: { _id: 1 } })
      .then((c) => c !== null);
  }

  /** Whether the org unit exists and belongs to the customer. */
  orgUnitBelongs(orgUnitId: string, customerId: string): Promise<boolean> {
    return this.orgUnits
      .findOne({ _id: orgUnitId }, { projection: { customerId: 1 } })
      .then((u) => u !== null && u.customerId === customerId);
  }

  rootOrgUnitOf(customerId: string): Promise<string | null> {
    return this.customers
      .findOne({ _id: customerId }, { projection: { rootOrgUnitId: 1 } })
      .then((c) => c?.rootOrgUnitId ?? null);
  }

  // --- the user's own session state (called for the authenticated user itself) ---

  async setSessionEpoch(id: string, epoch: string, now: Date): Promise<void> {
    await this.users.updateOne({ _id: id }, { $set: { sessionEpoch: epoch, updatedAt: now } });
  }

  async setPasswordHash(id: string, passwordHash: string, epoch: string, now: Date): Promise<void> {
    await this.users.updateOne(
      { _id: id },
      { $set: { passwordHash, sessionEpoch: epoch, updatedAt: now } },
    );
  }

  /** Starts (or restarts) an unconfirmed enrolment; refused (false) once a factor is confirmed. */
  async startTotp(id: string, totp: UserTotp): Promise<boolean> {
    const result = await this.users.updateOne(
      { _id: id, 'totp.confirmed': { $ne: true } },
      { $set: { totp, updatedAt: totp.enrolledAt } },
    );
    return result.matchedCount > 0;
  }

  /**
   * Records `step` as the last accepted TOTP step if it is later than the stored one,
   * in one conditional update: of two replicas checking the same code at once, one wins.
   * `confirm` also marks an enrolment confirmed. False: a replay (or no enrolment).
   */
  async acceptTotpStep(id: string, step: number, confirm: boolean): Promise<boolean> {
    const result = await this.users.updateOne(
      { _id: id, 'totp.lastStep': { $lt: step } },
      { $set: { 'totp.lastStep': step, ...(confirm ? { 'totp.confirmed': true } : {}) } },
    );
    return result.modifiedCount > 0;
  }

  async clearTotp(id: string, now: Date): Promise<void> {
    await this.users.updateOne({ _id: id }, { $unset: { totp: '' }, $set: { updatedAt: now } });
  }
}

function criteriaFilter(criteria: UserCriteria): Filter<UserDocument> {
  const filter: Filter<UserDocument> = {};
  if (criteria.role) filter.role = criteria.role;
  if (criteria.customerId) filter.customerId = criteria.customerId;
  if (criteria.disabled !== undefined) filter.disabled = criteria.disabled;
  if (criteria.q) {
    filter.username = { $regex: `^${criteria.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` };
  }
  return filter;
}

/**
 * Operator scope sees every user; a customer scope (a customer-admin: its own customer)
 * sees that customer's users only; org-subtree and none see no user. Null: nothing.
 */
export function withUserScope(
  scope: AccessScope,
  criteria: Filter<UserDocument>,
): Filter<UserDocument> | null {
  switch (scope.kind) {
    case 'all':
      return criteria;
    case 'customers':
      return scope.customerIds.length === 0
        ? null
        : { $and: [criteria, { customerId: { $in: [...scope.customerIds] } }] };
    case 'org-subtree':
    case 'dispatched':
    case 'none':
      return null;
  }
}
