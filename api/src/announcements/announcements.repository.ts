import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db, Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { andFilters } from '../circuits/circuit-scope.filter';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type { CustomerDocument, UserDocument } from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import type { NotificationPreferencesDocument } from '../notifications/notification.document';
import type { AnnouncementDocument } from './announcement.document';

/** What a scope may read: announcements to everyone, and those addressed to its customers. */
export function announcementScopeFilter(scope: AccessScope): Filter<AnnouncementDocument> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      return { $or: [{ audience: 'all' }, { customerIds: { $in: [...scope.customerIds] } }] };
    case 'org-subtree':
      // A maintenance announcement names the work (and so the branch): only to the subtrees it touches.
      return {
        $or: [
          { audience: 'all' },
          { customerIds: scope.customerId, kind: 'platform' },
          { customerIds: scope.customerId, orgUnitIds: scope.orgUnitId },
        ],
      };
    case 'dispatched':
    case 'none':
      return { audience: 'all' };
  }
}

@Injectable()
export class AnnouncementsRepository implements OnModuleInit {
  private readonly announcements: Collection<AnnouncementDocument>;
  private readonly users: Collection<UserDocument>;
  private readonly prefs: Collection<NotificationPreferencesDocument>;
  private readonly customers: Collection<CustomerDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.announcements = db.collection(COLLECTIONS.announcements);
    this.users = db.collection(COLLECTIONS.users);
    this.prefs = db.collection(COLLECTIONS.notificationPreferences);
    this.customers = db.collection(COLLECTIONS.customers);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.announcements, [
      { key: { publishAt: -1 } },
      { key: { maintenanceWindowId: 1 } },
    ]);
  }

  async insert(doc: AnnouncementDocument): Promise<void> {
    await this.announcements.insertOne(doc);
  }

  findById(scope: AccessScope, id: string): Promise<AnnouncementDocument | null> {
    return this.announcements.findOne(andFilters(announcementScopeFilter(scope), { _id: id }));
  }

  byId(id: string): Promise<AnnouncementDocument | null> {
    return this.announcements.findOne({ _id: id });
  }

  byMaintenanceWindow(windowId: string): Promise<AnnouncementDocument | null> {
    return this.announcements.findOne({ maintenanceWindowId: windowId });
  }

  async list(
    scope: AccessScope,
    current: Date | null,
    page: PageRequest,
  ): Promise<PageResult<AnnouncementDocument>> {
    const filter = andFilters(
      announcementScopeFilter(scope),
      current ? { publishAt: { $lte: current }, expiresAt: { $gt: current } } : {},
    );
    const [items, total] = await Promise.all([
      this.announcements
        .find(filter)
        .sort({ publishAt: -1, _id: 1 })
        .skip(skipOf(page))
        .limit(page.pageSize)
        .toArray(),
      this.announcements.countDocuments(filter),
    ]);
    return { items, total };
  }

  async unknownCustomers(ids: readonly string[]): Promise<string[]> {
    const known = new Set<string>();
    for (const id of ids)
      if (await this.customers.findOne({ _id: id }, { projection: { _id: 1 } })) known.add(id);
    return ids.filter((id) => !known.has(id));
  }

  /**
   * E-mail addresses of the people to tell: the customers' admins and their account
   * managers, from their notification settings (e-mail on).
   */
  async recipientsFor(customerIds: readonly string[] | 'all'): Promise<string[]> {
    const users = await this.users
      .find(
        { disabled: false, role: { $in: ['customer-admin', 'account-manager'] } },
        { projection: { _id: 1, role: 1, customerId: 1, assignedCustomerIds: 1 } },
      )
      .toArray();
    const wanted = users.filter(
      (u) =>
        customerIds === 'all' ||
        (u.role === 'customer-admin'
          ? customerIds.includes(u.customerId ?? '')
          : u.assignedCustomerIds.some((c) => customerIds.includes(c))),
    );
    const out = new Set<string>();
    for (const u of wanted) {
      const p = await this.prefs.findOne({ _id: u._id });
      if (p?.email && p.emailEnabled) out.add(p.email.toLowerCase());
    }
    return [...out].sort();
  }

  async markNotified(id: string, recipients: readonly string[], at: Date): Promise<void> {
    await this.announcements.updateOne(
      { _id: id },
      { $set: { notified: [...recipients], notifiedAt: at } },
    );
  }
}
