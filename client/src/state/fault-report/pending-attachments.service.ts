import { Injectable } from '@angular/core';

/**
 * Photos chosen in the wizard, held outside the store (a Blob is not serialisable, and
 * the store checks that everything in it is); actions carry their names only.
 */
@Injectable({ providedIn: 'root' })
export class PendingAttachments {
  private files: { name: string; blob: Blob }[] = [];

  set(files: readonly { name: string; blob: Blob }[]): void {
    this.files = [...files];
  }

  /** Hands the files over once: a second submit does not upload them twice. */
  take(): { name: string; blob: Blob }[] {
    const out = this.files;
    this.files = [];
    return out;
  }

  clear(): void {
    this.files = [];
  }
}
