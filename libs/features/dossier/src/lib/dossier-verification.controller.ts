import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Post,
  Res,
  ServiceUnavailableException,
  UnprocessableEntityException,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PdfReaderBusyError, UnreadablePdfError } from '../render/pdf-proof-reader';
import { CA_CERTIFICATE_PATH, DossierSeal } from '../signing/dossier-seal';
import { describeSeal } from '../signing/seal-description';
import { DossierService, DossierVerification } from './dossier.service';

/** Far above any dossier (a signed 40-page dossier is a few MB), low enough to hold a few uploads in memory. */
const MAX_PDF_BYTES = 25 * 1024 * 1024;
const UPLOAD = FileInterceptor('file', { limits: { fileSize: MAX_PDF_BYTES, files: 1, fields: 2 } });

/**
 * Anyone holding a dossier PDF can check that Probity produced exactly these bytes: over the API and
 * on the public /verify page, which works without JavaScript (a plain multipart form).
 */
@ApiTags('dossiers')
@Controller()
export class DossierVerificationController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly seal: DossierSeal,
  ) {}

  /** The CA certificate(s) dossier seals chain to, for readers who choose to trust this installation. */
  @Get(CA_CERTIFICATE_PATH.slice(1))
  caCertificate(@Res() response: Response): void {
    response.attachment('probity-dossier-ca.pem').send(this.seal.trustAnchorsPem());
  }

  /** Public keys that have signed dossiers, for checking a statement without Probity. */
  @Get('api/v1/dossiers/signing-keys')
  signingKeys() {
    return this.dossiers.signingKeys();
  }

  @Post('api/v1/dossiers/verify')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(UPLOAD)
  verify(@UploadedFile() file: Express.Multer.File | undefined): Promise<DossierVerification> {
    return this.verified(file);
  }

  @Get('verify')
  @ApiExcludeEndpoint()
  page(@Res() response: Response): void {
    response.render('verify', { title: 'Verify a dossier', caCertificatePath: CA_CERTIFICATE_PATH });
  }

  // Multipart bodies are parsed after the CSRF guard runs, so the form sends its token in the query.
  @Post('verify')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  @UseInterceptors(UPLOAD)
  async checked(@UploadedFile() file: Express.Multer.File | undefined, @Res() response: Response): Promise<void> {
    const result = await this.verified(file).catch((error: unknown) => {
      // Refusals are shown on the form page, where the person can pick another file.
      if (error instanceof BadRequestException || error instanceof UnprocessableEntityException) {
        response.status(error.getStatus());
        return { problem: error.message };
      }
      throw error;
    });
    response.render('verify', {
      title: 'problem' in result ? 'Verify a dossier' : 'Verification result',
      caCertificatePath: CA_CERTIFICATE_PATH,
      fileName: file ? Buffer.from(file.originalname, 'latin1').toString('utf8') : null,
      ...('problem' in result ? { problem: result.problem } : { result: describeVerification(result) }),
    });
  }

  private async verified(file: Express.Multer.File | undefined): Promise<DossierVerification> {
    if (!file) throw new BadRequestException('Choose the PDF file to check (multipart field "file").');
    if (!file.buffer.subarray(0, 5).equals(Buffer.from('%PDF-')))
      throw new BadRequestException('The file is not a PDF.');
    try {
      return await this.dossiers.verify(file.buffer);
    } catch (error) {
      if (error instanceof UnreadablePdfError)
        throw new UnprocessableEntityException(`${error.message} It is damaged or is not a dossier Probity rendered.`);
      if (error instanceof PdfReaderBusyError) throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }
}

const DECISION_WORDS: Record<string, string> = {
  approve: 'approved',
  'approve-with-conditions': 'approved with conditions',
  'request-changes': 'asked for changes',
};

/** A verification in plain words for the page: what the file is, and what to do when it is not genuine. */
export function describeVerification(verification: DossierVerification) {
  if (!verification.valid)
    return {
      genuine: false,
      heading:
        verification.seal && !verification.seal.trusted && verification.reason.startsWith('Valid signature')
          ? 'Valid signature, untrusted signer'
          : 'This file is not a dossier Probity issued',
      reason: verification.reason,
      seal: verification.seal ? describeSeal(verification.seal) : null,
    };
  const common = {
    genuine: true,
    caseReference: verification.caseReference,
    caseTitle: verification.caseTitle,
    version: verification.version,
    pdfSha256: verification.pdfSha256,
  };
  if (verification.signed)
    return {
      ...common,
      heading: 'This is the signed evaluation dossier',
      summary:
        'seal' in verification
          ? `Sealed on ${verification.signedAt.slice(0, 10)}; the electronic seal covers every byte of this file and nothing was changed since.`
          : `Signed on ${verification.signedAt.slice(0, 10)}, byte for byte as Probity signed it.`,
      seal: 'seal' in verification ? describeSeal(verification.seal) : null,
      signers: verification.signers.map((signer) => ({
        ...signer,
        decision: DECISION_WORDS[signer.decision] ?? signer.decision.replace(/[_-]/g, ' '),
        decidedOn: signer.decidedAt.slice(0, 10),
      })),
    };
  return {
    ...common,
    heading: 'This is a genuine review copy, not the signed dossier',
    summary:
      verification.status === 'superseded'
        ? 'A newer version replaced this one: ask the agency for the current dossier.'
        : `Its status is "${verification.status}". Only the signed dossier carries the reviewers' signatures.`,
    signers: [],
  };
}
