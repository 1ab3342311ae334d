import { parseUserProvisioningFile } from './user-provisioning-file';

describe('users provisioning file', () => {
  it('accepts the demo users', () => {
    const users = parseUserProvisioningFile(
      JSON.stringify([
        {
          username: 'bank-a.admin',
          displayName: 'A',
          role: 'customer-admin',
          customerId: 'bank-a',
        },
        { username: 'noc.li', displayName: 'Li', role: 'noc-operator' },
        {
          username: 'am.wang',
          displayName: 'Wang',
          role: 'account-manager',
          assignedCustomerIds: ['bank-a'],
        },
      ]),
    );
    expect(users.map((u) => u.username)).toEqual(['bank-a.admin', 'noc.li', 'am.wang']);
  });

  it('names every bad entry by position and field', () => {
    const text = JSON.stringify([
      { username: 'x', displayName: 'X', role: 'customer-admin' },
      { username: 'noc.li', displayName: 'Li', role: 'noc-operator', customerId: 'bank-a' },
      { username: 'noc.li', displayName: 'Li', role: 'root' },
    ]);
    expect(() => parseUserProvisioningFile(text)).toThrow(
      /\[0\.username\][\s\S]*\[0\.customerId\][\s\S]*\[1\.customerId\][\s\S]*\[2\.role\]/,
    );
  });

  it('rejects unknown fields and non-JSON', () => {
    expect(() =>
      parseUserProvisioningFile(
        '[{"username":"ab","displayName":"A","role":"noc-operator","password":"x"}]',
      ),
    ).toThrow(/password/);
    expect(() => parseUserProvisioningFile('nope')).toThrow(/not JSON/);
  });
});
