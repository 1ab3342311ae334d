import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

import {
  FAULT_IMPACTS,
  type FaultImpact,
  TICKET_SEVERITIES,
  type TicketSeverity,
} from '../ticket.document';

export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export class ContactDto {
  @ApiProperty({ example: '张伟' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'zhang.wei@bank-a.cn' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be digits, spaces, - and an optional +' })
  phone?: string;
}

/** What a customer user (or the NOC for a customer) files: fault, change request or complaint. */
export class CreateTicketDto {
  @ApiProperty({ enum: ['fault', 'changeRequest', 'complaint'] })
  @IsIn(['fault', 'changeRequest', 'complaint'])
  ticketType!: 'fault' | 'changeRequest' | 'complaint';

  @ApiPropertyOptional({ description: 'The affected circuit (a fault needs a circuit or a site).' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'circuitId must be an id' })
  circuitId?: string;

  @ApiPropertyOptional({
    description: 'The affected site: every circuit ending there that the caller sees.',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'siteId must be an id' })
  siteId?: string;

  @ApiPropertyOptional({ enum: FAULT_IMPACTS, description: 'Observed impact (faults).' })
  @IsOptional()
  @IsIn(FAULT_IMPACTS)
  impact?: FaultImpact;

  @ApiPropertyOptional({
    description: 'Short title; derived from the circuit and impact if absent.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiProperty({ example: '网点无法访问核心系统，CPE 指示灯红色' })
  @IsString()
  @Length(1, 4000)
  description!: string;

  @ApiPropertyOptional({ enum: TICKET_SEVERITIES })
  @IsOptional()
  @IsIn(TICKET_SEVERITIES)
  severity?: TicketSeverity;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'requestedResolutionDate must be an ISO 8601 date-time' },
  )
  requestedResolutionDate?: string;

  @ApiPropertyOptional({
    type: ContactDto,
    description: 'On-site contact (defaults to the reporter).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({
    description:
      "Operator staff filing for a customer: whose ticket (else the circuit's customer).",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'customerId must be an id' })
  customerId?: string;
}
