import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class EventTicketDto {
  @ApiProperty({ description: 'Single-use ticket for `GET /events?ticket=…`.' })
  ticket!: string;

  @ApiProperty({ description: 'Seconds the ticket stays valid if unused.', example: 30 })
  expiresInSeconds!: number;
}

export class EventStreamQueryDto {
  // Optional in validation so that a missing ticket is a 401 (no credential), not a 400.
  @ApiProperty({ description: 'A ticket from `POST /events/ticket` (single use).' })
  @IsOptional()
  @IsString()
  @Length(20, 100)
  ticket?: string;

  @ApiPropertyOptional({
    description:
      'Resume after this event id (same as the Last-Event-ID header, for clients that open a new EventSource).',
    example: '1763799000000-0',
  })
  @IsOptional()
  @Matches(/^\d{1,20}-\d{1,20}$/, { message: 'must be a stream id like 1763799000000-0' })
  lastEventId?: string;
}

/** The `data:` of every change event (documentation; the stream is text/event-stream). */
export class ChangeEventMessageDto {
  @ApiProperty({ enum: ['alarm', 'circuit', 'ticket'] })
  kind!: string;

  @ApiProperty({ example: 'acknowledged' })
  action!: string;

  @ApiProperty({ description: 'Id of the changed object.' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  time!: string;

  @ApiProperty({ type: Object, description: 'Kind-specific details (see docs/api.md).' })
  data!: Record<string, unknown>;
}
