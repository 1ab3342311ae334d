import { DestroyRef, type Signal, inject, signal } from '@angular/core';

/**
 * The current time as a signal that ticks every `periodMs` while the component lives:
 * SLA countdowns move on screen without a store action per tick.
 */
export function nowSignal(periodMs = 30_000): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), periodMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
