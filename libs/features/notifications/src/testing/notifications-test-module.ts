import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigModule } from '@probity/config';
import { JobHandlerRegistry, JobOutbox, OutboxEntry } from '@probity/queue';
import { servicesTestConfig, typeOrmTestModule } from '@probity/testing';
import { NotificationsModule } from '../lib/notifications.module';

/** The outbox and the handler registry, without a transport: tests dispatch outbox entries themselves. */
@Global()
@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature([OutboxEntry])],
  providers: [JobHandlerRegistry, JobOutbox],
  exports: [JobHandlerRegistry, JobOutbox],
})
class OutboxOnlyModule {}

/** NotificationsModule on a real test database, sending to the given SMTP server. */
export async function notificationsTestModule(databaseUrl: string, smtpUrl: string): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot(servicesTestConfig(databaseUrl, { SMTP_URL: smtpUrl })),
      typeOrmTestModule(databaseUrl),
      OutboxOnlyModule,
      NotificationsModule,
    ],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}
