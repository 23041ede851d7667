import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// Who edits or accepts is the signed-in staff member, never a field of the request.

class RatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'likelihood and impact are whole numbers from 1 to 5' })
  @Min(1, { message: 'likelihood and impact are whole numbers from 1 to 5' })
  @Max(5, { message: 'likelihood and impact are whole numbers from 1 to 5' })
  value: number;

  @ApiProperty({ description: 'Why this rating' })
  @IsString()
  @IsNotEmpty({ message: 'give the reason for the rating' })
  @MaxLength(2000)
  reason: string;
}

class MitigationDto {
  @ApiProperty({ enum: ['contract-condition', 'agency-measure'] })
  @IsIn(['contract-condition', 'agency-measure'], {
    message: 'a mitigation is a contract-condition or an agency-measure',
  })
  kind: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'describe the mitigation' })
  @MaxLength(4000)
  text: string;

  @ApiPropertyOptional({ description: 'The MCC-AI clause the condition comes from' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  clause?: string | null;
}

/** The fields of a row an officer may set; absent fields keep their value. */
export class RiskFieldsDto {
  @ApiPropertyOptional({ description: 'One of the Toolkit’s 17 instrumental principles, e.g. human-oversight' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  principle?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ type: RatingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  likelihood?: RatingDto;

  @ApiPropertyOptional({ type: RatingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  impact?: RatingDto;

  @ApiPropertyOptional({ type: MitigationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MitigationDto)
  mitigation?: MitigationDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  residualLikelihood?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  residualImpact?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({ enum: ['accept', 'mitigate', 'avoid'] })
  @IsOptional()
  @IsIn(['accept', 'mitigate', 'avoid'], { message: 'the decision is accept, mitigate or avoid' })
  decision?: string;
}

export class RiskRowRefDto {
  @ApiProperty({ description: 'The provider (response) id' })
  @IsUUID('all', { message: 'providerId must be a provider’s id' })
  providerId: string;

  @ApiProperty({ description: 'The row key from GET …/risk-register' })
  @IsString()
  @IsNotEmpty({ message: 'name the row by its key' })
  @MaxLength(240)
  key: string;

  @ApiProperty({ description: 'Why: kept with the row and in the audit trail' })
  @IsString()
  @IsNotEmpty({ message: 'give a reason' })
  @MaxLength(4000)
  reason: string;
}

export class EditRiskDto extends RiskRowRefDto {
  @ApiProperty({ type: RiskFieldsDto })
  @ValidateNested()
  @Type(() => RiskFieldsDto)
  changes: RiskFieldsDto;
}

export class AddRiskDto extends RiskFieldsDto {
  @ApiProperty({ description: 'The provider (response) id' })
  @IsUUID('all', { message: 'providerId must be a provider’s id' })
  providerId: string;

  @ApiProperty({ description: 'Why the risk is added' })
  @IsString()
  @IsNotEmpty({ message: 'give a reason' })
  @MaxLength(4000)
  reason: string;
}

export class RiskAppetiteDto {
  @ApiProperty({
    minimum: 1,
    maximum: 25,
    description: 'Highest residual score (likelihood × impact) carried without an explicit acceptance',
  })
  @IsInt({ message: 'the appetite is a whole number from 1 to 25' })
  @Min(1, { message: 'the appetite is a whole number from 1 to 25' })
  @Max(25, { message: 'the appetite is a whole number from 1 to 25' })
  residualThreshold: number;

  @ApiProperty({ description: 'Why the appetite changes: kept in the audit trail' })
  @IsString()
  @IsNotEmpty({ message: 'give the reason for the change' })
  @MaxLength(4000)
  reason: string;
}
