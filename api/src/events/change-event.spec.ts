import { userOf } from '../../test/support/user-documents';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import type { Role, UserDocument } from '../database/documents';
import {
  type ChangeEventInput,
  compareStreamIds,
  eventVisibleTo,
  orgUnitsOf,
  redactFor,
} from './change-event';

const scopeOf = (role: Role, extra: Partial<UserDocument> = {}) =>
  scopeFor(principalFromUser(userOf(role, extra)));

const wuhan = ['bank-a-HO', 'bank-a-HB', 'bank-a-HB-WH'];
const shenzhen = ['bank-a-HO', 'bank-a-GD', 'bank-a-GD-SZ'];
/** An alarm on a shared PE: a Wuhan circuit of bank-a and a circuit of bank-b. */
const shared: ChangeEventInput & { time: string } = {
  kind: 'alarm',
  action: 'raised',
  id: 'alm-1',
  customerIds: ['bank-a', 'bank-b'],
  orgUnitIds: orgUnitsOf([{ orgPath: wuhan }, { orgPath: ['bank-b-HO'] }]),
  time: '2026-11-22T08:00:00.000Z',
  data: {
    state: 'raised',
    circuits: [
      { id: 'ckt-wh', customerId: 'bank-a', orgPath: wuhan },
      { id: 'ckt-b', customerId: 'bank-b', orgPath: ['bank-b-HO'] },
    ],
  },
};

describe('change event visibility', () => {
  it('lets operators see everything, with every circuit', () => {
    const message = redactFor(scopeOf('noc-operator'), shared);
    expect(message?.data).toEqual({ state: 'raised', circuitIds: ['ckt-wh', 'ckt-b'] });
  });

  it('gives each customer the event with its own circuits only', () => {
    const b = redactFor(scopeOf('customer-admin', { customerId: 'bank-b' }), shared);
    expect(b?.data.circuitIds).toEqual(['ckt-b']);
    expect(JSON.stringify(b)).not.toContain('ckt-wh');
    expect(JSON.stringify(b)).not.toContain('bank-a');
  });

  it('gives nothing to a customer the event does not concern', () => {
    expect(redactFor(scopeOf('customer-admin', { customerId: 'bank-c' }), shared)).toBeNull();
    expect(
      redactFor(scopeOf('account-manager', { assignedCustomerIds: ['bank-c'] }), shared),
    ).toBeNull();
    expect(redactFor(scopeOf('field-engineer'), shared)).toBeNull();
  });

  it('limits an org-subtree user to events stamped with its unit', () => {
    const hubei = scopeOf('customer-viewer', { customerId: 'bank-a', orgUnitId: 'bank-a-HB' });
    expect(redactFor(hubei, shared)?.data.circuitIds).toEqual(['ckt-wh']);
    const sz = scopeOf('customer-engineer', { customerId: 'bank-a', orgUnitId: 'bank-a-GD-SZ' });
    expect(eventVisibleTo(sz, shared)).toBe(false);
    // An org unit id of the right customer is not enough when the customer is not listed.
    const other = { ...shared, customerIds: ['bank-b'] };
    expect(eventVisibleTo(hubei, other)).toBe(false);
  });

  it('drops a malformed circuit list instead of passing it on', () => {
    const bad = { ...shared, data: { circuits: [{ id: 'x' }, 'y'] } };
    expect(redactFor(scopeOf('noc-operator'), bad)?.data).toEqual({ circuitIds: [] });
    const notArray = { ...shared, data: { circuits: 'ckt-wh' } };
    expect(redactFor(scopeOf('noc-operator'), notArray)?.data).toEqual({ circuitIds: [] });
  });

  it('unions org paths', () => {
    expect(orgUnitsOf([{ orgPath: wuhan }, { orgPath: shenzhen }, {}])).toEqual([
      'bank-a-GD',
      'bank-a-GD-SZ',
      'bank-a-HB',
      'bank-a-HB-WH',
      'bank-a-HO',
    ]);
  });

  it('orders stream ids numerically', () => {
    expect(compareStreamIds('999-0', '1000-0')).toBeLessThan(0);
    expect(compareStreamIds('1000-10', '1000-9')).toBeGreaterThan(0);
    expect(compareStreamIds('1000-1', '1000-1')).toBe(0);
  });
});
