import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import { EVIDENCE_VERDICTS, EvidenceVerdict, NOTE_MAX_LENGTH } from './evidence-claims';
import { EvidenceConfirmationService } from './evidence-confirmation.service';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class EvidenceConfirmationDto {
  @ApiProperty({ enum: EVIDENCE_VERDICTS, description: 'Whether the attached evidence supports the answer.' })
  @IsIn(EVIDENCE_VERDICTS)
  verdict: EvidenceVerdict;

  @ApiProperty({
    description: 'A short note: what in the evidence does or does not support the answer.',
    example: 'The report covers the operating threshold and the named test set.',
  })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'note is required: say what in the evidence supports the answer or not.' })
  @MaxLength(NOTE_MAX_LENGTH)
  note: string;
}

/**
 * The panel's "evidence supports the claim" verdicts over JSON. Blind: a panel member reads and
 * writes only their own. A changed verdict re-scores the response during evaluation.
 */
@ApiTags('evaluation')
@Controller(`${API_PREFIX}/cases/:caseId/responses/:responseId/evidence-confirmations`)
export class EvidenceConfirmationController {
  constructor(private readonly confirmations: EvidenceConfirmationService) {}

  @Get()
  @RequiresAccess('response.score')
  @ApiOkResponse({ description: 'The answers that need evidence, their files and your own verdicts.' })
  claims(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
  ) {
    return this.confirmations.claimsToCheck(staff, caseId, responseId);
  }

  @Put(':questionName')
  @RequiresAccess('evidence.confirm')
  @ApiOkResponse({ description: 'Verdict recorded; 422 when no evidence is attached to the answer.' })
  async confirm(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
    @Param('questionName') questionName: string,
    @Body() body: EvidenceConfirmationDto,
  ) {
    const { confirmation, evaluationJobId } = await this.confirmations.confirm(
      staff,
      { caseId, responseId },
      questionName,
      body.verdict,
      body.note,
    );
    return {
      questionName: confirmation.questionName,
      verdict: confirmation.supports ? 'supports' : 'does-not-support',
      note: confirmation.note,
      updatedAt: confirmation.updatedAt,
      evaluationJobId,
    };
  }
}
