import type { TrapVarbind } from '../contracts';
import { decodeCounter64 } from '../snmp/counter64.codec';

/** A varbind as net-snmp decodes it: numbers, strings, or Buffers for octets and Counter64. */
export interface RawVarbind {
  oid: string;
  type: number;
  value: unknown;
}

/** ASN.1 tag → the type name net-snmp uses (its ObjectType table). */
export const TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'Boolean',
  2: 'Integer',
  3: 'BitString',
  4: 'OctetString',
  5: 'Null',
  6: 'OID',
  64: 'IpAddress',
  65: 'Counter',
  66: 'Gauge',
  67: 'TimeTicks',
  68: 'Opaque',
  70: 'Counter64',
  128: 'NoSuchObject',
  129: 'NoSuchInstance',
  130: 'EndOfMibView',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Octets as text when they are printable UTF-8 (ifDescr, ifAlias, messages), otherwise
 * `0x` and lowercase hex (MAC addresses, binary indexes): nothing is lost either way.
 */
export function renderOctets(bytes: Buffer): string {
  try {
    const text = utf8.decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return text;
  } catch {
    // not UTF-8: fall through to hex
  }
  return `0x${bytes.toString('hex')}`;
}

function asBuffer(value: unknown): Buffer | null {
  return Buffer.isBuffer(value) ? value : value instanceof Uint8Array ? Buffer.from(value) : null;
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

export class VarbindRenderError extends Error {
  override name = 'VarbindRenderError';
}

/** One varbind as the contract carries it: type name and value as text, Counter64 exact. */
export function renderVarbind(vb: RawVarbind): TrapVarbind {
  const type = TYPE_NAMES[vb.type] ?? `Unknown(${vb.type})`;
  const value = vb.value;
  let text: string;
  switch (vb.type) {
    case 4:
    case 68:
    case 3: {
      const bytes = asBuffer(value);
      text = bytes ? (vb.type === 4 ? renderOctets(bytes) : `0x${bytes.toString('hex')}`) : scalarText(value);
      break;
    }
    case 70: {
      const bytes = asBuffer(value);
      if (bytes) text = decodeCounter64(bytes);
      else if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))) text = value.toString();
      else throw new VarbindRenderError(`Counter64 ${vb.oid} has no exact value`);
      break;
    }
    case 5:
    case 128:
    case 129:
    case 130:
      text = '';
      break;
    default:
      text = scalarText(value);
  }
  return { oid: vb.oid, type, value: text };
}
