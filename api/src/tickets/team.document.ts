/** An operator team: a ticket queue for some regions, with whom escalation calls. */
export interface TeamDocument {
  _id: string;
  name: string;
  nameEn: string;
  /** Cities (site `city`) this team takes; `*` for the catch-all team. */
  regions: string[];
  /** User ids. */
  memberUserIds: string[];
  leadUserId: string | null;
  dutyManagerUserId: string | null;
}
