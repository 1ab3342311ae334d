import { randomUUID } from 'node:crypto';

import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { MongoServerError } from 'mongodb';

import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../auth/access-scope';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblems } from '../auth/password-policy';
import type { VerifiedPrincipal } from '../auth/principal';
import { SessionsService } from '../auth/sessions.service';
import type { ProblemFieldError } from '../common/problem/problem-details';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import type { UserDocument } from '../database/documents';
import type { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user-requests.dto';
import type { UserDto, UserPageDto } from './dto/user.dto';
import { CUSTOMER_ROLES, judgeAssignment, type UserAssignment } from './user-assignment.policy';
import { toUserDto } from './user-dto.mapper';
import { type UserChanges, UsersRepository } from './users.repository';

const NOT_FOUND = 'No such user.';

/**
 * User administration by platform-admins (everyone) and customer-admins (their own
 * customer's users, customer roles only). Users outside the caller's scope are 404,
 * whatever the operation. Every change is audited.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(scope: AccessScope, query: UserListQueryDto): Promise<UserPageDto> {
    const page = { page: query.page, pageSize: query.pageSize };
    const { items, total } = await this.users.list(
      scope,
      { role: query.role, customerId: query.customerId, disabled: query.disabled, q: query.q },
      page,
    );
    return { items: items.map(toUserDto), total, ...page };
  }

  async get(scope: AccessScope, id: string): Promise<UserDto> {
    return toUserDto(await this.visible(scope, id));
  }

  async create(actor: VerifiedPrincipal, body: CreateUserDto, ip: string | null): Promise<UserDto> {
    const customerId =
      body.customerId ??
      (actor.role === 'customer-admin' && CUSTOMER_ROLES.includes(body.role)
        ? actor.customerId
        : null);
    const assignment = await this.resolve(
      actor,
      {
        role: body.role,
        customerId,
        orgUnitId: body.orgUnitId ?? null,
        assignedCustomerIds: body.assignedCustomerIds ?? [],
      },
      true,
    );
    const problems = passwordProblems(body.password, body.username);
    if (problems.length > 0) {
      throw new RequestValidationException(problems);
    }
    const now = new Date();
    const user: UserDocument = {
      _id: randomUUID(),
      username: body.username,
      displayName: body.displayName,
      ...assignment,
      assignedCustomerIds: [...assignment.assignedCustomerIds],
      passwordHash: await hashPassword(body.password),
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.users.insert(user);
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) {
        throw new ConflictException(`The username ${body.username} is taken.`);
      }
      throw error;
    }
    await this.record(actor, 'user.create', user, ip, {
      username: user.username,
      role: user.role,
      orgUnitId: user.orgUnitId,
    });
    return toUserDto(user);
  }

  async update(
    actor: VerifiedPrincipal,
    scope: AccessScope,
    id: string,
    body: UpdateUserDto,
    ip: string | null,
  ): Promise<UserDto> {
    const current = await this.visible(scope, id);
    const changesAssignment =
      body.role !== undefined ||
      body.customerId !== undefined ||
      body.orgUnitId !== undefined ||
      body.assignedCustomerIds !== undefined;
    const changes: UserChanges = {};
    if (body.displayName !== undefined) changes.displayName = body.displayName;
    if (changesAssignment) {
      if (current._id === actor.userId && body.role !== undefined && body.role !== current.role) {
        throw new ConflictException('You cannot change your own role.');
      }
      if (
        body.customerId !== undefined &&
        body.customerId !== current.customerId &&
        actor.role !== 'platform-admin'
      ) {
        throw new ForbiddenException('Only a platform-admin may move a user to another customer.');
      }
      const role = body.role ?? current.role;
      const customerId = body.customerId !== undefined ? body.customerId : current.customerId;
      const movedCustomer = customerId !== current.customerId;
      const assignment = await this.resolve(
        actor,
        {
          role,
          customerId,
          // Moving to another customer without naming a unit places the user at its root.
          orgUnitId:
            body.orgUnitId !== undefined
              ? body.orgUnitId
              : movedCustomer
                ? null
                : current.orgUnitId,
          assignedCustomerIds:
            body.assignedCustomerIds ??
            (role === 'account-manager' ? current.assignedCustomerIds : []),
        },
        movedCustomer || CUSTOMER_ROLES.includes(role) !== CUSTOMER_ROLES.includes(current.role),
      );
      Object.assign(changes, assignment, {
        assignedCustomerIds: [...assignment.assignedCustomerIds],
      });
    }
    const updated = await this.users.update(scope, id, changes, new Date());
    if (!updated) {
      throw new NotFoundException(NOT_FOUND);
    }
    const changedFields = Object.keys(changes).filter(
      (k) =>
        JSON.stringify(changes[k as keyof UserChanges]) !==
        JSON.stringify(current[k as keyof UserDocument]),
    );
    await this.record(actor, 'user.update', updated, ip, { fields: changedFields.join(',') });
    return toUserDto(updated);
  }

  async setDisabled(
    actor: VerifiedPrincipal,
    scope: AccessScope,
    id: string,
    disabled: boolean,
    ip: string | null,
  ): Promise<UserDto> {
    const current = await this.visible(scope, id);
    this.assertManageable(actor, current);
    if (disabled && current._id === actor.userId) {
      throw new ConflictException('You cannot disable your own account.');
    }
    const updated = await this.users.update(scope, id, { disabled }, new Date());
    if (!updated) {
      throw new NotFoundException(NOT_FOUND);
    }
    if (disabled) {
      await this.sessions.revokeAll(id);
    }
    await this.record(actor, disabled ? 'user.disable' : 'user.enable', updated, ip);
    return toUserDto(updated);
  }

  async resetPassword(
    actor: VerifiedPrincipal,
    scope: AccessScope,
    id: string,
    password: string,
    ip: string | null,
  ): Promise<void> {
    const current = await this.visible(scope, id);
    this.assertManageable(actor, current);
    const problems = passwordProblems(password, current.username);
    if (problems.length > 0) {
      throw new RequestValidationException(problems);
    }
    await this.users.update(scope, id, { passwordHash: await hashPassword(password) }, new Date());
    const revoked = await this.sessions.revokeAll(id);
    await this.record(actor, 'user.password.reset', current, ip, { sessionsRevoked: revoked });
  }

  async revokeSessions(
    actor: VerifiedPrincipal,
    scope: AccessScope,
    id: string,
    ip: string | null,
  ): Promise<void> {
    const current = await this.visible(scope, id);
    this.assertManageable(actor, current);
    const revoked = await this.sessions.revokeAll(id);
    await this.record(actor, 'user.sessions.revoke', current, ip, { sessionsRevoked: revoked });
  }

  async resetTotp(
    actor: VerifiedPrincipal,
    scope: AccessScope,
    id: string,
    ip: string | null,
  ): Promise<void> {
    const current = await this.visible(scope, id);
    this.assertManageable(actor, current);
    if (!(await this.users.clearTotpScoped(scope, id, new Date()))) {
      throw new NotFoundException(NOT_FOUND);
    }
    await this.record(actor, 'user.totp.reset', current, ip);
  }

  private async visible(scope: AccessScope, id: string): Promise<UserDocument> {
    const user = await this.users.findById(scope, id);
    if (!user) {
      throw new NotFoundException(NOT_FOUND);
    }
    return user;
  }

  /** A customer-admin's scope holds only customer users, but the role check stays explicit. */
  private assertManageable(actor: VerifiedPrincipal, target: UserDocument): void {
    const verdict = judgeAssignment(actor, target);
    if (verdict.kind === 'forbidden') {
      throw new ForbiddenException(verdict.detail);
    }
  }

  /**
   * Applies the grant rules, then checks in the database that the customer, org unit and
   * assigned customers exist. An org unit of another customer is reported exactly like a
   * missing one. `defaultOrgUnit`: place a customer user without a unit at the root.
   */
  private async resolve(
    actor: VerifiedPrincipal,
    requested: UserAssignment,
    defaultOrgUnit: boolean,
  ): Promise<UserAssignment> {
    let assignment = requested;
    if (
      CUSTOMER_ROLES.includes(assignment.role) &&
      assignment.customerId &&
      !assignment.orgUnitId &&
      defaultOrgUnit
    ) {
      assignment = {
        ...assignment,
        orgUnitId: await this.users.rootOrgUnitOf(assignment.customerId),
      };
    }
    const verdict = judgeAssignment(actor, assignment);
    switch (verdict.kind) {
      case 'forbidden':
        throw new ForbiddenException(verdict.detail);
      case 'invalid':
        throw new RequestValidationException(verdict.errors);
      case 'ok':
        break;
    }
    const errors: ProblemFieldError[] = [];
    if (assignment.customerId && !(await this.users.customerExists(assignment.customerId))) {
      errors.push({ path: 'customerId', message: 'customerId names no customer' });
    } else if (
      assignment.customerId &&
      assignment.orgUnitId &&
      !(await this.users.orgUnitBelongs(assignment.orgUnitId, assignment.customerId))
    ) {
      errors.push({
        path: 'orgUnitId',
        message: "orgUnitId names no org unit of the user's customer",
      });
    }
    for (const [i, customerId] of assignment.assignedCustomerIds.entries()) {
      if (!(await this.users.customerExists(customerId))) {
        errors.push({ path: `assignedCustomerIds.${i}`, message: 'names no customer' });
      }
    }
    if (errors.length > 0) {
      throw new RequestValidationException(errors);
    }
    return assignment;
  }

  private async record(
    actor: VerifiedPrincipal,
    action: string,
    target: UserDocument,
    ip: string | null,
    detail: Record<string, string | number | boolean | null> = {},
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      customerId: target.customerId,
      target: { type: 'user', id: target._id },
      outcome: 'success',
      detail: { username: target.username, ...detail },
      ip,
    });
  }
}
