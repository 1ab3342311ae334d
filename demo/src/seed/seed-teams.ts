import type { Db } from 'mongodb';

/**
 * The demo's operator teams (ticket queues), written after the demo users exist: a team
 * names its members, lead and duty manager by user id, and provisioning gives users
 * random ids, so the seed looks them up by username.
 *
 * The shape and collection equal the API's TeamDocument and COLLECTIONS.ticketTeams
 * (api/src/tickets/team.document.ts); repeated here because demo/ never imports the API.
 */
export const TEAMS_COLLECTION = 'ticketTeams';

export interface DemoTeamDocument {
  _id: string;
  name: string;
  nameEn: string;
  /** Site cities (`site.city`) this team takes; `*` for the catch-all team. */
  regions: string[];
  memberUserIds: string[];
  leadUserId: string | null;
  dutyManagerUserId: string | null;
}

interface DemoTeamSpec {
  _id: string;
  name: string;
  nameEn: string;
  regions: string[];
  members: string[];
  lead: string;
  dutyManager: string;
}

/**
 * Wuhan's field team takes the Wuhan sites; the provincial team takes every other city.
 * field.wang belongs to both, so a NOC operator can dispatch any demo ticket to him.
 */
export const DEMO_TEAMS: readonly DemoTeamSpec[] = [
  {
    _id: 'team-wuhan',
    name: '武汉现场维护班',
    nameEn: 'Wuhan field team',
    regions: ['武汉'],
    members: ['field.wang'],
    lead: 'noc.li',
    dutyManager: 'admin',
  },
  {
    _id: 'team-hubei',
    name: '湖北省综合维护中心',
    nameEn: 'Hubei maintenance centre',
    regions: ['*'],
    members: ['field.wang'],
    lead: 'noc.li',
    dutyManager: 'admin',
  },
];

export class DemoTeamsError extends Error {}

/** Upserts the demo teams; fails, writing nothing, when a named user was not provisioned. */
export async function seedDemoTeams(
  db: Db,
  teams: readonly DemoTeamSpec[] = DEMO_TEAMS,
): Promise<DemoTeamDocument[]> {
  const usernames = [...new Set(teams.flatMap((t) => [...t.members, t.lead, t.dutyManager]))];
  const users = await db
    .collection<{ _id: string; username: string }>('users')
    .find({ username: { $in: usernames } }, { projection: { _id: 1, username: 1 } })
    .toArray();
  const idOf = new Map(users.map((u) => [u.username, u._id]));
  const missing = usernames.filter((u) => !idOf.has(u));
  if (missing.length > 0) {
    throw new DemoTeamsError(
      `users ${missing.join(', ')} do not exist (provision api/fixtures/demo-users.json first)`,
    );
  }
  const docs = teams.map((t): DemoTeamDocument => ({
    _id: t._id,
    name: t.name,
    nameEn: t.nameEn,
    regions: t.regions,
    memberUserIds: t.members.map((u) => idOf.get(u)!),
    leadUserId: idOf.get(t.lead)!,
    dutyManagerUserId: idOf.get(t.dutyManager)!,
  }));
  const col = db.collection<DemoTeamDocument>(TEAMS_COLLECTION);
  for (const doc of docs) await col.replaceOne({ _id: doc._id }, doc, { upsert: true });
  return docs;
}
