import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export class NotificationEventsDto {
  @ApiProperty({ description: 'Status changes, dispatch, triage, stages.' }) status!: boolean;
  @ApiProperty({ description: 'Public notes.' }) notes!: boolean;
  @ApiProperty({ description: 'Field reports (arrival, progress, cause).' }) field!: boolean;
  @ApiProperty({ description: 'SLA warnings and escalations (operator staff).' }) sla!: boolean;
  @ApiProperty({
    description:
      'Pushes of my circuits going down or degraded (customer users); true unless turned off.',
  })
  circuitFaults!: boolean;
}

/** Which changes notify, as sent: `circuitFaults` left out keeps what was chosen before. */
export class UpdateNotificationEventsDto {
  @ApiProperty({ description: 'Status changes, dispatch, triage, stages.' })
  @IsBoolean()
  status!: boolean;
  @ApiProperty({ description: 'Public notes.' }) @IsBoolean() notes!: boolean;
  @ApiProperty({ description: 'Field reports (arrival, progress, cause).' })
  @IsBoolean()
  field!: boolean;
  @ApiProperty({ description: 'SLA warnings and escalations (operator staff).' })
  @IsBoolean()
  sla!: boolean;
  @ApiPropertyOptional({
    description: 'Pushes of my circuits going down or degraded (customer users).',
  })
  @IsOptional()
  @IsBoolean()
  circuitFaults?: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() emailEnabled!: boolean;
  @ApiProperty({ type: String, nullable: true }) webhookUrl!: string | null;
  @ApiProperty() webhookEnabled!: boolean;
  @ApiProperty({ description: 'A signing secret exists (it is shown only when generated).' })
  webhookSecretSet!: boolean;
  @ApiPropertyOptional({
    type: String,
    description: 'Only in the answer that generated it: the HMAC key of `X-CircuitCare-Signature`.',
  })
  webhookSecret?: string;
  @ApiProperty({ type: NotificationEventsDto }) events!: NotificationEventsDto;
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be digits, spaces, - and an optional +' })
  phone?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() emailEnabled?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'http(s) endpoint receiving signed JSON.',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'webhookUrl must be an http(s) URL' },
  )
  @Length(1, 2000)
  webhookUrl?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() webhookEnabled?: boolean;

  @ApiPropertyOptional({ description: 'Generate a new signing secret (returned once).' })
  @IsOptional()
  @IsBoolean()
  rotateWebhookSecret?: boolean;

  @ApiPropertyOptional({ type: UpdateNotificationEventsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdateNotificationEventsDto)
  events?: UpdateNotificationEventsDto;
}

export class NotificationLogEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() ticketId!: string;
  @ApiProperty({ enum: ['email', 'webhook', 'push'] }) channel!: string;
  @ApiProperty({ enum: ['ticket-change', 'sla-alert'] }) kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: ['sending', 'sent', 'failed', 'skipped'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

export class NotificationLogPageDto {
  @ApiProperty({ type: [NotificationLogEntryDto] }) items!: NotificationLogEntryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
