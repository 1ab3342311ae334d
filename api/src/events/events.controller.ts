import { Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { STREAM_ID_PATTERN } from './change-event';
import { ChangeEventMessageDto, EventStreamQueryDto, EventTicketDto } from './dto/event-stream.dto';
import { EventTicketsService } from './event-tickets.service';
import { EventsStreamService } from './events-stream.service';

@ApiTags('events')
@ApiExtraModels(ChangeEventMessageDto)
@Controller('events')
export class EventsController {
  constructor(
    private readonly tickets: EventTicketsService,
    private readonly streams: EventsStreamService,
  ) {}

  @Post('ticket')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth('bearer')
  @ApiOperation({
    summary: 'A single-use ticket that opens one event stream (EventSource cannot send headers).',
  })
  @ApiOkResponse({ type: EventTicketDto })
  @ProblemResponses(401)
  async ticket(@CurrentPrincipal() principal: VerifiedPrincipal): Promise<EventTicketDto> {
    return {
      ticket: await this.tickets.issue(principal),
      expiresInSeconds: this.tickets.ttlSeconds,
    };
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Live change events (Server-Sent Events) the caller may see.',
    description:
      'Authenticated by a ticket from `POST /events/ticket`. Each event: `id:` (stream id, for ' +
      'Last-Event-ID resume), `event: <kind>.<action>`, `data:` a ChangeEventMessage. Also ' +
      '`ready` once the resume is done, `resync` when events were lost (reload), heartbeat comments.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'text/event-stream of ChangeEventMessage',
    content: { 'text/event-stream': { schema: { $ref: getSchemaPath(ChangeEventMessageDto) } } },
  })
  @ProblemResponses(400, 401)
  async stream(
    @Query() query: EventStreamQueryDto,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const user = await this.streams.authenticate(query.ticket);
    const header = lastEventIdHeader?.trim();
    const lastEventId =
      header && STREAM_ID_PATTERN.test(header) ? header : (query.lastEventId ?? null);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // Reverse proxies (nginx) must not buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    await this.streams.open(
      user,
      {
        write: (chunk) => res.write(chunk),
        get writableLength() {
          return res.writableLength;
        },
        end: () => res.end(),
        abort: () => res.destroy(),
        // A client gone while the ticket was checked must not leave a subscription behind.
        onClientGone: (listener) => {
          if (res.destroyed || res.closed) listener();
          else res.on('close', listener);
          // A write racing the socket's end must close the stream, not crash the process.
          res.on('error', listener);
        },
      },
      lastEventId,
    );
  }
}
