import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { AuthService } from './auth.service';
import { LoginRequestDto } from './dto/login-request.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a username and password for a bearer access token.' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ProblemResponses(400, 401)
  login(@Body() body: LoginRequestDto): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password);
  }
}
