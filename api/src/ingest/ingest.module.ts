import { Module } from '@nestjs/common';

/** Placeholder created by the API skeleton; the ingestion engineer owns and fills this module. */
@Module({})
export class IngestModule {}
