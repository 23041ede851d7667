import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { ReviewDecisionKind } from '../model/dossier-input';

/**
 * Who is acting. Until accounts exist (issue 3) the caller states it; the integrator replaces this
 * with the authenticated user and a role guard.
 */
export class ReviewerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Legal reviewer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  role: string;
}

export class AssignReviewersDto {
  @ApiProperty({ type: [ReviewerDto] })
  @ValidateNested({ each: true })
  @Type(() => ReviewerDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  reviewers: ReviewerDto[];
}

export class CommentDto {
  @ApiProperty({ type: ReviewerDto })
  @ValidateNested()
  @Type(() => ReviewerDto)
  author: ReviewerDto;

  @ApiProperty({ example: 'summary', description: 'A section key from GET /api/v1/dossiers/:id' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  section: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  body: string;
}

const DECISIONS: ReviewDecisionKind[] = ['approve', 'approve-with-conditions', 'request-changes'];

export class DecisionDto {
  @ApiProperty({ type: ReviewerDto })
  @ValidateNested()
  @Type(() => ReviewerDto)
  reviewer: ReviewerDto;

  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision: ReviewDecisionKind;

  @ApiPropertyOptional({ description: 'Required for approve-with-conditions' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  conditions?: string;

  @ApiPropertyOptional({ description: 'Required for request-changes' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  reason?: string;

  @ApiProperty({ description: 'SHA-256 of the review copy the decision is about' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'pdfSha256 must be 64 lowercase hex digits' })
  pdfSha256: string;
}
