import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { checkedForm, FormBody, runPageStep } from '@probity/web';
import { RiskAppetiteDto } from './risk-register.dto';
import { appetiteGrid } from './risk-register-form';
import { RiskRegisterService } from './risk-register.service';

/** The agency's risk appetite: what it is, what it means, and a change with a reason (audited). */
@ApiExcludeController()
@RequiresAccess('risk.appetite')
@Controller('admin/risk-appetite')
export class RiskAppetitePagesController {
  constructor(private readonly risks: RiskRegisterService) {}

  @Get()
  async page(
    @CurrentStaff() staff: StaffPrincipal,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.render(staff, response, { saved: notice === 'saved' });
  }

  @Post()
  async change(
    @CurrentStaff() staff: StaffPrincipal,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const refused = (errors: string[], status: number) => this.render(staff, response, { errors, form }, status);
    const typed = form.residualThreshold?.trim();
    const { value, problems } = await checkedForm(RiskAppetiteDto, {
      residualThreshold: typed ? Number(typed) : undefined,
      reason: form.reason ?? '',
    });
    if (problems.length) return refused([...new Set(problems)], 422);
    await runPageStep(
      response,
      () => this.risks.setAppetite(staff, value.residualThreshold, value.reason),
      '/admin/risk-appetite?notice=saved',
      ({ errors, status }) => refused(errors, status),
    );
  }

  private async render(
    staff: StaffPrincipal,
    response: Response,
    extra: { saved?: boolean; errors?: string[]; form?: Record<string, string> },
    status = 200,
  ) {
    const { residualThreshold } = await this.risks.appetite(staff);
    const above = appetiteGrid(residualThreshold)
      .flatMap((row) => row.cells)
      .filter((cell) => cell.above).length;
    response.status(status).render('admin/risk-appetite', {
      title: 'Risk appetite',
      flash: extra.saved
        ? `The agency’s risk appetite is now ${residualThreshold}; your reason is in the audit trail.`
        : undefined,
      appetite: residualThreshold,
      grid: appetiteGrid(residualThreshold),
      above,
      errors: extra.errors ?? [],
      form: {
        residualThreshold: extra.form?.residualThreshold ?? String(residualThreshold),
        reason: extra.form?.reason ?? '',
      },
    });
  }
}
