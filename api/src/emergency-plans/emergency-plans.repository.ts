import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Collection, type Db, type Filter, MongoServerError } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { withCircuitScope } from '../circuits/circuit-scope.filter';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type { CircuitDocument } from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import type { EmergencyPlanDocument } from './emergency-plan.document';

export type PlanCircuit = Pick<CircuitDocument, '_id' | 'customerId' | 'aEnd' | 'zEnd'>;

@Injectable()
export class EmergencyPlansRepository implements OnModuleInit {
  private readonly plans: Collection<EmergencyPlanDocument>;
  private readonly circuits: Collection<CircuitDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.plans = db.collection(COLLECTIONS.emergencyPlans);
    this.circuits = db.collection(COLLECTIONS.circuits);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.plans, [
      { key: { planId: 1, version: 1 }, options: { unique: true } },
      { key: { customerId: 1, latest: 1 } },
      { key: { circuitIds: 1 } },
    ]);
  }

  /** The circuits of the customer the scope may see (what a plan may name, and show). */
  visibleCircuits(scope: AccessScope, customerId: string): Promise<PlanCircuit[]> {
    return this.circuits
      .find(withCircuitScope(scope, { customerId }), {
        projection: { _id: 1, customerId: 1, aEnd: 1, zEnd: 1 },
      })
      .toArray();
  }

  circuit(scope: AccessScope, id: string): Promise<PlanCircuit | null> {
    return this.circuits.findOne(withCircuitScope(scope, { _id: id }), {
      projection: { _id: 1, customerId: 1, aEnd: 1, zEnd: 1 },
    });
  }

  /** Inserts a version; false when that version exists already (someone else's change won). */
  async insertVersion(doc: EmergencyPlanDocument): Promise<boolean> {
    try {
      await this.plans.insertOne(doc);
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }

  async retire(planId: string, version: number): Promise<void> {
    await this.plans.updateOne({ _id: `${planId}@${version}` }, { $set: { latest: false } });
  }

  /** The newest version of a plan (the scope check is the caller's, by customer). */
  async latest(planId: string): Promise<EmergencyPlanDocument | null> {
    return this.plans.find({ planId }).sort({ version: -1 }).limit(1).next();
  }

  versions(planId: string): Promise<EmergencyPlanDocument[]> {
    return this.plans.find({ planId }).sort({ version: -1 }).toArray();
  }

  latestOf(criteria: Filter<EmergencyPlanDocument>): Promise<EmergencyPlanDocument[]> {
    return this.plans
      .find({ ...criteria, latest: true })
      .sort({ customerId: 1, title: 1, planId: 1 })
      .toArray();
  }
}
