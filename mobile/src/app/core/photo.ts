/** Longest side of a photo as sent: enough to read a label on a cabinet, small on a 4G link. */
export const PHOTO_MAX_SIDE = 1600;

/**
 * A camera photo made small enough to send: scaled to PHOTO_MAX_SIDE and re-encoded as
 * JPEG when it is larger; small images (and anything the browser cannot decode) as they are.
 */
export async function shrinkPhoto(file: File): Promise<File> {
  if (file.size < 600_000 || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

/** SHA-256 of a file, hex (the API stores the same for each attachment). */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
