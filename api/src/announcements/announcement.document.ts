/** A notice shown to customers (collection `announcements`). */
export interface AnnouncementDocument {
  _id: string;
  kind: 'platform' | 'maintenance';
  title: string;
  body: string;
  /** `all`: every customer; `customers`: those in `customerIds`. */
  audience: 'all' | 'customers';
  customerIds: string[];
  /**
   * For a maintenance announcement: the org units of the affected circuits (an org-subtree
   * user sees it only if the window touches its subtree). Empty: the whole customer.
   */
  orgUnitIds: string[];
  maintenanceWindowId: string | null;
  /** Shown from `publishAt` until `expiresAt`. */
  publishAt: Date;
  expiresAt: Date;
  createdBy: string;
  createdAt: Date;
  /** Who was mailed (addresses), once the notification job ran. */
  notified: string[];
  notifiedAt: Date | null;
}
