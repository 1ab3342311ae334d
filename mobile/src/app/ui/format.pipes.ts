import { Pipe, type PipeTransform, inject } from '@angular/core';

import { Preferences } from '../core/preferences.service';
import { formatAge, formatBps, formatDateTime, formatMinutes } from './format';

// Not pure: the text follows a language switch (and "ago" the clock) without a reload.

@Pipe({ name: 'ccDateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(iso: string | null | undefined): string {
    return formatDateTime(iso, this.prefs.language());
  }
}

@Pipe({ name: 'ccAge', pure: false })
export class AgePipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(iso: string | null | undefined): string {
    return formatAge(iso, this.prefs.language());
  }
}

@Pipe({ name: 'ccMinutes', pure: false })
export class MinutesPipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(minutes: number): string {
    return formatMinutes(minutes, this.prefs.language());
  }
}

@Pipe({ name: 'ccBps' })
export class BpsPipe implements PipeTransform {
  transform(bps: number | null | undefined): string {
    return formatBps(bps);
  }
}

export const FORMAT_PIPES = [DateTimePipe, AgePipe, MinutesPipe, BpsPipe] as const;
