import { InjectionToken } from '@angular/core';

/** Hands a finished download to the user: an <a download> on the web, a share sheet on a phone. */
export type FileSaver = (blob: Blob, filename: string) => void;

export const FILE_SAVER = new InjectionToken<FileSaver>('FILE_SAVER', {
  providedIn: 'root',
  factory: () => (blob, filename) => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
});
