import { Controller, Get, Header, Ip, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { AvailabilityService, type CsvExport } from './availability.service';
import {
  AvailabilityPeriodDto,
  CustomerAvailabilityExportQueryDto,
  CustomerAvailabilityQueryDto,
} from './dto/availability-query.dto';
import { CircuitAvailabilityDto, CustomerAvailabilityPageDto } from './dto/availability.dto';

const CSV_TYPE = 'text/csv; charset=utf-8';

function sendCsv(res: Response, file: CsvExport): string {
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  return file.body;
}

@ApiTags('availability')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('circuits/:id/availability')
  @ApiOperation({
    summary: 'Availability of one circuit over any period, with the evidence intervals.',
    description:
      'Down = union of service-affecting alarms (serviceImpact down, raised → cleared or now) and consecutive oper-down polls of the end interfaces; minus approved/completed maintenance windows covering the circuit. Exact to the millisecond of the stored times.',
  })
  @ApiOkResponse({ type: CircuitAvailabilityDto })
  @ProblemResponses(400, 404)
  circuit(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Query() query: AvailabilityPeriodDto,
  ): Promise<CircuitAvailabilityDto> {
    return this.availability.circuit(scope, params.id, query, new Date());
  }

  @Get('circuits/:id/availability.csv')
  @Header('Content-Type', CSV_TYPE)
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The evidence intervals of one circuit as CSV (audited as availability.export).',
  })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'CSV with a header row.' })
  @ProblemResponses(400, 404)
  async circuitCsv(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Query() query: AvailabilityPeriodDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(
      res,
      await this.availability.circuitCsv({ principal, scope, ip }, params.id, query, new Date()),
    );
  }

  @Get('availability')
  @ApiOperation({
    summary: "Availability of a customer's circuits over any period, with an aggregate.",
    description:
      "Customer users: their customer (org-subtree users: their subtree's circuits). Account managers and operator staff: `customerId` in their scope. The aggregate covers every circuit, the items one page.",
  })
  @ApiOkResponse({ type: CustomerAvailabilityPageDto })
  @ProblemResponses(400, 404)
  customer(
    @CurrentScope() scope: AccessScope,
    @Query() query: CustomerAvailabilityQueryDto,
  ): Promise<CustomerAvailabilityPageDto> {
    return this.availability.customer(scope, query, new Date());
  }

  @Get('availability.csv')
  @Header('Content-Type', CSV_TYPE)
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'One CSV row per circuit of the customer (all pages; audited as availability.export).',
  })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'CSV with a header row.' })
  @ProblemResponses(400, 404)
  async customerCsv(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Query() query: CustomerAvailabilityExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(
      res,
      await this.availability.customerCsv({ principal, scope, ip }, query, new Date()),
    );
  }
}
