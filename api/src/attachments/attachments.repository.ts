import type { Readable } from 'node:stream';

import { Inject, Injectable } from '@nestjs/common';
import { type Db, GridFSBucket } from 'mongodb';

import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';

export interface StoredAttachmentMeta {
  ticketId: string;
  customerId: string;
  mimeType: string;
  sha256: string;
}

export interface StoredAttachment {
  _id: string;
  length: number;
  metadata: StoredAttachmentMeta;
}

/**
 * Attachment content in MongoDB GridFS (bucket `attachments`), so that any replica
 * serves any file (checked on FerretDB 1.24: GridFSBucket's files/chunks writes, the
 * unique {files_id, n} index and ordered chunk reads all work). Reads are by the
 * generated id only; the scope check is the ticket's (AttachmentsService).
 */
@Injectable()
export class AttachmentsRepository {
  private readonly bucket: GridFSBucket;
  private readonly files;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.bucket = new GridFSBucket(db, {
      bucketName: COLLECTIONS.attachmentsBucket,
      chunkSizeBytes: 255 * 1024,
    });
    this.files = db.collection<StoredAttachment>(`${COLLECTIONS.attachmentsBucket}.files`);
  }

  async store(id: string, content: Buffer, meta: StoredAttachmentMeta): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket.openUploadStreamWithId(id as never, id, { metadata: meta });
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(content);
    });
  }

  find(id: string): Promise<StoredAttachment | null> {
    return this.files.findOne({ _id: id });
  }

  open(id: string): Readable {
    return this.bucket.openDownloadStream(id as never);
  }

  /** Removes a stored file (an upload whose ticket change failed): nothing stays half-written. */
  async remove(id: string): Promise<void> {
    await this.bucket.delete(id as never).catch(() => undefined);
  }
}
