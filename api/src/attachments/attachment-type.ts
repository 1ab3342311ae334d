/** The types accepted as attachments, recognised by their first bytes (never by name or header). */
export interface SniffedType {
  mimeType: string;
  extension: string;
}

const SIGNATURES: ReadonlyArray<{ test: (b: Buffer) => boolean; type: SniffedType }> = [
  {
    test: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    type: { mimeType: 'image/png', extension: 'png' },
  },
  {
    test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    type: { mimeType: 'image/jpeg', extension: 'jpg' },
  },
  {
    test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')),
    type: { mimeType: 'image/gif', extension: 'gif' },
  },
  {
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
    type: { mimeType: 'image/webp', extension: 'webp' },
  },
  {
    test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
    type: { mimeType: 'application/pdf', extension: 'pdf' },
  },
];

/** The type of the content, or null when it is none of the accepted ones. */
export function sniffType(content: Buffer): SniffedType | null {
  return SIGNATURES.find((s) => s.test(content))?.type ?? null;
}

export const ACCEPTED_TYPES = SIGNATURES.map((s) => s.type.mimeType);

/**
 * The uploaded name, for display only: last path segment, no control or bidi
 * characters, at most 120 characters. It is never used to build a path: content is
 * stored under a generated id.
 */
export function displayName(original: string | undefined, extension: string): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => !isInvisible(ch.codePointAt(0) ?? 0))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return clean && clean !== '.' && clean !== '..' ? clean : `attachment.${extension}`;
}

/** Control characters and the bidirectional overrides that disguise a name (`evil\u202egnp.exe`). */
function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    code === 0x7f ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
