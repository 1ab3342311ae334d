import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { UsersController } from './users.controller';
import { UsersModule } from './users.module';
import { UsersService } from './users.service';

/** The administration routes; separate from UsersModule, which AuthModule itself needs. */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UserManagementModule {}
