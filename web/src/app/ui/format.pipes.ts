import { Pipe, type PipeTransform, inject } from '@angular/core';

import { Preferences } from '../core/preferences.service';
import {
  formatBps,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
  formatRelative,
} from './format';

// Impure: each reads the language signal, so a language switch re-renders the values.

@Pipe({ name: 'bps', pure: false })
export class BpsPipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(value: number | null | undefined): string {
    return formatBps(value, this.prefs.language());
  }
}

@Pipe({ name: 'pct', pure: false })
export class PercentPipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(value: number | null | undefined, digits = 1): string {
    return formatPercent(value, this.prefs.language(), digits);
  }
}

@Pipe({ name: 'num', pure: false })
export class NumberPipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(value: number | null | undefined, digits = 0): string {
    return formatNumber(value, this.prefs.language(), digits);
  }
}

@Pipe({ name: 'time', pure: false })
export class TimePipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(
    value: string | null | undefined,
    style: 'short' | 'medium' | 'date' | 'time' = 'short',
  ): string {
    return formatDateTime(value, this.prefs.language(), style);
  }
}

@Pipe({ name: 'duration', pure: false })
export class DurationPipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(seconds: number | null | undefined): string {
    return formatDuration(seconds, this.prefs.language());
  }
}

@Pipe({ name: 'ago', pure: false })
export class AgoPipe implements PipeTransform {
  private readonly prefs = inject(Preferences);
  transform(value: string | null | undefined, now?: number): string {
    return formatRelative(value, this.prefs.language(), now);
  }
}

export const FORMAT_PIPES = [
  BpsPipe,
  PercentPipe,
  NumberPipe,
  TimePipe,
  DurationPipe,
  AgoPipe,
] as const;
