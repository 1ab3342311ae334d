import { CounterDecodeError, decodeCounter64, decodeInteger32, decodeUnsigned32 } from './counter64.codec';

const bytes = (hex: string) => Buffer.from(hex, 'hex');

describe('decodeCounter64', () => {
  it('decodes short (minimal) encodings', () => {
    expect(decodeCounter64(bytes('00'))).toBe('0');
    expect(decodeCounter64(bytes('01'))).toBe('1');
    expect(decodeCounter64(bytes('7f'))).toBe('127');
    expect(decodeCounter64(bytes('0100'))).toBe('256');
  });

  it('reads a leading 0x00 as the sign pad of an unsigned value', () => {
    expect(decodeCounter64(bytes('0080'))).toBe('128');
    expect(decodeCounter64(bytes('00ff'))).toBe('255');
    // Non-minimal padding some agents send.
    expect(decodeCounter64(bytes('00000001'))).toBe('1');
  });

  it('is exact above 2^53, where a JS number is not', () => {
    // 2^53 + 1 = 9007199254740993: as a Number it would read 9007199254740992.
    expect(decodeCounter64(bytes('20000000000001'))).toBe('9007199254740993');
    expect(decodeCounter64(bytes('0123456789abcdef'))).toBe('81985529216486895');
    expect(decodeCounter64(bytes('7fffffffffffffff'))).toBe('9223372036854775807');
  });

  it('decodes 2^64-1 in its 9-byte form and the 8-byte form with the top bit set', () => {
    expect(decodeCounter64(bytes('00ffffffffffffffff'))).toBe('18446744073709551615');
    expect(decodeCounter64(bytes('ffffffffffffffff'))).toBe('18446744073709551615');
    expect(decodeCounter64(bytes('008000000000000000'))).toBe('9223372036854775808');
  });

  it('rejects values beyond 64 bits and empty encodings', () => {
    expect(() => decodeCounter64(bytes('010000000000000000'))).toThrow(CounterDecodeError);
    expect(() => decodeCounter64(bytes(''))).toThrow(CounterDecodeError);
  });

  it('round-trips any 64-bit value written minimally', () => {
    const samples = [0n, 1n, 255n, 256n, (1n << 53n) + 7n, (1n << 63n) - 1n, 1n << 63n, (1n << 64n) - 1n];
    for (const v of samples) {
      let hex = v.toString(16);
      if (hex.length % 2) hex = `0${hex}`;
      // BER: a positive value whose top bit is set gets a 0x00 pad.
      if (Number.parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
      expect(decodeCounter64(bytes(hex))).toBe(v.toString());
    }
  });
});

describe('decodeUnsigned32 / decodeInteger32', () => {
  it('decodes Counter32 up to 2^32-1', () => {
    expect(decodeUnsigned32(bytes('00ffffffff'))).toBe(4294967295);
    expect(() => decodeUnsigned32(bytes('0100000000'))).toThrow(CounterDecodeError);
  });

  it('decodes signed INTEGER', () => {
    expect(decodeInteger32(bytes('01'))).toBe(1);
    expect(decodeInteger32(bytes('ff'))).toBe(-1);
    expect(decodeInteger32(bytes('7fffffff'))).toBe(2147483647);
    expect(decodeInteger32(bytes('80000000'))).toBe(-2147483648);
  });
});
