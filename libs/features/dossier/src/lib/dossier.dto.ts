import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { ReviewDecisionKind } from '../model/dossier-input';

// Who comments or decides is the signed-in staff member, never a field of the request.

export class CommentDto {
  @ApiProperty({ example: 'summary', description: 'A section key from GET /api/v1/dossiers/:id' })
  @IsString()
  @IsNotEmpty({ message: 'choose the section the comment is about' })
  @MaxLength(200)
  section: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'write the comment before sending it' })
  @MaxLength(10000)
  body: string;
}

export const DECISIONS: ReviewDecisionKind[] = ['approve', 'approve-with-conditions', 'request-changes'];

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: 'choose approve, approve with conditions or request changes' })
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
