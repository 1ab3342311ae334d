import type { Customer, OrgUnit } from '@circuitcare/topology';

import { userOf } from '../../test/support/user-documents';
import type { AccessScope } from '../auth/access-scope';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import type { Role, UserDocument } from '../database/documents';
import { circuitInScope, resolveCustomerView } from './topology-scope';

const scopeOf = (role: Role, extra: Partial<UserDocument> = {}): AccessScope =>
  scopeFor(principalFromUser(userOf(role, extra)));

const unit = (id: string, customerId: string, path: string[]): OrgUnit => ({
  _id: id,
  customerId,
  parentId: path.length > 1 ? (path[path.length - 2] ?? null) : null,
  path,
  level: 'city',
  name: id,
  nameEn: id,
});
const customer = (id: string): Customer => ({
  _id: id,
  name: id,
  nameEn: id,
  rootOrgUnitId: `${id}-HO`,
});

const index = {
  customers: new Map([
    ['bank-a', customer('bank-a')],
    ['bank-b', customer('bank-b')],
  ]),
  orgUnits: new Map(
    [
      unit('bank-a-HO', 'bank-a', ['bank-a-HO']),
      unit('bank-a-HB', 'bank-a', ['bank-a-HO', 'bank-a-HB']),
      unit('bank-a-HB-WH', 'bank-a', ['bank-a-HO', 'bank-a-HB', 'bank-a-HB-WH']),
      unit('bank-a-HB-YC', 'bank-a', ['bank-a-HO', 'bank-a-HB', 'bank-a-HB-YC']),
      unit('bank-b-HO', 'bank-b', ['bank-b-HO']),
    ].map((u) => [u._id, u]),
  ),
};

const admin = scopeOf('customer-admin', { customerId: 'bank-a', orgUnitId: 'bank-a-HO' });
const wuhan = scopeOf('customer-engineer', { customerId: 'bank-a', orgUnitId: 'bank-a-HB-WH' });
const noc = scopeOf('noc-operator');
const am = scopeOf('account-manager', { assignedCustomerIds: ['bank-a', 'bank-b'] });
const field = scopeOf('field-engineer');

describe('circuitInScope', () => {
  const inWuhan = { customerId: 'bank-a', orgPath: ['bank-a-HO', 'bank-a-HB', 'bank-a-HB-WH'] };
  const inYichang = { customerId: 'bank-a', orgPath: ['bank-a-HO', 'bank-a-HB', 'bank-a-HB-YC'] };
  const ofB = { customerId: 'bank-b', orgPath: ['bank-b-HO'] };

  it('mirrors the circuit scope filter for every scope kind', () => {
    expect([inWuhan, inYichang, ofB].map((c) => circuitInScope(noc, c))).toEqual([
      true,
      true,
      true,
    ]);
    expect([inWuhan, inYichang, ofB].map((c) => circuitInScope(admin, c))).toEqual([
      true,
      true,
      false,
    ]);
    expect([inWuhan, inYichang, ofB].map((c) => circuitInScope(wuhan, c))).toEqual([
      true,
      false,
      false,
    ]);
    expect([inWuhan, inYichang, ofB].map((c) => circuitInScope(am, c))).toEqual([true, true, true]);
    expect([inWuhan, inYichang, ofB].map((c) => circuitInScope(field, c))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('never lets an org id of another customer match', () => {
    const lookalike = { customerId: 'bank-b', orgPath: ['bank-b-HO', 'bank-a-HB-WH'] };
    expect(circuitInScope(wuhan, lookalike)).toBe(false);
  });
});

describe('resolveCustomerView', () => {
  it("gives a customer user its own customer, and 404 for another's", () => {
    expect(resolveCustomerView(admin, index, {})).toEqual({
      kind: 'view',
      customerId: 'bank-a',
      rootOrgUnitId: undefined,
    });
    expect(resolveCustomerView(admin, index, { customerId: 'bank-b' })).toEqual({
      kind: 'not-found',
    });
    expect(resolveCustomerView(wuhan, index, { customerId: 'bank-b' })).toEqual({
      kind: 'not-found',
    });
  });

  it('keeps an org-subtree user inside its subtree', () => {
    expect(resolveCustomerView(wuhan, index, {})).toEqual({
      kind: 'view',
      customerId: 'bank-a',
      rootOrgUnitId: 'bank-a-HB-WH',
    });
    expect(resolveCustomerView(wuhan, index, { orgUnitId: 'bank-a-HB' })).toEqual({
      kind: 'not-found',
    });
    expect(resolveCustomerView(wuhan, index, { orgUnitId: 'bank-a-HB-YC' })).toEqual({
      kind: 'not-found',
    });
    expect(resolveCustomerView(wuhan, index, { orgUnitId: 'bank-a-HB-WH' })).toMatchObject({
      rootOrgUnitId: 'bank-a-HB-WH',
    });
  });

  it('requires a customer from NOC and multi-customer account managers, within their scope', () => {
    expect(resolveCustomerView(noc, index, {})).toEqual({ kind: 'customer-required' });
    expect(resolveCustomerView(am, index, {})).toEqual({ kind: 'customer-required' });
    expect(resolveCustomerView(noc, index, { customerId: 'bank-z' })).toEqual({
      kind: 'not-found',
    });
    expect(resolveCustomerView(noc, index, { customerId: 'bank-b' })).toMatchObject({
      customerId: 'bank-b',
    });
    const amA = scopeOf('account-manager', { assignedCustomerIds: ['bank-a'] });
    expect(resolveCustomerView(amA, index, {})).toMatchObject({ customerId: 'bank-a' });
    expect(resolveCustomerView(amA, index, { customerId: 'bank-b' })).toEqual({
      kind: 'not-found',
    });
  });

  it('rejects an org unit of another customer and answers 404 to scopes that see nothing', () => {
    expect(
      resolveCustomerView(noc, index, { customerId: 'bank-a', orgUnitId: 'bank-b-HO' }),
    ).toEqual({
      kind: 'not-found',
    });
    expect(resolveCustomerView(field, index, { customerId: 'bank-a' })).toEqual({
      kind: 'not-found',
    });
  });
});
