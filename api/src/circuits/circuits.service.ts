import { Injectable, NotFoundException } from '@nestjs/common';

import { AlarmsRepository } from '../alarms/alarms.repository';
import type { AccessScope } from '../auth/access-scope';
import { parseSortSpec, toMongoSort } from '../common/paging/sort-spec';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import type { CircuitDocument } from '../database/documents';
import { CircuitsRepository } from './circuits.repository';
import type { CircuitDetailDto } from './dto/circuit-detail.dto';
import type { CircuitListQueryDto } from './dto/circuit-list-query.dto';
import type { CircuitPageDto, CircuitSummaryDto } from './dto/circuit-summary.dto';

const SORT_FIELDS: Readonly<Record<string, string>> = {
  id: '_id',
  name: 'name',
  product: 'product',
  state: 'state',
  stateSince: 'stateSince',
  bandwidthBps: 'bandwidthBps',
  slaClass: 'slaClass',
  customerId: 'customerId',
  orgUnitId: 'orgUnitId',
};

@Injectable()
export class CircuitsService {
  constructor(
    private readonly circuits: CircuitsRepository,
    private readonly alarms: AlarmsRepository,
  ) {}

  async list(scope: AccessScope, query: CircuitListQueryDto): Promise<CircuitPageDto> {
    const sort = toMongoSort(parseSortSpec(query.sort), SORT_FIELDS, [
      { field: 'id', direction: 1 },
    ]);
    if (
      query.bandwidthMin !== undefined &&
      query.bandwidthMax !== undefined &&
      query.bandwidthMin > query.bandwidthMax
    ) {
      throw new RequestValidationException([
        { path: 'bandwidthMax', message: 'bandwidthMax must not be less than bandwidthMin' },
      ]);
    }
    const page = { page: query.page, pageSize: query.pageSize };
    const criteria = {
      product: query.product,
      state: query.state,
      customerId: query.customerId,
      siteId: query.siteId,
      orgUnitId: query.orgUnitId,
      bandwidthMin: query.bandwidthMin,
      bandwidthMax: query.bandwidthMax,
      hasAlarm: query.hasAlarm,
      q: query.q,
    };
    const result = await this.circuits.list(scope, criteria, page, sort);
    const counts = await this.alarms.countRaisedByCircuit(
      scope,
      result.items.map((c) => c._id),
    );
    return {
      items: result.items.map((c) => toSummary(c, result.siteNames, counts.get(c._id) ?? 0)),
      page: page.page,
      pageSize: page.pageSize,
      total: result.total,
    };
  }

  /** Out of scope and non-existent are the same 404: no existence leak. */
  async detail(scope: AccessScope, id: string): Promise<CircuitDetailDto> {
    const found = await this.circuits.findWithInventory(scope, id);
    if (!found) {
      throw new NotFoundException(`Circuit ${id} not found.`);
    }
    const { circuit, sites, elements } = found;
    const counts = await this.alarms.countRaisedByCircuit(scope, [circuit._id]);
    const siteNames = new Map([...sites.values()].map((s) => [s._id, s.name]));
    const end = (e: CircuitDocument['aEnd']): CircuitDetailDto['aEnd'] => ({
      siteId: e.siteId,
      siteName: sites.get(e.siteId)?.name ?? null,
      deviceId: e.deviceId,
      deviceName: elements.get(e.deviceId)?.name ?? null,
      mgmtIp: e.mgmtIp,
      ifIndex: e.ifIndex,
    });
    return {
      ...toSummary(circuit, siteNames, counts.get(circuit._id) ?? 0),
      aEnd: end(circuit.aEnd),
      zEnd: end(circuit.zEnd),
      route: circuit.route.map((hop) => ({
        deviceId: hop.deviceId,
        name: elements.get(hop.deviceId)?.name ?? null,
        role: elements.get(hop.deviceId)?.role ?? null,
        ifIndexes: [hop.inIfIndex, hop.outIfIndex].filter((i): i is number => i !== null),
        linkId: hop.linkId,
      })),
    };
  }
}

function toSummary(
  c: CircuitDocument,
  siteNames: ReadonlyMap<string, string>,
  activeAlarmCount: number,
): CircuitSummaryDto {
  return {
    id: c._id,
    name: c.name,
    customerId: c.customerId,
    orgUnitId: c.orgUnitId,
    product: c.product,
    bandwidthBps: c.bandwidthBps,
    slaClass: c.slaClass,
    state: c.state,
    stateSince: new Date(c.stateSince).toISOString(),
    aEnd: { siteId: c.aEnd.siteId, siteName: siteNames.get(c.aEnd.siteId) ?? null },
    zEnd: { siteId: c.zEnd.siteId, siteName: siteNames.get(c.zEnd.siteId) ?? null },
    activeAlarmCount,
  };
}
