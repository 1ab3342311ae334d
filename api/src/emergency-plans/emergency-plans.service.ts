import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import type { VerifiedPrincipal } from '../auth/principal';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import type {
  EmergencyPlanBodyDto,
  EmergencyPlanDto,
  EmergencyPlanListQueryDto,
  EmergencyPlanPageDto,
  UpdateEmergencyPlanDto,
} from './dto/emergency-plan.dto';
import type { EmergencyPlanDocument } from './emergency-plan.document';
import { EmergencyPlansRepository, type PlanCircuit } from './emergency-plans.repository';

export interface Actor {
  principal: VerifiedPrincipal;
  scope: AccessScope;
  ip: string | null;
}

/** What of a customer a scope sees: the whole of it, or the circuits of its subtree. */
interface View {
  customerId: string;
  /** null: the whole customer. */
  circuits: Map<string, PlanCircuit> | null;
}

/**
 * Emergency plans (应急预案) per customer, versioned, maintained by the customer-admin;
 * readable by the customer's users (an org-subtree user: the plans touching its
 * circuits, listing only those) and operator staff; found by circuit beside an incident.
 */
@Injectable()
export class EmergencyPlansService {
  constructor(
    private readonly repository: EmergencyPlansRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, body: EmergencyPlanBodyDto, now: Date): Promise<EmergencyPlanDto> {
    const customerId = this.ownCustomer(actor.scope);
    await this.validate(actor.scope, customerId, body);
    const doc = this.document(`ep-${randomUUID()}`, 1, customerId, body, actor, now);
    await this.repository.insertVersion(doc);
    await this.record(actor, 'emergency-plan.create', doc);
    return toDto(doc, null);
  }

  async update(
    actor: Actor,
    planId: string,
    body: UpdateEmergencyPlanDto,
    now: Date,
  ): Promise<EmergencyPlanDto> {
    const customerId = this.ownCustomer(actor.scope);
    const current = await this.repository.latest(planId);
    if (!current || current.customerId !== customerId)
      throw new NotFoundException(`Emergency plan ${planId} not found.`);
    if (current.version !== body.version) {
      throw new ConflictException(
        `Emergency plan ${planId} is at version ${current.version}; the change was based on ${body.version}.`,
      );
    }
    await this.validate(actor.scope, customerId, body);
    const doc = this.document(planId, current.version + 1, customerId, body, actor, now);
    if (!(await this.repository.insertVersion(doc))) {
      throw new ConflictException(`Emergency plan ${planId} was changed meanwhile; reload it.`);
    }
    await this.repository.retire(planId, current.version);
    await this.record(actor, 'emergency-plan.update', doc);
    return toDto(doc, null);
  }

  async list(scope: AccessScope, query: EmergencyPlanListQueryDto): Promise<EmergencyPlanPageDto> {
    const customers = this.readableCustomers(scope, query.customerId);
    const out: EmergencyPlanDto[] = [];
    for (const customerId of customers) {
      const view = await this.view(scope, customerId);
      const plans =
        customerId === '*'
          ? await this.repository.latestOf({})
          : await this.repository.latestOf({ customerId });
      out.push(...plans.filter((p) => visible(p, view)).map((p) => toDto(p, view.circuits)));
    }
    const start = (query.page - 1) * query.pageSize;
    return {
      items: out.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: out.length,
    };
  }

  async detail(scope: AccessScope, planId: string): Promise<EmergencyPlanDto> {
    const { plan, view } = await this.readable(scope, planId);
    return toDto(plan, view.circuits);
  }

  async versions(scope: AccessScope, planId: string): Promise<EmergencyPlanDto[]> {
    const { view } = await this.readable(scope, planId);
    return (await this.repository.versions(planId)).map((p) => toDto(p, view.circuits));
  }

  /** The plans for a circuit (linked to it or to one of its end sites): what an incident shows. */
  async forCircuit(scope: AccessScope, circuitId: string): Promise<EmergencyPlanDto[]> {
    const circuit = await this.repository.circuit(scope, circuitId);
    if (!circuit) throw new NotFoundException(`Circuit ${circuitId} not found.`);
    const view = await this.view(scope, circuit.customerId);
    const sites = new Set([circuit.aEnd.siteId, circuit.zEnd.siteId]);
    return (await this.repository.latestOf({ customerId: circuit.customerId }))
      .filter((p) => p.circuitIds.includes(circuitId) || p.siteIds.some((s) => sites.has(s)))
      .map((p) => toDto(p, view.circuits));
  }

  private async readable(
    scope: AccessScope,
    planId: string,
  ): Promise<{ plan: EmergencyPlanDocument; view: View }> {
    const plan = await this.repository.latest(planId);
    const notFound = new NotFoundException(`Emergency plan ${planId} not found.`);
    if (!plan) throw notFound;
    if (
      !this.readableCustomers(scope, plan.customerId).includes(plan.customerId) &&
      scope.kind !== 'all'
    )
      throw notFound;
    const view = await this.view(scope, plan.customerId);
    if (!visible(plan, view)) throw notFound;
    return { plan, view };
  }

  private readableCustomers(scope: AccessScope, requested: string | undefined): string[] {
    switch (scope.kind) {
      case 'all':
        return requested ? [requested] : ['*'];
      case 'customers':
        return requested
          ? scope.customerIds.filter((c) => c === requested)
          : [...scope.customerIds];
      case 'org-subtree':
        return !requested || requested === scope.customerId ? [scope.customerId] : [];
      case 'dispatched':
      case 'none':
        return [];
    }
  }

  private async view(scope: AccessScope, customerId: string): Promise<View> {
    if (scope.kind !== 'org-subtree') return { customerId, circuits: null };
    const circuits = await this.repository.visibleCircuits(scope, customerId);
    return { customerId, circuits: new Map(circuits.map((c) => [c._id, c])) };
  }

  private ownCustomer(scope: AccessScope): string {
    // The route is for customer admins, whose scope is exactly their customer.
    if (scope.kind !== 'customers' || scope.customerIds.length !== 1)
      throw new NotFoundException('Customer not found.');
    return scope.customerIds[0]!;
  }

  private async validate(
    scope: AccessScope,
    customerId: string,
    body: EmergencyPlanBodyDto,
  ): Promise<void> {
    const circuits = await this.repository.visibleCircuits(scope, customerId);
    const ids = new Set(circuits.map((c) => c._id));
    const sites = new Set(circuits.flatMap((c) => [c.aEnd.siteId, c.zEnd.siteId]));
    const errors = [
      ...(body.circuitIds ?? []).flatMap((id, k) =>
        ids.has(id)
          ? []
          : [{ path: `circuitIds.${k}`, message: `no circuit ${id} of this customer` }],
      ),
      ...(body.siteIds ?? []).flatMap((id, k) =>
        sites.has(id)
          ? []
          : [{ path: `siteIds.${k}`, message: `no site ${id} of this customer's circuits` }],
      ),
    ];
    if (errors.length > 0) throw new RequestValidationException(errors);
  }

  private document(
    planId: string,
    version: number,
    customerId: string,
    body: EmergencyPlanBodyDto,
    actor: Actor,
    now: Date,
  ): EmergencyPlanDocument {
    return {
      _id: `${planId}@${version}`,
      planId,
      version,
      customerId,
      title: body.title,
      scenario: body.scenario ?? '',
      circuitIds: [...(body.circuitIds ?? [])].sort(),
      siteIds: [...(body.siteIds ?? [])].sort(),
      contacts: [...body.contacts]
        .map((c) => ({
          level: c.level,
          name: c.name,
          role: c.role,
          phone: c.phone ?? null,
          email: c.email?.toLowerCase() ?? null,
        }))
        .sort((a, b) => a.level - b.level),
      steps: [...body.steps]
        .sort((a, b) => a.order - b.order)
        .map((s) => ({ order: s.order, action: s.action, owner: s.owner })),
      latest: true,
      updatedBy: actor.principal.username,
      updatedAt: now,
    };
  }

  private record(actor: Actor, action: string, doc: EmergencyPlanDocument): Promise<void> {
    return this.audit.record({
      actor: actor.principal,
      action,
      customerId: doc.customerId,
      target: { type: 'emergency-plan', id: doc.planId },
      outcome: 'success',
      detail: { version: doc.version, circuits: doc.circuitIds.length, steps: doc.steps.length },
      ip: actor.ip,
    });
  }
}

/** An org-subtree reader sees a plan that names one of its circuits. */
function visible(p: EmergencyPlanDocument, view: View): boolean {
  if (!view.circuits) return true;
  return p.circuitIds.some((id) => view.circuits!.has(id));
}

function toDto(
  p: EmergencyPlanDocument,
  circuits: Map<string, PlanCircuit> | null,
): EmergencyPlanDto {
  const sites = circuits
    ? new Set([...circuits.values()].flatMap((c) => [c.aEnd.siteId, c.zEnd.siteId]))
    : null;
  return {
    id: p.planId,
    version: p.version,
    customerId: p.customerId,
    title: p.title,
    scenario: p.scenario,
    circuitIds: circuits ? p.circuitIds.filter((id) => circuits.has(id)) : p.circuitIds,
    siteIds: sites ? p.siteIds.filter((id) => sites.has(id)) : p.siteIds,
    contacts: p.contacts,
    steps: p.steps,
    updatedBy: p.updatedBy,
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}
