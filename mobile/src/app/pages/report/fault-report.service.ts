import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { type PreCheckDto, type TicketDto, TicketsService } from '@circuitcare/client';

export type Impact = 'down' | 'degraded' | 'intermittent';

/**
 * The customer's fault report: what the operator already knows, then the ticket and its
 * photo. Not in the store: a photo (a Blob) is not state, and the page waits for the answer.
 */
@Injectable({ providedIn: 'root' })
export class FaultReportService {
  private readonly tickets = inject(TicketsService);

  preCheck(circuitId: string): Promise<PreCheckDto> {
    return firstValueFrom(this.tickets.ticketsPreCheck({ circuitId }));
  }

  /** Files the fault, then attaches the photo; a failed upload leaves the ticket filed. */
  async file(
    circuitId: string,
    impact: Impact,
    description: string,
    photo: File | null,
  ): Promise<{ ticket: TicketDto; photoFailed: boolean }> {
    const ticket = await firstValueFrom(
      this.tickets.ticketsCreate({ body: { ticketType: 'fault', circuitId, impact, description } }),
    );
    if (!photo) return { ticket, photoFailed: false };
    try {
      await firstValueFrom(
        this.tickets.attachmentsUpload({
          id: ticket.id,
          body: { file: photo, visibility: 'public' },
        }),
      );
      return { ticket, photoFailed: false };
    } catch {
      return { ticket, photoFailed: true };
    }
  }

  join(ticketId: string): Promise<TicketDto> {
    return firstValueFrom(this.tickets.ticketsJoin({ id: ticketId }));
  }
}
