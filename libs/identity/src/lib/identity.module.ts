import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { Clock } from './clock';
import { UnitOfWork } from '@probity/database';
import { IDENTITY_ENTITIES } from './identity.entities';
import { IdentityRepository } from './identity.repository';
import { IdentityService } from './identity.service';
import { StaffSessionMiddleware } from './staff-session.middleware';

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  controllers: [AuthController],
  providers: [IdentityService, IdentityRepository, UnitOfWork, Clock],
  exports: [IdentityService, Clock],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(StaffSessionMiddleware).forRoutes('{*path}');
  }
}
