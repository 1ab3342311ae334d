import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { ProblemDetails, ProblemFieldError } from './problem-details';

export class ProblemFieldErrorDto implements ProblemFieldError {
  @ApiProperty({ description: 'Dotted path of the failing input field.', example: 'pageSize' })
  path!: string;

  @ApiProperty({ example: 'pageSize must not be greater than 500' })
  message!: string;
}

/** RFC 9457 problem details (schema for the OpenAPI document). */
export class ProblemDetailsDto implements ProblemDetails {
  @ApiProperty({ example: 'urn:circuitcare:problem:validation-error' })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has 1 invalid field.' })
  detail!: string;

  @ApiProperty({ description: 'Path of the request.', example: '/api/v1/circuits' })
  instance!: string;

  @ApiPropertyOptional({
    type: [ProblemFieldErrorDto],
    description: 'Present on validation errors.',
  })
  errors?: ProblemFieldErrorDto[];
}
