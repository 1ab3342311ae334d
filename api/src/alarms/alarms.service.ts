import { Injectable } from '@nestjs/common';

import type { AccessScope } from '../auth/access-scope';
import { parseSortSpec, toMongoSort } from '../common/paging/sort-spec';
import type { AlarmDocument } from '../database/documents';
import { AlarmsRepository } from './alarms.repository';
import type { AlarmListQueryDto } from './dto/alarm-list-query.dto';
import type { AlarmDto, AlarmPageDto } from './dto/alarm.dto';

const SORT_FIELDS: Readonly<Record<string, string>> = {
  id: '_id',
  alarmRaisedTime: 'alarmRaisedTime',
  alarmChangedTime: 'alarmChangedTime',
  alarmClearedTime: 'alarmClearedTime',
  state: 'state',
};

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
    const names = await this.alarms.visibleCircuitNames(
      scope,
      result.items.flatMap((a) => a.affectedCircuitIds),
    );
    const items = result.items.map((a) => toDto(a, names));
    return { items, page: page.page, pageSize: page.pageSize, total: result.total };
  }
}

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

function toDto(a: AlarmDocument, visible: ReadonlyMap<string, string>): AlarmDto {
  const affected = a.affectedCircuitIds.filter((id) => visible.has(id));
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
    affectedService: affected.map((id) => ({ id, name: visible.get(id) ?? id })),
    affectedCircuits: affected,
  };
}
