import { Injectable } from '@angular/core';

/**
 * Files picked on a ticket's page wait here, outside the store (a Blob is not
 * serialisable state), until the effect that uploads them takes them: once.
 */
@Injectable({ providedIn: 'root' })
export class AttachmentDrafts {
  private readonly files = new Map<string, Blob>();

  /** Keeps a picked file; the key goes with the action. */
  put(file: Blob): string {
    const key = crypto.randomUUID();
    this.files.set(key, file);
    return key;
  }

  take(key: string): Blob | null {
    const file = this.files.get(key) ?? null;
    this.files.delete(key);
    return file;
  }
}
