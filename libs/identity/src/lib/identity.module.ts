import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { Clock } from './clock';
import { IDENTITY_ENTITIES } from './identity.entities';
import { IdentityService } from './identity.service';
import { StaffSessionMiddleware } from './staff-session.middleware';

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  controllers: [AuthController],
  providers: [IdentityService, Clock],
  exports: [IdentityService, Clock],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(StaffSessionMiddleware).forRoutes('{*path}');
  }
}
