import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  FAULT_IMPACTS,
  type FaultImpact,
  PROVISIONING_STAGES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SEVERITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketChannel,
  type TicketPriority,
  type TicketSeverity,
  type TicketStatus,
  type TicketType,
} from '../ticket.document';

const DATE = { type: String, format: 'date-time' } as const;
const NDATE = { type: String, format: 'date-time', nullable: true } as const;

export class StatusChangeDto {
  @ApiProperty({ enum: TICKET_STATUSES }) status!: TicketStatus;
  @ApiProperty(DATE) changeDate!: string;
  @ApiProperty() changeReason!: string;
  @ApiProperty({
    description: 'Username or `system`; `operator` for customers when an operator did it.',
  })
  changedBy!: string;
}

export class TicketNoteDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() author!: string;
  @ApiProperty() authorRole!: string;
  @ApiProperty(DATE) date!: string;
  @ApiProperty({ enum: ['public', 'internal'] }) visibility!: 'public' | 'internal';
}

export class TimelineEntryDto {
  @ApiProperty() seq!: number;
  @ApiProperty(DATE) at!: string;
  @ApiProperty({ example: 'status' }) type!: string;
  @ApiProperty({ enum: ['public', 'internal'] }) visibility!: 'public' | 'internal';
  @ApiProperty() actor!: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  detail?: Record<string, string | number | boolean | null>;
}

export class RelatedEntityDto {
  @ApiProperty() id!: string;
  @ApiProperty({ name: '@referredType', enum: ['Circuit', 'Site', 'Alarm', 'TroubleTicket'] })
  '@referredType'!: string;
  @ApiProperty({ example: 'affected' }) role!: string;
  @ApiProperty() name!: string;
}

export class RelatedPartyDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['reporter', 'contact', 'watcher', 'assignee'] }) role!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Masked for NOC and platform admins (number shield).',
  })
  email!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Masked for NOC and platform admins (number shield).',
  })
  phone!: string | null;
}

export class AttachmentRefDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Name as uploaded (display only).' }) name!: string;
  @ApiProperty() mimeType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ enum: ['public', 'internal'] }) visibility!: 'public' | 'internal';
  @ApiProperty() uploadedBy!: string;
  @ApiProperty(DATE) createdAt!: string;
}

export class AssignmentDto {
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) engineerUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) engineerName!: string | null;
  @ApiProperty(NDATE) dispatchedAt!: string | null;
}

export class FieldProgressDto {
  @ApiProperty(DATE) at!: string;
  @ApiProperty() text!: string;
  @ApiProperty() by!: string;
}

export class FieldReportDto {
  @ApiProperty(NDATE) arrivedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) causeCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) fixCode!: string | null;
  @ApiProperty({ type: [FieldProgressDto] }) progress!: FieldProgressDto[];
}

export class ProvisioningStageDto {
  @ApiProperty({ enum: PROVISIONING_STAGES }) name!: string;
  @ApiProperty({ enum: ['pending', 'inProgress', 'done', 'skipped'] }) status!: string;
  @ApiProperty(NDATE) updatedAt!: string | null;
}

export class ProvisioningRequestViewDto {
  @ApiProperty({ enum: ['temporary-bandwidth', 'bandwidth-change', 'new-circuit'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) circuitId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) bandwidthBps!: number | null;
  @ApiProperty(NDATE) until!: string | null;
  @ApiProperty({ type: Number, nullable: true }) previousBandwidthBps!: number | null;
  @ApiProperty(NDATE) appliedAt!: string | null;
  @ApiProperty(NDATE) revertedAt!: string | null;
}

export class ProvisioningDto {
  @ApiProperty({ type: [ProvisioningStageDto] }) stages!: ProvisioningStageDto[];
  @ApiProperty({ type: ProvisioningRequestViewDto, nullable: true })
  request!: ProvisioningRequestViewDto | null;
}

export class SlaClockDto {
  @ApiProperty() targetMinutes!: number;
  @ApiProperty({ ...NDATE, description: 'null while the clock is paused.' }) dueAt!: string | null;
  @ApiProperty(NDATE) stoppedAt!: string | null;
  @ApiProperty(NDATE) warnedAt!: string | null;
  @ApiProperty(NDATE) breachedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) elapsedMinutes!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) met!: boolean | null;
}

export class TicketSlaDto {
  @ApiProperty({ enum: ['platinum', 'gold', 'silver', 'bronze'] }) slaClass!: string;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: SlaClockDto }) response!: SlaClockDto;
  @ApiProperty({ type: SlaClockDto }) restore!: SlaClockDto;
  @ApiProperty({ enum: [0, 1, 2], description: '0 none, 1 team lead, 2 duty manager.' })
  escalationLevel!: number;
}

export class SatisfactionDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty() comment!: string;
  @ApiProperty(DATE) at!: string;
}

export class TicketResultDto {
  @ApiProperty({ type: Number, nullable: true }) mttrMinutes!: number | null;
  @ApiProperty({ type: Number, nullable: true }) restoreMinutes!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) responseMet!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) restoreMet!: boolean | null;
  @ApiProperty() reopenCount!: number;
  @ApiProperty() autoClosed!: boolean;
  @ApiProperty(NDATE) closedAt!: string | null;
}

/** A ticket as the caller may see it (internal matter and contact data per role). */
export class TicketDto {
  @ApiProperty({ example: 'TT-…' }) id!: string;
  @ApiProperty({ description: 'Send it back (body `version` or `If-Match`) with every change.' })
  version!: number;
  @ApiProperty({ enum: TICKET_TYPES }) ticketType!: TicketType;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: TicketStatus;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: TICKET_SEVERITIES }) severity!: TicketSeverity;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority!: TicketPriority;
  @ApiProperty({ enum: FAULT_IMPACTS, nullable: true }) impact!: FaultImpact | null;
  @ApiProperty({ enum: TICKET_CHANNELS }) channel!: TicketChannel;
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: [String] }) circuitIds!: string[];
  @ApiProperty({ type: String, nullable: true }) siteId!: string | null;
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty(DATE) creationDate!: string;
  @ApiProperty(DATE) lastUpdate!: string;
  @ApiProperty(DATE) statusChangeDate!: string;
  @ApiProperty(NDATE) requestedResolutionDate!: string | null;
  @ApiProperty(NDATE) expectedResolutionDate!: string | null;
  @ApiProperty(NDATE) resolutionDate!: string | null;
  @ApiProperty({ type: [StatusChangeDto] }) statusChangeHistory!: StatusChangeDto[];
  @ApiProperty({ type: [RelatedEntityDto] }) relatedEntity!: RelatedEntityDto[];
  @ApiProperty({ type: [RelatedPartyDto] }) relatedParty!: RelatedPartyDto[];
  @ApiProperty({ type: [TicketNoteDto], description: 'Customers see public notes only.' })
  note!: TicketNoteDto[];
  @ApiProperty({ type: [TimelineEntryDto], description: 'Customers see public entries only.' })
  timeline!: TimelineEntryDto[];
  @ApiProperty({ type: [AttachmentRefDto] }) attachment!: AttachmentRefDto[];
  @ApiProperty({ type: AssignmentDto }) assignment!: AssignmentDto;
  @ApiProperty({ type: FieldReportDto }) fieldReport!: FieldReportDto;
  @ApiProperty({ type: [String] }) relatedAlarmIds!: string[];
  @ApiProperty({ type: String, nullable: true }) rootCauseAlarmId!: string | null;
  @ApiProperty({ type: String, nullable: true }) mergedInto!: string | null;
  @ApiProperty({ type: [String] }) mergedTicketIds!: string[];
  @ApiProperty({ type: ProvisioningDto, nullable: true }) provisioning!: ProvisioningDto | null;
  @ApiProperty({ type: TicketSlaDto }) sla!: TicketSlaDto;
  @ApiProperty({ type: SatisfactionDto, nullable: true }) satisfaction!: SatisfactionDto | null;
  @ApiProperty({ type: TicketResultDto }) result!: TicketResultDto;
  @ApiProperty({
    enum: TICKET_STATUSES,
    isArray: true,
    description: 'Statuses the caller may move it to now.',
  })
  allowedTransitions!: TicketStatus[];
}

export class TicketSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: TICKET_TYPES }) ticketType!: TicketType;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: TicketStatus;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TICKET_SEVERITIES }) severity!: TicketSeverity;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority!: TicketPriority;
  @ApiProperty({ enum: TICKET_CHANNELS }) channel!: TicketChannel;
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: [String] }) circuitIds!: string[];
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ type: String, nullable: true }) engineerName!: string | null;
  @ApiProperty(DATE) creationDate!: string;
  @ApiProperty(DATE) lastUpdate!: string;
  @ApiProperty(NDATE) restoreDueAt!: string | null;
  @ApiProperty() restoreBreached!: boolean;
  @ApiProperty({ enum: [0, 1, 2] }) escalationLevel!: number;
}

export class TicketPageDto {
  @ApiProperty({ type: [TicketSummaryDto] }) items!: TicketSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
