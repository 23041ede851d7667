import 'reflect-metadata';
import { loadConfigOrExit } from '@probity/runtime';
import { createApp } from './create-app';
import { serveLocalAdministration } from './local-administration';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen(config.port);
  // Zero-setup: create-admin asks this process, which holds the embedded database.
  await serveLocalAdministration(app, config);
}

main().catch((error: unknown) => {
  process.stderr.write(`probity api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
