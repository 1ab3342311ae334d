import { DestroyRef, Injectable, computed, effect, inject, signal } from '@angular/core';
import { Store } from '@ngrx/store';
import { type Observable, firstValueFrom } from 'rxjs';

import {
  OpenTicketsPageActions,
  TicketDetailPageActions,
  type TicketDto,
  TicketsService,
  authFeature,
  failureOf,
} from '@circuitcare/client';

import { Connectivity } from '../connectivity.service';
import { LOCAL_DB } from '../local-db';
import { type FieldAction, type QueuedAction, verdictOf } from './queued-action.model';

/** While actions wait and the phone says it is online, try again this often (a dead link lies). */
export const RETRY_MS = 15_000;

/**
 * The field engineer's offline queue. Every action is written to IndexedDB first and
 * sent from there, in the order it was done, when the phone is online: at once, when the
 * connection returns, on start. Before each send the ticket is read and an action whose
 * effect is already there is dropped (verdictOf), so a replay after a lost answer does
 * not duplicate it; the queue entry is deleted only after the API took it.
 */
@Injectable({ providedIn: 'root' })
export class Outbox {
  private readonly db = inject(LOCAL_DB);
  private readonly tickets = inject(TicketsService);
  private readonly store = inject(Store);
  private readonly connectivity = inject(Connectivity);
  private readonly user = this.store.selectSignal(authFeature.selectUser);

  /** The signed-in user's queue, oldest first. */
  readonly items = signal<QueuedAction[]>([]);
  readonly waiting = computed(() => this.items().filter((i) => !i.failed));
  readonly sending = signal(false);
  private flushing: Promise<void> | null = null;
  private flushAgain = false;

  constructor() {
    effect(() => {
      const online = this.connectivity.online();
      const user = this.user();
      if (user) void this.reload().then(() => (online ? this.flush() : undefined));
      else this.items.set([]);
    });
    const timer = setInterval(() => {
      if (this.connectivity.online() && this.waiting().length) void this.flush();
    }, RETRY_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /** Queues an action (kept even if the app is closed now) and sends it if it can. */
  async enqueue(ticketId: string, action: FieldAction): Promise<QueuedAction> {
    const userId = this.user()?.id;
    if (!userId) throw new Error('not signed in');
    const item: QueuedAction = {
      id: crypto.randomUUID(),
      userId,
      ticketId,
      queuedAt: new Date().toISOString(),
      action,
      attempts: 0,
      failed: null,
    };
    await (await this.db).put('outbox', item);
    await this.reload();
    if (this.connectivity.online()) void this.flush();
    return item;
  }

  /** Drops an action the API refused (the engineer saw why). */
  async discard(id: string): Promise<void> {
    await (await this.db).delete('outbox', id);
    await this.reload();
  }

  forTicket(ticketId: string): QueuedAction[] {
    return this.items().filter((i) => i.ticketId === ticketId);
  }

  /**
   * Sends what waits, one flush at a time. A call during a flush joins it, and the flush
   * then runs once more: the action queued meanwhile (tapped while the first was on the
   * wire) goes now, not at the next retry.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      let reachable = true;
      do {
        this.flushAgain = false;
        reachable = await this.run();
      } while (this.flushAgain && reachable && this.connectivity.online());
    })().finally(() => {
      this.flushing = null;
      this.sending.set(false);
    });
    return this.flushing;
  }

  private async reload(): Promise<void> {
    const userId = this.user()?.id;
    if (!userId) return;
    const all = await (await this.db).getAllFromIndex('outbox', 'byUser', userId);
    this.items.set(all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)));
  }

  /** One pass over the queue; false when the API could not be reached. */
  private async run(): Promise<boolean> {
    await this.reload();
    const queue = this.waiting();
    if (!queue.length) return true;
    this.sending.set(true);
    const touched = new Set<string>();
    let reachable = true;
    for (const item of queue) {
      const outcome = await this.deliver(item);
      if (outcome === 'offline') {
        reachable = false;
        break;
      }
      touched.add(item.ticketId);
    }
    await this.reload();
    if (touched.size) {
      this.store.dispatch(OpenTicketsPageActions.refreshRequested());
      this.store.dispatch(TicketDetailPageActions.refreshRequested());
    }
    return reachable;
  }

  private async deliver(item: QueuedAction): Promise<'done' | 'offline' | 'failed'> {
    const db = await this.db;
    for (let attempt = 0; attempt < 2; attempt++) {
      let ticket: TicketDto;
      try {
        ticket = await firstValueFrom(this.tickets.ticketsDetail({ id: item.ticketId }));
      } catch (e) {
        const f = failureOf(e);
        if (f.status === 0 || f.status >= 500) return 'offline';
        await db.put('outbox', {
          ...item,
          attempts: item.attempts + 1,
          failed: f.detail || f.title,
        });
        return 'failed';
      }
      if (verdictOf(item, ticket) !== 'send') {
        await db.delete('outbox', item.id);
        return 'done';
      }
      try {
        await firstValueFrom(this.call(item, ticket));
        await db.delete('outbox', item.id);
        return 'done';
      } catch (e) {
        const f = failureOf(e);
        if (f.status === 0 || f.status >= 500) return 'offline';
        // A conflict: somebody moved the ticket meanwhile; read it again and decide again.
        if ((f.status === 409 || f.status === 412) && attempt === 0) continue;
        await db.put('outbox', {
          ...item,
          attempts: item.attempts + 1,
          failed: f.detail || f.title,
        });
        return 'failed';
      }
    }
    return 'failed';
  }

  private call(item: QueuedAction, ticket: TicketDto): Observable<unknown> {
    const id = item.ticketId;
    const a = item.action;
    switch (a.kind) {
      case 'accept':
        return this.tickets.ticketsTransition({
          id,
          body: { status: 'inProgress', version: ticket.version },
        });
      case 'resolve':
        return this.tickets.ticketsTransition({
          id,
          body: { status: 'resolved', reason: a.reason, version: ticket.version },
        });
      case 'arrival':
        return this.tickets.ticketsFieldReport({
          id,
          body: { kind: 'arrival', ...(a.text ? { text: a.text } : {}) },
        });
      case 'progress':
        return this.tickets.ticketsFieldReport({ id, body: { kind: 'progress', text: a.text } });
      case 'cause':
        return this.tickets.ticketsFieldReport({
          id,
          body: {
            kind: 'cause',
            causeCode: a.causeCode,
            fixCode: a.fixCode,
            ...(a.text ? { text: a.text } : {}),
          },
        });
      case 'photo':
        return this.tickets.attachmentsUpload({
          id,
          body: { file: new File([a.bytes], a.name, { type: a.type }), visibility: 'public' },
        });
    }
  }
}
