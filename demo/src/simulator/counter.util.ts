/**
 * Counter arithmetic of SNMP: exact 64-bit totals kept as bigint, shown as Counter32
 * (wrapped at 2^32) or Counter64 (wrapped at 2^64, BER-encoded by us so that values at
 * or above 2^63 keep their leading zero octet).
 */

export const TWO_POW_32 = 0x100000000n;
export const TWO_POW_64 = 0x10000000000000000n;

/** A running total integrated from floating rates: whole part exact, fraction carried. */
export class Accumulator {
  private whole: bigint;
  private fraction = 0;

  constructor(start: bigint = 0n) {
    this.whole = start;
  }

  /** Adds a non-negative amount; negative or non-finite amounts are ignored (totals never go back). */
  add(amount: number): void {
    if (!(amount > 0) || !Number.isFinite(amount)) return;
    const sum = this.fraction + amount;
    const whole = Math.floor(sum);
    this.whole += BigInt(whole);
    this.fraction = sum - whole;
  }

  reset(start: bigint = 0n): void {
    this.whole = start;
    this.fraction = 0;
  }

  get value(): bigint {
    return this.whole;
  }
}

/** The Counter32 view of a total (RFC 2578: wraps to 0 after 2^32-1). */
export function toCounter32(total: bigint): number {
  return Number(((total % TWO_POW_32) + TWO_POW_32) % TWO_POW_32);
}

/** The Counter64 view of a total (wraps after 2^64-1). */
export function toCounter64(total: bigint): bigint {
  return ((total % TWO_POW_64) + TWO_POW_64) % TWO_POW_64;
}

/** Gauge32 saturates instead of wrapping (RFC 2578 §7.1.7): ifSpeed above 4.29 Gb/s reads 4294967295. */
export function toGauge32(value: number): number {
  if (!(value > 0)) return 0;
  return Math.min(Math.floor(value), 0xffffffff);
}

/**
 * Content octets of a Counter64 as BER encodes an unsigned INTEGER: minimal length,
 * with a leading 0x00 when the top bit is set (so 2^63..2^64-1 take 9 octets).
 * net-snmp writes a Counter64 Buffer value verbatim, so this is what goes on the wire.
 */
export function counter64Octets(value: bigint): Buffer {
  let v = toCounter64(value);
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return Buffer.from(bytes);
}

/** Reads BER content octets of an unsigned integer back (for tests and tools). */
export function fromCounter64Octets(octets: Buffer): bigint {
  let v = 0n;
  for (const b of octets) v = (v << 8n) | BigInt(b);
  return v;
}

/** Difference between two readings of a wrapping counter, assuming at most one wrap. */
export function counterDelta(previous: bigint, current: bigint, modulus: bigint): bigint {
  return current >= previous ? current - previous : current + modulus - previous;
}
