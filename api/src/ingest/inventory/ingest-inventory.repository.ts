import type { Db } from 'mongodb';

import { COLLECTIONS } from '../../database/collections';
import type {
  CircuitDocument,
  ElementDocument,
  InterfaceDocument,
  LinkDocument,
} from '../../database/documents';
import { orgUnitsOf } from '../../events/change-event';
import type { Neighbourhood } from '../alarms/alarm-correlation';
import type { AlarmedTarget } from '../alarms/alarm-event';
import { findByIds } from '../mongo/idempotent-writes';
import type { InterfaceFacts } from '../perf/sample-plan';
import { TtlCache } from './ttl-cache';

/** Poll interval assumed for an element missing from the inventory. */
export const DEFAULT_POLL_INTERVAL_SEC = 60;

/** What an alarm on a target touches: the circuits and, through them, the customers. */
export interface TargetImpact {
  name: string;
  affectedCircuitIds: string[];
  customerIds: string[];
  /** Union of the circuits' orgPath: who in the customers' org trees is concerned. */
  orgUnitIds: string[];
}

interface InterfaceRecord extends InterfaceFacts {
  found: boolean;
  ifName: string;
  linkId: string | null;
  circuitIds: string[];
}

interface ElementFacts {
  deviceId: string | null;
  name: string;
  pollIntervalSec: number;
}

/**
 * The inventory as the ingestion reads it, cached for `ttlSec` (see TtlCache for why
 * that is safe across replicas). Negative answers are cached too, so an unknown trap
 * source does not cost a query per trap.
 */
export class IngestInventoryRepository {
  private readonly byMgmtIp: TtlCache<ElementFacts>;
  private readonly byDeviceId: TtlCache<ElementFacts>;
  private readonly interfaces: TtlCache<InterfaceRecord>;
  private readonly impacts: TtlCache<TargetImpact>;
  /** deviceId → the link ends of other elements facing it, and interface → its link's far end. */
  private readonly facing: TtlCache<string[]>;
  private readonly peers: TtlCache<{ interfaceId: string; deviceId: string } | null>;

  constructor(
    private readonly db: Db,
    ttlSec: number,
  ) {
    const ttlMs = ttlSec * 1000;
    this.byMgmtIp = new TtlCache(ttlMs);
    this.byDeviceId = new TtlCache(ttlMs);
    this.interfaces = new TtlCache(ttlMs);
    this.impacts = new TtlCache(ttlMs);
    this.facing = new TtlCache(ttlMs);
    this.peers = new TtlCache(ttlMs);
  }

  private get links() {
    return this.db.collection<LinkDocument>(COLLECTIONS.links);
  }

  /** What alarm correlation needs around a target (see alarm-correlation.ts). */
  async neighbourhoodOf(target: AlarmedTarget): Promise<Neighbourhood> {
    if (target.kind === 'element') {
      return { peer: null, facing: await this.facingInterfaces(target.deviceId) };
    }
    const key = `${target.deviceId}:${target.ifIndex}`;
    const peers = await this.peers.getMany([key], async () => {
      const linkId = (await this.interfaceRecords([key])).get(key)?.linkId ?? null;
      const link = linkId ? await this.links.findOne({ _id: linkId }) : null;
      let peer: { interfaceId: string; deviceId: string } | null = null;
      if (link) {
        const far =
          link.a.deviceId === target.deviceId && link.a.ifIndex === target.ifIndex
            ? link.z
            : link.a;
        peer = { interfaceId: `${far.deviceId}:${far.ifIndex}`, deviceId: far.deviceId };
      }
      return new Map([[key, peer]]);
    });
    const peer = peers.get(key) ?? null;
    return { peer, facing: peer ? await this.facingInterfaces(peer.deviceId) : [] };
  }

  /** Interfaces of other elements at the far ends of the element's links. */
  private async facingInterfaces(deviceId: string): Promise<string[]> {
    const facing = await this.facing.getMany([deviceId], async () => {
      const links = await this.links
        .find({ $or: [{ 'a.deviceId': deviceId }, { 'z.deviceId': deviceId }] })
        .toArray();
      const ends = links.flatMap((l) => [l.a, l.z].filter((end) => end.deviceId !== deviceId));
      return new Map([[deviceId, ends.map((e) => `${e.deviceId}:${e.ifIndex}`).sort()]]);
    });
    return facing.get(deviceId) ?? [];
  }

  private get elements() {
    return this.db.collection<ElementDocument>(COLLECTIONS.elements);
  }

  private get circuits() {
    return this.db.collection<CircuitDocument>(COLLECTIONS.circuits);
  }

  /** The element managed at `mgmtIp`, or null when the address is not in the inventory. */
  async deviceIdByMgmtIp(mgmtIp: string): Promise<string | null> {
    const facts = await this.byMgmtIp.getMany([mgmtIp], async () => {
      const doc = await this.elements.findOne(
        { mgmtIp },
        { projection: { _id: 1, name: 1, pollIntervalSec: 1 } },
      );
      const value: ElementFacts = doc
        ? { deviceId: doc._id, name: doc.name, pollIntervalSec: doc.pollIntervalSec }
        : { deviceId: null, name: mgmtIp, pollIntervalSec: DEFAULT_POLL_INTERVAL_SEC };
      return new Map([[mgmtIp, value]]);
    });
    return facts.get(mgmtIp)?.deviceId ?? null;
  }

  private async elementFacts(deviceIds: readonly string[]): Promise<Map<string, ElementFacts>> {
    return this.byDeviceId.getMany(deviceIds, async (missing) => {
      const docs = await findByIds(this.elements, missing, { _id: 1, name: 1, pollIntervalSec: 1 });
      const result = new Map<string, ElementFacts>(
        missing.map((id) => [
          id,
          { deviceId: null, name: id, pollIntervalSec: DEFAULT_POLL_INTERVAL_SEC },
        ]),
      );
      for (const d of docs)
        result.set(d._id, { deviceId: d._id, name: d.name, pollIntervalSec: d.pollIntervalSec });
      return result;
    });
  }

  /** Poll interval per element (the default for unknown ones). */
  async pollIntervals(deviceIds: readonly string[]): Promise<Map<string, number>> {
    const facts = await this.elementFacts(deviceIds);
    return new Map(
      [...facts].map(([id, f]) => [
        id,
        f.pollIntervalSec > 0 ? f.pollIntervalSec : DEFAULT_POLL_INTERVAL_SEC,
      ]),
    );
  }

  private async interfaceRecords(keys: readonly string[]): Promise<Map<string, InterfaceRecord>> {
    return this.interfaces.getMany(keys, async (missing) => {
      const docs = await findByIds(
        this.db.collection<InterfaceDocument>(COLLECTIONS.interfaces),
        missing,
        {
          _id: 1,
          speedBps: 1,
          circuitIds: 1,
          linkId: 1,
          ifName: 1,
        },
      );
      const result = new Map<string, InterfaceRecord>(
        missing.map((k) => [
          k,
          {
            found: false,
            speedBps: null,
            carriesCircuits: false,
            ifName: k,
            linkId: null,
            circuitIds: [],
          },
        ]),
      );
      for (const d of docs) {
        const circuitIds = d.circuitIds ?? [];
        result.set(d._id, {
          found: true,
          speedBps: d.speedBps > 0 ? d.speedBps : null,
          carriesCircuits: circuitIds.length > 0,
          ifName: d.ifName,
          linkId: d.linkId ?? null,
          circuitIds,
        });
      }
      return result;
    });
  }

  /** Speed and circuit membership of interfaces keyed `${deviceId}:${ifIndex}`. */
  async interfaceFacts(keys: readonly string[]): Promise<Map<string, InterfaceFacts>> {
    const records = await this.interfaceRecords(keys);
    return new Map(
      [...records].map(([k, r]) => [
        k,
        { speedBps: r.speedBps, carriesCircuits: r.carriesCircuits },
      ]),
    );
  }

  /**
   * Circuits an alarm on the target touches: for an interface, the circuits it carries
   * and those whose route crosses its link; for an element, those whose route crosses it.
   */
  async impactOf(target: AlarmedTarget): Promise<TargetImpact> {
    const key =
      target.kind === 'interface' ? `${target.deviceId}:${target.ifIndex}` : target.deviceId;
    const impacts = await this.impacts.getMany([key], async () => {
      const element = (await this.elementFacts([target.deviceId])).get(target.deviceId);
      const elementName = element?.name ?? target.deviceId;
      let name = elementName;
      let circuits: Array<Pick<CircuitDocument, '_id' | 'customerId' | 'orgPath'>>;
      if (target.kind === 'interface') {
        const itf = (await this.interfaceRecords([key])).get(key);
        name = itf?.found
          ? `${elementName} ${itf.ifName}`
          : `${elementName} ifIndex ${target.ifIndex}`;
        const or: object[] = [{ _id: { $in: itf?.circuitIds ?? [] } }];
        if (itf?.linkId) or.push({ routeLinkIds: itf.linkId });
        circuits = await this.circuits
          .find({ $or: or }, { projection: { _id: 1, customerId: 1, orgPath: 1 } })
          .toArray();
      } else {
        circuits = await this.circuits
          .find(
            { routeDeviceIds: target.deviceId },
            { projection: { _id: 1, customerId: 1, orgPath: 1 } },
          )
          .toArray();
      }
      const affectedCircuitIds = [...new Set(circuits.map((c) => c._id))].sort();
      const customerIds = [...new Set(circuits.map((c) => c.customerId))].sort();
      const orgUnitIds = orgUnitsOf(circuits);
      return new Map([[key, { name, affectedCircuitIds, customerIds, orgUnitIds }]]);
    });
    return (
      impacts.get(key) ?? { name: key, affectedCircuitIds: [], customerIds: [], orgUnitIds: [] }
    );
  }
}
