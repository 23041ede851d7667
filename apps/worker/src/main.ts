import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { sealSharedSecret } from '@probity/dossier';
import { exitUnlessSecretsAgree, loadConfigOrExit } from '@probity/runtime';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.mode === 'zero-setup') {
    process.stderr.write(
      'probity worker: needs DATABASE_URL and REDIS_URL; in zero-setup mode the api process runs jobs itself\n',
    );
    process.exit(78);
  }
  // The worker seals dossiers: with another seal than the api's, they would not verify.
  await exitUnlessSecretsAgree(config, [sealSharedSecret(config)]);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM lets in-flight jobs finish (BullMQ's worker.close waits for them) before the process exits.
  app.enableShutdownHooks();
  await app.init();
}

main().catch((error: unknown) => {
  process.stderr.write(`probity worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
