import { Injectable, NotFoundException } from '@nestjs/common';

import type { AccessScope } from '../auth/access-scope';
import { parseSortSpec, toMongoSort } from '../common/paging/sort-spec';
import type { AlarmDocument } from '../database/documents';
import { AlarmsRepository } from './alarms.repository';
import type { AlarmListQueryDto } from './dto/alarm-list-query.dto';
import type { AlarmDetailDto, AlarmDto, AlarmPageDto, AlarmRefDto } from './dto/alarm.dto';

const SORT_FIELDS: Readonly<Record<string, string>> = {
  id: '_id',
  alarmRaisedTime: 'alarmRaisedTime',
  alarmChangedTime: 'alarmChangedTime',
  alarmClearedTime: 'alarmClearedTime',
  state: 'state',
};

export const ALARM_NOT_FOUND = 'No such alarm.';

/** What a caller may see of an alarm's neighbourhood: circuit names and linked alarms. */
interface Visibility {
  circuits: ReadonlyMap<string, string>;
  alarms: ReadonlySet<string>;
}

const linkedIds = (a: AlarmDocument): string[] => [
  ...(a.rootCauseAlarmIds ?? []),
  ...(a.correlatedAlarmIds ?? []),
];

@Injectable()
export class AlarmsService {
  constructor(private readonly alarms: AlarmsRepository) {}

  async list(scope: AccessScope, query: AlarmListQueryDto): Promise<AlarmPageDto> {
    const sort = toMongoSort(parseSortSpec(query.sort), SORT_FIELDS, [
      { field: 'alarmRaisedTime', direction: -1 },
    ]);
    const page = { page: query.page, pageSize: query.pageSize };
    const criteria = {
      state: query.state,
      perceivedSeverity: query.severity,
      ackState: query.ackState,
      circuitId: query.circuitId,
    };
    const result = await this.alarms.list(scope, criteria, page, sort);
    const visible = await this.visibility(scope, result.items);
    const items = result.items.map((a) => toDto(a, visible));
    return { items, page: page.page, pageSize: page.pageSize, total: result.total };
  }

  findVisible(scope: AccessScope, id: string): Promise<AlarmDocument | null> {
    return this.alarms.findVisible(scope, id);
  }

  /** One alarm with its linked alarms; 404 outside the scope. */
  async detail(scope: AccessScope, id: string): Promise<AlarmDetailDto> {
    const alarm = await this.alarms.findVisible(scope, id);
    if (!alarm) throw new NotFoundException(ALARM_NOT_FOUND);
    return this.detailOf(scope, alarm);
  }

  /** The detail of an alarm the caller is known to see (after an operation on it). */
  async detailOf(scope: AccessScope, alarm: AlarmDocument): Promise<AlarmDetailDto> {
    const linked = await this.alarms.findManyVisible(scope, linkedIds(alarm));
    const visible = await this.visibility(scope, [alarm, ...linked]);
    const staff = scope.kind === 'all';
    return {
      ...toDto(alarm, visible),
      occurrences: alarm.occurrences,
      ackUserId: staff ? (alarm.ackUserId ?? null) : null,
      ackSystemId: alarm.ackState === 'acknowledged' ? (alarm.ackSystemId ?? null) : null,
      clearUserId: staff ? (alarm.clearUserId ?? null) : null,
      clearSystemId:
        alarm.state === 'cleared' ? (alarm.clearSystemId ?? alarm.sourceSystemId) : null,
      comment: staff
        ? (alarm.comments ?? []).map((c) => ({
            comment: c.comment,
            time: new Date(c.time).toISOString(),
            userId: c.userId,
            systemId: c.systemId,
          }))
        : [],
      linkedAlarms: linked.map((a) => toDto(a, visible)),
    };
  }

  private async visibility(scope: AccessScope, alarms: AlarmDocument[]): Promise<Visibility> {
    const [circuits, linked] = await Promise.all([
      this.alarms.visibleCircuitNames(
        scope,
        alarms.flatMap((a) => a.affectedCircuitIds),
      ),
      this.alarms.visibleIds(scope, alarms.flatMap(linkedIds)),
    ]);
    return { circuits, alarms: linked };
  }
}

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

function refs(ids: readonly string[] | undefined, visible: ReadonlySet<string>): AlarmRefDto[] {
  return (ids ?? [])
    .filter((id) => visible.has(id))
    .map((id) => ({ id, href: `/api/v1/alarms/${id}` }));
}

function toDto(a: AlarmDocument, visible: Visibility): AlarmDto {
  const affected = a.affectedCircuitIds.filter((id) => visible.circuits.has(id));
  return {
    id: a._id,
    alarmType: a.alarmType,
    perceivedSeverity: a.perceivedSeverity,
    probableCause: a.probableCause,
    specificProblem: a.specificProblem,
    state: a.state,
    ackState: a.ackState,
    alarmRaisedTime: new Date(a.alarmRaisedTime).toISOString(),
    alarmChangedTime: new Date(a.alarmChangedTime).toISOString(),
    alarmClearedTime: iso(a.alarmClearedTime),
    serviceAffecting: a.serviceAffecting,
    alarmedObject: {
      id: a.alarmedObject.id,
      '@referredType': a.alarmedObject.type === 'interface' ? 'NetworkInterface' : 'NetworkElement',
      name: a.alarmedObject.name,
    },
    affectedService: affected.map((id) => ({ id, name: visible.circuits.get(id) ?? id })),
    affectedCircuits: affected,
    isRootCause: a.isRootCause ?? false,
    rootCauseAlarm: refs(a.rootCauseAlarmIds, visible.alarms),
    correlatedAlarm: refs(a.correlatedAlarmIds, visible.alarms),
  };
}
