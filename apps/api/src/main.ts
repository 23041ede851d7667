import 'reflect-metadata';
import { sealSharedSecret } from '@probity/dossier';
import { exitUnlessSecretsAgree, loadConfigOrExit, sessionSecretOf } from '@probity/runtime';
import { createApp } from './create-app';
import { serveLocalAdministration } from './local-administration';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Services mode runs several processes: each must sign and seal as the others do (nothing in zero-setup mode).
  if (config.mode === 'services')
    await exitUnlessSecretsAgree(config, [sessionSecretOf(config), sealSharedSecret(config)]);
  const app = await createApp(config);
  await app.listen(config.port);
  // Zero-setup: create-admin asks this process, which holds the embedded database.
  await serveLocalAdministration(app, config);
}

main().catch((error: unknown) => {
  process.stderr.write(`probity api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
