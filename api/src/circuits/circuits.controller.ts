import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AccessScope } from '../auth/access-scope';
import { CurrentScope } from '../auth/current-principal.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { CircuitsService } from './circuits.service';
import { CircuitDetailDto } from './dto/circuit-detail.dto';
import { CircuitListQueryDto } from './dto/circuit-list-query.dto';
import { CircuitPageDto } from './dto/circuit-summary.dto';

@ApiTags('circuits')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('circuits')
export class CircuitsController {
  constructor(private readonly circuits: CircuitsService) {}

  @Get()
  @ApiOperation({ summary: "Circuits in the caller's scope, paged." })
  @ApiOkResponse({ type: CircuitPageDto })
  @ProblemResponses(400)
  list(
    @CurrentScope() scope: AccessScope,
    @Query() query: CircuitListQueryDto,
  ): Promise<CircuitPageDto> {
    return this.circuits.list(scope, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One circuit with its ends and route.' })
  @ApiOkResponse({ type: CircuitDetailDto })
  @ProblemResponses(400, 404)
  detail(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<CircuitDetailDto> {
    return this.circuits.detail(scope, params.id);
  }
}
