import { Injectable } from '@nestjs/common';

import type { AccessScope } from '../auth/access-scope';
import type { QueueDto, QueuesDto, TeamDto } from './dto/team.dto';
import { TicketsRepository } from './tickets.repository';

@Injectable()
export class TeamsService {
  constructor(private readonly tickets: TicketsRepository) {}

  async list(): Promise<TeamDto[]> {
    return (await this.tickets.listTeams()).map((t) => ({
      id: t._id,
      name: t.name,
      nameEn: t.nameEn,
      regions: t.regions,
      memberUserIds: t.memberUserIds,
      leadUserId: t.leadUserId,
      dutyManagerUserId: t.dutyManagerUserId,
    }));
  }

  /** Open tickets grouped by team and region (counted here: FerretDB's $group has $sum only). */
  async queues(scope: AccessScope): Promise<QueuesDto> {
    const open = await this.tickets.openForQueues(scope);
    const groups = new Map<string, QueueDto>();
    for (const t of open) {
      const key = `${t.teamId ?? ''}|${t.region ?? ''}`;
      const q = groups.get(key) ?? {
        teamId: t.teamId,
        region: t.region,
        open: 0,
        undispatched: 0,
        breached: 0,
      };
      q.open += 1;
      if (!t.assignment?.engineerUserId) q.undispatched += 1;
      if (t.sla?.restore?.breachedAt) q.breached += 1;
      groups.set(key, q);
    }
    return { queues: [...groups.values()].sort((a, b) => b.open - a.open) };
  }
}
