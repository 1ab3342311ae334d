import { maskEmail, maskPhone, seesContactData, seesInternal } from './ticket-visibility.policy';

describe('ticket visibility policy', () => {
  it('masks phone numbers and e-mail addresses', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('027 8765 4321')).toBe('027****4321');
    expect(maskPhone('123')).toBe('***');
    expect(maskEmail('zhang.wei@bank-a.cn')).toBe('z***@bank-a.cn');
    expect(maskEmail('broken')).toBe('***');
  });

  it('shows internal matter to operator staff only', () => {
    expect(seesInternal('noc-operator')).toBe(true);
    expect(seesInternal('field-engineer')).toBe(true);
    expect(seesInternal('customer-admin')).toBe(false);
    expect(seesInternal('customer-viewer')).toBe(false);
  });

  it('shields contact data from the NOC', () => {
    expect(seesContactData('noc-operator')).toBe(false);
    expect(seesContactData('platform-admin')).toBe(false);
    expect(seesContactData('field-engineer')).toBe(true);
    expect(seesContactData('customer-engineer')).toBe(true);
  });
});
