/**
 * Management addresses of the demo: every element answers SNMP on its own loopback
 * address, so all of them live in 127.0.0.0/8. 127.0.0.0/24 (and so 127.0.0.1) is left
 * to the host; host octets .0 and .255 are skipped so that no address looks like a
 * network or broadcast address.
 */
export const ADDRESS_POOLS = {
  /** Operator core, PE, gateways and access elements. */
  operator: 10,
  'bank-a': 11,
  'bank-b': 12,
} as const;

export type AddressPoolName = keyof typeof ADDRESS_POOLS;

/** Third octets of the operator pool, one block per element family. */
export const OPERATOR_BLOCKS = {
  core: 1,
  pe: 2,
  gateway: 3,
  transport: 4,
  /** Access rings use 10 + city index, one /24 per city. */
  accessBase: 10,
} as const;

const HOSTS_PER_BLOCK = 254;

export class AddressPlan {
  private readonly nextHost = new Map<string, number>();
  private readonly used = new Set<string>();

  /** The next free address of `127.<pool>.<block>.x`, x in 1..254. */
  allocate(pool: AddressPoolName, block: number): string {
    const key = `${pool}/${block}`;
    const host = (this.nextHost.get(key) ?? 0) + 1;
    if (host > HOSTS_PER_BLOCK)
      throw new Error(`address block 127.${ADDRESS_POOLS[pool]}.${block}.0/24 is full`);
    this.nextHost.set(key, host);
    return this.remember(`127.${ADDRESS_POOLS[pool]}.${block}.${host}`);
  }

  /** The n-th address (0-based) of a pool, blocks counted from 1: for large families (CPEs). */
  allocateSequential(pool: AddressPoolName): string {
    const key = `${pool}/seq`;
    const n = this.nextHost.get(key) ?? 0;
    this.nextHost.set(key, n + 1);
    const block = 1 + Math.floor(n / HOSTS_PER_BLOCK);
    if (block > 254) throw new Error(`address pool 127.${ADDRESS_POOLS[pool]}.0.0/16 is full`);
    return this.remember(`127.${ADDRESS_POOLS[pool]}.${block}.${1 + (n % HOSTS_PER_BLOCK)}`);
  }

  private remember(ip: string): string {
    if (this.used.has(ip)) throw new Error(`management address ${ip} allocated twice`);
    this.used.add(ip);
    return ip;
  }
}
