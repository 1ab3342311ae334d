import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Collection, type Db, type Filter, MongoServerError } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { withCircuitScope } from '../circuits/circuit-scope.filter';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  AlarmDocument,
  CircuitDocument,
  CustomerDocument,
  MaintenanceWindowDocument,
  OrgUnitDocument,
  SiteDocument,
  UserDocument,
} from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import type { TeamDocument } from './team.document';
import { withTicketScope } from './ticket-scope.filter';
import {
  OPEN_STATUSES,
  type TicketDocument,
  type TicketStatus,
  type TicketType,
} from './ticket.document';

export interface TicketCriteria {
  status?: TicketStatus[];
  ticketType?: TicketType;
  customerId?: string;
  circuitId?: string;
  teamId?: string;
  region?: string;
  fieldEngineerId?: string;
  /** Only tickets whose restore clock breached. */
  breached?: boolean;
}

export type TicketCircuit = Pick<
  CircuitDocument,
  | '_id'
  | 'name'
  | 'customerId'
  | 'orgUnitId'
  | 'orgPath'
  | 'slaClass'
  | 'bandwidthBps'
  | 'state'
  | 'stateSince'
  | 'activeAlarmIds'
  | 'aEnd'
  | 'zEnd'
  | 'product'
>;

const CIRCUIT_PROJECTION = {
  _id: 1,
  name: 1,
  customerId: 1,
  orgUnitId: 1,
  orgPath: 1,
  slaClass: 1,
  bandwidthBps: 1,
  state: 1,
  stateSince: 1,
  activeAlarmIds: 1,
  aEnd: 1,
  zEnd: 1,
  product: 1,
} as const;

/**
 * Tickets and the inventory they need. User-facing reads and writes take the caller's
 * AccessScope; the `…System` methods serve the timers and sweeps of the job
 * processors, which act for no user.
 */
@Injectable()
export class TicketsRepository implements OnModuleInit {
  private readonly tickets: Collection<TicketDocument>;
  private readonly teams: Collection<TeamDocument>;
  private readonly circuits: Collection<CircuitDocument>;
  private readonly sites: Collection<SiteDocument>;
  private readonly users: Collection<UserDocument>;
  private readonly windows: Collection<MaintenanceWindowDocument>;
  private readonly customers: Collection<CustomerDocument>;
  private readonly alarms: Collection<AlarmDocument>;
  private readonly orgUnits: Collection<OrgUnitDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.tickets = db.collection<TicketDocument>(COLLECTIONS.tickets);
    this.teams = db.collection<TeamDocument>(COLLECTIONS.ticketTeams);
    this.circuits = db.collection<CircuitDocument>(COLLECTIONS.circuits);
    this.sites = db.collection<SiteDocument>(COLLECTIONS.sites);
    this.users = db.collection<UserDocument>(COLLECTIONS.users);
    this.windows = db.collection<MaintenanceWindowDocument>(COLLECTIONS.maintenanceWindows);
    this.customers = db.collection<CustomerDocument>(COLLECTIONS.customers);
    this.alarms = db.collection<AlarmDocument>(COLLECTIONS.alarms);
    this.orgUnits = db.collection<OrgUnitDocument>(COLLECTIONS.orgUnits);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.tickets, [
      { key: { customerId: 1, creationDate: -1 } },
      { key: { circuitIds: 1 } },
      { key: { fieldEngineerIds: 1 } },
      { key: { status: 1 } },
      { key: { teamId: 1 } },
      { key: { relatedAlarmIds: 1 } },
    ]);
  }

  /** False when a ticket with this id exists already (a proactive ticket opened twice). */
  async insert(doc: TicketDocument): Promise<boolean> {
    try {
      await this.tickets.insertOne(doc);
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }

  findById(scope: AccessScope, id: string): Promise<TicketDocument | null> {
    return this.tickets.findOne(withTicketScope(scope, { _id: id }));
  }

  async list(
    scope: AccessScope,
    criteria: TicketCriteria,
    page: PageRequest,
    sort: Record<string, 1 | -1>,
  ): Promise<PageResult<TicketDocument>> {
    const filter = withTicketScope(scope, criteriaFilter(criteria));
    const [items, total] = await Promise.all([
      this.tickets.find(filter).sort(sort).skip(skipOf(page)).limit(page.pageSize).toArray(),
      this.tickets.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** Open tickets the scope sees on any of the circuits (one equality query per circuit). */
  async openOnCircuits(
    scope: AccessScope,
    circuitIds: readonly string[],
  ): Promise<TicketDocument[]> {
    const found = new Map<string, TicketDocument>();
    for (const circuitId of circuitIds.slice(0, 50)) {
      const rows = await this.tickets
        .find(withTicketScope(scope, { circuitIds: circuitId }))
        .sort({ creationDate: -1 })
        .limit(20)
        .toArray();
      for (const t of rows) if (OPEN_STATUSES.includes(t.status)) found.set(t._id, t);
    }
    return [...found.values()];
  }

  /**
   * The one write of a ticket: replaces the changed fields iff the stored version is
   * `expectedVersion` (and the ticket is in scope), bumping it. Null when either fails;
   * FerretDB has no transactions, so this single-document guard is what keeps two
   * concurrent edits from losing one.
   */
  update(
    scope: AccessScope | null,
    id: string,
    expectedVersion: number,
    set: Partial<TicketDocument>,
  ): Promise<TicketDocument | null> {
    const base: Filter<TicketDocument> = { _id: id, version: expectedVersion };
    return this.tickets.findOneAndUpdate(
      scope ? withTicketScope(scope, base) : base,
      { $set: { ...set, version: expectedVersion + 1 } },
      { returnDocument: 'after' },
    );
  }

  /** Open tickets with what the queue counts need (one pass; status by equality each). */
  async openForQueues(
    scope: AccessScope,
  ): Promise<Pick<TicketDocument, 'teamId' | 'region' | 'assignment' | 'sla'>[]> {
    const out: Pick<TicketDocument, 'teamId' | 'region' | 'assignment' | 'sla'>[] = [];
    for (const status of OPEN_STATUSES) {
      const rows = await this.tickets
        .find(withTicketScope(scope, { status }), {
          projection: { teamId: 1, region: 1, assignment: 1, sla: 1 },
        })
        .limit(20_000)
        .toArray();
      out.push(...rows);
    }
    return out;
  }

  /** For job processors (timers, sweeps): no user scope. */
  findByIdSystem(id: string): Promise<TicketDocument | null> {
    return this.tickets.findOne({ _id: id });
  }

  /** Tickets already covering an alarm (linked to it). */
  async coveringAlarmSystem(alarmId: string): Promise<TicketDocument[]> {
    return this.tickets.find({ relatedAlarmIds: alarmId }).limit(50).toArray();
  }

  /** Open tickets on a circuit, any customer (proactive sweep). */
  async openOnCircuitSystem(circuitId: string): Promise<TicketDocument[]> {
    const rows = await this.tickets
      .find({ circuitIds: circuitId })
      .sort({ creationDate: -1 })
      .limit(20)
      .toArray();
    return rows.filter((t) => OPEN_STATUSES.includes(t.status));
  }

  /** Raised service-affecting alarms older than `before` (and newer than `after`): proactive candidates. */
  unreportedAlarmCandidatesSystem(before: Date, after: Date): Promise<AlarmDocument[]> {
    return this.alarms
      .find({
        state: 'raised',
        serviceAffecting: true,
        alarmRaisedTime: { $lt: before, $gt: after },
      })
      .sort({ alarmRaisedTime: 1 })
      .limit(200)
      .toArray();
  }

  // Inventory -------------------------------------------------------------------

  findCircuit(scope: AccessScope, id: string): Promise<TicketCircuit | null> {
    return this.circuits.findOne(withCircuitScope(scope, { _id: id }), {
      projection: CIRCUIT_PROJECTION,
    });
  }

  /** Circuits ending at a site, as the scope sees them. */
  circuitsAtSite(scope: AccessScope, siteId: string): Promise<TicketCircuit[]> {
    return this.circuits
      .find(
        withCircuitScope(scope, { $or: [{ 'aEnd.siteId': siteId }, { 'zEnd.siteId': siteId }] }),
        {
          projection: CIRCUIT_PROJECTION,
        },
      )
      .sort({ _id: 1 })
      .limit(50)
      .toArray();
  }

  findCircuitsSystem(ids: readonly string[]): Promise<TicketCircuit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.circuits
      .find({ _id: { $in: [...ids] } }, { projection: CIRCUIT_PROJECTION })
      .toArray();
  }

  findSite(id: string): Promise<SiteDocument | null> {
    return this.sites.findOne({ _id: id });
  }

  /** Changes a circuit's bandwidth iff it still has `from` (a provisioning request applied once). */
  async setCircuitBandwidth(circuitId: string, from: number, to: number): Promise<boolean> {
    const r = await this.circuits.updateOne(
      { _id: circuitId, bandwidthBps: from },
      { $set: { bandwidthBps: to } },
    );
    return r.modifiedCount === 1;
  }

  /** Approved or completed maintenance on any of the circuits overlapping [from, to). */
  maintenanceOn(
    circuitIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<MaintenanceWindowDocument[]> {
    if (circuitIds.length === 0) return Promise.resolve([]);
    const filter: Filter<MaintenanceWindowDocument> =
      circuitIds.length === 1
        ? { circuitIds: circuitIds[0] }
        : { circuitIds: { $in: [...circuitIds] } };
    return this.windows
      .find({
        ...filter,
        status: { $in: ['approved', 'completed'] },
        start: { $lt: to },
        end: { $gt: from },
      })
      .toArray();
  }

  async customerExists(id: string): Promise<boolean> {
    return (await this.customers.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;
  }

  /** The org path (root first) of a unit: the orgUnitIds of a ticket without circuits. */
  async orgPathOf(orgUnitId: string): Promise<string[]> {
    const unit = await this.orgUnits.findOne({ _id: orgUnitId }, { projection: { path: 1 } });
    return unit ? [...unit.path] : [orgUnitId];
  }

  async rootOrgUnit(customerId: string): Promise<string | null> {
    return (await this.customers.findOne({ _id: customerId }))?.rootOrgUnitId ?? null;
  }

  // Teams and users ---------------------------------------------------------------

  listTeams(): Promise<TeamDocument[]> {
    return this.teams.find({}).sort({ _id: 1 }).toArray();
  }

  /** The team taking a region's tickets, else the catch-all (`*`) team. */
  async teamForRegion(region: string | null): Promise<TeamDocument | null> {
    const teams = await this.listTeams();
    return (
      (region ? teams.find((t) => t.regions.includes(region)) : undefined) ??
      teams.find((t) => t.regions.includes('*')) ??
      null
    );
  }

  findTeam(id: string): Promise<TeamDocument | null> {
    return this.teams.findOne({ _id: id });
  }

  async upsertTeam(team: TeamDocument): Promise<void> {
    await this.teams.replaceOne({ _id: team._id }, team, { upsert: true });
  }

  findUser(id: string): Promise<UserDocument | null> {
    return this.users.findOne({ _id: id, disabled: false });
  }

  findUserByUsername(username: string): Promise<UserDocument | null> {
    return this.users.findOne({ username });
  }
}

function criteriaFilter(c: TicketCriteria): Filter<TicketDocument> {
  const f: Filter<TicketDocument> = {};
  if (c.status && c.status.length === 1) f.status = c.status[0];
  else if (c.status && c.status.length > 1) f.status = { $in: c.status };
  if (c.ticketType) f.ticketType = c.ticketType;
  if (c.customerId) f.customerId = c.customerId;
  if (c.circuitId) f.circuitIds = c.circuitId;
  if (c.teamId) f.teamId = c.teamId;
  if (c.region) f.region = c.region;
  if (c.fieldEngineerId) f.fieldEngineerIds = c.fieldEngineerId;
  if (c.breached) f['sla.restore.breachedAt'] = { $ne: null };
  return f;
}
