import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AccessScope } from '../auth/access-scope';
import { CurrentScope } from '../auth/current-principal.decorator';
import { OPERATOR_ROLES, Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { CircuitFaultLocationDto, CircuitTopologyDto } from './dto/circuit-topology.dto';
import { CustomerTopologyDto, CustomerTopologyQueryDto } from './dto/customer-topology.dto';
import { FaultListQueryDto, FaultPageDto } from './dto/faults.dto';
import { ImpactDto, ImpactQueryDto, InterfaceParamDto } from './dto/impact.dto';
import { TopologyService } from './topology.service';

@ApiTags('topology')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller()
export class TopologyController {
  constructor(private readonly topology: TopologyService) {}

  @Get('topology')
  @ApiOperation({
    summary:
      "The caller's customer topology: sites and circuits grouped by the org hierarchy, with the shared operator elements they cross and their live state.",
  })
  @ApiOkResponse({ type: CustomerTopologyDto })
  @ProblemResponses(400, 404)
  customer(
    @CurrentScope() scope: AccessScope,
    @Query() query: CustomerTopologyQueryDto,
  ): Promise<CustomerTopologyDto> {
    return this.topology.customerTopology(scope, query);
  }

  @Get('circuits/:id/topology')
  @ApiOperation({
    summary:
      "One circuit's route: ordered hops and links with live state, segment and the located fault.",
  })
  @ApiOkResponse({ type: CircuitTopologyDto })
  @ProblemResponses(400, 404)
  circuit(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<CircuitTopologyDto> {
    return this.topology.circuitTopology(scope, params.id);
  }

  @Get('circuits/:id/fault-location')
  @ApiOperation({
    summary:
      'Where the fault of this circuit most probably is (element, link or interface; segment; confidence; evidence), or no fault.',
  })
  @ApiOkResponse({ type: CircuitFaultLocationDto })
  @ProblemResponses(400, 404)
  faultLocation(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<CircuitFaultLocationDto> {
    return this.topology.circuitFaultLocation(scope, params.id);
  }

  @Get('faults')
  @ApiOperation({
    summary:
      "Located faults (common causes) hurting circuits in the caller's scope, each with those circuits; most circuits first.",
  })
  @ApiOkResponse({ type: FaultPageDto })
  @ProblemResponses(400)
  faults(
    @CurrentScope() scope: AccessScope,
    @Query() query: FaultListQueryDto,
  ): Promise<FaultPageDto> {
    return this.topology.faults(scope, query);
  }

  @Get('elements/:id/impact')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Every circuit and customer an element carries (operator staff).' })
  @ApiOkResponse({ type: ImpactDto })
  @ProblemResponses(400, 403, 404)
  elementImpact(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Query() query: ImpactQueryDto,
  ): Promise<ImpactDto> {
    return this.topology.impact(scope, { type: 'element', deviceId: params.id }, query);
  }

  @Get('elements/:id/interfaces/:ifIndex/impact')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary: 'Every circuit and customer entering or leaving by one interface (operator staff).',
  })
  @ApiOkResponse({ type: ImpactDto })
  @ProblemResponses(400, 403, 404)
  interfaceImpact(
    @CurrentScope() scope: AccessScope,
    @Param() params: InterfaceParamDto,
    @Query() query: ImpactQueryDto,
  ): Promise<ImpactDto> {
    return this.topology.impact(
      scope,
      { type: 'interface', deviceId: params.id, ifIndex: params.ifIndex },
      query,
    );
  }

  @Get('links/:id/impact')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Every circuit and customer a link carries (operator staff).' })
  @ApiOkResponse({ type: ImpactDto })
  @ProblemResponses(400, 403, 404)
  linkImpact(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Query() query: ImpactQueryDto,
  ): Promise<ImpactDto> {
    return this.topology.impact(scope, { type: 'link', linkId: params.id }, query);
  }
}
