import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CASE_STATUSES,
  type CaseStatus,
  MAX_CLARIFICATION_ANSWER_LENGTH,
  MAX_CLARIFICATION_LENGTH,
} from '@probity/cases';
import {
  ANNEX_III_POINTS,
  type AnnexIIIPoint,
  REMOTE_BIOMETRIC_MODES,
  type RemoteBiometricMode,
} from '@probity/questionnaires';

/** The case scope: the agency, not the providers, decides which questions apply (see CaseScope). */
export class AiActClassificationDto {
  @ApiProperty({
    description: 'The AI Act Annex III points the intended use falls under; an empty list when it is not high-risk.',
    enum: ANNEX_III_POINTS,
    isArray: true,
    example: ['1a'],
  })
  @IsArray()
  @ArrayMaxSize(ANNEX_III_POINTS.length)
  @ArrayUnique({ message: 'annexIII names a point twice' })
  @IsIn(ANNEX_III_POINTS, { each: true, message: `each Annex III point must be one of ${ANNEX_III_POINTS.join(', ')}` })
  annexIII: AnnexIIIPoint[];

  @ApiProperty({
    description: 'Remote biometric identification (Annex III 1(a)): none, post-remote or real-time.',
    enum: REMOTE_BIOMETRIC_MODES,
  })
  @IsIn(REMOTE_BIOMETRIC_MODES, {
    message: `remoteBiometricIdentification must be one of ${REMOTE_BIOMETRIC_MODES.join(', ')}`,
  })
  remoteBiometricIdentification: RemoteBiometricMode;

  @ApiProperty({ description: 'Whether the system processes personal data.' })
  @IsBoolean()
  personalData: boolean;
}

export class CreateCaseDto {
  @ApiProperty({ example: 'PROC-2026-0142' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @ApiProperty({ description: 'What the AI system will be used for, by whom, and its limits.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  intendedUse: string;

  @ApiProperty({ type: AiActClassificationDto, description: 'The case scope, set by the agency at case set-up.' })
  @IsObject({ message: 'aiActClassification must give the case scope' })
  @ValidateNested()
  @Type(() => AiActClassificationDto)
  aiActClassification: AiActClassificationDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsPositive()
  estimatedValue?: number;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  questionsDue?: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  responsesDue: string;

  @ApiProperty({ description: 'Weight per core principle, summing to 100.', example: { lawfulness: 25 } })
  @IsObject()
  criteriaWeights: Record<string, number>;

  @ApiProperty({ example: 'responsible-ai-high-risk' })
  @IsString()
  @MaxLength(111)
  questionnaireKey: string;
}

export class TransitionDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES, { message: `to must be one of ${CASE_STATUSES.join(', ')}` })
  to: CaseStatus;
}

export class InviteProviderDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  organisationName: string;

  // Checked against ISO 3166-1 by the invitation itself, which answers 422 (not 400) for a name or unknown code.
  @ApiProperty({ example: 'NL', description: 'ISO 3166-1 alpha-2 code.' })
  @IsString()
  @MaxLength(100)
  country: string;

  @ApiProperty({ example: { VAT: 'NL004495445B01', LEI: '724500Y6DUVHQD6OXN55' } })
  @IsObject()
  legalIdentifiers: Record<string, string>;

  @ApiProperty({ type: [String] })
  @ArrayMinSize(1, { message: 'give at least one contact e-mail' })
  @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'each contact must be a valid e-mail address' })
  contactEmails: string[];

  @ApiPropertyOptional({
    description: 'Invite an organisation that looks already invited (same name, VAT number or LEI) on purpose.',
  })
  @IsOptional()
  @IsBoolean()
  confirmDuplicate?: boolean;
}

export class ReopenDto {
  @ApiProperty({ description: 'Why the submission is reopened; recorded in the audit trail.' })
  @IsString()
  @IsNotEmpty({ message: 'give the reason for reopening' })
  @MaxLength(2000)
  reason: string;
}

export class PanelMemberDto {
  @ApiProperty()
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: ['evaluator', 'legal_reviewer'] })
  @IsIn(['evaluator', 'legal_reviewer'])
  role: 'evaluator' | 'legal_reviewer';
}

export class PanelDto {
  @ApiProperty({ type: [PanelMemberDto] })
  @ValidateNested({ each: true })
  @Type(() => PanelMemberDto)
  @ArrayMaxSize(50)
  members: PanelMemberDto[];
}

export class AnswerClarificationDto {
  @ApiPropertyOptional({ description: 'The question as published, reworded to remove anything identifying.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CLARIFICATION_LENGTH)
  question?: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'write the answer before publishing it' })
  @MaxLength(MAX_CLARIFICATION_ANSWER_LENGTH)
  answer: string;
}
