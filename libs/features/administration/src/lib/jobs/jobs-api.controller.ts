import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import { BackgroundJobs } from './background-jobs.service';

/** The Background jobs page as JSON: queue counts and the agency's own failed jobs, with their retry. */
@ApiTags('background jobs')
@Controller(`${API_PREFIX}/agency/jobs`)
export class JobsApiController {
  constructor(private readonly jobs: BackgroundJobs) {}

  @Get()
  @RequiresAccess('jobs.read')
  async list(@CurrentStaff() admin: StaffPrincipal) {
    return this.jobs.overview(admin);
  }

  /** 404 for a job that is not a failed job of the caller's agency; 409 when it is no longer failed. */
  @Post(':queue/:jobId/retry')
  @RequiresAccess('jobs.retry')
  @HttpCode(200)
  async retry(@CurrentStaff() admin: StaffPrincipal, @Param('queue') queue: string, @Param('jobId') jobId: string) {
    return { retried: await this.jobs.retry(admin, queue, jobId) };
  }
}
