import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

import {
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';

import { RequestValidationException } from '../common/problem/request-validation.exception';
import { seesInternal } from '../tickets/ticket-visibility.policy';
import type { AttachmentRef, Visibility } from '../tickets/ticket.document';
import { type UserActor, TicketsService } from '../tickets/tickets.service';
import { ACCEPTED_TYPES, displayName, sniffType } from './attachment-type';
import { AttachmentsRepository } from './attachments.repository';

export interface UploadedFile {
  originalname?: string;
  size: number;
  buffer: Buffer;
}

export interface AttachmentDownload {
  ref: AttachmentRef;
  stream: Readable;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly files: AttachmentsRepository,
  ) {}

  /**
   * Stores the content under a generated id, then records it on the ticket; if the
   * ticket refuses it (closed meanwhile, …) the stored content is removed again.
   */
  async upload(
    actor: UserActor,
    ticketId: string,
    file: UploadedFile | undefined,
    visibility: Visibility,
    now: Date,
  ): Promise<AttachmentRef> {
    const ticket = await this.tickets.findInScope(actor, ticketId);
    if (visibility === 'internal' && !seesInternal(actor.principal.role)) {
      throw new ForbiddenException('Customers attach public files only.');
    }
    if (!file || file.size === 0) {
      throw new RequestValidationException([
        { path: 'file', message: 'a non-empty file is required (multipart field "file")' },
      ]);
    }
    const type = sniffType(file.buffer);
    if (!type) {
      throw new UnsupportedMediaTypeException(
        `The content is not one of ${ACCEPTED_TYPES.join(', ')} (checked by its bytes, not its name).`,
      );
    }
    const id = `att-${randomBytes(8).toString('hex')}`;
    const ref: AttachmentRef = {
      id,
      name: displayName(file.originalname, type.extension),
      mimeType: type.mimeType,
      size: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      visibility,
      uploadedBy: actor.principal.username,
      uploaderKind: seesInternal(actor.principal.role) ? 'operator' : 'customer',
      createdAt: now,
    };
    await this.files.store(id, file.buffer, {
      ticketId: ticket._id,
      customerId: ticket.customerId,
      mimeType: type.mimeType,
      sha256: ref.sha256,
    });
    try {
      await this.tickets.attach(actor, ticket._id, ref, now);
    } catch (error) {
      await this.files.remove(id);
      throw error;
    }
    return ref;
  }

  /** The content, if the caller may see the ticket and (for internal files) is operator staff. */
  async download(actor: UserActor, id: string): Promise<AttachmentDownload> {
    const stored = await this.files.find(id);
    const notFound = new NotFoundException(`Attachment ${id} not found.`);
    if (!stored) throw notFound;
    const ticket = await this.tickets
      .findInScope(actor, stored.metadata.ticketId)
      .catch(() => null);
    const ref = ticket?.attachment.find((a) => a.id === id);
    if (!ticket || !ref || (ref.visibility === 'internal' && !seesInternal(actor.principal.role)))
      throw notFound;
    return { ref, stream: this.files.open(id) };
  }
}
