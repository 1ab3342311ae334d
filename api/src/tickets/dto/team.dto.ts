import { ApiProperty } from '@nestjs/swagger';

export class TeamDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ type: [String], description: 'Cities taken; `*` for the catch-all team.' })
  regions!: string[];
  @ApiProperty({ type: [String] }) memberUserIds!: string[];
  @ApiProperty({ type: String, nullable: true }) leadUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) dutyManagerUserId!: string | null;
}

export class QueueDto {
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Not yet dispatched to an engineer.' }) undispatched!: number;
  @ApiProperty({ description: 'Restore target missed.' }) breached!: number;
}

export class QueuesDto {
  @ApiProperty({ type: [QueueDto] }) queues!: QueueDto[];
}
