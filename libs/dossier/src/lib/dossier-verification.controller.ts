import { BadRequestException, Controller, Get, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DossierService, DossierVerification } from './dossier.service';

const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** Anyone holding a dossier PDF can check that Probity produced exactly these bytes. */
@ApiTags('dossiers')
@Controller('api/v1/dossiers')
export class DossierVerificationController {
  constructor(private readonly dossiers: DossierService) {}

  /** Public keys that have signed dossiers, for checking a statement without Probity. */
  @Get('signing-keys')
  signingKeys() {
    return this.dossiers.signingKeys();
  }

  @Post('verify')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PDF_BYTES, files: 1 } }))
  verify(@UploadedFile() file: Express.Multer.File | undefined): Promise<DossierVerification> {
    if (!file) throw new BadRequestException('Send the PDF as the multipart field "file".');
    if (!file.buffer.subarray(0, 5).equals(Buffer.from('%PDF-')))
      throw new BadRequestException('The file is not a PDF.');
    return this.dossiers.verify(file.buffer);
  }
}
