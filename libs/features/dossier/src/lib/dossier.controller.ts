import { Body, Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import { CommentDto, DecisionDto } from './dossier.dto';
import { DOSSIER_IDS, DossierWorkflowService } from './dossier-workflow.service';

/**
 * Dossier versions, review and sign-off for staff of the case's agency (any other agency's case or
 * dossier is 404). Evaluators have no access: the dossier shows prices and the whole panel's record.
 */
@ApiTags('dossiers')
@Controller(API_PREFIX)
export class DossierController {
  constructor(private readonly workflow: DossierWorkflowService) {}

  @Post('cases/:caseId/dossiers')
  @RequiresAccess('dossier.request')
  @HttpCode(202)
  async request(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string) {
    const { version, reviewers } = await this.workflow.requestRender(staff, caseId);
    return {
      id: version.id,
      version: version.version,
      status: version.supersededAt ? 'superseded' : version.status,
      snapshotHash: version.snapshotHash,
      reviewers: reviewers.map((r) => ({ id: r.id, name: r.name })),
    };
  }

  @Get('cases/:caseId/dossiers')
  @RequiresAccess('dossier.read')
  list(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string) {
    return this.workflow.versions(staff, caseId);
  }

  /** OCDS 1.1 release package of the case, from its current dossier version (the signed one once signed). */
  @Get('cases/:caseId/ocds')
  @RequiresAccess('dossier.read')
  async ocds(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string): Promise<StreamableFile> {
    const { reference, release } = await this.workflow.ocds(staff, caseId);
    const bytes = Buffer.from(JSON.stringify(release, null, 2));
    return new StreamableFile(bytes, {
      type: 'application/json',
      disposition: `attachment; filename="${reference.replace(/[^A-Za-z0-9._-]/g, '_')}-ocds.json"`,
      length: bytes.length,
    });
  }

  @Get('dossiers/:id')
  @RequiresAccess('dossier.read', DOSSIER_IDS)
  state(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.workflow.state(staff, id);
  }

  @Get('dossiers/:id/pdf')
  @RequiresAccess('dossier.read', DOSSIER_IDS)
  @Header('Content-Type', 'application/pdf')
  async pdf(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<StreamableFile> {
    const { version, pdf } = await this.workflow.pdf(staff, id);
    return new StreamableFile(pdf, {
      disposition: `inline; filename="dossier-v${version.version}-review.pdf"`,
      length: pdf.length,
    });
  }

  @Get('dossiers/:id/signed.pdf')
  @RequiresAccess('dossier.read', DOSSIER_IDS)
  @Header('Content-Type', 'application/pdf')
  async signedPdf(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<StreamableFile> {
    const { version, pdf } = await this.workflow.signedPdf(staff, id);
    return new StreamableFile(pdf, {
      disposition: `attachment; filename="dossier-v${version.version}-signed.pdf"`,
      length: pdf.length,
    });
  }

  @Post('dossiers/:id/comments')
  @RequiresAccess('dossier.decide', DOSSIER_IDS)
  @HttpCode(201)
  comment(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: CommentDto) {
    return this.workflow.comment(staff, id, { section: body.section, body: body.body });
  }

  @Post('dossiers/:id/decisions')
  @RequiresAccess('dossier.decide', DOSSIER_IDS)
  @HttpCode(201)
  decide(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: DecisionDto) {
    return this.workflow.decide(staff, id, body);
  }
}
