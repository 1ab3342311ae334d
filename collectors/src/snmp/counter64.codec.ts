/**
 * Exact decoding of SNMP unsigned integers from their BER content octets.
 * snmp-native turns a Counter64 into a JS number (wrong above 2^53); net-snmp hands
 * over the bytes. Either way the bytes are the truth, so we read them into a BigInt.
 */

const MAX_U64 = (1n << 64n) - 1n;

export class CounterDecodeError extends Error {
  override name = 'CounterDecodeError';
}

/** Content octets (big-endian two's complement, minimal or with 0x00 padding) → BigInt. */
export function decodeUnsigned(raw: Uint8Array, maxValue: bigint): bigint {
  if (raw.length === 0) throw new CounterDecodeError('empty integer encoding');
  // An unsigned value has its top bit clear; a set top bit is a (non-conforming) negative
  // encoding, which some agents emit for counters >= 2^63: read the bytes as unsigned.
  let value = 0n;
  for (const byte of raw) value = (value << 8n) | BigInt(byte);
  if (value > maxValue) throw new CounterDecodeError(`value 0x${Buffer.from(raw).toString('hex')} exceeds ${maxValue}`);
  return value;
}

/** Counter64 content octets → exact decimal string (0 … 18446744073709551615). */
export function decodeCounter64(raw: Uint8Array): string {
  return decodeUnsigned(raw, MAX_U64).toString(10);
}

/** Counter32 / Gauge32 / TimeTicks content octets → number (always exact: < 2^32). */
export function decodeUnsigned32(raw: Uint8Array): number {
  return Number(decodeUnsigned(raw, 0xffffffffn));
}

/** INTEGER (Integer32) content octets → signed number. */
export function decodeInteger32(raw: Uint8Array): number {
  if (raw.length === 0 || raw.length > 5) throw new CounterDecodeError(`bad INTEGER length ${raw.length}`);
  let value = 0n;
  for (const byte of raw) value = (value << 8n) | BigInt(byte);
  if ((raw[0] ?? 0) & 0x80) value -= 1n << BigInt(8 * raw.length);
  if (value < -(1n << 31n) || value > (1n << 31n) - 1n) throw new CounterDecodeError(`INTEGER out of range: ${value}`);
  return Number(value);
}
