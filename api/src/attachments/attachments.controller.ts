import {
  Body,
  Controller,
  Get,
  Ip,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { AttachmentRefDto } from '../tickets/dto/ticket.dto';
import { TICKET_WRITERS } from '../tickets/ticket-roles';
import { AttachmentsService, type UploadedFile as UploadedFileShape } from './attachments.service';

export class AttachmentUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PNG, JPEG, GIF, WebP or PDF, by content; size limit ATTACHMENT_MAX_BYTES.',
  })
  file!: unknown;

  @ApiPropertyOptional({ enum: ['public', 'internal'], default: 'public' })
  @IsOptional()
  @IsIn(['public', 'internal'])
  visibility?: 'public' | 'internal';
}

/** The form fields besides the file (validated; the file itself is checked by content). */
class AttachmentFieldsDto {
  @IsOptional()
  @IsIn(['public', 'internal'])
  visibility?: 'public' | 'internal';
}

@ApiTags('tickets')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('tickets/:id/attachments')
  @Roles(...TICKET_WRITERS)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Attach a photo or document to a ticket (multipart field `file`).' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUploadDto })
  @ApiCreatedResponse({ type: AttachmentRefDto })
  @ProblemResponses(400, 403, 404, 409, 413, 415)
  async upload(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @UploadedFile() file: UploadedFileShape | undefined,
    @Body() fields: AttachmentFieldsDto,
  ): Promise<AttachmentRefDto> {
    const ref = await this.attachments.upload(
      { kind: 'user', principal, scope, ip },
      params.id,
      file,
      fields.visibility ?? 'public',
      new Date(),
    );
    return { ...ref, createdAt: ref.createdAt.toISOString() };
  }

  @Get('attachments/:id')
  @ApiOperation({
    summary: 'Download an attachment (scoped like its ticket; internal files for operator staff).',
  })
  @ApiOkResponse({
    description: 'The file, as stored.',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ProblemResponses(400, 404)
  async download(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { ref, stream } = await this.attachments.download(
      { kind: 'user', principal, scope, ip },
      params.id,
    );
    res.setHeader('Content-Type', ref.mimeType);
    res.setHeader('Content-Length', String(ref.size));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${ref.id}"; filename*=UTF-8''${encodeURIComponent(ref.name)}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream);
  }
}
