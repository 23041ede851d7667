import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { JOB_STATES } from '@probity/queue';
import { FormBody, pageRefusalOf } from '@probity/web';
import { AgencyFailedJob, BackgroundJobs } from './background-jobs.service';

const STATE_LABELS = {
  waiting: 'Waiting',
  active: 'Running',
  delayed: 'Delayed',
  failed: 'Failed',
  completed: 'Completed',
};
const QUEUE_LABELS: Record<string, string> = {
  system: 'System checks',
  scoring: 'Scoring and evaluation',
  dossiers: 'Dossiers',
  notifications: 'E-mails and reminders',
};

const retryPath = (job: { queue: string; id: string }) =>
  `/admin/jobs/${encodeURIComponent(job.queue)}/${encodeURIComponent(job.id)}/retry`;

function describe(job: AgencyFailedJob): string {
  const cases = job.caseReferences.length ? ` for ${job.caseReferences.join(', ')}` : '';
  return `${job.label}${cases}`;
}

/** The agency administrator's Background jobs page: queue counts, the agency's failed jobs and their retry. */
@ApiExcludeController()
@Controller('admin/jobs')
export class JobsPagesController {
  constructor(private readonly jobs: BackgroundJobs) {}

  @Get()
  @RequiresAccess('jobs.read')
  async list(
    @CurrentStaff() admin: StaffPrincipal,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.render(admin, response, { flash: notice === 'retried' ? 'The job was queued again.' : undefined });
  }

  @Post(':queue/:jobId/retry')
  @RequiresAccess('jobs.retry')
  async retry(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('queue') queue: string,
    @Param('jobId') jobId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    try {
      if (form.confirmed !== 'yes') {
        const job = await this.jobs.failedJob(admin, queue, jobId);
        return response.status(200).render('cases/confirm', {
          title: `Retry “${describe(job)}”?`,
          body: [
            `It failed after ${job.attempts} attempt${job.attempts === 1 ? '' : 's'}: ${job.reason}`,
            'Retrying queues it again with a fresh set of attempts. Retry only once the cause is fixed, or it will fail again.',
          ],
          action: retryPath(job),
          fields: [],
          confirmLabel: 'Retry the job',
          cancelUrl: '/admin/jobs',
          cancelLabel: 'Back to the background jobs',
        });
      }
      await this.jobs.retry(admin, queue, jobId);
      response.redirect(303, '/admin/jobs?notice=retried');
    } catch (error) {
      const refusal = pageRefusalOf(error);
      if (refusal.status !== 409) throw error;
      await this.render(admin, response, { errors: refusal.errors, status: 409 });
    }
  }

  private async render(
    admin: StaffPrincipal,
    response: Response,
    options: { errors?: string[]; status?: number; flash?: string },
  ) {
    const { queues, failed } = await this.jobs.overview(admin);
    response.status(options.status ?? 200).render('admin/jobs', {
      title: 'Background jobs',
      flash: options.flash,
      errors: options.errors,
      scripts: ['confirm-step.js'],
      states: JOB_STATES.map((state) => STATE_LABELS[state]),
      queues: queues.map(({ queue, counts }) => ({
        label: QUEUE_LABELS[queue] ?? queue,
        counts: JOB_STATES.map((state) => ({ state: STATE_LABELS[state], value: counts[state] })),
      })),
      failed: failed.map((job) => ({
        ...job,
        description: describe(job),
        cases: job.caseIds.map((id, index) => ({ id, reference: job.caseReferences[index] })),
        retryPath: retryPath(job),
      })),
    });
  }
}
