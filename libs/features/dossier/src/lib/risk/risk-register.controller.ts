import { Body, Controller, Get, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import { riskRegisterWorkbook } from './risk-register-workbook';
import { AddRiskDto, EditRiskDto, RiskAppetiteDto, RiskRowRefDto } from './risk-register.dto';
import { RiskRegisterService } from './risk-register.service';

/**
 * The per-provider risk registers of a case (based on the Toolkit's risk assessment approach; not an
 * award criterion) and the agency's risk appetite.
 */
@ApiTags('risk register')
@Controller(API_PREFIX)
export class RiskRegisterController {
  constructor(private readonly risks: RiskRegisterService) {}

  @Get('cases/:caseId/risk-register')
  @RequiresAccess('risk.read')
  register(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string) {
    return this.risks.register(staff, caseId);
  }

  @Get('cases/:caseId/risk-register/xlsx')
  @RequiresAccess('risk.read')
  async xlsx(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string): Promise<StreamableFile> {
    const state = await this.risks.register(staff, caseId);
    const bytes = await riskRegisterWorkbook(state.caseReference, state);
    return new StreamableFile(bytes, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${state.caseReference.replace(/[^A-Za-z0-9._-]/g, '_')}-risk-register.xlsx"`,
      length: bytes.length,
    });
  }

  @Post('cases/:caseId/risk-register/edits')
  @RequiresAccess('risk.edit')
  @HttpCode(200)
  edit(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string, @Body() body: EditRiskDto) {
    return this.risks.edit(staff, caseId, body);
  }

  @Post('cases/:caseId/risk-register/rows')
  @RequiresAccess('risk.edit')
  @HttpCode(201)
  add(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string, @Body() body: AddRiskDto) {
    return this.risks.add(staff, caseId, body);
  }

  @Post('cases/:caseId/risk-register/removals')
  @RequiresAccess('risk.edit')
  @HttpCode(200)
  remove(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string, @Body() body: RiskRowRefDto) {
    return this.risks.remove(staff, caseId, body);
  }

  @Post('cases/:caseId/risk-register/acceptances')
  @RequiresAccess('risk.accept')
  @HttpCode(201)
  accept(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string, @Body() body: RiskRowRefDto) {
    return this.risks.accept(staff, caseId, body);
  }

  @Get('agency/risk-appetite')
  @RequiresAccess('risk.appetite')
  appetite(@CurrentStaff() staff: StaffPrincipal) {
    return this.risks.appetite(staff);
  }

  @Put('agency/risk-appetite')
  @RequiresAccess('risk.appetite')
  setAppetite(@CurrentStaff() staff: StaffPrincipal, @Body() body: RiskAppetiteDto) {
    return this.risks.setAppetite(staff, body.residualThreshold, body.reason);
  }
}
