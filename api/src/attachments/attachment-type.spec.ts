import { displayName, sniffType } from './attachment-type';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('attachment type by content', () => {
  it('recognises the accepted types by their magic bytes', () => {
    expect(sniffType(PNG)?.mimeType).toBe('image/png');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.mimeType).toBe('image/jpeg');
    expect(sniffType(Buffer.from('GIF89a....'))?.mimeType).toBe('image/gif');
    expect(sniffType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))?.mimeType).toBe(
      'image/webp',
    );
    expect(sniffType(Buffer.from('%PDF-1.7\n'))?.mimeType).toBe('application/pdf');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(sniffType(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull(); // a Windows executable
    expect(sniffType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffType(Buffer.from('#!/bin/sh\nrm -rf /'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });

  it('keeps the name for display only, never a path', () => {
    expect(displayName('../../etc/passwd', 'png')).toBe('passwd');
    expect(displayName('C:\\Users\\x\\照片 1.jpg', 'jpg')).toBe('照片 1.jpg');
    expect(displayName('evil\u202egnp.exe', 'png')).toBe('evilgnp.exe');
    expect(displayName('..', 'pdf')).toBe('attachment.pdf');
    expect(displayName(undefined, 'pdf')).toBe('attachment.pdf');
  });
});
