import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

export class PushPublicKeyDto {
  @ApiProperty({ description: 'Web push is configured on this server (VAPID keys set).' })
  enabled!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The VAPID application server key (uncompressed P-256 point, base64url): `applicationServerKey` of `PushManager.subscribe`.',
  })
  publicKey!: string | null;
}

export class PushSubscriptionKeysDto {
  @ApiProperty({ description: "The browser's P-256 public key, base64url (65 bytes)." })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{86,88}={0,2}$/, { message: 'p256dh must be 65 bytes in base64url' })
  p256dh!: string;

  @ApiProperty({ description: 'The authentication secret, base64url (16 bytes).' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{22,24}={0,2}$/, { message: 'auth must be 16 bytes in base64url' })
  auth!: string;
}

/** `PushSubscription.toJSON()` of the browser, as it comes. */
export class CreatePushSubscriptionDto {
  @ApiProperty({
    description:
      'The push service URL: https (outside production also http to a loopback address).',
    example: 'https://fcm.googleapis.com/fcm/send/abc123',
  })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'endpoint must be an http(s) URL' },
  )
  @Length(1, 2000)
  endpoint!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'When the subscription ends (ms since the epoch), if the browser says.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  expirationTime?: number | null;

  @ApiProperty({ type: PushSubscriptionKeysDto })
  @ValidateNested()
  @Type(() => PushSubscriptionKeysDto)
  keys!: PushSubscriptionKeysDto;
}

export class PushSubscriptionDto {
  @ApiProperty({ description: 'Id for DELETE /push/subscriptions/{id}.' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expirationTime!: string | null;
  @ApiProperty({ description: 'How many browsers the caller has subscribed, this one included.' })
  subscriptions!: number;
}
