import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { AppConfig } from '@probity/config';
import { locateBrowser } from '@probity/pdf-rendering';
import { JobQueue } from '@probity/queue';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  /** The process is up; says nothing about its dependencies, so orchestrators do not restart it for a database blip. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.checkQueue(),
      () => this.checkBrowser(),
    ]);
  }

  private async checkQueue() {
    const indicator = this.indicators.check('queue');
    try {
      const { transport } = await this.jobs.ping();
      return indicator.up({ transport });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async checkBrowser() {
    const indicator = this.indicators.check('browser');
    try {
      const { source } = locateBrowser(this.config.browserExecutablePath);
      return indicator.up({ source });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
