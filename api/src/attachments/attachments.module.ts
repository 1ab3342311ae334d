import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TicketsModule } from '../tickets/tickets.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

/** Ticket attachments in GridFS: one file per request, in memory up to ATTACHMENT_MAX_BYTES (413 beyond). */
@Module({
  imports: [
    TicketsModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // No storage option: multer keeps the file in memory (bounded by fileSize), never on disk.
        limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 4, parts: 6 },
        // Browsers send the file name as raw UTF-8 (no `filename*`); busboy's default,
        // latin1, would turn 机柜.png into mojibake.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [AttachmentsRepository, AttachmentsService],
})
export class AttachmentsModule {}
