import { AddressPlan } from './address-plan.allocator';

describe('AddressPlan', () => {
  it('skips host octets 0 and 255 and moves to the next block', () => {
    const plan = new AddressPlan();
    const ips = Array.from({ length: 300 }, () => plan.allocateSequential('bank-a'));
    expect(ips[0]).toBe('127.11.1.1');
    expect(ips[253]).toBe('127.11.1.254');
    expect(ips[254]).toBe('127.11.2.1');
    expect(new Set(ips).size).toBe(300);
  });

  it('refuses a full block', () => {
    const plan = new AddressPlan();
    for (let i = 0; i < 254; i++) plan.allocate('operator', 5);
    expect(() => plan.allocate('operator', 5)).toThrow(/full/);
  });
});
