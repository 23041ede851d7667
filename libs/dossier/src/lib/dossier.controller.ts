import {
  Body,
  ConflictException,
  Controller,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '@probity/web';
import type { DossierInput } from '../model/dossier-input';
import { toOcdsReleasePackage } from '../ocds/ocds-export';
import { AssignReviewersDto, CommentDto, DecisionDto } from './dossier.dto';
import { DossierService } from './dossier.service';
import { DossierReviewService } from './review.service';

/**
 * Dossier versions, review and sign-off. Not registered in DossierModule yet: these are staff routes,
 * and they go live only with the accounts, role guards and agency scoping of issue 3.
 */
@ApiTags('dossiers')
@Controller(API_PREFIX)
export class DossierController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly reviews: DossierReviewService,
  ) {}

  @Post('cases/:caseId/dossiers')
  @HttpCode(202)
  async request(@Param('caseId', new ParseUUIDPipe()) caseId: string) {
    const version = await this.dossiers.requestRender(caseId);
    return { id: version.id, version: version.version, status: version.status, snapshotHash: version.snapshotHash };
  }

  @Get('cases/:caseId/dossiers')
  async list(@Param('caseId', new ParseUUIDPipe()) caseId: string) {
    return (await this.dossiers.versionsOf(caseId)).map((v) => ({
      id: v.id,
      version: v.version,
      status: v.supersededAt ? 'superseded' : v.status,
      renderProgress: v.renderProgress,
      snapshotHash: v.snapshotHash,
      pdfSha256: v.pdfSha256,
      requestedAt: v.requestedAt,
      renderedAt: v.renderedAt,
    }));
  }

  @Put('cases/:caseId/dossier-reviewers')
  async assign(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() body: AssignReviewersDto) {
    const saved = await this.reviews.assignReviewers(caseId, body.reviewers);
    return saved.map((r) => ({ id: r.reviewerId, name: r.name, role: r.role }));
  }

  /** OCDS 1.1 release package of the case, from its current dossier version (the signed one once signed). */
  @Get('cases/:caseId/ocds')
  async ocds(@Param('caseId', new ParseUUIDPipe()) caseId: string) {
    // The highest number is not always current: data that went back makes an earlier version current again.
    const versions = await this.dossiers.versionsOf(caseId);
    const latest = versions.find((v) => !v.supersededAt) ?? versions[0];
    if (!latest) throw new NotFoundException('The case has no dossier yet.');
    const signed = await this.dossiers.signed(latest.id);
    return toOcdsReleasePackage(latest.snapshot as DossierInput, {
      publishedDate: new Date().toISOString(),
      dossier: {
        id: latest.id,
        version: latest.version,
        url: `/${API_PREFIX}/dossiers/${latest.id}/${signed ? 'signed.pdf' : 'pdf'}`,
        pdfSha256: signed?.pdfSha256 ?? latest.pdfSha256,
        datePublished: (signed?.signedAt ?? latest.renderedAt ?? latest.requestedAt).toISOString(),
        signed: Boolean(signed),
      },
    });
  }

  @Get('dossiers/signing-keys')
  signingKeys() {
    return this.dossiers.signingKeys();
  }

  @Get('dossiers/:id')
  state(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.reviews.state(id);
  }

  @Get('dossiers/:id/pdf')
  @Header('Content-Type', 'application/pdf')
  async pdf(@Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const version = await this.dossiers.get(id);
    const pdf = await this.dossiers.pdf(id);
    if (!pdf) throw new ConflictException(`Version ${version.version} is still being rendered.`);
    return new StreamableFile(pdf, {
      disposition: `inline; filename="dossier-v${version.version}-review.pdf"`,
      length: pdf.length,
    });
  }

  @Get('dossiers/:id/signed.pdf')
  @Header('Content-Type', 'application/pdf')
  async signedPdf(@Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const pdf = await this.dossiers.signedPdf(id);
    if (!pdf) throw new NotFoundException('This dossier version is not signed.');
    return new StreamableFile(pdf, { disposition: `attachment; filename="dossier-signed.pdf"`, length: pdf.length });
  }

  @Post('dossiers/:id/comments')
  @HttpCode(201)
  comment(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CommentDto) {
    return this.reviews.comment(id, body.author, { section: body.section, body: body.body });
  }

  @Post('dossiers/:id/decisions')
  @HttpCode(201)
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecisionDto) {
    return this.reviews.decide(id, body.reviewer, body);
  }
}
