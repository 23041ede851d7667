import { Module } from '@nestjs/common';
import { AppConfig } from '@probity/config';
import { BrowserPool } from './browser-pool';
import { locateBrowser } from './browser-locator';

@Module({
  providers: [
    {
      provide: BrowserPool,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new BrowserPool({
          executablePath: locateBrowser(config.browserExecutablePath).executablePath,
          maxConcurrentRenders: 2,
          maxRendersPerBrowser: 50,
          renderTimeoutMs: 60000,
        }),
    },
  ],
  exports: [BrowserPool],
})
export class PdfRenderingModule {}
